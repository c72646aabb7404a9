/**
 * The preview host's message model: what the Outlook stand-in serves as `Office.context.mailbox.item`.
 *
 * Plain JSON data only (strings, numbers, booleans, arrays, plain objects), on purpose: the model is
 * created by the preview page and read by the stand-in inside the task pane iframe, i.e. in another
 * JavaScript realm. Realm-specific objects (a parent-page `Date`, `Uint8Array`) would fail `instanceof`
 * checks in the pane, so the stand-in builds its own `Date`s and arrays from this data.
 */

/** An address as Outlook's `EmailAddressDetails` presents it. */
export interface PreviewAddress {
  readonly displayName: string;
  readonly emailAddress: string;
}

/** One attachment (`AttachmentDetails` fields plus its decoded content). */
export interface PreviewAttachment {
  /** Opaque id, stable for the same message (Outlook attachment ids are opaque too). */
  readonly id: string;
  readonly name: string;
  /** Lower-case MIME type. */
  readonly contentType: string;
  /** Size in bytes of the decoded content. */
  readonly size: number;
  /** "item" for an attached message (message/rfc822), "file" otherwise. */
  readonly attachmentType: "file" | "item";
  /** True for parts the HTML body shows through a `cid:` reference (Outlook's inline images). */
  readonly isInline: boolean;
  /** Content-ID without angle brackets, when the part has one. */
  readonly contentId?: string;
  /** Decoded content, base64 (what `getAttachmentContentAsync` answers with). */
  readonly contentBase64: string;
}

/** A read-mode message. */
export interface PreviewMessage {
  /** Opaque, deterministic id derived from the Message-ID (see message-from-eml.ts). */
  readonly itemId: string;
  /** The Message-ID header as Outlook gives it, angle brackets included. */
  readonly internetMessageId: string;
  /** Opaque id shared by a message and its replies. */
  readonly conversationId: string;
  readonly subject: string;
  /** Subject without RE:/FW: prefixes, like Outlook's `normalizedSubject`. */
  readonly normalizedSubject: string;
  readonly from: PreviewAddress | null;
  readonly sender: PreviewAddress | null;
  readonly to: readonly PreviewAddress[];
  readonly cc: readonly PreviewAddress[];
  /** ISO 8601. */
  readonly dateTimeCreated: string;
  /** The HTML body, or null for a text-only message. */
  readonly bodyHtml: string | null;
  /** The text body, or null when the message has only HTML (the stand-in derives text then). */
  readonly bodyText: string | null;
  readonly attachments: readonly PreviewAttachment[];
  /** The header section as sent, lines joined with CRLF (`getAllInternetHeadersAsync`). */
  readonly internetHeaders: string;
  /** The whole message as received, base64 (`getAsFileAsync`). */
  readonly emlBase64: string;
}
