import { OfficeError } from "./office-error";

/**
 * Runs one callback-style Office.js `*Async` call as a Promise. Office reports failures in the
 * AsyncResult, never by throwing; this rejects with an OfficeError carrying Office's code, so an
 * error can't be silently lost in a callback (the official templates log and drop them).
 */
export function officeCall<T>(
  start: (callback: (result: Office.AsyncResult<T>) => void) => void
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    try {
      start((result) => {
        if (result.status === Office.AsyncResultStatus.Succeeded) {
          resolve(result.value);
        } else {
          const error = result.error;
          reject(
            new OfficeError(
              error?.code ?? 0,
              error?.message || error?.name || "Office reported a failure."
            )
          );
        }
      });
    } catch (cause) {
      // Some hosts throw synchronously for bad arguments or unsupported calls.
      reject(new OfficeError(0, cause instanceof Error ? cause.message : String(cause), { cause }));
    }
  });
}
