/**
 * The nginx server block of docs/deployment.md, run for real: the block is read from the document
 * (so what is documented is what is tested), pointed at a temporary dist/, a test certificate and
 * the simulator, and served by Debian's nginx. Then the doctor checks the add-in page, the
 * configuration and the relay through it, and `request --via` sends signed calls through it:
 * JQL with spaces, quotes, `=` and non-ASCII letters, and a POST with a JSON body.
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
import { startJiraSimulator } from "../../../src/simulator/create-jira-simulator";
import type { RunningJiraSimulator } from "../../../src/simulator/create-jira-simulator";
import { generateConsumerKeyPair, runThreeLeggedDance } from "../../support/reference-oauth-client";
import { makeTempDir, makeTestCertificate, removeDir } from "../server/server-test-kit";
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

/** The ```nginx block of docs/deployment.md. */
async function documentedServerBlock(): Promise<string> {
  const doc = await readFile(path.join(REPO_ROOT, "docs", "deployment.md"), "utf8");
  const block = /```nginx\n([\s\S]*?)```/.exec(doc)?.[1];
  if (!block || !block.includes("location /jira/")) {
    throw new Error("docs/deployment.md has no ```nginx block with the /jira/ relay");
  }
  return block;
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
  let nginx: ChildProcess | undefined;
  let addinUrl: string;
  let connection: Record<string, string>;

  beforeAll(async () => {
    dir = await makeTempDir("admin-nginx");
    certDir = (await makeTestCertificate()).dir;
    const cert = generatedCertPaths(certDir);
    simulator = await startJiraSimulator();
    await addConsumer(simulator.url, {
      consumerKey: CONSUMER_KEY,
      publicKeyPem: keys.publicKeyPem,
    });

    const distDir = path.join(dir, "dist");
    await mkdir(distDir);
    await writeFile(path.join(distDir, "taskpane.html"), "<!doctype html><title>Task pane</title>");
    const privateKeyFile = path.join(dir, "jira-private.pem");
    await writeFile(privateKeyFile, keys.privateKeyPem, { mode: 0o600 });
    connection = {
      JIRA_URL: simulator.url,
      JIRA_CONSUMER_KEY: CONSUMER_KEY,
      JIRA_PRIVATE_KEY_FILE: privateKeyFile,
      NODE_EXTRA_CA_CERTS: cert.certFile,
    };

    const port = await freePort();
    addinUrl = `https://localhost:${port}`;
    let block = await documentedServerBlock();
    block = replaceDocumented(block, "listen 443 ssl;", `listen 127.0.0.1:${port} ssl;`);
    block = replaceDocumented(block, "/etc/ssl/certs/outlook-addin.example.com.pem", cert.certFile);
    block = replaceDocumented(
      block,
      "/etc/ssl/private/outlook-addin.example.com.key",
      cert.keyFile
    );
    block = replaceDocumented(block, "/srv/jira-for-outlook/dist", distDir);
    block = replaceDocumented(block, "https://jira.example.com/", `${simulator.url}/`);
    // The simulator speaks plain HTTP: the CA bundle is not used, but must exist for nginx to load.
    block = replaceDocumented(block, "/etc/ssl/certs/ca-certificates.crt", cert.certFile);
    const prefix = path.join(dir, "nginx");
    await mkdir(prefix);
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
${block}
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
    await Promise.race([waitForTls(port, await readFile(cert.certFile, "utf8")), exited]);

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
});
