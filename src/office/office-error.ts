/**
 * A failed Office.js call, carrying Office's numeric error code (e.g. 9057 roaming settings over
 * 32 KB, 12007 a dialog already open) so callers can explain it instead of showing a raw message.
 */
export class OfficeError extends Error {
  override readonly name = "OfficeError";

  constructor(
    /** Office's error code; 0 when Office gave none. */
    readonly code: number,
    message: string,
    options?: { cause?: unknown }
  ) {
    super(message, options);
  }
}
