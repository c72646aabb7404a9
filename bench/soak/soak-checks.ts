/**
 * The soak's two runs against the relay process: rounds of concurrent OAuth-signed REST calls
 * (memory must stay flat), and a 50 MB attachment up and down again (memory must not grow by
 * anything like the file). Each returns measurements; soak-table.ts holds the bounds.
 */
import { createHash, randomBytes } from "node:crypto";
import type { JiraClient } from "../../src/jira/create-jira-client";
import { MEGABYTE } from "../../src/server/relay-settings";
import { sampleEvery } from "./relay-process";
import type { MemoryAfterGc, RelayProcess } from "./relay-process";
import type { SignedJira } from "./signed-jira";

/** How often the relay's RSS is read (from /proc, no collection) while the rounds run. */
const SAMPLE_MS = 25;

/** What the load rounds measured. */
export interface LoadResult {
  requests: number;
  succeeded: number;
  /** The first few failures, as messages. */
  failures: string[];
  /** Wall time of each round, ms. */
  roundMs: number[];
  /** Relay RSS (bytes) before the first round, after each round, and the highest sampled. */
  rssBefore: number;
  rssAfterRound: number[];
  rssPeak: number;
  /** After the last round and a pause for idle connections to close. */
  rssAfter: number;
  /** The relay's V8 heap after a full garbage collection: before the first round, after each. */
  heapBefore: number;
  heapAfterRound: number[];
}

/** The calls a round is made of, in turn: reads, a search with JQL, and a write. */
const CALLS: Array<(jira: JiraClient, n: number) => Promise<unknown>> = [
  (jira) => jira.myself(),
  (jira) =>
    jira.search({ jql: 'project = "SUP" AND text ~ "VPN" ORDER BY key ASC', fields: ["summary"] }),
  (jira) => jira.getIssue("SUP-2", ["summary", "status"]),
  (jira, n) => jira.addComment("SUP-1", { body: `Soak comment ${n}` }),
];

/** Options of {@link runLoadRounds}. */
export interface LoadOptions {
  /** Counted rounds. */
  rounds: number;
  /** Calls sent at once in each round. */
  concurrency: number;
  /**
   * Rounds first that aren't counted: until the JIT, TLS and connection pools and V8's heap have
   * grown to their working size (measured: most growth in the first three rounds, then about
   * 0.3 MB a round), so "before" is the relay at work, not the relay fresh from its start.
   */
  warmUpRounds: number;
  /** Pause after the last round before "after" is read: idle connections close in the meantime. */
  settleMs: number;
}

/**
 * `rounds` rounds of `concurrency` signed calls sent at once through the relay, after the warm-up.
 * Between rounds (never during one) the relay's heap is read after a full garbage collection.
 */
export async function runLoadRounds(
  signed: SignedJira,
  relay: RelayProcess,
  options: LoadOptions
): Promise<LoadResult> {
  const failures: string[] = [];
  let succeeded = 0;
  let sent = 0;
  const round = async (counted: boolean): Promise<number> => {
    const started = performance.now();
    const outcomes = await Promise.allSettled(
      Array.from({ length: options.concurrency }, (_, i) => {
        const n = sent + i;
        return CALLS[n % CALLS.length](signed.jira, n);
      })
    );
    sent += options.concurrency;
    if (counted) {
      for (const outcome of outcomes) {
        if (outcome.status === "fulfilled") succeeded += 1;
        else if (failures.length < 5) failures.push(String(outcome.reason));
      }
    }
    return performance.now() - started;
  };

  for (let i = 0; i < options.warmUpRounds; i += 1) await round(false);
  await pause(1_000);
  const heapBefore = (await relay.memoryAfterGc()).heapUsed;
  const rssBefore = await relay.rssBytes();
  sent = 0;
  const sampler = sampleEvery(SAMPLE_MS, () => relay.rssBytes());
  const roundMs: number[] = [];
  const rssAfterRound: number[] = [];
  const heapAfterRound: number[] = [];
  for (let i = 0; i < options.rounds; i += 1) {
    roundMs.push(await round(true));
    rssAfterRound.push(await relay.rssBytes());
    heapAfterRound.push((await relay.memoryAfterGc()).heapUsed);
  }
  const samples = await sampler.stop();
  await pause(options.settleMs);
  return {
    requests: options.rounds * options.concurrency,
    succeeded,
    failures,
    roundMs,
    rssBefore,
    rssAfterRound,
    rssPeak: Math.max(...samples),
    rssAfter: await relay.rssBytes(),
    heapBefore,
    heapAfterRound,
  };
}

/** Memory of the relay during one transfer. */
export interface TransferMemory {
  /** RSS just before it started (after a full garbage collection). */
  rssBefore: number;
  /** The highest RSS sampled while it ran, each sample right after a full garbage collection. */
  rssPeak: number;
  /** The most Buffer memory the relay still referenced at any sample: what it held of the body. */
  buffersPeak: number;
}

/** What the big transfer measured. */
export interface TransferResult {
  bytes: number;
  uploadMs: number;
  upload: TransferMemory;
  /** The sha256 of what was sent, of what the simulator stored, and of what came back through the relay. */
  sentSha256: string;
  storedSha256: string;
  downloadMs: number;
  download: TransferMemory;
  downloadedSha256: string;
}

/**
 * How often the relay's memory is read during a transfer. Each read collects garbage first (see
 * heap-probe.ts), so at most this long's worth of freed chunks can be waiting in it.
 */
const TRANSFER_SAMPLE_MS = 100;

/** Runs `work` while sampling the relay's memory after garbage collection. */
async function watchMemory<T>(
  relay: RelayProcess,
  work: () => Promise<T>
): Promise<{ result: T; memory: TransferMemory; ms: number }> {
  const before = await relay.memoryAfterGc();
  const samples: MemoryAfterGc[] = [];
  const sampler = sampleEvery(TRANSFER_SAMPLE_MS, async () => {
    samples.push(await relay.memoryAfterGc());
    return 0;
  });
  const started = performance.now();
  const result = await work().finally(() => sampler.stop());
  const ms = performance.now() - started;
  return {
    result,
    ms,
    memory: {
      rssBefore: before.rss,
      rssPeak: Math.max(...samples.map((sample) => sample.rss)),
      buffersPeak: Math.max(...samples.map((sample) => sample.arrayBuffers)),
    },
  };
}

/**
 * Uploads `megabytes` of random bytes as an attachment of SUP-1 through the relay, then reads the
 * stored file from the simulator directly (what Jira keeps) and through the relay (what the pane
 * would get), hashing each as it streams.
 */
export async function runBigTransfer(
  signed: SignedJira,
  relay: RelayProcess,
  megabytes: number
): Promise<TransferResult> {
  const content = randomBytes(megabytes * MEGABYTE);
  const sentSha256 = sha256(content);
  const file = new Blob([content], { type: "application/octet-stream" });

  const upload = await watchMemory(relay, () =>
    signed.jira.addAttachment("SUP-1", {
      name: "soak-upload.bin",
      type: "application/octet-stream",
      data: file,
    })
  );
  const [attachment] = upload.result;
  if (!attachment) throw new Error("The upload returned no attachment.");

  // Jira's own URL of the file, signed over as the pane would sign it.
  const contentPath = `/secure/attachment/${attachment.id}/${encodeURIComponent(attachment.filename)}`;
  const signedGet = async (sendTo: string): Promise<Response> => {
    const authorization = await signed.signer.authorizationHeader({
      method: "GET",
      url: `${signed.sim.settings.baseUrl}${contentPath}`,
      token: signed.token,
    });
    const response = await signed.fetch(`${sendTo}${contentPath}`, {
      headers: { Authorization: authorization },
    });
    if (response.status !== 200) {
      throw new Error(`GET ${contentPath} answered ${response.status}: ${await response.text()}`);
    }
    return response;
  };

  const storedSha256 = await streamSha256(await signedGet(signed.sim.url));
  const download = await watchMemory(relay, async () =>
    streamSha256(await signedGet(`${relay.baseUrl}/jira`))
  );

  return {
    bytes: content.length,
    uploadMs: upload.ms,
    upload: upload.memory,
    sentSha256,
    storedSha256,
    downloadMs: download.ms,
    download: download.memory,
    downloadedSha256: download.result,
  };
}

function sha256(data: Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

/** Hashes a response body chunk by chunk, never holding it whole. */
async function streamSha256(response: Response): Promise<string> {
  const hash = createHash("sha256");
  const reader = response.body?.getReader();
  for (;;) {
    const next = await reader?.read();
    if (!next || next.done) break;
    hash.update(next.value);
  }
  return hash.digest("hex");
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
