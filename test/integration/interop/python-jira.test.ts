/**
 * Interoperability: the simulator must satisfy clients nobody here wrote. The Python `jira`
 * package (Debian python3-jira) and requests-oauthlib (python3-requests-oauthlib) run the
 * three-legged dance, create an issue, comment, attach and search (test/interop/python_jira_client.py).
 * `.ci/run` installs both packages; `PYTHON` picks the interpreter (default /usr/bin/python3, the
 * Debian one that sees Debian's Python packages).
 */
import { execFile } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { startJiraSimulator } from "../../../src/simulator/create-jira-simulator";
import type { RunningJiraSimulator } from "../../../src/simulator/create-jira-simulator";

jest.setTimeout(60_000);

const python = process.env.PYTHON ?? "/usr/bin/python3";
const script = path.resolve(__dirname, "../../interop/python_jira_client.py");
const consumerKey = "python-interop";

let simulator: RunningJiraSimulator;
let dir: string;
let privateKeyFile: string;

beforeAll(async () => {
  const { stderr } = await promisify(execFile)(python, [
    "-c",
    "import jira, requests_oauthlib",
  ]).catch((error: Error & { stderr?: string }) => ({ stderr: error.stderr ?? error.message }));
  if (stderr) {
    throw new Error(
      `${python} can't import jira and requests_oauthlib (${stderr.trim()}). ` +
        "Install them: apt-get install python3-jira python3-requests-oauthlib (or set PYTHON)."
    );
  }
  const keys = generateKeyPairSync("rsa", {
    modulusLength: 2048,
    publicKeyEncoding: { type: "spki", format: "pem" },
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
  });
  dir = await mkdtemp(path.join(tmpdir(), "python-interop-"));
  privateKeyFile = path.join(dir, "private.pem");
  await writeFile(privateKeyFile, keys.privateKey, { mode: 0o600 });
  simulator = await startJiraSimulator({
    port: 0,
    consumers: [{ consumerKey, publicKeyPem: keys.publicKey, name: "Python interop" }],
  });
});

afterAll(async () => {
  await simulator?.close();
  if (dir) {
    await rm(dir, { recursive: true, force: true });
  }
});

interface PythonRun {
  callbackConfirmed: string;
  accessTokenIssued: boolean;
  serverVersion: string;
  myself: string;
  created: { key: string; summary: string };
  comments: string[];
  commentAuthor: string;
  attachment: { filename: string; size: number; content: string };
  searchVpn: string[];
  searchNew: string[];
}

describe("the Python jira package against the simulator", () => {
  it("signs in three-legged, creates, comments, attaches and searches", async () => {
    const { stdout } = await promisify(execFile)(python, [script], {
      env: {
        ...process.env,
        JIRA_URL: simulator.url,
        JIRA_CONSUMER_KEY: consumerKey,
        JIRA_PRIVATE_KEY_FILE: privateKeyFile,
      },
    }).catch((error: Error & { stdout?: string; stderr?: string }) => {
      throw new Error(`python_jira_client.py failed:\n${error.stderr ?? ""}${error.stdout ?? ""}`);
    });
    const run = JSON.parse(stdout) as PythonRun;

    expect(run.callbackConfirmed).toBe("true");
    expect(run.accessTokenIssued).toBe(true);
    expect(run.serverVersion).toBe(simulator.settings.version);
    expect(run.myself).toBe("Jane Doe");
    expect(run.created).toEqual({
      key: expect.stringMatching(/^SUP-\d+$/),
      summary: "Printer on floor 3 jams (from python-jira)",
    });
    expect(run.comments).toEqual(["Same problem on floor 4, see attached log."]);
    expect(run.commentAuthor).toBe("Jane Doe");
    expect(run.attachment).toEqual({
      filename: "printer log.txt",
      size: 26,
      content: "jam at 09:14\njam at 09:31\n",
    });
    expect(run.searchVpn).toContain("SUP-2");
    expect(run.searchNew[0]).toBe(run.created.key);
    // Exactly one issue and one comment were stored: nothing was sent twice.
    const state = JSON.stringify(simulator.control.state());
    expect(state.split("Printer on floor 3 jams (from python-jira)").length - 1).toBe(1);
  });
});
