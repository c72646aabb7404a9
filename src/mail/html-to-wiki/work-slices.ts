/**
 * Long work written as a generator that `yield`s wherever it may pause, run either at once or in
 * time slices that give the main thread back between them (so the pane keeps answering clicks and
 * keys while a big email converts). The same generator runs both ways: same steps, same result.
 */

/** Work that may pause at each `yield` and finally returns a `T`. */
export type Steps<T> = Generator<void, T, void>;

/** Runs `steps` to the end in the current task. */
export function runAtOnce<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) {
      return step.value;
    }
  }
}

export interface SliceOptions {
  /**
   * Work this long, then give the main thread back (default 30 ms: with pause points a few
   * milliseconds apart, tasks stay under 50 ms, the RAIL budget for staying responsive to input,
   * https://web.dev/articles/rail).
   */
  sliceMs?: number;
  /** Clock in milliseconds (default `performance.now`). */
  now?: () => number;
  /** Resolves once other tasks have had their turn (default {@link yieldToEventLoop}). */
  yieldToEventLoop?: () => Promise<void>;
}

/**
 * Runs `steps` in slices of about `sliceMs`: after each pause point it checks the clock, and once
 * the slice is used up it waits for the event loop before going on.
 */
export async function runInSlices<T>(steps: Steps<T>, options: SliceOptions = {}): Promise<T> {
  const sliceMs = options.sliceMs ?? 30;
  const now = options.now ?? (() => performance.now());
  const pause = options.yieldToEventLoop ?? yieldToEventLoop;
  let sliceStart = now();
  for (;;) {
    const step = steps.next();
    if (step.done) {
      return step.value;
    }
    if (now() - sliceStart >= sliceMs) {
      await pause();
      sliceStart = now();
    }
  }
}

interface SchedulerWithYield {
  yield(): Promise<void>;
}

/**
 * Lets the event loop run other tasks (input, rendering) before resolving: `scheduler.yield()`
 * where the browser has it (Chromium 129+, so Outlook's WebView2; it resumes ahead of other
 * queued work, https://developer.mozilla.org/docs/Web/API/Scheduler/yield), else a
 * MessageChannel message (a new task without setTimeout's 4 ms clamp for nested timers), else
 * setTimeout.
 */
export function yieldToEventLoop(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Partial<SchedulerWithYield> }).scheduler;
  if (typeof scheduler?.yield === "function") {
    return scheduler.yield();
  }
  if (typeof MessageChannel === "function") {
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}
