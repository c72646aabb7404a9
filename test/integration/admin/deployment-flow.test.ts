/**
 * The whole deployment as docs/deployment.md walks it, every step a real process: `keys` makes the
 * link's key pair and prints what to enter in Jira; the "Jira admin" enters it (the simulator's
 * control API, POST /__sim/consumers); `npm run serve` hosts a built folder over TLS (a generated
 * self-signed certificate) with the relay to Jira; `config` writes addin-config.json and
 * manifest.xml into that folder; `doctor` with --addin-url finds every check OK.
 */
import { existsSync } from "node:fs";
import { mkdir, readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { RUNTIME_CONFIG_FILE } from "../../../src/config/runtime-config";
import { generatedCertPaths } from "../../../src/server/dev-certificate";
import { startJiraSimulator } from "../../../src/simulator/create-jira-simulator";
import type { RunningJiraSimulator } from "../../../src/simulator/create-jira-simulator";
import { makeTempDir, makeTestCertificate, removeDir } from "../server/server-test-kit";
import { officeSchemasDir } from "../../support/xml-schema";
import {
  addConsumer,
  expectNoPrivateKey,
  runAdmin,
  startServe,
  stopChildren,
} from "./admin-cli-kit";

jest.setTimeout(90_000);

let dir: string;
let certDir: string;
let simulator: RunningJiraSimulator;

beforeAll(async () => {
  dir = await makeTempDir("admin-flow");
  certDir = (await makeTestCertificate()).dir;
  simulator = await startJiraSimulator();
});

afterEach(stopChildren);

afterAll(async () => {
  await simulator?.close();
  await removeDir(certDir);
  await removeDir(dir);
});

it("keys → Jira link → npm run serve (TLS) → config → doctor: every check OK", async () => {
  // 1. keys
  const keysDir = path.join(dir, "keys");
  const keys = await runAdmin([
    "keys",
    "--out",
    keysDir,
    "--addin-url",
    "https://addin.example.com",
  ]);
  expect(keys.stderr).toBe("");
  expect(keys.code).toBe(0);
  const privateKeyFile = path.join(keysDir, "jira-private.pem");
  const publicKeyFile = path.join(keysDir, "jira-public.pem");
  const privateKeyPem = await readFile(privateKeyFile, "utf8");
  const publicKeyPem = await readFile(publicKeyFile, "utf8");
  expect(privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
  expect((await stat(privateKeyFile)).mode & 0o777).toBe(0o600);
  const consumerKey = /^Consumer key: (jira-for-outlook-[0-9a-f]{8})$/m.exec(keys.stdout)?.[1];
  expect(consumerKey).toBeDefined();
  expect(keys.stdout).toContain("Administration › Applications › Application links");
  expect(keys.stdout).toContain("Enter the URL https://addin.example.com");
  expect(keys.stdout).toContain('"Create incoming link"');
  expect(keys.stdout).toContain(`  Consumer Key:  ${consumerKey}`);
  expect(keys.stdout).toContain("  Consumer Name: Jira for Outlook");
  expect(keys.stdout).toContain(publicKeyPem.trim());
  expect(keys.stdout).toContain(`Private key:  ${privateKeyFile}`);
  expectNoPrivateKey(keys.stdout, privateKeyPem);

  // A second run must not replace the key users' panes may be signing with.
  const again = await runAdmin(["keys", "--out", keysDir]);
  expect(again.code).toBe(1);
  expect(again.stderr).toContain(`error: ${privateKeyFile} exists already`);
  expect(again.stderr).toContain("--force");
  expect(await readFile(privateKeyFile, "utf8")).toBe(privateKeyPem);

  // 2. the Jira admin creates the incoming link with the printed values
  await addConsumer(simulator.url, { consumerKey: consumerKey as string, publicKeyPem });

  // 3. a built add-in folder, hosted by npm run serve over TLS with the relay to Jira
  const distDir = path.join(dir, "dist");
  await mkdir(distDir);
  await writeFile(path.join(distDir, "taskpane.html"), "<!doctype html><title>Task pane</title>");
  const cert = generatedCertPaths(certDir);
  const server = startServe({
    PORT: "0",
    HOST: "127.0.0.1",
    DIST_DIR: distDir,
    TLS_CERT_FILE: cert.certFile,
    TLS_KEY_FILE: cert.keyFile,
    JIRA_URL: simulator.url,
  });
  const [, addinUrl] = await server.waitForOutput(
    /^Jira for Outlook add-in server: (https:\/\/localhost:\d+)\/$/m
  );
  await server.waitForOutput(/Press Ctrl\+C to stop\./);
  expect(server.stdout()).toContain(`Certificate: ${cert.certFile} (valid until `);
  expect(server.stdout()).toContain(`Jira relay: /jira/* -> ${simulator.url}/*`);

  // 4. config, through the environment as a deployment script would set it
  const connection = {
    JIRA_URL: simulator.url,
    JIRA_CONSUMER_KEY: consumerKey as string,
    JIRA_PRIVATE_KEY_FILE: privateKeyFile,
  };
  const config = await runAdmin(["config", "--out", distDir, "--addin-url", addinUrl], connection);
  expect(config.stderr).toBe("");
  expect(config.code).toBe(0);
  const configFile = path.join(distDir, RUNTIME_CONFIG_FILE);
  expect(JSON.parse(await readFile(configFile, "utf8"))).toEqual({
    formatVersion: 1,
    jiraBaseUrl: simulator.url,
    consumerKey,
    privateKeyPem,
  });
  expect((await stat(configFile)).mode & 0o777).toBe(0o644);
  const manifest = await readFile(path.join(distDir, "manifest.xml"), "utf8");
  expect(manifest).toContain(`<SourceLocation DefaultValue="${addinUrl}/taskpane.html"/>`);
  expect(manifest).toContain(`<AppDomain>${simulator.url}</AppDomain>`);
  expect(config.stdout).toContain(
    `Wrote ${configFile} (Jira ${simulator.url}, consumer key ${consumerKey}).`
  );
  const schemasPresent = existsSync(path.join(officeSchemasDir, "OfficeAppManifestV1_1.xsd"));
  expect(config.stdout).toContain(
    schemasPresent ? "validated against Microsoft's schema" : "not validated:"
  );
  expect(config.stdout).toContain("holds the link's private key");
  expect(config.stdout).toContain("2-legged OAuth (and impersonation) stay OFF");
  expectNoPrivateKey(config.stdout, privateKeyPem);

  // 5. doctor: Jira, the link, and the add-in host with its relay
  const doctor = await runAdmin(["doctor", "--addin-url", addinUrl], {
    ...connection,
    NODE_EXTRA_CA_CERTS: cert.certFile, // trust the served self-signed certificate
  });
  const lines = doctor.stdout.trimEnd().split("\n");
  expect(lines).toEqual([
    `OK   private key: ${privateKeyFile}: RSA 2048 bits, PKCS#8`,
    `OK   Jira: Jira 9.12.2 "Jira Simulator" at ${simulator.url}`,
    expect.stringMatching(/^OK {3}clock: Jira's clock \(serverTime\) agrees with this computer's/),
    expect.stringMatching(
      /^OK {3}consumer key: Jira accepted a request signed with "jira-for-outlook-/
    ),
    "OK   2-legged OAuth: off: Jira refused a signed request without a user's token (HTTP 401)",
    `OK   add-in page: ${addinUrl}/taskpane.html is served`,
    `OK   add-in configuration: ${addinUrl}/addin-config.json: this Jira, this consumer key and private key; relay ${addinUrl}/jira`,
    `OK   relay: ${addinUrl}/jira reaches Jira and passes signed requests through unchanged (a request token was issued through it)`,
  ]);
  expect(doctor.code).toBe(0);
  expectNoPrivateKey(doctor.stdout + doctor.stderr, privateKeyPem);
});
