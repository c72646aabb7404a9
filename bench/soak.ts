/**
 * `npm run soak`: the /jira relay under load, in the real add-in server process.
 *
 * Starts the Jira simulator (here) and the add-in server (src/server/main.ts, a child process
 * relaying to it), signs in through the relay with the add-in's own OAuth signer and client, then:
 * 1. five rounds of 200 concurrent signed REST calls: all must succeed, and the relay's resident
 *    memory must come back to where it started;
 * 2. a 50 MB attachment uploaded through the relay and downloaded back: the simulator must store
 *    exactly the bytes sent (sha256), and the relay's memory must not grow by anything like 50 MB.
 * Prints a table and exits 1 if any bound is not kept. Time limits are sanity bounds (a hung
 * relay), never speed assertions. Takes 20–45 s (most of it the 5 s pause before "after", TLS
 * handshakes and the 50 MB each way).
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { startRelayProcess } from "./soak/relay-process";
import type { RelayProcess } from "./soak/relay-process";
import { runBigTransfer, runLoadRounds } from "./soak/soak-checks";
import { signInThroughRelay, startSimulator } from "./soak/signed-jira";
import type { SignedJira } from "./soak/signed-jira";
import { formatSoakTable, soakRows } from "./soak/soak-table";

/** The whole run's limit: a hung relay fails the soak instead of hanging CI. */
const WHOLE_RUN_LIMIT_MS = 180_000;

/** The add-in server while it runs, so a run cut off by the limit doesn't leave it behind. */
let relay: RelayProcess | undefined;

async function main(): Promise<number> {
  const workDir = await mkdtemp(path.join(os.tmpdir(), "jira-outlook-soak-"));
  const sim = await startSimulator(60);
  let signed: SignedJira | undefined;
  try {
    relay = await startRelayProcess({ jiraUrl: sim.url, workDir });
    signed = await signInThroughRelay(sim, relay.baseUrl, relay.certificate);
    console.log(`Soak: add-in server pid ${relay.pid} at ${relay.baseUrl}, relaying to ${sim.url}`);

    const load = await runLoadRounds(signed, relay, {
      rounds: 5,
      concurrency: 200,
      warmUpRounds: 3,
      // Longer than the relay's 4 s idle-connection timeout and undici's 4 s keep-alive: the
      // pooled sockets of a round are gone before "after" is read.
      settleMs: 5_000,
    });
    const transfer = await runBigTransfer(signed, relay, 50);

    const rows = soakRows(load, transfer);
    console.log(formatSoakTable(rows));
    const failed = rows.filter((row) => !row.ok);
    if (load.failures.length > 0) {
      console.log(`\nFirst failures:\n${load.failures.join("\n")}`);
    }
    if (failed.length > 0) {
      console.log(`\nSoak FAILED: ${failed.map((row) => row.check).join("; ")}`);
      console.log(`\nAdd-in server output:\n${relay.output()}`);
      return 1;
    }
    console.log("\nSoak passed.");
    return 0;
  } finally {
    await signed?.close();
    await relay?.stop();
    await sim.close();
    await rm(workDir, { recursive: true, force: true });
  }
}

const limit = setTimeout(() => {
  console.error(`Soak FAILED: not finished after ${WHOLE_RUN_LIMIT_MS / 1000} s.`);
  if (relay) process.kill(relay.pid, "SIGKILL");
  process.exit(1);
}, WHOLE_RUN_LIMIT_MS);
limit.unref();

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(
      `Soak FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`
    );
    process.exitCode = 1;
  }
);
