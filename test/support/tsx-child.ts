/**
 * A TypeScript entry point run as the npm scripts run it (`tsx <script>`), as a real child process
 * in the repository root, with what it prints gathered for the test to read.
 */
import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import path from "node:path";

const REPO_ROOT = path.resolve(__dirname, "../..");

/** A started `tsx <script>` and what it printed so far. */
export interface TsxChild {
  process: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code once it ended (null when it could not start). */
  exit: Promise<number | null>;
}

/**
 * Starts `tsx <script> <args>` in the repository root with `env` as its whole environment.
 * Detached, so it leads a process group: tsx runs the script in a process of its own, and
 * {@link killProcessGroup} ends both.
 */
export function spawnTsx(
  script: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  stdin: "pipe" | "ignore"
): TsxChild {
  const child = spawn(process.execPath, [require.resolve("tsx/cli"), script, ...args], {
    cwd: REPO_ROOT,
    env,
    stdio: [stdin, "pipe", "pipe"],
    detached: true,
  });
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exit = new Promise<number | null>((resolve) => {
    child.once("exit", (code) => resolve(code));
    child.once("error", () => resolve(null));
  });
  return { process: child, stdout: () => stdout, stderr: () => stderr, exit };
}

/** Kills the process group `child` leads; a group that is gone already is no error. */
export function killProcessGroup(child: ChildProcess): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, "SIGKILL");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ESRCH") throw error;
  }
}
