/**
 * What can go wrong reading an email's content or its links, besides Office's own failures (those
 * stay OfficeErrors with Office's numeric code):
 * - `attachment_unavailable`: this attachment can't be read here (a cloud link, no API on this
 *   Outlook, too large for EWS, not found in the message);
 * - `ews_failed`: Exchange Web Services answered with an error or a SOAP fault;
 * - `item_not_current`: Outlook only reads or writes the selected email's item properties;
 * - `invalid_link`: a link to record is malformed (a bug in the caller, refused before saving).
 */
export type MailItemErrorCode =
  "attachment_unavailable" | "ews_failed" | "item_not_current" | "invalid_link";

export class MailItemError extends Error {
  override readonly name = "MailItemError";
  /** EWS's ResponseCode (e.g. "ErrorItemNotFound") or SOAP faultcode, for `ews_failed`. */
  readonly ewsResponseCode?: string;

  constructor(
    readonly code: MailItemErrorCode,
    message: string,
    options?: {
      cause?: unknown;
      ewsResponseCode?: string;
    }
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    if (options?.ewsResponseCode !== undefined) this.ewsResponseCode = options.ewsResponseCode;
  }
}
