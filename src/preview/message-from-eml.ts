/**
 * Maps an RFC 5322 message (an .eml file) to the preview host's message model.
 *
 * MIME parsing is postal-mime's job (architecture guide, habit 12); this module only decides how its
 * output looks through Outlook's read-mode item API (learn.microsoft.com/javascript/api/outlook/office.messageread).
 */
import PostalMime from "postal-mime";
import type { Address, Attachment, Email } from "postal-mime";
import { base64UrlOfText, bytesToBase64 } from "./base64";
import type { PreviewAddress, PreviewAttachment, PreviewMessage } from "./message-model";

/** Options for {@link messageFromEml}. */
export interface MessageFromEmlOptions {
  /** Used for `dateTimeCreated` when the Date header is missing or unparsable. Default: now. */
  readonly fallbackDate?: Date;
}

/**
 * Parses an .eml and returns the message the stand-in serves as `mailbox.item`.
 * @param raw the message as received: bytes (an opened file) or text (a built-in sample).
 */
export async function messageFromEml(
  raw: Uint8Array | string,
  options: MessageFromEmlOptions = {}
): Promise<PreviewMessage> {
  const bytes = typeof raw === "string" ? new TextEncoder().encode(raw) : raw;
  const email = await PostalMime.parse(bytes, { attachmentEncoding: "arraybuffer" });

  // Outlook always has an InternetMessageId; a message without one gets a stable synthetic id so the
  // same file always maps to the same itemId (and to the same stored custom properties).
  const internetMessageId =
    normalizeMessageId(email.messageId) ?? `<preview-${fnv1a64Hex(bytes)}@preview.invalid>`;
  const itemId = base64UrlOfText(internetMessageId);
  const subject = email.subject ?? "";
  const html = email.html ?? null;

  return {
    itemId,
    internetMessageId,
    conversationId: base64UrlOfText(conversationRoot(email) ?? internetMessageId),
    subject,
    normalizedSubject: normalizeSubject(subject),
    from: firstMailbox(email.from),
    // Outlook's `sender` is the Sender header when present (sending on behalf), else the From.
    sender: firstMailbox(email.sender) ?? firstMailbox(email.from),
    to: mailboxes(email.to),
    cc: mailboxes(email.cc),
    dateTimeCreated: createdDate(email.date, options.fallbackDate ?? new Date()).toISOString(),
    bodyHtml: html,
    bodyText: email.text ?? null,
    attachments: email.attachments.map((attachment, index) =>
      toAttachment(attachment, index, itemId, html)
    ),
    internetHeaders: email.headerLines.map((header) => header.line).join("\r\n") + "\r\n",
    emlBase64: bytesToBase64(bytes),
  };
}

/** Subject without reply/forward prefixes ("RE:", "FW:", "AW:", "WG:" …), as Outlook's `normalizedSubject`. */
export function normalizeSubject(subject: string): string {
  return subject
    .replace(/^(?:\s*(?:re|fw|fwd|aw|wg|sv|vs|antw|tr|rv|r)\s*(?:\[\d+\])?\s*:)+\s*/i, "")
    .trim();
}

/** The id a thread hangs off: the first References id, else In-Reply-To (RFC 5322 §3.6.4). */
function conversationRoot(email: Email): string | undefined {
  const ids = `${email.references ?? ""} ${email.inReplyTo ?? ""}`.match(/<[^<>\s]+>/g);
  return ids?.[0];
}

function normalizeMessageId(messageId: string | undefined): string | undefined {
  const trimmed = messageId?.trim();
  if (!trimmed) {
    return undefined;
  }
  return trimmed.startsWith("<") ? trimmed : `<${trimmed}>`;
}

function createdDate(header: string | undefined, fallback: Date): Date {
  const parsed = header === undefined ? Number.NaN : Date.parse(header);
  return Number.isNaN(parsed) ? fallback : new Date(parsed);
}

function toAddress(name: string, address: string): PreviewAddress {
  // Outlook shows the address as the display name when a header carries none.
  return { displayName: name || address, emailAddress: address };
}

function mailboxes(addresses: readonly Address[] | undefined): PreviewAddress[] {
  const result: PreviewAddress[] = [];
  for (const address of addresses ?? []) {
    if (address.group) {
      result.push(...address.group.map((member) => toAddress(member.name, member.address)));
    } else if (address.address !== undefined) {
      result.push(toAddress(address.name, address.address));
    }
  }
  return result;
}

function firstMailbox(address: Address | undefined): PreviewAddress | null {
  return mailboxes(address ? [address] : [])[0] ?? null;
}

const EXTENSIONS: Readonly<Record<string, string>> = {
  "image/png": "png",
  "image/jpeg": "jpg",
  "image/gif": "gif",
  "text/plain": "txt",
  "text/calendar": "ics",
  "message/rfc822": "eml",
  "application/pdf": "pdf",
};

function toAttachment(
  attachment: Attachment,
  index: number,
  itemId: string,
  html: string | null
): PreviewAttachment {
  const content = contentBytes(attachment.content);
  const contentId = attachment.contentId?.trim().replace(/^<|>$/g, "") || undefined;
  // Outlook lists a part as inline when the HTML body shows it (a cid: reference), e.g. a pasted image.
  const isInline =
    contentId !== undefined && (attachment.related === true || referencesCid(html, contentId));
  const name =
    attachment.filename ??
    `${isInline ? "image" : "attachment"}${String(index + 1).padStart(3, "0")}.${EXTENSIONS[attachment.mimeType] ?? "bin"}`;
  return {
    id: `${itemId}.${index + 1}`,
    name,
    contentType: attachment.mimeType,
    size: content.byteLength,
    attachmentType: attachment.mimeType === "message/rfc822" ? "item" : "file",
    isInline,
    ...(contentId === undefined ? {} : { contentId }),
    contentBase64: bytesToBase64(content),
  };
}

function contentBytes(content: Attachment["content"]): Uint8Array {
  if (typeof content === "string") {
    // Only reachable with another attachmentEncoding; kept total for the type's sake.
    return new TextEncoder().encode(content);
  }
  return content instanceof Uint8Array ? content : new Uint8Array(content);
}

function referencesCid(html: string | null, contentId: string): boolean {
  return html !== null && html.toLowerCase().includes(`cid:${contentId.toLowerCase()}`);
}

/** FNV-1a 64-bit: a small, deterministic fingerprint (not security relevant). */
function fnv1a64Hex(bytes: Uint8Array): string {
  let hash = 0xcbf29ce484222325n;
  for (const byte of bytes) {
    hash ^= BigInt(byte);
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash.toString(16).padStart(16, "0");
}
