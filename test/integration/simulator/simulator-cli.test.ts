/**
 * `npm run simulator` (src/simulator/main.ts) as a real process: what it prints, what it serves,
 * one-line errors naming the flag for bad input, and a clean stop on SIGTERM / SIGINT.
 */
import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { once } from "node:events";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import type { Server } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { generateConsumerKeyPair, getRequestToken } from "../../support/reference-oauth-client";

jest.setTimeout(60_000);

const REPO_ROOT = path.resolve(__dirname, "../../..");
const MAIN = path.join("src", "simulator", "main.ts");
const keys = generateConsumerKeyPair();

let dir: string;
let publicKeyFile: string;
let privateKeyFile: string;
let textFile: string;
const children: ChildProcess[] = [];

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "simulator-cli-"));
  publicKeyFile = path.join(dir, "public.pem");
  privateKeyFile = path.join(dir, "private.pem");
  textFile = path.join(dir, "notes.txt");
  await writeFile(publicKeyFile, keys.publicKeyPem);
  await writeFile(privateKeyFile, keys.privateKeyPem);
  await writeFile(textFile, "not a key\n");
});

afterAll(async () => {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGKILL");
    }
  }
  await rm(dir, { recursive: true, force: true });
});

/** Spawns the CLI the way `npm run simulator` does (tsx), in the repository root. */
function spawnCli(
  args: string[]
): ChildProcess & { output: () => { stdout: string; stderr: string } } {
  const child = spawn(process.execPath, ["--import", "tsx", MAIN, ...args], {
    cwd: REPO_ROOT,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, NODE_OPTIONS: "" },
  });
  children.push(child);
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return Object.assign(child, { output: () => ({ stdout, stderr }) });
}

/** Runs the CLI to its end. */
async function runCli(
  args: string[]
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawnCli(args);
  const [code] = (await once(child, "exit")) as [number | null];
  return { code, ...child.output() };
}

/** Starts the CLI and waits for its startup banner (up to "Press Ctrl+C to stop."). */
async function startCli(args: string[]) {
  const child = spawnCli(args);
  await new Promise<void>((resolve, reject) => {
    const check = (): void => {
      if (child.output().stdout.includes("Press Ctrl+C to stop.")) {
        resolve();
      }
    };
    child.stdout?.on("data", check);
    child.once("exit", (code) =>
      reject(
        new Error(`the simulator exited (${code}) before listening:\n${child.output().stderr}`)
      )
    );
  });
  const lines = child.output().stdout.trimEnd().split("\n");
  const url = /^Jira simulator listening on (http:\/\/127\.0\.0\.1:\d+)$/.exec(lines[0] ?? "")?.[1];
  if (!url) {
    throw new Error(`unexpected first line: ${lines[0]}`);
  }
  return { child, url, lines };
}

describe("npm run simulator", () => {
  it("listens, prints its URL, consumers and controls, serves Jira, and stops on SIGTERM", async () => {
    const { child, url, lines } = await startCli([
      "--port",
      "0",
      "--consumer",
      `jira-for-outlook=${publicKeyFile}`,
      "--two-legged",
      "--jira-version",
      "9.4.1",
      "--upload-limit",
      "2048",
    ]);

    expect(lines).toEqual([
      `Jira simulator listening on ${url}`,
      `Consumer key: jira-for-outlook (public key ${publicKeyFile})`,
      "2-legged OAuth is ON: signed requests without a token run as the service user.",
      `Fault controls: ${url}/__sim/state (reset, settings, faults, revoke-tokens, consumers)`,
      "Press Ctrl+C to stop.",
    ]);
    const state = (await (await fetch(`${url}/__sim/state`)).json()) as Record<string, unknown>;
    expect(state).toMatchObject({
      settings: {
        baseUrl: url,
        version: "9.4.1",
        uploadLimitBytes: 2048,
        twoLeggedOAuth: true,
      },
      consumers: [{ consumerKey: "jira-for-outlook", name: "jira-for-outlook" }],
    });
    const requestToken = await getRequestToken(url, {
      consumerKey: "jira-for-outlook",
      privateKeyPem: keys.privateKeyPem,
    });
    expect(requestToken.token).toMatch(/^[0-9a-f]{32}$/);

    child.kill("SIGTERM");
    const [code] = (await once(child, "exit")) as [number | null];
    expect(code).toBe(0);
    expect(child.output().stdout).toContain("SIGTERM: stopping the Jira simulator...");
  });

  it("serves under the base URL's context path, and stops on SIGINT", async () => {
    const { child, url, lines } = await startCli([
      "--port",
      "0",
      "--base-url",
      "http://localhost:2990/jira/",
    ]);

    expect(lines).toEqual([
      `Jira simulator listening on ${url}`,
      "Base URL (signatures are verified over it): http://localhost:2990/jira",
      "No consumer yet: add one with --consumer <key>=<public.pem> or POST /__sim/consumers",
      `Fault controls: ${url}/jira/__sim/state (reset, settings, faults, revoke-tokens, consumers)`,
      "Press Ctrl+C to stop.",
    ]);
    expect((await fetch(`${url}/jira/__sim/state`)).status).toBe(200);

    child.kill("SIGINT");
    const [code] = (await once(child, "exit")) as [number | null];
    expect(code).toBe(0);
  });

  it("prints its usage for --help", async () => {
    const { code, stdout, stderr } = await runCli(["--help"]);

    expect(code).toBe(0);
    expect(stderr).toBe("");
    expect(stdout).toMatch(/^Usage: npm run simulator -- \[options\]/);
    for (const flag of [
      "--port",
      "--consumer",
      "--base-url",
      "--upload-limit",
      "--two-legged",
      "--jira-version",
    ]) {
      expect(stdout).toContain(flag);
    }
  });

  it.each([
    [["--port", "abc"], 'Jira simulator: --port must be a whole number (got "abc").'],
    [["--port", "70000"], 'Jira simulator: --port must be from 0 to 65535 (got "70000").'],
    [
      ["--consumer", "no-equals"],
      'Jira simulator: --consumer must be <consumer-key>=<public-key.pem> (got "no-equals").',
    ],
    [
      ["--consumer", "k=/nonexistent/public.pem"],
      "Jira simulator: --consumer k: can't read /nonexistent/public.pem (ENOENT).",
    ],
    [
      ["--consumer", "k=PRIVATE"],
      "Jira simulator: --consumer k: PRIVATE is a private key: give the PUBLIC half (openssl pkey -in private.pem -pubout), never the private key.",
    ],
    [
      ["--consumer", "k=TEXT"],
      "Jira simulator: --consumer k: TEXT is not a PEM public key (expected -----BEGIN PUBLIC KEY-----).",
    ],
    [
      ["--base-url", "ftp://jira.example.com"],
      'Jira simulator: --base-url "ftp://jira.example.com" must be an http or https URL.',
    ],
    [
      ["--base-url", "jira.example.com"],
      'Jira simulator: --base-url "jira.example.com" is not an absolute URL (e.g. http://localhost:2990/jira).',
    ],
    [["--upload-limit=-1"], 'Jira simulator: --upload-limit must be a whole number (got "-1").'],
    [
      ["--jira-version", "ten"],
      'Jira simulator: --jira-version must be a Jira version like "9.12.2" (got "ten").',
    ],
  ])("refuses %j with one line naming the flag", async (args, expected) => {
    const resolved = args.map((arg) =>
      arg.replace("PRIVATE", privateKeyFile).replace("TEXT", textFile)
    );

    const { code, stdout, stderr } = await runCli(resolved);

    expect({ code, stdout, stderr }).toEqual({
      code: 1,
      stdout: "",
      stderr: `${expected.replace("PRIVATE", privateKeyFile).replace("TEXT", textFile)}\n`,
    });
  });

  it("refuses an unknown flag, pointing at --help", async () => {
    const { code, stderr } = await runCli(["--bogus"]);

    expect(code).toBe(1);
    expect(stderr).toMatch(/^Jira simulator: Unknown option '--bogus'.* \(see --help\)\n$/);
  });

  it("says which port is taken", async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const { code, stderr } = await runCli(["--port", String(port)]);

      expect({ code, stderr }).toEqual({
        code: 1,
        stderr: `Jira simulator: --port ${port} is in use: stop the other server or choose another --port.\n`,
      });
    } finally {
      blocker.close();
    }
  });
});
