/**
 * The soak's bounds and its table: one row per check with what was measured, the bound, and
 * whether it held. The bounds, and why they are where they are:
 *
 * - Resident memory after the rounds: less than 30 MB above where it was before them (both read
 *   after warm-up rounds and a full garbage collection, see soak-checks.ts). A relay that kept
 *   anything per request (a buffered body, a listener, a socket) would keep it 1,000 times; 30 MB
 *   leaves room for what V8 and OpenSSL keep for reuse after 200 connections each way, which is not
 *   a leak (measured: −6 to +4 MB).
 * - V8's heap after a full garbage collection, before the rounds and after the last: under 2 MB
 *   growth, 2 KB per request. It holds only what is still referenced, so it is the sharper leak
 *   test (measured: +0.1 to +0.3 MB).
 * - While 50 MB pass, sampled every 100 ms right after a full garbage collection (heap-probe.ts):
 *   resident memory under 40 MB above the start, and Buffers the relay still holds under 5 MB (the
 *   sharper check: resident memory also moves with the allocator and TLS buffers).
 *   Streaming holds a few 64 KB chunks per direction; a relay that buffered the body would hold up
 *   to 50 MB of it (measured: RSS +1 to +20 MB, Buffers held ≤ 0.3 MB; a relay changed to buffer
 *   the upload: +91 MB and 100 MB). Without the collections, resident memory would measure V8's
 *   timing instead: it lets up to 64 MB of freed Buffers wait (measured +5 to +22 MB that way).
 * - Time: 60 s for any one round or transfer: a sanity limit for a hung relay, not a speed check
 *   (loopback on a CI runner takes about a second).
 */
import type { LoadResult, TransferMemory, TransferResult } from "./soak-checks";

const MB = 1024 * 1024;
const TIME_LIMIT_MS = 60_000;

/** One checked measure. */
export interface SoakRow {
  check: string;
  measured: string;
  bound: string;
  ok: boolean;
}

/** The rows for `load` and `transfer`. */
export function soakRows(load: LoadResult, transfer: TransferResult): SoakRow[] {
  const slowestRound = Math.max(...load.roundMs);
  const afterMinusBefore = load.rssAfter - load.rssBefore;
  const heapAfter = load.heapAfterRound.at(-1) ?? 0;
  const heapGrowth = heapAfter - load.heapBefore;

  const rounds = load.roundMs.length;
  const concurrency = load.requests / rounds;
  return [
    {
      check: `signed REST calls through the relay (${rounds} rounds × ${concurrency} at once)`,
      measured: `${load.succeeded}/${load.requests} succeeded`,
      bound: "all succeed",
      ok: load.succeeded === load.requests,
    },
    {
      check: "wall time per round (slowest / median)",
      measured: `${seconds(slowestRound)} / ${seconds(median(load.roundMs))}`,
      bound: `< ${seconds(TIME_LIMIT_MS)}`,
      ok: slowestRound < TIME_LIMIT_MS,
    },
    {
      check: "relay RSS before → peak → after the rounds",
      measured: `${mb(load.rssBefore)} → ${mb(load.rssPeak)} → ${mb(load.rssAfter)} (${signedMb(afterMinusBefore)})`,
      bound: "after − before < 30 MB",
      ok: afterMinusBefore < 30 * MB,
    },
    {
      check: "relay V8 heap after full GC, before → after the rounds",
      measured: `${mb(load.heapBefore)} → ${mb(heapAfter)} (${signedMb(heapGrowth)})`,
      bound: "< 2 MB growth",
      ok: heapGrowth < 2 * MB,
    },
    {
      check: `${mb(transfer.bytes)} upload through the relay`,
      measured: `${seconds(transfer.uploadMs)}, sha256 ${transfer.storedSha256 === transfer.sentSha256 ? "stored as sent" : "DIFFERS"}`,
      bound: `< ${seconds(TIME_LIMIT_MS)}, same sha256`,
      ok: transfer.uploadMs < TIME_LIMIT_MS && transfer.storedSha256 === transfer.sentSha256,
    },
    memoryRow("upload", transfer.upload),
    {
      check: `${mb(transfer.bytes)} download back through the relay`,
      measured: `${seconds(transfer.downloadMs)}, sha256 ${transfer.downloadedSha256 === transfer.sentSha256 ? "as sent" : "DIFFERS"}`,
      bound: `< ${seconds(TIME_LIMIT_MS)}, same sha256`,
      ok: transfer.downloadMs < TIME_LIMIT_MS && transfer.downloadedSha256 === transfer.sentSha256,
    },
    memoryRow("download", transfer.download),
  ];
}

function memoryRow(what: string, memory: TransferMemory): SoakRow {
  const growth = memory.rssPeak - memory.rssBefore;
  return {
    check: `relay memory during the ${what} (after GC, every 0.1 s)`,
    measured: `RSS ${mb(memory.rssBefore)} → peak ${mb(memory.rssPeak)} (${signedMb(growth)}), Buffers held ≤ ${memory.buffersPeak < MB ? `${Math.round(memory.buffersPeak / 1024)} KB` : mb(memory.buffersPeak)}`,
    bound: "RSS < +40 MB, Buffers < 5 MB",
    ok: growth < 40 * MB && memory.buffersPeak < 5 * MB,
  };
}

/** The rows as an aligned Markdown table. */
export function formatSoakTable(rows: readonly SoakRow[]): string {
  const header = ["check", "measured", "bound", "result"];
  const body = rows.map((row) => [row.check, row.measured, row.bound, row.ok ? "OK" : "FAILED"]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...body.map((cells) => (cells[column] ?? "").length))
  );
  const line = (cells: readonly string[]): string =>
    `| ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(" | ")} |`;
  return [line(header), line(widths.map((width) => "-".repeat(width))), ...body.map(line)].join(
    "\n"
  );
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

function mb(bytes: number): string {
  return `${(bytes / MB).toFixed(1)} MB`;
}

function signedMb(bytes: number): string {
  return `${bytes >= 0 ? "+" : "−"}${(Math.abs(bytes) / MB).toFixed(1)} MB`;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(ms >= 10_000 ? 0 : 2)} s`;
}
