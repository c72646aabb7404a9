/**
 * Runs the admin CLI as an admin would (`npm run admin -- …` is `tsx src/admin/main.ts …`): a real
 * child process in the repository root, with the developer's JIRA_* / ADDIN_URL settings removed
 * so only what a test passes counts. Each spawn costs about a second: tests batch assertions per run.
 */
import type { ChildProcess } from "node:child_process";
import path from "node:path";
import { killProcessGroup, spawnTsx } from "../../support/tsx-child";
import { withTimeout } from "../../support/with-timeout";

export const REPO_ROOT = path.resolve(__dirname, "../../..");
const ADMIN_MAIN = path.join("src", "admin", "main.ts");
const SERVER_MAIN = path.join("src", "server", "main.ts");
/** How long a child may take. */
export const CHILD_TIMEOUT_MS = 45_000;

/** Settings of the developer's shell that would change what a child does. */
const INHERITED_SETTINGS = [
  "JIRA_URL",
  "JIRA_CONSUMER_KEY",
  "JIRA_PRIVATE_KEY_FILE",
  "JIRA_TOKEN",
  "JIRA_CA_FILE",
  "ADDIN_URL",
  "PORT",
  "HOST",
  "DIST_DIR",
  "TLS_CERT_FILE",
  "TLS_KEY_FILE",
  "JIRA_SIMULATOR_PORT",
  "JIRA_SIMULATOR_DIR",
  "NODE_EXTRA_CA_CERTS",
];

/** A running child and what it printed so far. */
export interface Child {
  process: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code once it ended (rejects after {@link CHILD_TIMEOUT_MS}). */
  exited(): Promise<number | null>;
  /** Resolves once stdout matches `pattern` (rejects if the child ends first or on timeout). */
  waitForOutput(pattern: RegExp): Promise<RegExpExecArray>;
  /** Kills the child's process group (tsx runs the script in a process of its own). */
  stop(): Promise<void>;
}

const running = new Set<Child>();

/** Stops every child still running (call from afterEach/afterAll). */
export async function stopChildren(): Promise<void> {
  await Promise.all([...running].map((child) => child.stop()));
}

function startChild(script: string, args: readonly string[], env: Record<string, string>): Child {
  const childEnv: NodeJS.ProcessEnv = { ...process.env };
  for (const name of INHERITED_SETTINGS) {
    delete childEnv[name];
  }
  Object.assign(childEnv, { NODE_OPTIONS: "", ...env });
  const { process: child, stdout, stderr, exit } = spawnTsx(script, args, childEnv, "pipe");
  const handle: Child = {
    process: child,
    stdout,
    stderr,
    exited: () =>
      withTimeout(
        exit,
        () => `the child did not exit:\n${stdout()}\n${stderr()}`,
        CHILD_TIMEOUT_MS
      ),
    waitForOutput: (pattern) =>
      withTimeout(
        new Promise<RegExpExecArray>((resolve, reject) => {
          const check = (): void => {
            const match = pattern.exec(stdout());
            if (match) {
              child.stdout?.off("data", check);
              resolve(match);
            }
          };
          child.stdout?.on("data", check);
          check();
          void exit.then((code) =>
            reject(
              new Error(
                `the child exited (${code}) before printing ${pattern}:\n${stdout()}\n${stderr()}`
              )
            )
          );
        }),
        () => `the child never printed ${pattern}:\n${stdout()}\n${stderr()}`,
        CHILD_TIMEOUT_MS
      ),
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) killProcessGroup(child);
      await exit;
      running.delete(handle);
    },
  };
  running.add(handle);
  void exit.then(() => running.delete(handle));
  return handle;
}

/** Starts `npm run admin -- <args>` with `env` added; standard input stays open for {@link Child.process}. */
export function startAdmin(args: readonly string[], env: Record<string, string> = {}): Child {
  return startChild(ADMIN_MAIN, args, env);
}

/** What a finished run printed. */
export interface AdminRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `npm run admin -- <args>` to its end, standard input closed (or fed `input`). */
export async function runAdmin(
  args: readonly string[],
  env: Record<string, string> = {},
  input?: string
): Promise<AdminRun> {
  const child = startAdmin(args, env);
  child.process.stdin?.end(input);
  const code = await child.exited();
  return { code, stdout: child.stdout(), stderr: child.stderr() };
}

/** Starts the add-in server as `npm run serve` does (`tsx src/server/main.ts`) with `env`. */
export function startServe(env: Record<string, string>): Child {
  const child = startChild(SERVER_MAIN, [], env);
  child.process.stdin?.end();
  return child;
}

/** Registers a consumer on the simulator through its control API, as a Jira admin creates a link. */
export async function addConsumer(
  simulatorUrl: string,
  consumer: { consumerKey: string; publicKeyPem: string; name?: string }
): Promise<void> {
  const response = await fetch(`${simulatorUrl}/__sim/consumers`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ name: consumer.consumerKey, ...consumer }),
  });
  if (response.status !== 201) {
    throw new Error(`POST /__sim/consumers answered ${response.status}: ${await response.text()}`);
  }
}

/** Changes simulator settings through its control API. */
export async function patchSettings(
  simulatorUrl: string,
  settings: Record<string, unknown>
): Promise<void> {
  const response = await fetch(`${simulatorUrl}/__sim/settings`, {
    method: "PATCH",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(settings),
  });
  if (response.status !== 200) {
    throw new Error(`PATCH /__sim/settings answered ${response.status}: ${await response.text()}`);
  }
}

/** Lines of the private key's body: no output may contain any of them. */
export function privateKeyLines(privateKeyPem: string): string[] {
  return privateKeyPem.split("\n").filter((line) => line !== "" && !line.startsWith("-----"));
}

/** Asserts `output` holds neither a private key block nor any line of `privateKeyPem`. */
export function expectNoPrivateKey(output: string, privateKeyPem: string): void {
  expect(output).not.toContain("PRIVATE KEY-----");
  for (const line of privateKeyLines(privateKeyPem)) {
    expect(output).not.toContain(line);
  }
}
