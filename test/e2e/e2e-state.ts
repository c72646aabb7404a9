import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/** What global-setup hands the e2e tests: the running add-in server. */
export interface E2eState {
  baseUrl: string;
  /** The built-in Jira simulator the server started (its /__sim/ controls live there). */
  simulatorUrl: string;
  serverPid: number;
}

export const e2eStateFile = path.join(tmpdir(), `jira-for-outlook-e2e-${process.ppid}-state.json`);

export function readE2eState(): E2eState {
  const file = process.env.E2E_STATE_FILE ?? e2eStateFile;
  return JSON.parse(readFileSync(file, "utf8")) as E2eState;
}
