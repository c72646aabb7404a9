/**
 * Finding one attachment inside a message's MIME content. makeEwsRequestAsync can't call
 * GetAttachment (see ews-requests.ts), so on Mailbox 1.5 clients an attachment is read by fetching
 * the whole message (GetItem, IncludeMimeContent) and taking the attachment's part out of it.
 * MIME parts carry no Exchange attachment id, so the part is matched by what both sides know:
 * the Content-ID, then the file name (for an attached email: its .eml name or its Subject), with
 * Outlook's order among attachments of the same name deciding between duplicates.
 *
 * MIME parsing is postal-mime's job (architecture guide, habit 12), loaded only when this path runs.
 * The message is bounded by the EWS answer limit (5 MB of base64), so parsing it whole is cheap.
 */
import type { MailAttachmentInfo } from "../../mail/mail-message";
import { bareContentId } from "../content-id";

/** One attachment part of a MIME message, decoded. */
export interface MimeAttachmentPart {
  /** The part's file name, or for an attached email without one, its Subject; null if neither. */
  name: string | null;
  /** Lower-case MIME type, e.g. "application/pdf", "message/rfc822". */
  mimeType: string;
  /** Content-ID without angle brackets. */
  contentId: string | undefined;
  /** Decoded content (for message/rfc822: the attached email as .eml bytes). */
  content: Uint8Array<ArrayBuffer>;
}

/** The attachment parts of a MIME message, in MIME order. Attached emails stay whole (.eml). */
export async function mimeAttachmentParts(mime: Uint8Array): Promise<MimeAttachmentPart[]> {
  const { default: PostalMime, decodeWords } = await import(
    /* webpackChunkName: "mime-parser" */ "postal-mime"
  );
  const email = await PostalMime.parse(mime, {
    attachmentEncoding: "arraybuffer",
    // Keep every attached email as one message/rfc822 attachment instead of merging its text into
    // the body (Outlook lists it as one "item" attachment).
    forceRfc822Attachments: true,
  });
  return email.attachments.map((attachment) => {
    const content =
      typeof attachment.content === "string"
        ? new TextEncoder().encode(attachment.content)
        : new Uint8Array(attachment.content);
    const mimeType = attachment.mimeType.toLowerCase();
    const name =
      attachment.filename ??
      (mimeType === "message/rfc822" ? embeddedSubject(content, decodeWords) : null);
    return { name, mimeType, contentId: bareContentId(attachment.contentId), content };
  });
}

/**
 * The part of `parts` that is Outlook's attachment `wanted` (one of `all`, the message's
 * attachments in Outlook's order), or undefined when no part matches without guessing.
 */
export function pickMimeAttachment(
  parts: readonly MimeAttachmentPart[],
  wanted: MailAttachmentInfo,
  all: readonly MailAttachmentInfo[]
): MimeAttachmentPart | undefined {
  let pool = parts;
  if (wanted.contentId) {
    const id = wanted.contentId.toLowerCase();
    const byContentId = parts.filter((part) => part.contentId?.toLowerCase() === id);
    if (byContentId.length === 1) return byContentId[0];
    if (byContentId.length > 1) pool = byContentId;
  }

  const named = pool.filter((part) => sameName(part, wanted));
  if (named.length === 0) return undefined;
  if (named.length === 1) return named[0];
  // Several parts carry this name: the n-th Outlook attachment of that name is the n-th part.
  const namesakes = all.filter(
    (attachment) =>
      attachment.attachmentType === wanted.attachmentType &&
      normalizeName(attachment.name) === normalizeName(wanted.name)
  );
  const rank = namesakes.findIndex((attachment) => attachment.id === wanted.id);
  return namesakes.length === named.length && rank >= 0 ? named[rank] : undefined;
}

function sameName(part: MimeAttachmentPart, wanted: MailAttachmentInfo): boolean {
  if (part.name === null) return false;
  const partName = normalizeName(part.name);
  const wantedName = normalizeName(wanted.name);
  if (partName === wantedName) return true;
  // Outlook names an attached email after its subject; MIME writers often add ".eml".
  return (
    wanted.attachmentType === "item" &&
    part.mimeType === "message/rfc822" &&
    partName === `${wantedName}.eml`
  );
}

function normalizeName(name: string): string {
  return name.normalize("NFC").trim().toLowerCase();
}

/** The Subject header of an attached email (RFC 2047 words decoded), read from its header block. */
function embeddedSubject(
  message: Uint8Array,
  decodeWords: (text: string) => string
): string | null {
  // Headers are ASCII or, since RFC 6532, UTF-8; 64 KiB is far past any real header block.
  const head = new TextDecoder("utf-8").decode(message.subarray(0, 64 * 1024));
  const end = head.search(/\r?\n\r?\n/);
  const unfolded = (end >= 0 ? head.slice(0, end) : head).replace(/\r?\n[ \t]+/g, " ");
  const match = /^subject:[ \t]*(.*)$/im.exec(unfolded);
  return match ? decodeWords(match[1]!).trim() : null;
}
