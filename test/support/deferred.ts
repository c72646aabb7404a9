/**
 * Promises a test settles by hand, to put a running operation exactly where the test needs it
 * (Node 20 has no Promise.withResolvers yet).
 */

/** A promise and the functions that settle it. */
export interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}

export function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

/** Resolves after every callback of an already settled promise has run. */
export const settle = () => new Promise((resolve) => setImmediate(resolve));
