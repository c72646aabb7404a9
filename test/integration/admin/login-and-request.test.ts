/**
 * `login` and `request` as real processes against the simulator: the three-legged dance in a
 * terminal (the authorize URL printed, Allow clicked by a "browser", the verification code fed on
 * standard input through a pipe), then signed REST calls with that token: JQL with spaces, quotes,
 * `=` and non-ASCII letters (in PATH and with --query), a POST with a JSON body, and a refused token.
 */
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { startJiraSimulator } from "../../../src/simulator/create-jira-simulator";
import type { RunningJiraSimulator } from "../../../src/simulator/create-jira-simulator";
import { approveRequestToken, generateConsumerKeyPair } from "../../support/reference-oauth-client";
import { makeTempDir, removeDir } from "../server/server-test-kit";
import {
  addConsumer,
  expectNoPrivateKey,
  runAdmin,
  startAdmin,
  stopChildren,
} from "./admin-cli-kit";
import type { AdminRun } from "./admin-cli-kit";

jest.setTimeout(60_000);

const CONSUMER_KEY = "jira-for-outlook-login";
const keys = generateConsumerKeyPair();
/** Non-ASCII in a summary and in JQL: UTF-8, percent-encoded once, signed as sent. */
const SUMMARY = "Größe der Anlage überschritten (5 €)";

let dir: string;
let simulator: RunningJiraSimulator;
let connection: Record<string, string>;

beforeAll(async () => {
  dir = await makeTempDir("admin-login");
  const privateKeyFile = path.join(dir, "jira-private.pem");
  await writeFile(privateKeyFile, keys.privateKeyPem, { mode: 0o600 });
  simulator = await startJiraSimulator();
  await addConsumer(simulator.url, { consumerKey: CONSUMER_KEY, publicKeyPem: keys.publicKeyPem });
  connection = {
    JIRA_URL: simulator.url,
    JIRA_CONSUMER_KEY: CONSUMER_KEY,
    JIRA_PRIVATE_KEY_FILE: privateKeyFile,
  };
});

afterEach(stopChildren);

afterAll(async () => {
  await simulator?.close();
  await removeDir(dir);
});

/** Runs login, approving as Jane Doe in the "browser" and piping the verifier to its stdin. */
async function login(args: string[] = []): Promise<AdminRun & { token: string }> {
  const child = startAdmin(["login", ...args], connection);
  const [, authorizeUrl, requestToken] = await child.waitForOutput(
    /^ {2}(http:\/\/\S+\/plugins\/servlet\/oauth\/authorize\?oauth_token=(\w+))$/m
  );
  expect(authorizeUrl).toBe(
    `${simulator.url}/plugins/servlet/oauth/authorize?oauth_token=${requestToken}`
  );
  await child.waitForOutput(/type the verification code Jira shows and press Enter/);
  const outcome = await approveRequestToken(simulator, requestToken as string);
  child.process.stdin?.end(`${outcome.verifier}\n`);
  const code = await child.exited();
  const token = /^Access token: (\w+)/m.exec(child.stdout())?.[1] ?? "";
  return { code, stdout: child.stdout(), stderr: child.stderr(), token };
}

function request(token: string, args: string[]): Promise<AdminRun> {
  return runAdmin(["request", ...args], { ...connection, JIRA_TOKEN: token });
}

describe("login", () => {
  it("signs in with the verification code from a pipe and prints the token, not its secret", async () => {
    const run = await login();

    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Signed in as Jane Doe (jane, jane.doe@example.com).");
    expect(run.token).toMatch(/^\w{16,}$/);
    expect(run.stdout).toContain(`Access token: ${run.token} (Jira says it expires in 1825 days)`);
    expect(run.stdout).not.toContain("Token secret");
    expectNoPrivateKey(run.stdout, keys.privateKeyPem);
    const state = (await (await fetch(`${simulator.url}/__sim/state`)).json()) as {
      tokens: Record<string, unknown>;
    };
    expect(JSON.stringify(state.tokens)).toContain("jane");
  });

  it("prints the token secret only with --show-secret", async () => {
    const run = await login(["--show-secret"]);

    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Token secret: \w{16,}$/m);
  });

  it("stops with a clear error when standard input ends without a code", async () => {
    const run = await runAdmin(["login"], connection, "");

    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      "error: No verification code was read from standard input: run login again and enter the code Jira shows after Allow.\n"
    );
  });
});

describe("request", () => {
  let token: string;

  beforeAll(async () => {
    token = (await login()).token;
  });

  it("GET search with JQL in PATH (spaces, quotes, =) and with --query (non-ASCII), POST with a JSON body", async () => {
    const vpn = await request(token, [
      "GET",
      '/rest/api/2/search?jql=summary ~ "VPN drops" AND project = SUP&fields=summary',
    ]);
    const created = await request(token, [
      "POST",
      "/rest/api/2/issue",
      "--data",
      JSON.stringify({
        fields: { project: { key: "SUP" }, issuetype: { name: "Task" }, summary: SUMMARY },
      }),
    ]);
    const byQuery = await request(token, [
      "GET",
      "/rest/api/2/search",
      "--query",
      'jql=text ~ "Größe" AND project = SUP',
      "--query",
      "fields=summary",
    ]);
    const byPath = await request(token, [
      "GET",
      '/rest/api/2/search?jql=summary ~ "überschritten"&fields=summary',
    ]);

    expect(vpn.stderr).toBe("");
    expect(vpn.code).toBe(0);
    expect(vpn.stdout.split("\n")[0]).toBe("HTTP 200 OK");
    const vpnBody = JSON.parse(vpn.stdout.slice(vpn.stdout.indexOf("\n"))) as {
      issues: { key: string; fields: { summary: string } }[];
    };
    expect(vpnBody.issues.map((issue) => [issue.key, issue.fields.summary])).toEqual([
      ["SUP-2", "VPN drops every hour"],
    ]);
    // Pretty-printed JSON.
    expect(vpn.stdout).toContain('\n  "issues": [\n');

    expect(created.stderr).toBe("");
    expect(created.code).toBe(0);
    expect(created.stdout.split("\n")[0]).toBe("HTTP 201 Created");
    const key = (JSON.parse(created.stdout.slice(created.stdout.indexOf("\n"))) as { key: string })
      .key;
    expect(key).toMatch(/^SUP-\d+$/);
    const state = (await (await fetch(`${simulator.url}/__sim/state`)).json()) as {
      data: { issues: { key: string; reporterKey: string; values: { summary?: string } }[] };
    };
    expect(state.data.issues.find((issue) => issue.key === key)).toMatchObject({
      reporterKey: "jane",
      values: { summary: SUMMARY },
    });

    for (const run of [byQuery, byPath]) {
      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
      const body = JSON.parse(run.stdout.slice(run.stdout.indexOf("\n"))) as {
        issues: { key: string; fields: { summary: string } }[];
      };
      expect(body.issues.map((issue) => [issue.key, issue.fields.summary])).toEqual([
        [key, SUMMARY],
      ]);
    }
    for (const run of [vpn, created, byQuery, byPath]) {
      expect(run.stdout + run.stderr).not.toContain(token);
    }
  });

  it("exits non-zero on a refused token and prints Jira's oauth_problem, never the token", async () => {
    const revokedToken = "0123456789abcdef0123456789abcdef";

    const run = await request(revokedToken, ["GET", "/rest/api/2/myself"]);
    const missing = await request(token, ["GET", "/rest/api/2/issue/SUP-999"]);

    expect(run.code).toBe(1);
    expect(run.stdout.split("\n")[0]).toBe("HTTP 401 Unauthorized");
    expect(run.stderr).toContain("oauth_problem: token_rejected\n");
    expect(run.stderr).toContain(
      "Jira no longer accepts this access token (token_rejected) — sign in again with the login command"
    );
    expect(run.stdout + run.stderr).not.toContain(revokedToken);

    expect(missing.code).toBe(1);
    expect(missing.stdout).toContain("HTTP 404 Not Found\n");
    expect(missing.stdout).toContain('"Issue Does Not Exist"');
    expect(missing.stderr).not.toContain("oauth_problem");
  });
});
