/**
 * A badly set-up add-in, in headless Chromium: this file starts add-in servers of its own (the real
 * src/server/main.ts in a child process, each on a copy of the built add-in) with what
 * administrators get wrong: addin-config.json missing, not JSON, with a field missing or of another
 * format; a Jira URL where something else answers (another web app's 404, some other JSON, a
 * single sign-on login page or redirect); a Jira certificate the relay doesn't trust; no Jira
 * listening at all. Each time the pane says what is wrong and who checks what, never crashes, and
 * Try again (or Sign in again) works once it is fixed.
 */
import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { once } from "node:events";
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import https from "node:https";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import type { Frame, Page } from "playwright-core";
import { loadTlsCredentials } from "../../src/server/dev-certificate";
import { seriousAxeViolations } from "./axe";
import { readE2eState } from "./e2e-state";
import { noticeCode, openSignInPopup, signedIn } from "./pane-helpers";
import { paneFrame, previewPagePerTest } from "./preview-page";

jest.setTimeout(120_000);

const repoRoot = path.resolve(__dirname, "../..");
const { baseUrl: mainServerUrl, simulatorUrl } = readE2eState();
/** What global-setup built (and serves): E2E_DIST_DIR, else dist/. */
const builtDir = process.env.E2E_DIST_DIR
  ? path.resolve(process.env.E2E_DIST_DIR)
  : path.join(repoRoot, "dist");

let page: Page;
previewPagePerTest({ width: 1280, height: 900 }, (preview) => {
  ({ page } = preview);
});

/** An add-in server of this file's own, serving a copy of the build with its own addin-config.json. */
interface OwnServer {
  previewUrl: string;
  /** Writes the dist copy's addin-config.json (a string as it is, anything else as JSON); null removes it. */
  writeConfig(config: unknown): void;
  stop(): Promise<void>;
}

/** Starts src/server/main.ts --preview with JIRA_URL = `jiraUrl` and no key of its own (dist's file counts). */
async function startOwnServer(jiraUrl: string): Promise<OwnServer> {
  const distDir = mkdtempSync(path.join(os.tmpdir(), "jira-outlook-bad-config-"));
  cpSync(builtDir, distDir, {
    recursive: true,
    filter: (source) => path.basename(source) !== "addin-config.json",
  });
  const child: ChildProcess = spawn(
    process.execPath,
    [require.resolve("tsx/cli"), "src/server/main.ts", "--preview", "--port", "0"],
    {
      cwd: repoRoot,
      env: {
        ...process.env,
        HOST: "127.0.0.1",
        DIST_DIR: distDir,
        JIRA_URL: jiraUrl,
        JIRA_CONSUMER_KEY: "",
        JIRA_PRIVATE_KEY_FILE: "",
        JIRA_CA_FILE: "",
      },
      stdio: ["ignore", "pipe", "pipe"],
    }
  );
  const previewUrl = await new Promise<string>((resolve, reject) => {
    let output = "";
    const timer = setTimeout(
      () => reject(new Error(`The add-in server did not start in 30 s:\n${output}`)),
      30_000
    );
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const preview = /Preview: (https:\/\/\S+\/preview\.html)/.exec(output);
      if (preview) {
        clearTimeout(timer);
        resolve(preview[1]!);
      }
    };
    child.stdout?.on("data", read);
    child.stderr?.on("data", read);
    child.once("exit", (code) =>
      reject(new Error(`The add-in server exited (${code}):\n${output}`))
    );
  });
  child.stdout?.resume();
  child.stderr?.resume();
  const configFile = path.join(distDir, "addin-config.json");
  return {
    previewUrl,
    writeConfig(config) {
      if (config === null) rmSync(configFile, { force: true });
      else writeFileSync(configFile, typeof config === "string" ? config : JSON.stringify(config));
    },
    async stop() {
      if (child.exitCode === null) {
        child.kill("SIGTERM");
        await once(child, "exit");
      }
      rmSync(distDir, { recursive: true, force: true });
    },
  };
}

/** A server standing where Jira should be: `answer` decides, or it passes on to the simulator. */
interface FakeJira {
  url: string;
  answer: ((req: http.IncomingMessage, res: http.ServerResponse) => void) | "simulator";
  close(): Promise<void>;
}

async function startFakeJira(tls?: { cert: string; key: string }): Promise<FakeJira> {
  const fake: FakeJira = { url: "", answer: "simulator", close: async () => undefined };
  const listener = (req: http.IncomingMessage, res: http.ServerResponse) => {
    if (fake.answer !== "simulator") {
      fake.answer(req, res);
      return;
    }
    const target = new URL(req.url ?? "/", simulatorUrl);
    const upstream = http.request(
      target,
      { method: req.method, headers: { ...req.headers, host: target.host } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      }
    );
    upstream.on("error", () => res.destroy());
    req.pipe(upstream);
  };
  const server = tls ? https.createServer(tls, listener) : http.createServer(listener);
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  fake.url = `${tls ? "https" : "http"}://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.close = async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return fake;
}

/** The configuration the main e2e server generates for the built-in simulator: a valid one. */
async function validConfig(): Promise<Record<string, unknown>> {
  const text = await new Promise<string>((resolve, reject) => {
    https
      .get(`${mainServerUrl}/addin-config.json`, { rejectUnauthorized: false }, (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (body += chunk));
        res.on("end", () => resolve(body));
      })
      .on("error", reject);
  });
  // The pane under /preview/ reads the file there too: the relay is at the origin's /jira.
  return { ...(JSON.parse(text) as Record<string, unknown>), relayUrl: "/jira" };
}

async function openPane(server: OwnServer): Promise<Frame> {
  await page.goto(server.previewUrl);
  return paneFrame(page);
}

/** The not-configured card once shown: its code and text. */
async function notConfigured(pane: Frame): Promise<{ code: string | null; text: string }> {
  const card = pane.getByTestId("not-configured");
  await card.waitFor({ timeout: 15_000 });
  return { code: await card.getAttribute("data-code"), text: await card.innerText() };
}

describe("addin-config.json wrong or missing", () => {
  let jira: FakeJira;
  let server: OwnServer;
  let config: Record<string, unknown>;
  beforeAll(async () => {
    jira = await startFakeJira();
    server = await startOwnServer(jira.url);
    config = await validConfig();
  });
  afterAll(async () => {
    await server?.stop();
    await jira?.close();
  });

  it.each<[string, unknown, string, RegExp]>([
    [
      "missing (404)",
      null,
      "runtime_config_missing",
      /serves no addin-config\.json .*404.*The administrator must place addin-config\.json beside taskpane\.html/,
    ],
    [
      "not JSON",
      '{"formatVersion": 1, "jiraBaseUrl": "https://jira.example.com",',
      "runtime_config_invalid",
      /is not JSON: the administrator should check addin-config\.json with a JSON validator/,
    ],
    [
      "without a consumerKey",
      "withoutConsumerKey",
      "runtime_config_invalid",
      /consumerKey in addin-config\.json must be a non-empty string/,
    ],
    [
      "with a jiraBaseUrl that is no URL",
      "badJiraUrl",
      "runtime_config_invalid",
      /jiraBaseUrl in addin-config\.json "jira\.example" is not an absolute URL/,
    ],
    [
      "of another format",
      "formatVersion2",
      "runtime_config_version",
      /has formatVersion 2; this add-in reads formatVersion 1 only/,
    ],
  ])(
    "%s: the pane says what the administrator must fix; Try again works once it is",
    async (_label, file, code, text) => {
      const variants: Record<string, unknown> = {
        withoutConsumerKey: { ...config, consumerKey: undefined },
        badJiraUrl: { ...config, jiraBaseUrl: "jira.example" },
        formatVersion2: { ...config, formatVersion: 2 },
      };
      server.writeConfig(typeof file === "string" && file in variants ? variants[file] : file);
      const pane = await openPane(server);

      const shown = await notConfigured(pane);
      expect(shown.code).toBe(code);
      expect(shown.text).toContain("Jira for Outlook is not set up");
      expect(shown.text).toMatch(text);
      expect(shown.text).toContain("Ask your administrator to check the add-in's configuration.");
      // The private key never reaches the screen, whatever is wrong.
      expect(shown.text).not.toContain("PRIVATE KEY");
      expect(await seriousAxeViolations(pane)).toEqual([]);

      server.writeConfig(config);
      await pane.getByRole("button", { name: "Try again" }).click();
      await (
        await paneFrame(page)
      )
        .getByRole("button", { name: "Sign in to Jira" })
        .waitFor({ timeout: 15_000 });
    }
  );
});

describe("a Jira URL where something else answers", () => {
  let jira: FakeJira;
  let server: OwnServer;
  beforeAll(async () => {
    jira = await startFakeJira();
    server = await startOwnServer(jira.url);
    server.writeConfig(await validConfig());
  });
  afterAll(async () => {
    await server?.stop();
    await jira?.close();
  });
  afterEach(() => {
    jira.answer = "simulator";
  });

  it.each<[string, FakeJira["answer"], string, RegExp]>([
    [
      "another web application's 404 page",
      (_req, res) => {
        res.writeHead(404, { "Content-Type": "text/html" });
        res.end("<!doctype html><html><head><title>Welcome to nginx!</title></head></html>");
      },
      "not_jira",
      /is not Jira: it answered 404.*add-in's administrator.*jiraBaseUrl in addin-config\.json.*JIRA_URL/s,
    ],
    [
      "another application's JSON",
      (_req, res) => {
        res.writeHead(200, { "Content-Type": "application/json" });
        res.end(JSON.stringify({ status: "UP" }));
      },
      "invalid_response",
      /not Jira's data.*add-in's administrator.*Base URL/s,
    ],
    [
      "a single sign-on login page (200)",
      (_req, res) => {
        res.writeHead(200, { "Content-Type": "text/html" });
        res.end(
          '<html><head><title>Contoso Sign-in</title></head><body><form><input type="password"></form></body></html>'
        );
      },
      "sso_login_page",
      /A login page answered instead of Jira.*Jira's administrator.*OAuth-signed requests/s,
    ],
    [
      "a redirect to a single sign-on gateway",
      (_req, res) => {
        res.writeHead(302, { Location: "https://sso.contoso.example/adfs/ls/?SAMLRequest=x" });
        res.end();
      },
      "jira_redirect",
      /answered with a redirect instead of data.*single sign-on gateway.*administrator/s,
    ],
  ])(
    "%s: Sign in says what to check and who checks it; Sign in works once Jira answers",
    async (_label, answer, code, text) => {
      jira.answer = answer;
      const pane = await openPane(server);

      await pane.getByRole("button", { name: "Sign in to Jira" }).click();

      expect(await noticeCode(pane)).toBe(code);
      expect(await pane.getByTestId("session-notice").innerText()).toMatch(text);
      expect(await seriousAxeViolations(pane)).toEqual([]);

      jira.answer = "simulator";
      const popup = await openSignInPopup(pane, "Sign in to Jira");
      await popup.getByRole("button", { name: "Allow" }).click();
      await signedIn(pane);
    }
  );
});

describe("the relay can't get to Jira", () => {
  it("Jira's certificate is self-signed: jira_tls_error, naming JIRA_CA_FILE", async () => {
    const certDir = mkdtempSync(path.join(os.tmpdir(), "jira-outlook-bad-cert-"));
    const credentials = await loadTlsCredentials({
      officeDevCerts: null,
      generatedCertDir: certDir,
    });
    const jira = await startFakeJira({ cert: credentials.cert, key: credentials.key });
    const server = await startOwnServer(jira.url);
    try {
      server.writeConfig(await validConfig());
      const pane = await openPane(server);

      await pane.getByRole("button", { name: "Sign in to Jira" }).click();

      expect(await noticeCode(pane)).toBe("jira_tls_error");
      const text = await pane.getByTestId("session-notice").innerText();
      expect(text).toContain("Jira's certificate not trusted");
      expect(text).toMatch(
        /\(DEPTH_ZERO_SELF_SIGNED_CERT\).*add-in's administrator.*JIRA_CA_FILE/s
      );
      // The pane stays usable: the button is there to try again.
      expect(await pane.getByRole("button", { name: "Sign in to Jira" }).isEnabled()).toBe(true);
    } finally {
      await server.stop();
      await jira.close();
      rmSync(certDir, { recursive: true, force: true });
    }
  });

  it("nothing listens at JIRA_URL: jira_unreachable, try again later or tell the administrator", async () => {
    const closed = http.createServer();
    closed.listen(0, "127.0.0.1");
    await once(closed, "listening");
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const server = await startOwnServer(`http://127.0.0.1:${port}`);
    try {
      server.writeConfig(await validConfig());
      const pane = await openPane(server);

      await pane.getByRole("button", { name: "Sign in to Jira" }).click();

      expect(await noticeCode(pane)).toBe("jira_unreachable");
      expect(await pane.getByTestId("session-notice").innerText()).toMatch(
        /could not reach Jira .*\(ECONNREFUSED\)\. Jira may be down or restarting: try again later\. If it persists, tell the add-in's administrator\./s
      );
      expect(await pane.getByRole("button", { name: "Sign in to Jira" }).isEnabled()).toBe(true);
    } finally {
      await server.stop();
    }
  });
});
