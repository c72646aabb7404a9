/**
 * A bound on how long a test waits for something a child process or server should do, so that a
 * hang fails the test with what was seen so far instead of jest's bare timeout.
 */

/**
 * Settles as `promise` does, or rejects after `ms` with the message `what()` gives then (called
 * late, so it can show the output gathered until that moment).
 */
export async function withTimeout<T>(
  promise: Promise<T>,
  what: () => string,
  ms: number
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_resolve, reject) => {
        timer = setTimeout(() => reject(new Error(`${what()}\n(after ${ms} ms)`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
