import { rmSync } from "node:fs";
import { e2eStateFile, readE2eState } from "./e2e-state";

/** Stops the add-in server global-setup started. */
export default async function globalTeardown(): Promise<void> {
  try {
    const { serverPid } = readE2eState();
    if (serverPid) process.kill(serverPid, "SIGTERM");
  } catch {
    // Setup failed before the server started: nothing to stop.
  }
  rmSync(e2eStateFile, { force: true });
}
