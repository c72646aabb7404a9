/**
 * The nginx configuration of docs/deployment.md, run for real: the server block and the snippet it
 * includes are read from the document (so what is documented is what is tested), pointed at a
 * temporary dist/, a test certificate and the simulator, and served by Debian's nginx. Then the
 * doctor checks the add-in page, the configuration and the relay through it, and `request --via`
 * sends signed calls through it: JQL with spaces, quotes, `=` and non-ASCII letters, and a POST
 * with a JSON body. Every answer must carry the security headers `npm run serve` sends
 * (src/server/security-headers.ts), and a second copy of the block, relaying to a Jira stand-in
 * that sends cookies and origin-wide headers, must keep those from the pane as the add-in server's
 * relay does (src/server/relay-headers.ts).
 *
 * Skipped where nginx is not installed (Debian: apt-get install nginx).
 */
import { execFileSync, spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { once } from "node:events";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import net from "node:net";
import path from "node:path";
import tls from "node:tls";
import { generatedCertPaths } from "../../../src/server/dev-certificate";
import { CONTENT_SECURITY_POLICY } from "../../../src/server/security-headers";
import { startJiraSimulator } from "../../../src/simulator/create-jira-simulator";
import type { RunningJiraSimulator } from "../../../src/simulator/create-jira-simulator";
import { generateConsumerKeyPair, runThreeLeggedDance } from "../../support/reference-oauth-client";
import { startUpstream } from "../server/relay-test-kit";
import type { UpstreamServer } from "../server/relay-test-kit";
import { makeTempDir, makeTestCertificate, removeDir, request } from "../server/server-test-kit";
import { REPO_ROOT, addConsumer, runAdmin } from "./admin-cli-kit";

jest.setTimeout(90_000);

function nginxInstalled(): boolean {
  try {
    execFileSync("nginx", ["-v"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

const describeWithNginx = nginxInstalled() ? describe : describe.skip;

/** The nginx configuration of docs/deployment.md: its server block and the files that includes. */
interface DocumentedNginx {
  serverBlock: string;
  /** Each `include`d file, by the path the server block names, with its content. */
  includes: Map<string, string>;
}

/**
 * The ```nginx blocks of docs/deployment.md: the one with the /jira/ relay, and for each file it
 * `include`s (relative to /etc/nginx/), the block whose first line names that file.
 */
async function documentedNginx(): Promise<DocumentedNginx> {
  const doc = await readFile(path.join(REPO_ROOT, "docs", "deployment.md"), "utf8");
  const blocks = [...doc.matchAll(/```nginx\n([\s\S]*?)```/g)].map((match) => match[1]);
  const serverBlock = blocks.find((block) => block.includes("location /jira/"));
  if (!serverBlock) {
    throw new Error("docs/deployment.md has no ```nginx block with the /jira/ relay");
  }
  const includes = new Map<string, string>();
  for (const [, included] of serverBlock.matchAll(/^\s*include\s+([^\s;]+);/gm)) {
    const file = blocks.find((block) => block.startsWith(`# /etc/nginx/${included}\n`));
    if (file === undefined) {
      throw new Error(
        `docs/deployment.md's server block includes ${included}, but no \`\`\`nginx block starts with "# /etc/nginx/${included}"`
      );
    }
    includes.set(included, file);
  }
  return { serverBlock, includes };
}

/** Replaces one documented value, failing loudly when the document no longer has it. */
function replaceDocumented(block: string, documented: string, replacement: string): string {
  if (!block.includes(documented)) {
    throw new Error(`the documented nginx block no longer contains "${documented}"`);
  }
  return block.split(documented).join(replacement);
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * What a Jira sends for its own origin, none of which may reach the pane: its cookies, headers
 * that act on the whole origin, its CORS allowlist, and its own security headers (the add-in's
 * replace them). Values as a Jira (or a proxy in front of it) might send them.
 */
const JIRA_ORIGIN_HEADERS: Record<string, string | string[]> = {
  "Set-Cookie": [
    "JSESSIONID=0F1E2D3C4B5A69788796A5B4C3D2E1F0; Path=/; Secure; HttpOnly",
    "atlassian.xsrf.token=B2C3-D4E5-F6A7-B8C9_0a1b2c3d_lin; Path=/; Secure; SameSite=None",
  ],
  "Set-Cookie2": 'JSESSIONID="0F1E2D3C"; Version="1"; Path="/"',
  "Strict-Transport-Security": "max-age=31536000; includeSubDomains",
  "Clear-Site-Data": '"cache", "cookies", "storage"',
  "Alt-Svc": 'h2=":8443"; ma=86400',
  NEL: '{"report_to":"jira","max_age":86400}',
  "Report-To":
    '{"group":"jira","max_age":86400,"endpoints":[{"url":"https://jira.example.com/r"}]}',
  "Reporting-Endpoints": 'jira="https://jira.example.com/r"',
  "Access-Control-Allow-Origin": "https://elsewhere.example.com",
  "Access-Control-Allow-Credentials": "true",
  "Access-Control-Allow-Methods": "GET, POST, PUT, DELETE",
  "Access-Control-Allow-Headers": "Authorization, Content-Type",
  "Access-Control-Expose-Headers": "X-AUSERNAME",
  "Access-Control-Max-Age": "86400",
  "Access-Control-Allow-Private-Network": "true",
  "Content-Security-Policy": "default-src * 'unsafe-inline' 'unsafe-eval'",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
};

/** The security headers of src/server/security-headers.ts, as the pane must get them. */
const SECURITY_HEADERS = {
  "content-security-policy": CONTENT_SECURITY_POLICY,
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
};

async function waitForTls(port: number, ca: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    try {
      const socket = tls.connect({ host: "127.0.0.1", port, ca, servername: "localhost" });
      await once(socket, "secureConnect");
      socket.destroy();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

describeWithNginx("the documented nginx server block", () => {
  const CONSUMER_KEY = "jira-for-outlook-nginx";
  const keys = generateConsumerKeyPair();
  let dir: string;
  let certDir: string;
  let simulator: RunningJiraSimulator;
  let cookieJira: UpstreamServer;
  let nginx: ChildProcess | undefined;
  let addinUrl: string;
  let ca: string;
  let port: number;
  let cookieJiraPort: number;
  let connection: Record<string, string>;

  beforeAll(async () => {
    dir = await makeTempDir("admin-nginx");
    certDir = (await makeTestCertificate()).dir;
    const cert = generatedCertPaths(certDir);
    simulator = await startJiraSimulator();
    // A Jira that sends its cookies and origin-wide headers with every answer, errors included.
    cookieJira = await startUpstream((req, res) => {
      req.resume();
      req.on("end", () => {
        const signedIn = req.url !== "/rest/api/2/myself";
        res.writeHead(signedIn ? 200 : 401, {
          ...JIRA_ORIGIN_HEADERS,
          "Content-Type": "application/json;charset=UTF-8",
          "X-AUSERNAME": "anonymous",
          ...(signedIn ? {} : { "WWW-Authenticate": 'OAuth realm="https%3A%2F%2Fjira"' }),
        });
        res.end(JSON.stringify({ url: req.url }));
      });
    });
    await addConsumer(simulator.url, {
      consumerKey: CONSUMER_KEY,
      publicKeyPem: keys.publicKeyPem,
    });

    const distDir = path.join(dir, "dist");
    await mkdir(distDir);
    await writeFile(path.join(distDir, "taskpane.html"), "<!doctype html><title>Task pane</title>");
    await writeFile(path.join(distDir, "taskpane.3f2a9c1b.js"), "console.log('hashed bundle');");
    const privateKeyFile = path.join(dir, "jira-private.pem");
    await writeFile(privateKeyFile, keys.privateKeyPem, { mode: 0o600 });
    connection = {
      JIRA_URL: simulator.url,
      JIRA_CONSUMER_KEY: CONSUMER_KEY,
      JIRA_PRIVATE_KEY_FILE: privateKeyFile,
      NODE_EXTRA_CA_CERTS: cert.certFile,
    };

    port = await freePort();
    cookieJiraPort = await freePort();
    addinUrl = `https://localhost:${port}`;
    const documented = await documentedNginx();
    /** The documented server block on `listenPort`, relaying to `jiraUrl`. */
    const serverBlock = (listenPort: number, jiraUrl: string): string => {
      let block = documented.serverBlock;
      block = replaceDocumented(block, "listen 443 ssl;", `listen 127.0.0.1:${listenPort} ssl;`);
      block = replaceDocumented(
        block,
        "/etc/ssl/certs/outlook-addin.example.com.pem",
        cert.certFile
      );
      block = replaceDocumented(
        block,
        "/etc/ssl/private/outlook-addin.example.com.key",
        cert.keyFile
      );
      block = replaceDocumented(block, "/srv/jira-for-outlook/dist", distDir);
      block = replaceDocumented(block, "https://jira.example.com/", `${jiraUrl}/`);
      // Both Jiras speak plain HTTP: the CA bundle is not used, but must exist for nginx to load.
      return replaceDocumented(block, "/etc/ssl/certs/ca-certificates.crt", cert.certFile);
    };
    const prefix = path.join(dir, "nginx");
    await mkdir(prefix);
    // A relative include is found beside nginx.conf, as /etc/nginx/<file> is beside Debian's.
    for (const [included, content] of documented.includes) {
      await mkdir(path.dirname(path.join(prefix, included)), { recursive: true });
      await writeFile(path.join(prefix, included), content);
    }
    const config = `pid ${prefix}/nginx.pid;
error_log ${prefix}/error.log;
events {}
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path ${prefix}/client_body;
    proxy_temp_path ${prefix}/proxy;
    fastcgi_temp_path ${prefix}/fastcgi;
    uwsgi_temp_path ${prefix}/uwsgi;
    scgi_temp_path ${prefix}/scgi;
${serverBlock(port, simulator.url)}
${serverBlock(cookieJiraPort, cookieJira.baseUrl)}
}
`;
    await writeFile(path.join(prefix, "nginx.conf"), config);
    // One process as the test's user (no workers switching to another user): enough for a test.
    nginx = spawn(
      "nginx",
      [
        "-p",
        prefix,
        "-c",
        path.join(prefix, "nginx.conf"),
        "-e",
        path.join(prefix, "error.log"),
        "-g",
        "daemon off; master_process off;",
      ],
      { stdio: ["ignore", "ignore", "pipe"] }
    );
    let stderr = "";
    nginx.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = once(nginx, "exit").then(([code]) => {
      throw new Error(`nginx exited (${String(code)}):\n${stderr}`);
    });
    ca = await readFile(cert.certFile, "utf8");
    await Promise.race([
      Promise.all([waitForTls(port, ca), waitForTls(cookieJiraPort, ca)]),
      exited,
    ]);

    // The configuration written by the kit into the folder nginx serves.
    const written = await runAdmin(
      ["config", "--out", distDir, "--addin-url", addinUrl],
      connection
    );
    if (written.code !== 0) throw new Error(`config failed:\n${written.stderr}`);
  });

  afterAll(async () => {
    if (nginx && nginx.exitCode === null) {
      nginx.kill("SIGTERM");
      await once(nginx, "exit");
    }
    await simulator?.close();
    await cookieJira?.close();
    await removeDir(certDir);
    await removeDir(dir);
  });

  it("serves the pane and its configuration, and relays signed requests unchanged (doctor)", async () => {
    const doctor = await runAdmin(["doctor", "--addin-url", addinUrl], connection);

    expect(doctor.stderr).toBe("");
    expect(doctor.stdout).toContain(`OK   add-in page: ${addinUrl}/taskpane.html is served\n`);
    expect(doctor.stdout).toContain(
      `OK   add-in configuration: ${addinUrl}/addin-config.json: this Jira, this consumer key and private key; relay ${addinUrl}/jira\n`
    );
    expect(doctor.stdout).toContain(
      `OK   relay: ${addinUrl}/jira reaches Jira and passes signed requests through unchanged`
    );
    expect(doctor.stdout).not.toMatch(/^(FAIL|WARN)/m);
    expect(doctor.code).toBe(0);
  });

  it("keeps JQL with spaces, quotes, = and non-ASCII letters, and JSON bodies, intact", async () => {
    const token = await runThreeLeggedDance(simulator, {
      consumerKey: CONSUMER_KEY,
      privateKeyPem: keys.privateKeyPem,
    });
    const via = ["--via", `${addinUrl}/jira`];
    const env = { ...connection, JIRA_TOKEN: token };
    const summary = "Größe über Maß: 5 € + 3 = 8";

    const created = await runAdmin(
      [
        "request",
        "POST",
        "/rest/api/2/issue",
        "--data",
        JSON.stringify({
          fields: { project: { key: "SUP" }, issuetype: { name: "Task" }, summary },
        }),
        ...via,
      ],
      env
    );
    const found = await runAdmin(
      [
        "request",
        "GET",
        '/rest/api/2/search?jql=summary ~ "Größe über" AND project = SUP&fields=summary',
        ...via,
      ],
      env
    );

    expect(created.stderr).toBe("");
    expect(created.stdout.split("\n")[0]).toBe("HTTP 201 Created");
    expect(found.stderr).toBe("");
    expect(found.code).toBe(0);
    const body = JSON.parse(found.stdout.slice(found.stdout.indexOf("\n"))) as {
      issues: { fields: { summary: string } }[];
    };
    expect(body.issues.map((issue) => issue.fields.summary)).toEqual([summary]);
  });

  it.each([
    ["/", 302, undefined],
    ["/taskpane.html", 200, "no-cache"],
    ["/addin-config.json", 200, "no-store"],
    ["/taskpane.3f2a9c1b.js", 200, "public, max-age=31536000, immutable"],
    // Not found: the security headers still come ("always"); a year's caching doesn't.
    ["/missing.html", 404, undefined],
    ["/taskpane.0badc0de.js", 404, undefined],
    ["/jira/rest/api/2/serverInfo", 200, undefined],
  ])(
    "answers %s (%i) with exactly the add-in server's security headers",
    async (requestPath, status, cacheControl) => {
      const response = await request(port, ca, requestPath);

      expect(response.status).toBe(status);
      // Each once: a second copy would arrive joined to the first with ", ".
      expect(response.headers).toMatchObject(SECURITY_HEADERS);
      expect(response.headers["cache-control"]).toBe(cacheControl);
    }
  );

  it.each([
    ["/jira/rest/api/2/serverInfo", 200, {}],
    // Jira's error answers too: nginx adds headers to those only with "always".
    ["/jira/rest/api/2/myself", 401, { "www-authenticate": 'OAuth realm="https%3A%2F%2Fjira"' }],
  ])(
    "keeps Jira's cookies and origin-wide headers from the pane: %s (%i)",
    async (requestPath, status, jiraHeaders) => {
      const response = await request(cookieJiraPort, ca, requestPath);

      expect(response.status).toBe(status);
      expect(JSON.parse(response.body)).toEqual({ url: requestPath.slice("/jira".length) });
      // Jira's own headers pass; its security headers are replaced by the add-in's, once each.
      expect(response.headers).toMatchObject({
        ...SECURITY_HEADERS,
        ...jiraHeaders,
        "content-type": "application/json;charset=UTF-8",
        "x-ausername": "anonymous",
      });
      const kept = Object.keys(JIRA_ORIGIN_HEADERS)
        .map((name) => name.toLowerCase())
        .filter((name) => !(name in SECURITY_HEADERS));
      expect(kept.filter((name) => name in response.headers)).toEqual([]);
      expect(
        Object.keys(response.headers).filter((name) => name.startsWith("access-control-"))
      ).toEqual([]);
    }
  );
});
