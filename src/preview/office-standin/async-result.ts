/**
 * Office.js asynchronous-call semantics: every `*Async` method reports through an `AsyncResult`
 * (learn.microsoft.com/javascript/api/office/office.asyncresult) handed to the callback *later*,
 * never from inside the call — add-in code that only works because a callback ran synchronously
 * breaks in Outlook, so the stand-in always defers.
 */

/** `Office.Error`: what a failed `AsyncResult` carries. */
export interface OfficeErrorInfo {
  readonly code: number;
  readonly name: string;
  readonly message: string;
}

/** The shape of `Office.AsyncResult<T>` with the status as its runtime string. */
export interface StandInAsyncResult<T> {
  readonly status: "succeeded" | "failed";
  readonly value: T;
  /** Undefined when the call succeeded, like Office's. */
  readonly error: OfficeErrorInfo | undefined;
  readonly asyncContext: unknown;
}

export type AsyncCallback<T> = (result: StandInAsyncResult<T>) => void;

/** Runs a task later. Injected so tests can observe the deferral; default: a macrotask. */
export type Schedule = (task: () => void) => void;

export const defaultSchedule: Schedule = (task) => {
  setTimeout(task, 0);
};

export function succeeded<T>(value: T, asyncContext?: unknown): StandInAsyncResult<T> {
  return { status: "succeeded", value, error: undefined, asyncContext };
}

export function failed<T = undefined>(
  error: OfficeErrorInfo,
  asyncContext?: unknown
): StandInAsyncResult<T> {
  // Office sets `value` to undefined on failure; the cast keeps callers' T without inventing a value.
  return { status: "failed", value: undefined as T, error: { ...error }, asyncContext };
}

/** Hands `result` to `callback` on a later turn; a missing callback is allowed (Office's are optional). */
export function deliver<T>(
  schedule: Schedule,
  callback: AsyncCallback<T> | undefined,
  result: StandInAsyncResult<T>
): void {
  if (callback) {
    schedule(() => callback(result));
  }
}

/** The optional `(options?, callback?)` tail most Office async methods take. */
export interface AsyncArgs<T> {
  readonly options: Readonly<Record<string, unknown>>;
  readonly callback: AsyncCallback<T> | undefined;
  readonly asyncContext: unknown;
}

/**
 * Reads Office's optional-argument convention: an options object (whose `asyncContext` is echoed back
 * in the result) and/or a callback, in that order, either one omitted.
 */
export function parseAsyncArgs<T>(args: readonly unknown[]): AsyncArgs<T> {
  const callback = args.find((arg): arg is AsyncCallback<T> => typeof arg === "function");
  const options =
    args.find((arg): arg is Record<string, unknown> => typeof arg === "object" && arg !== null) ??
    {};
  return { options, callback, asyncContext: options["asyncContext"] };
}
