/**
 * The real add-in server (`src/server/main.ts`, as `npm run serve` runs it) in a child process of
 * its own, relaying /jira to the Jira the soak gives it, so its memory can be watched apart from
 * the load generator and the simulator. Started as `node --import tsx` rather than through tsx's
 * CLI, which would run the server in a grandchild: the pid here is the server's own. heap-probe.ts
 * is loaded beside it, to read its memory after a full garbage collection.
 */
import { spawn } from "node:child_process";
import { execFile } from "node:child_process";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { generatedCertPaths, loadTlsCredentials } from "../../src/server/dev-certificate";

const REPO_ROOT = path.resolve(__dirname, "..", "..");

/** A running add-in server. */
export interface RelayProcess {
  pid: number;
  /** `https://127.0.0.1:<port>`. */
  baseUrl: string;
  /** The certificate it serves (for the client to trust). */
  certificate: string;
  /** What it printed so far (shown when the soak fails). */
  output(): string;
  /** Its resident set size now, in bytes. */
  rssBytes(): Promise<number>;
  /** Its memory right after a full garbage collection in it (heap-probe.ts). */
  memoryAfterGc(): Promise<MemoryAfterGc>;
  /** SIGTERM, then SIGKILL after 5 s. */
  stop(): Promise<void>;
}

/** A process's memory right after a full garbage collection, in bytes. */
export interface MemoryAfterGc {
  rss: number;
  /** V8's heap: JavaScript objects still referenced. */
  heapUsed: number;
  /** Buffers and ArrayBuffers still referenced: what a relay holds of the bodies passing through. */
  arrayBuffers: number;
}

/**
 * Starts the add-in server relaying to `jiraUrl`, with a generated certificate and a stub dist/
 * in `workDir`.
 *
 * @throws {Error} with the server's output when it doesn't announce itself within 30 s.
 */
export async function startRelayProcess(options: {
  jiraUrl: string;
  workDir: string;
}): Promise<RelayProcess> {
  const distDir = path.join(options.workDir, "dist");
  await mkdir(distDir, { recursive: true });
  // `npm run serve` refuses a dist/ without the pane; the soak needs only the relay.
  await writeFile(path.join(distDir, "taskpane.html"), "<!doctype html><title>soak</title>");
  const certDir = path.join(options.workDir, "certs");
  // Generated into certDir (a localhost / 127.0.0.1 certificate), then handed to the server as files.
  const tls = await loadTlsCredentials({ officeDevCerts: null, generatedCertDir: certDir });
  const { certFile, keyFile } = generatedCertPaths(certDir);

  const child = spawn(
    process.execPath,
    [
      // For heap-probe.ts: gc(), and collections that free Buffers before they return (V8 otherwise
      // frees them on a background thread afterwards, and the probe would count dead ones).
      "--expose-gc",
      "--single-threaded-gc",
      "--import",
      "tsx",
      "--import",
      "./bench/soak/heap-probe.ts",
      "src/server/main.ts",
    ],
    {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        PORT: "0",
        HOST: "127.0.0.1",
        JIRA_URL: options.jiraUrl,
        DIST_DIR: distDir,
        TLS_CERT_FILE: certFile,
        TLS_KEY_FILE: keyFile,
        ADDIN_URL: "",
        JIRA_CA_FILE: "",
        JIRA_CONSUMER_KEY: "",
        JIRA_PRIVATE_KEY_FILE: "",
      },
      stdio: ["ignore", "pipe", "pipe", "ipc"],
    }
  );
  const { stdout, stderr } = child;
  if (!stdout || !stderr) throw new Error("The add-in server's output is not piped.");
  let output = "";
  stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    const killer = setTimeout(() => child.kill("SIGKILL"), 5000);
    await exited;
    clearTimeout(killer);
  };

  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`The add-in server did not start in 30 s:\n${output}`));
    }, 30_000);
    const check = (): void => {
      const started = /add-in server: https:\/\/[^:/\s]+:(\d+)\//.exec(output);
      if (started?.[1] && output.includes("Jira relay: /jira/*")) {
        clearTimeout(timer);
        resolve(Number(started[1]));
      }
    };
    stdout.on("data", check);
    stderr.on("data", check);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`The add-in server exited (${code}):\n${output}`));
    });
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error("The add-in server has no process id.");

  return {
    pid,
    baseUrl: `https://127.0.0.1:${port}`,
    certificate: tls.cert,
    output: () => output,
    rssBytes: () => residentSetSize(pid),
    memoryAfterGc: () =>
      new Promise<MemoryAfterGc>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error("heap-probe did not answer in 10 s")),
          10_000
        );
        child.once("message", (message: MemoryAfterGc & { error?: string }) => {
          clearTimeout(timer);
          if (message.error === undefined) resolve(message);
          else reject(new Error(`heap-probe: ${message.error}`));
        });
        child.send("memory");
      }),
    stop,
  };
}

/** The resident set size of `pid` in bytes: Linux's /proc/<pid>/status VmRSS, else `ps -o rss=`. */
export async function residentSetSize(pid: number): Promise<number> {
  try {
    const status = await readFile(`/proc/${pid}/status`, "utf8");
    const kilobytes = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status)?.[1];
    if (kilobytes !== undefined) return Number(kilobytes) * 1024;
  } catch {
    // No procfs (macOS): ask ps.
  }
  const { stdout } = await promisify(execFile)("ps", ["-o", "rss=", "-p", String(pid)]);
  const kilobytes = Number(stdout.trim());
  if (!Number.isFinite(kilobytes) || kilobytes <= 0) {
    throw new Error(
      `Cannot read the memory of process ${pid} (no /proc, and ps said "${stdout}").`
    );
  }
  return kilobytes * 1024;
}

/** Samples `read()` every `intervalMs` until stopped; `stop()` resolves with the samples. */
export function sampleEvery(
  intervalMs: number,
  read: () => Promise<number>
): { stop(): Promise<number[]> } {
  const samples: number[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      samples.push(await read());
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      samples.push(await read());
      return samples;
    },
  };
}
