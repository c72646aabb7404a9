/**
 * The add-in server's CLI (`npm run serve` / `npm start`: tsx src/server/main.ts) as a real
 * process, configured through the environment as an administrator would: with JIRA_URL,
 * JIRA_CONSUMER_KEY and JIRA_PRIVATE_KEY_FILE it serves the pane's runtime configuration for that
 * Jira and relays to it (no built-in simulator, the private key never printed); a wrong or missing
 * key file, or half of the consumer settings, stop it at startup with a message naming the setting;
 * JIRA_URL alone serves no runtime configuration. RELAY_MAX_BODY_MB and RELAY_TIMEOUT_SECONDS (or
 * their flags) reach the relay and its startup line; a wrong value stops it, naming the setting.
 */
import type { ChildProcess } from "node:child_process";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { RUNTIME_CONFIG_FILE } from "../../../src/config/runtime-config";
import { generatedCertPaths } from "../../../src/server/dev-certificate";
import { MEGABYTE } from "../../../src/server/relay-settings";
import { startJiraSimulator } from "../../../src/simulator/create-jira-simulator";
import type { RunningJiraSimulator } from "../../../src/simulator/create-jira-simulator";
import { generateConsumerKeyPair } from "../../support/reference-oauth-client";
import { killProcessGroup, spawnTsx } from "../../support/tsx-child";
import { withTimeout } from "../../support/with-timeout";
import { errorMessagesOf, startUpstream } from "./relay-test-kit";
import type { UpstreamServer } from "./relay-test-kit";
import {
  makeTempDir,
  makeTestCertificate,
  postUpload,
  removeDir,
  request,
} from "./server-test-kit";

jest.setTimeout(60_000);

const MAIN = path.join("src", "server", "main.ts");
/** How long a child gets to print its banner or to exit. */
const OUTPUT_TIMEOUT_MS = 30_000;
const CONSUMER_KEY = "jira-for-outlook-cli-test";
const keys = generateConsumerKeyPair();
/** Lines from the middle of the private key: no output may contain any of them. */
const PRIVATE_KEY_LINES = keys.privateKeyPem
  .split("\n")
  .filter((line) => line !== "" && !line.startsWith("-----"));

/** Settings a developer's shell may have set that would change what the child does. */
const INHERITED_SETTINGS = [
  "JIRA_URL",
  "JIRA_CONSUMER_KEY",
  "JIRA_PRIVATE_KEY_FILE",
  "JIRA_CA_FILE",
  "RELAY_MAX_BODY_MB",
  "RELAY_TIMEOUT_SECONDS",
  "ADDIN_URL",
  "PORT",
  "HOST",
  "DIST_DIR",
  "JIRA_SIMULATOR_PORT",
  "JIRA_SIMULATOR_DIR",
];

let dir: string;
let distDir: string;
let certDir: string;
/** The certificate the child serves (TLS_CERT_FILE), the only one the requests trust. */
let ca: string;
let privateKeyFile: string;
let publicKeyFile: string;
let simulator: RunningJiraSimulator;
const children: CliProcess[] = [];

beforeAll(async () => {
  dir = await makeTempDir("server-cli");
  // Only the pane's page: the server starts without a webpack build, and there is no
  // dist/addin-config.json to fall back to.
  distDir = await mkdtemp(path.join(dir, "dist-"));
  await writeFile(path.join(distDir, "taskpane.html"), "<!doctype html><title>Task pane</title>");
  privateKeyFile = path.join(dir, "jira-private.pem");
  publicKeyFile = path.join(dir, "jira-public.pem");
  await writeFile(privateKeyFile, keys.privateKeyPem, { mode: 0o600 });
  await writeFile(publicKeyFile, keys.publicKeyPem);
  // A certificate of its own via TLS_CERT_FILE/TLS_KEY_FILE: nothing is generated into the
  // repository's .certs/, and the requests below trust this certificate alone.
  certDir = (await makeTestCertificate()).dir;
  ca = await readFile(generatedCertPaths(certDir).certFile, "utf8");
  simulator = await startJiraSimulator({
    consumers: [{ consumerKey: CONSUMER_KEY, publicKeyPem: keys.publicKeyPem }],
  });
});

afterEach(async () => {
  await Promise.all(children.splice(0).map((child) => child.stop()));
});

afterAll(async () => {
  await simulator?.close();
  await removeDir(certDir);
  await removeDir(dir);
});

interface CliProcess {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code once the process has exited (at most {@link OUTPUT_TIMEOUT_MS}). */
  exited(): Promise<number | null>;
  /** Kills the process group (tsx's process and the server it runs) and waits for the exit. */
  stop(): Promise<void>;
}

/**
 * Starts `tsx src/server/main.ts --port 0 <args>` in the repository root, with the settings of
 * the developer's shell removed and `env` added. Detached, so it leads a process group: tsx runs
 * the server in a child process of its own, and killing the group ends both.
 */
function spawnServer(env: Record<string, string>, args: string[] = []): CliProcess {
  const childEnv: NodeJS.ProcessEnv = { ...process.env };
  for (const name of Object.keys(childEnv)) {
    if (INHERITED_SETTINGS.includes(name) || name.startsWith("TLS_")) {
      delete childEnv[name];
    }
  }
  const certFiles = generatedCertPaths(certDir);
  Object.assign(childEnv, {
    NODE_OPTIONS: "",
    HOST: "127.0.0.1",
    DIST_DIR: distDir,
    JIRA_SIMULATOR_DIR: path.join(dir, "simulator-keys"),
    TLS_CERT_FILE: certFiles.certFile,
    TLS_KEY_FILE: certFiles.keyFile,
    ...env,
  });
  const serverArgs = ["--port", "0", ...args];
  const { process: child, stdout, stderr, exit } = spawnTsx(MAIN, serverArgs, childEnv, "ignore");
  const cli: CliProcess = {
    child,
    stdout,
    stderr,
    exited: () =>
      withTimeout(
        exit,
        () => `the add-in server did not exit:\n${stdout()}${stderr()}`,
        OUTPUT_TIMEOUT_MS
      ),
    stop: async () => {
      killProcessGroup(child);
      await exit;
    },
  };
  children.push(cli);
  return cli;
}

/** Starts the server and waits for its startup banner; resolves with the port and the lines. */
async function startServer(
  env: Record<string, string>,
  args: string[] = []
): Promise<{ cli: CliProcess; port: number; url: string; lines: string[] }> {
  const cli = spawnServer(env, args);
  await withTimeout(
    new Promise<void>((resolve, reject) => {
      const check = (): void => {
        if (cli.stdout().includes("Press Ctrl+C to stop.")) {
          resolve();
        }
      };
      cli.child.stdout?.on("data", check);
      cli.child.once("exit", (code) =>
        reject(new Error(`the add-in server exited (${code}) before listening:\n${cli.stderr()}`))
      );
    }),
    () => `the add-in server printed no startup banner:\n${cli.stdout()}${cli.stderr()}`,
    OUTPUT_TIMEOUT_MS
  );
  const lines = cli.stdout().trimEnd().split("\n");
  const match = /^Jira for Outlook add-in server: (https:\/\/localhost:(\d+))\/$/.exec(
    lines[0] ?? ""
  );
  if (!match) {
    throw new Error(`unexpected first line: ${lines[0]}`);
  }
  return { cli, url: match[1], port: Number(match[2]), lines };
}

/** Runs the server until it exits on its own (a startup error). */
async function runServer(
  env: Record<string, string>,
  args: string[] = []
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const cli = spawnServer(env, args);
  const code = await cli.exited();
  return { code, stdout: cli.stdout(), stderr: cli.stderr() };
}

function expectNoPrivateKey(output: string): void {
  expect(output).not.toContain("PRIVATE KEY");
  for (const line of PRIVATE_KEY_LINES) {
    expect(output).not.toContain(line);
  }
}

describe("the add-in server CLI with JIRA_URL, JIRA_CONSUMER_KEY and JIRA_PRIVATE_KEY_FILE", () => {
  it.each([
    ["npm run serve", []],
    ["--preview (npm start)", ["--preview"]],
  ])(
    "%s: serves that Jira's runtime configuration and relays to it, with no built-in simulator",
    async (_name, args) => {
      const { cli, port, url, lines } = await startServer(
        {
          JIRA_URL: simulator.url,
          JIRA_CONSUMER_KEY: CONSUMER_KEY,
          JIRA_PRIVATE_KEY_FILE: privateKeyFile,
        },
        args
      );

      expect(lines).toContain(`Jira relay: /jira/* -> ${simulator.url}/*`);
      expect(lines).toContain(
        `Runtime configuration: ${url}/${RUNTIME_CONFIG_FILE} (Jira ${simulator.url}, consumer key ${CONSUMER_KEY})`
      );
      expect(lines.filter((line) => line.startsWith("Jira simulator:"))).toEqual([]);
      expectNoPrivateKey(cli.stdout() + cli.stderr());

      const configResponse = await request(port, ca, `/${RUNTIME_CONFIG_FILE}`);
      expect(configResponse.status).toBe(200);
      expect(configResponse.headers["cache-control"]).toBe("no-store");
      expect(configResponse.headers["content-type"]).toMatch(/^application\/json/);
      expect(JSON.parse(configResponse.body)).toEqual({
        formatVersion: 1,
        jiraBaseUrl: simulator.url,
        consumerKey: CONSUMER_KEY,
        privateKeyPem: keys.privateKeyPem,
        relayUrl: "/jira",
      });

      const serverInfo = await request(port, ca, "/jira/rest/api/2/serverInfo");
      expect(serverInfo.status).toBe(200);
      expect(JSON.parse(serverInfo.body)).toMatchObject({ baseUrl: simulator.url });

      // Requests don't print the key either.
      expectNoPrivateKey(cli.stdout() + cli.stderr());
    }
  );
});

describe("the add-in server CLI refuses to start", () => {
  it("when JIRA_PRIVATE_KEY_FILE holds the public key, naming the setting and the file", async () => {
    const { code, stdout, stderr } = await runServer({
      JIRA_URL: simulator.url,
      JIRA_CONSUMER_KEY: CONSUMER_KEY,
      JIRA_PRIVATE_KEY_FILE: publicKeyFile,
    });

    expect(code).not.toBe(0);
    expect(code).not.toBeNull();
    expect(stderr).toContain(
      `Jira for Outlook add-in server could not start: JIRA_PRIVATE_KEY_FILE ${publicKeyFile}: ` +
        "The key file holds only a public key or certificate (PUBLIC KEY)"
    );
    expect(stdout).not.toContain("Jira for Outlook add-in server:");
  });

  it("when JIRA_PRIVATE_KEY_FILE does not exist, naming the setting and the file", async () => {
    const missing = path.join(dir, "no-such-key.pem");

    const { code, stdout, stderr } = await runServer({
      JIRA_URL: simulator.url,
      JIRA_CONSUMER_KEY: CONSUMER_KEY,
      JIRA_PRIVATE_KEY_FILE: missing,
    });

    expect(code).not.toBe(0);
    expect(code).not.toBeNull();
    expect(stderr).toContain(
      `Jira for Outlook add-in server could not start: JIRA_PRIVATE_KEY_FILE ${missing}: cannot be read (ENOENT`
    );
    expect(stdout).not.toContain("Jira for Outlook add-in server:");
  });

  it("when JIRA_CONSUMER_KEY is set without JIRA_PRIVATE_KEY_FILE, naming both", async () => {
    const { code, stdout, stderr } = await runServer({
      JIRA_URL: simulator.url,
      JIRA_CONSUMER_KEY: CONSUMER_KEY,
    });

    expect(code).not.toBe(0);
    expect(code).not.toBeNull();
    expect(stderr).toContain(
      "Jira for Outlook add-in server could not start: JIRA_CONSUMER_KEY and JIRA_PRIVATE_KEY_FILE " +
        "(--consumer-key/--private-key-file) must be set together"
    );
    expect(stdout).not.toContain("Jira for Outlook add-in server:");
  });
});

describe("the add-in server CLI with JIRA_URL only", () => {
  it("relays to Jira but serves no runtime configuration, and says so", async () => {
    const { port, lines } = await startServer({ JIRA_URL: simulator.url });

    expect(lines).toContain(`Jira relay: /jira/* -> ${simulator.url}/*`);
    expect(lines).toContain(
      `Runtime configuration: none (set JIRA_CONSUMER_KEY and JIRA_PRIVATE_KEY_FILE, or put ${RUNTIME_CONFIG_FILE} into dist/); the pane will say it is not configured`
    );
    expect(lines.filter((line) => line.startsWith("Jira simulator:"))).toEqual([]);

    expect((await request(port, ca, `/${RUNTIME_CONFIG_FILE}`)).status).toBe(404);
    expect((await request(port, ca, "/jira/rest/api/2/serverInfo")).status).toBe(200);
  });
});

describe("the add-in server CLI with the relay's limits", () => {
  let silentJira: UpstreamServer | undefined;

  afterEach(async () => {
    await silentJira?.close();
    silentJira = undefined;
  });

  it("RELAY_MAX_BODY_MB and RELAY_TIMEOUT_SECONDS reach the relay, and the banner says so", async () => {
    // A Jira that takes requests and never answers: only the relay's timeout ends them.
    silentJira = await startUpstream(() => undefined);
    const { port, lines } = await startServer({
      JIRA_URL: silentJira.baseUrl,
      RELAY_MAX_BODY_MB: "1",
      RELAY_TIMEOUT_SECONDS: "1",
    });

    expect(lines).toContain(
      "  requests up to 1 MB (RELAY_MAX_BODY_MB), Jira idle timeout 1 s (RELAY_TIMEOUT_SECONDS)"
    );

    const tooLarge = await postUpload(
      port,
      ca,
      "/jira/rest/api/2/issue/ABC-1/attachments",
      Buffer.alloc(2 * MEGABYTE, 0x61)
    );
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.headers["x-relay-error"]).toBe("REQUEST_TOO_LARGE");
    expect(errorMessagesOf(tooLarge.body)[0]).toContain("at most 1 MB");
    expect(silentJira.connections()).toBe(0);

    const silent = await request(port, ca, "/jira/rest/api/2/serverInfo");
    expect(silent.status).toBe(504);
    expect(silent.headers["x-relay-error"]).toBe("ETIMEDOUT");
    expect(errorMessagesOf(silent.body)[0]).toContain("no answer from Jira for 1 s");
  });

  it("--relay-max-body-mb and --relay-timeout win over the environment", async () => {
    const { lines } = await startServer(
      { JIRA_URL: simulator.url, RELAY_MAX_BODY_MB: "1", RELAY_TIMEOUT_SECONDS: "1" },
      ["--relay-max-body-mb", "250", "--relay-timeout=300"]
    );

    expect(lines).toContain(
      "  requests up to 250 MB (RELAY_MAX_BODY_MB), Jira idle timeout 300 s (RELAY_TIMEOUT_SECONDS)"
    );
  });

  it("prints the defaults: 100 MB, 120 s", async () => {
    const { lines } = await startServer({ JIRA_URL: simulator.url });

    expect(lines).toContain(
      "  requests up to 100 MB (RELAY_MAX_BODY_MB), Jira idle timeout 120 s (RELAY_TIMEOUT_SECONDS)"
    );
  });

  it.each([
    [
      { RELAY_MAX_BODY_MB: "100MB" },
      [],
      'RELAY_MAX_BODY_MB (--relay-max-body-mb) "100MB" must be a whole number of megabytes from 1 to 10240',
    ],
    [
      {},
      ["--relay-timeout", "2m"],
      '--relay-timeout (RELAY_TIMEOUT_SECONDS) "2m" must be a whole number of seconds from 1 to 3600',
    ],
  ])("refuses to start with %j %j, naming the setting", async (env, args, message) => {
    const { code, stdout, stderr } = await runServer({ JIRA_URL: simulator.url, ...env }, args);

    expect(code).not.toBe(0);
    expect(code).not.toBeNull();
    expect(stderr).toContain(`Jira for Outlook add-in server could not start: ${message}`);
    expect(stdout).not.toContain("Jira for Outlook add-in server:");
  });
});
