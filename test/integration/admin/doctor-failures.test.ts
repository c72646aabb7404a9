/**
 * `doctor` against a simulator set up wrongly, one way per run, as Jira admins get it wrong: no
 * link with this consumer key, the public key of another key pair on the link, Jira's clock ten
 * minutes ahead, 2-legged OAuth left on, an add-in host without its configuration. Each must FAIL
 * with the explanation that names the fix, and exit non-zero.
 */
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { setUpSimulatorStarter } from "../../support/started-simulators";
import { generateConsumerKeyPair } from "../../support/reference-oauth-client";
import { makeTempDir, removeDir } from "../server/server-test-kit";
import { addConsumer, expectNoPrivateKey, patchSettings, runAdmin } from "./admin-cli-kit";

jest.setTimeout(60_000);

const CONSUMER_KEY = "jira-for-outlook-doctor";
const keys = generateConsumerKeyPair();
const otherKeys = generateConsumerKeyPair();
const startSimulator = setUpSimulatorStarter({});

let dir: string;
let privateKeyFile: string;
let otherPrivateKeyFile: string;

beforeAll(async () => {
  dir = await makeTempDir("admin-doctor");
  privateKeyFile = path.join(dir, "jira-private.pem");
  otherPrivateKeyFile = path.join(dir, "other-private.pem");
  await writeFile(privateKeyFile, keys.privateKeyPem, { mode: 0o600 });
  await writeFile(otherPrivateKeyFile, otherKeys.privateKeyPem, { mode: 0o600 });
});

afterAll(async () => {
  await removeDir(dir);
});

/** A simulator whose link knows CONSUMER_KEY with `keys`' public key. */
async function linkedSimulator(): Promise<string> {
  const simulator = await startSimulator();
  await addConsumer(simulator.url, { consumerKey: CONSUMER_KEY, publicKeyPem: keys.publicKeyPem });
  return simulator.url;
}

function doctor(jiraUrl: string, overrides: Record<string, string> = {}, args: string[] = []) {
  return runAdmin(["doctor", ...args], {
    JIRA_URL: jiraUrl,
    JIRA_CONSUMER_KEY: CONSUMER_KEY,
    JIRA_PRIVATE_KEY_FILE: privateKeyFile,
    ...overrides,
  });
}

function lineOf(output: string, check: string): string | undefined {
  return output.split("\n").find((line) => line.slice(5).startsWith(`${check}:`));
}

it("an unknown consumer key: no incoming link with it", async () => {
  const jiraUrl = await linkedSimulator();

  const run = await doctor(jiraUrl, { JIRA_CONSUMER_KEY: "jira-for-outlook-nobody" });

  expect(run.code).toBe(1);
  expect(lineOf(run.stdout, "Jira")).toMatch(/^OK {3}Jira: Jira 9\.12\.2/);
  expect(lineOf(run.stdout, "consumer key")).toBe(
    'FAIL consumer key: Jira has no incoming application link with consumer key "jira-for-outlook-nobody" ' +
      "(consumer_key_unknown) — create the link in Jira (Administration › Applications › Application links, " +
      "incoming, with the values the keys command printed), or correct --consumer-key / JIRA_CONSUMER_KEY"
  );
  expect(lineOf(run.stdout, "2-legged OAuth")).toBe(
    "SKIP 2-legged OAuth: not checked: Jira refused the consumer key itself (consumer_key_unknown)"
  );
});

it("a private key whose public half is not on the link: the keys don't match (JSON output)", async () => {
  const jiraUrl = await linkedSimulator();

  const run = await doctor(jiraUrl, { JIRA_PRIVATE_KEY_FILE: otherPrivateKeyFile }, ["--json"]);

  expect(run.code).toBe(1);
  const report = JSON.parse(run.stdout) as {
    passed: boolean;
    checks: { id: string; status: string; detail: string; fix?: string }[];
  };
  expect(report.passed).toBe(false);
  expect(report.checks.map((check) => [check.id, check.status])).toEqual([
    ["private-key", "ok"],
    ["jira", "ok"],
    ["clock", "ok"],
    ["consumer", "fail"],
    ["two-legged", "skip"],
  ]);
  expect(report.checks[3]).toEqual({
    id: "consumer",
    name: "consumer key",
    status: "fail",
    detail: "the public key in Jira doesn't match this private key (signature_invalid)",
    fix:
      `paste the public key that belongs to ${otherPrivateKeyFile} into the link's incoming authentication ` +
      "(the keys command wrote it beside the private key), or use the private key whose public half is there",
  });
  expectNoPrivateKey(run.stdout + run.stderr, otherKeys.privateKeyPem);
});

it("Jira's clock 10 minutes ahead and 2-legged OAuth on: both FAIL, the consumer still works", async () => {
  const jiraUrl = await linkedSimulator();
  await patchSettings(jiraUrl, { clockSkewSeconds: 600, twoLeggedOAuth: true });

  const run = await doctor(jiraUrl);

  expect(run.code).toBe(1);
  expect(lineOf(run.stdout, "clock")).toMatch(
    /^FAIL clock: Jira's clock \(serverTime\) is (599|600|601) s ahead of this computer's; Jira refuses OAuth timestamps more than 5 minutes off \(timestamp_refused\) — set the right time on Jira's server and on this computer \(NTP\)/
  );
  // The add-in (and so the doctor) corrects its clock after one refusal: the link itself is fine.
  expect(lineOf(run.stdout, "consumer key")).toMatch(
    /^OK {3}consumer key: .*\(after one timestamp_refused, signed again with Jira's clock, (599|600|601) s off, as the add-in does\)$/
  );
  expect(lineOf(run.stdout, "2-legged OAuth")).toBe(
    "FAIL 2-legged OAuth: 2-legged OAuth (Allow 2-Legged OAuth / 'Allow user impersonation') is ON for this " +
      "link: anyone holding the add-in's bundled key could act in Jira as Mail Integration Service (svc-mail) " +
      "— Turn it off in the incoming link's settings."
  );
});

it("a Jira URL with a wrong context path, and a missing option named with its variable", async () => {
  const jiraUrl = await linkedSimulator();

  const wrongPath = await doctor(`${jiraUrl}/jira`);
  const missing = await runAdmin(["doctor", "--jira", jiraUrl, "--private-key", privateKeyFile]);

  expect(wrongPath.code).toBe(1);
  expect(lineOf(wrongPath.stdout, "Jira")).toBe(
    `FAIL Jira: nothing of Jira's at ${jiraUrl}/jira/rest/api/2/serverInfo (404) — give --jira exactly ` +
      "Jira's Base URL, including its context path (e.g. https://host/jira)"
  );
  expect(lineOf(wrongPath.stdout, "consumer key")).toBe(
    "SKIP consumer key: not checked: Jira did not answer"
  );
  expect(missing.code).toBe(1);
  expect(missing.stdout).toBe("");
  expect(missing.stderr).toBe(
    "error: Missing --consumer-key <key>: give it, or set JIRA_CONSUMER_KEY. It is the Consumer Key on " +
      "Jira's incoming application link for the add-in.\n"
  );
});
