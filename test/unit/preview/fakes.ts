// Test doubles for the stand-in's injected dependencies.
import type { Schedule } from "../../../src/preview/office-standin/async-result";

/** A schedule that queues tasks until `flush()`, so tests can prove callbacks are never synchronous. */
export function createManualSchedule(): Schedule & {
  readonly pending: () => number;
  flush(): void;
} {
  const queue: Array<() => void> = [];
  const schedule = ((task: () => void) => {
    queue.push(task);
  }) as Schedule & { pending: () => number; flush(): void };
  schedule.pending = () => queue.length;
  schedule.flush = () => {
    while (queue.length > 0) {
      queue.shift()!();
    }
  };
  return schedule;
}

/** Runs an Office-style async call and resolves with the result its callback receives. */
export function callbackResult<T>(invoke: (callback: (result: T) => void) => void): Promise<T> {
  return new Promise((resolve) => invoke(resolve));
}
