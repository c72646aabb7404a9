import { execFileSync, spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { findBrowserExecutable } from "./browser";
import { e2eStateFile, type E2eState } from "./e2e-state";

const repoRoot = path.resolve(__dirname, "../..");

/**
 * Builds the add-in with the preview (production mode, as shipped) and starts the real add-in
 * server on an ephemeral port, the way `npm start` does. E2E_SKIP_BUILD=1 reuses dist/.
 * E2E_DIST_DIR=<dir> builds into and serves from another folder, so two runs can't overwrite
 * each other's build.
 */
export default async function globalSetup(): Promise<void> {
  findBrowserExecutable(); // Fail early, with the install hint, if there is no browser.
  const distDir = process.env.E2E_DIST_DIR ? path.resolve(process.env.E2E_DIST_DIR) : undefined;
  if (process.env.E2E_SKIP_BUILD !== "1") {
    const outputPath = distDir === undefined ? [] : ["--env", `outputPath=${distDir}`];
    execFileSync(
      process.execPath,
      [
        require.resolve("webpack-cli/bin/cli.js"),
        ...["--mode", "production", "--env", "preview"],
        ...outputPath,
      ],
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
      // No JIRA_URL: the server starts the built-in Jira simulator, as `npm start` does.
      env: {
        ...process.env,
        HOST: "127.0.0.1",
        JIRA_URL: "",
        JIRA_CONSUMER_KEY: "",
        JIRA_PRIVATE_KEY_FILE: "",
        JIRA_SIMULATOR_PORT: "0",
        ...(distDir === undefined ? {} : { DIST_DIR: distDir }),
      },
      stdio: ["ignore", "pipe", "pipe"],
    }
  );
  const { baseUrl, simulatorUrl } = await new Promise<{
    baseUrl: string;
    simulatorUrl: string;
  }>((resolve, reject) => {
    let output = "";
    const timer = setTimeout(
      () => reject(new Error(`The add-in server did not start in 30 s:\n${output}`)),
      30_000
    );
    const handleData = (chunk: Buffer) => {
      output += chunk.toString();
      const preview = /Preview: (https:\/\/[^\s]+)\/preview\.html/.exec(output);
      const simulator = /Jira simulator: (http:\/\/[^\s]+)/.exec(output);
      if (preview && simulator) {
        clearTimeout(timer);
        resolve({ baseUrl: preview[1], simulatorUrl: simulator[1] });
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
  const state: E2eState = { baseUrl, simulatorUrl, serverPid: server.pid ?? 0 };
  writeFileSync(e2eStateFile, JSON.stringify(state));
  process.env.E2E_STATE_FILE = e2eStateFile;
}
