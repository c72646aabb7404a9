/**
 * The real add-in server (`tsx src/server/main.ts --preview`, as `npm start` runs it) serving a
 * bench build, with its built-in Jira simulator: the pane talks to Jira through the same relay as
 * in Outlook. Ports are free ones; the simulator's key pair is the checkout's (.local/simulator).
 */
import { spawn } from "node:child_process";
import path from "node:path";

const REPO_ROOT = path.resolve(__dirname, "..");

/** A started server. */
export interface RunningAddinServer {
  /** `https://127.0.0.1:<port>`. */
  baseUrl: string;
  /** The built-in simulator, `http://127.0.0.1:<port>` (its /__sim/ controls live there). */
  simulatorUrl: string;
  /** Stops the server (and its simulator). */
  stop(): Promise<void>;
}

/**
 * Starts the add-in server on `distDir` with the preview and the built-in simulator.
 *
 * @throws {Error} with the server's output when it doesn't announce itself within 30 s.
 */
export function startAddinServer(distDir: string): Promise<RunningAddinServer> {
  const server = spawn(
    process.execPath,
    [
      require.resolve("tsx/cli"),
      "src/server/main.ts",
      "--preview",
      "--port",
      "0",
      "--dist",
      distDir,
    ],
    {
      cwd: REPO_ROOT,
      // No JIRA_URL: the server starts the built-in Jira simulator, as `npm start` does.
      env: {
        ...process.env,
        HOST: "127.0.0.1",
        JIRA_URL: "",
        JIRA_CONSUMER_KEY: "",
        JIRA_PRIVATE_KEY_FILE: "",
        JIRA_SIMULATOR_PORT: "0",
      },
      stdio: ["ignore", "pipe", "pipe"],
    }
  );
  const exited = new Promise<void>((resolve) => server.once("exit", () => resolve()));
  const stop = async () => {
    if (server.exitCode === null && server.signalCode === null) server.kill("SIGTERM");
    await exited;
  };
  return new Promise((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`The add-in server did not start in 30 s:\n${output}`));
    }, 30_000);
    const handleData = (chunk: Buffer) => {
      output += chunk.toString();
      const preview = /Preview: (https:\/\/[^\s]+)\/preview\.html/.exec(output);
      const simulator = /Jira simulator: (http:\/\/[^\s]+)/.exec(output);
      if (preview?.[1] && simulator?.[1]) {
        clearTimeout(timer);
        server.stdout.removeAllListeners("data").resume();
        server.stderr.removeAllListeners("data").resume();
        resolve({ baseUrl: preview[1], simulatorUrl: simulator[1], stop });
      }
    };
    server.stdout.on("data", handleData);
    server.stderr.on("data", handleData);
    server.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`The add-in server exited (${code}):\n${output}`));
    });
  });
}
