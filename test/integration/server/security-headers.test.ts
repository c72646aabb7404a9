/**
 * The Content-Security-Policy over real HTTPS: every answer (the pane, the callback page, the
 * preview's pages, scripts, JSON, 404s, relayed Jira answers) carries the add-in's policy: no
 * inline script, no eval, our origin only, no plugins, no <base>, no form posts, images from our
 * files only, and no frame-ancestors since Outlook frames the pane.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { createAddinServer } from "../../../src/server/create-addin-server";
import type { AddinServer, AddinServerOptions } from "../../../src/server/create-addin-server";
import {
  CONTENT_SECURITY_POLICY,
  CONTENT_SECURITY_POLICY_DIRECTIVES,
} from "../../../src/server/security-headers";
import {
  makeDist,
  makeTestCertificate,
  removeDir,
  request,
  startRecordingServer,
  testServerOptions,
} from "./server-test-kit";
import type { RecordingServer } from "./server-test-kit";

jest.setTimeout(30_000);

const REPO_ROOT = path.resolve(__dirname, "../../..");

let distDir: string;
let cert: Awaited<ReturnType<typeof makeTestCertificate>>;
let jira: RecordingServer;
let production: number;
let preview: number;
const running: AddinServer[] = [];

async function start(options: Partial<AddinServerOptions> = {}): Promise<number> {
  const server = createAddinServer(testServerOptions(distDir, cert, options));
  running.push(server);
  return (await server.listen()).port;
}

beforeAll(async () => {
  distDir = await makeDist();
  cert = await makeTestCertificate();
  jira = await startRecordingServer();
  production = await start({ jiraUrl: jira.baseUrl });
  preview = await start({ preview: true, jiraUrl: jira.baseUrl });
});

afterAll(async () => {
  await Promise.all(running.map((server) => server.close()));
  await jira.close();
  await removeDir(distDir);
  await removeDir(cert.dir);
});

/** A policy as directive → sources, failing on a directive given twice (browsers keep the first). */
function directivesOf(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(";")) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (!name) continue;
    expect(directives.has(name)).toBe(false);
    directives.set(name, sources);
  }
  return directives;
}

async function policyOf(port: number, file: string): Promise<string> {
  const res = await request(port, cert.cert, file);
  const header = res.headers["content-security-policy"];
  if (typeof header !== "string")
    throw new Error(`${file} came without a Content-Security-Policy.`);
  return header;
}

describe("the pane's policy", () => {
  const directives = directivesOf(CONTENT_SECURITY_POLICY);

  it("runs only the add-in's own scripts: no inline script, no eval", () => {
    expect(directives.get("script-src")).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(
      /unsafe-eval|wasm-unsafe-eval|unsafe-hashes|strict-dynamic/
    );
    expect(directives.has("script-src-attr")).toBe(false); // no handler attributes either
    expect(directives.has("script-src-elem")).toBe(false);
  });

  it("talks to the add-in's origin only, loads no plugin, honours no <base> and posts no form", () => {
    expect(directives.get("default-src")).toEqual(["'none'"]);
    expect(directives.get("connect-src")).toEqual(["'self'"]);
    expect(directives.get("object-src")).toEqual(["'none'"]);
    expect(directives.get("base-uri")).toEqual(["'none'"]);
    expect(directives.get("form-action")).toEqual(["'none'"]);
  });

  it("shows images from the add-in's files only: nothing from an email or the web", () => {
    expect(directives.get("img-src")).toEqual(["'self'", "data:", "blob:"]);
  });

  it("frames only same-origin pages and leaves framing the pane to Outlook", () => {
    expect(directives.get("frame-src")).toEqual(["'self'"]);
    expect(directives.has("frame-ancestors")).toBe(false);
  });

  it("allows inline styles only, which can load nothing: every url() is held to img-src and default-src", () => {
    expect(directives.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
    expect(directives.has("font-src")).toBe(false); // falls back to default-src 'none'
  });

  it("is the directives, joined", () => {
    expect(Object.keys(CONTENT_SECURITY_POLICY_DIRECTIVES)).toEqual([...directives.keys()]);
  });

  it("needs nothing inline from the pages: no inline script or handler in their templates", () => {
    for (const file of [
      "src/taskpane/taskpane.html",
      "src/callback/callback.html",
      "src/preview/preview.html",
    ]) {
      const html = readFileSync(path.join(REPO_ROOT, file), "utf8");
      expect([file, /<script(?![^>]*\ssrc=)[^>]*>|\son[a-z]+\s*=|javascript:/i.test(html)]).toEqual(
        [file, false]
      );
    }
  });
});

describe("the policy each answer gets", () => {
  it.each([
    ["production", "/taskpane.html"],
    ["production", "/callback.html"],
    ["production", "/taskpane.3f2a9c1b.js"],
    ["production", "/missing.js"],
    ["production", "/"],
    ["preview", "/preview.html"],
    ["preview", "/preview/office-standin.js"],
    ["preview", "/preview/taskpane.html"],
    ["preview", "/preview/callback.html"],
    ["preview", "/addin-config.json"],
  ])("%s %s", async (server, file) => {
    const port = server === "production" ? production : preview;
    expect(await policyOf(port, file)).toBe(CONTENT_SECURITY_POLICY);
  });

  it("goes with a relayed Jira answer that has none of its own", async () => {
    const res = await request(production, cert.cert, "/jira/rest/api/2/myself");
    expect(res.status).toBe(200);
    expect(jira.requests.at(-1)?.url).toBe("/rest/api/2/myself");
    expect(res.headers["content-security-policy"]).toBe(CONTENT_SECURITY_POLICY);
  });

  it("goes with a refused request target too", async () => {
    const res = await request(production, cert.cert, "//tracker.example/x");
    expect(res.status).toBe(400);
    expect(res.headers["content-security-policy"]).toBe(CONTENT_SECURITY_POLICY);
  });
});

describe("a deployment's own policy", () => {
  it("replaces ours on every answer, and an empty one sends none", async () => {
    const custom = await start({ contentSecurityPolicy: "default-src 'self'" });
    const none = await start({ contentSecurityPolicy: "" });

    expect(await policyOf(custom, "/taskpane.html")).toBe("default-src 'self'");
    const res = await request(none, cert.cert, "/taskpane.html");
    expect(res.status).toBe(200);
    expect(res.headers["content-security-policy"]).toBeUndefined();
  });
});
