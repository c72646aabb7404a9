import { execFileSync, spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { findBrowserExecutable } from "./browser";
import { e2eStateFile, type E2eState } from "./e2e-state";

const repoRoot = path.resolve(__dirname, "../..");

/**
 * Builds the add-in with the preview (production mode, as shipped) and starts the real add-in
 * server on an ephemeral port, the way `npm start` does. E2E_SKIP_BUILD=1 reuses dist/.
 */
export default async function globalSetup(): Promise<void> {
  findBrowserExecutable(); // Fail early, with the install hint, if there is no browser.
  if (process.env.E2E_SKIP_BUILD !== "1") {
    execFileSync(
      process.execPath,
      [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production", "--env", "preview"],
      {
        cwd: repoRoot,
        stdio: ["ignore", "inherit", "inherit"],
      }
    );
  }
  const server = spawn(
    process.execPath,
    [require.resolve("tsx/cli"), "src/server/main.ts", "--preview", "--port", "0"],
    {
      cwd: repoRoot,
      env: { ...process.env, HOST: "127.0.0.1" },
      stdio: ["ignore", "pipe", "pipe"],
    }
  );
  const baseUrl = await new Promise<string>((resolve, reject) => {
    let output = "";
    const timer = setTimeout(
      () => reject(new Error(`The add-in server did not start in 30 s:\n${output}`)),
      30_000
    );
    const handleData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Preview: (https:\/\/[^\s]+)\/preview\.html/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    server.stdout.on("data", handleData);
    server.stderr.on("data", handleData);
    server.on("exit", (code) =>
      reject(new Error(`The add-in server exited (${code}):\n${output}`))
    );
  });
  server.stdout.removeAllListeners("data").resume();
  server.stderr.removeAllListeners("data").resume();
  server.unref();
  const state: E2eState = { baseUrl, serverPid: server.pid ?? 0 };
  writeFileSync(e2eStateFile, JSON.stringify(state));
  process.env.E2E_STATE_FILE = e2eStateFile;
}
