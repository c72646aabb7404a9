/**
 * Loaded into the add-in server's process by the soak only (`node --expose-gc --import
 * ./bench/soak/heap-probe.ts src/server/main.ts`): on "memory" over the IPC channel it runs a full
 * garbage collection and answers with the process's memory right after it. Without that, memory
 * measures when V8 last collected: it lets up to 64 MB of freed Buffers wait for a collection
 * (V8's external allocation limit), as much as the soak's whole upload.
 */
const collectGarbage = (globalThis as { gc?: () => void }).gc;

process.on("message", (message: unknown) => {
  if (message !== "memory") return;
  if (!collectGarbage) {
    process.send?.({ error: "run with --expose-gc" });
    return;
  }
  collectGarbage();
  const { rss, heapUsed, arrayBuffers } = process.memoryUsage();
  process.send?.({ rss, heapUsed, arrayBuffers });
});
// The channel must not keep the server alive once it is told to stop.
process.channel?.unref();

export {};
