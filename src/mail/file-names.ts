/**
 * File names for what the add-in uploads to Jira: attachment names come from the email's sender,
 * so they may carry path separators ("..\..\evil.exe"), right-to-left overrides that make
 * "invoice\u202Efdp.exe" read as "invoiceexe.pdf", zero-width characters, or no name at all.
 */
import type { MailAttachmentInfo } from "./mail-message";
import { visibleSingleLine } from "./visible-text";

/** Longest file name the add-in hands to Jira (well inside common file system limits of 255). */
export const MAX_FILE_NAME_LENGTH = 180;
const MAX_EML_BASE_LENGTH = 100;
/** An extension worth keeping when a long name is cut: ".pdf", ".xlsx", ".tar.gz" keeps ".gz". */
const EXTENSION = /\.[\p{L}\p{N}_-]{1,16}$/u;
/** Path separators and the characters Windows refuses in names (learn.microsoft.com "Naming Files"). */
const RESERVED = /[/\\<>:"|?*]/g;

/**
 * A name safe to upload and to save on any desktop: no path separators or reserved characters
 * (each becomes "_"), no control, zero-width or bidi-override characters, no leading dots, no
 * trailing dots or spaces, whitespace runs as one space, at most {@link MAX_FILE_NAME_LENGTH}
 * characters with the extension kept. Empty results give `fallback`.
 */
export function safeFileName(name: string, fallback: string): string {
  const cleaned = cleanName(name);
  if (cleaned === "") {
    const cleanFallback = cleanName(fallback);
    return cleanFallback === "" ? "file" : cleanFallback;
  }
  return cutKeepingExtension(cleaned, MAX_FILE_NAME_LENGTH);
}

function cleanName(name: string): string {
  return visibleSingleLine(name)
    .replace(RESERVED, "_")
    .trim()
    .replace(/^\.+/, "")
    .replace(/[. ]+$/, "")
    .trim();
}

function cutKeepingExtension(name: string, max: number): string {
  if (name.length <= max) {
    return name;
  }
  const extension = EXTENSION.exec(name)?.[0] ?? "";
  const base = name.slice(0, name.length - extension.length);
  return cutCodeUnits(base, max - extension.length).replace(/[. ]+$/, "") + extension;
}

function cutCodeUnits(text: string, max: number): string {
  if (text.length <= max) {
    return text;
  }
  const last = text.charCodeAt(max - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? max - 1 : max);
}

/** The file name of the email itself as .eml: its subject made safe, at most 100 characters + ".eml". */
export function emlFileName(subject: string): string {
  const base = cutCodeUnits(cleanName(subject), MAX_EML_BASE_LENGTH).replace(/[. ]+$/, "");
  return base === "" ? "email.eml" : `${base}.eml`;
}

/**
 * Makes names unique (case-insensitively, as Windows and Jira's `!name!` lookups see them): the
 * second "image.png" becomes "image (2).png", never colliding with a name that comes later.
 */
export function uniqueFileNames(names: readonly string[]): string[] {
  const originals = new Set(names.map((name) => name.toLowerCase()));
  const used = new Set<string>();
  return names.map((name) => {
    let candidate = name;
    if (used.has(candidate.toLowerCase())) {
      const extension = EXTENSION.exec(name)?.[0] ?? "";
      const base = name.slice(0, name.length - extension.length);
      for (let counter = 2; ; counter += 1) {
        candidate = `${base} (${counter})${extension}`;
        const key = candidate.toLowerCase();
        if (!used.has(key) && !originals.has(key)) {
          break;
        }
      }
    }
    used.add(candidate.toLowerCase());
    return candidate;
  });
}

/** Characters with a meaning inside Jira's `!name!` image markup (`|` options, `^` other page, `:`). */
const IMAGE_MARKUP_CHARACTERS = /[!|^[\]{}]/g;

/**
 * The names the email's attachments get on the issue, by attachment id: each made safe, inline
 * images also free of characters that would break `!name!`, all unique among the email's files.
 * Use the same names for uploads and for the markup that references them.
 */
export function attachmentFileNames(
  attachments: readonly MailAttachmentInfo[]
): Map<string, string> {
  const safeNames = attachments.map((attachment, index) => {
    const safe = safeFileName(attachment.name, `attachment-${index + 1}`);
    return isInlineImage(attachment) ? safe.replace(IMAGE_MARKUP_CHARACTERS, "_") : safe;
  });
  const unique = uniqueFileNames(safeNames);
  return new Map(attachments.map((attachment, index) => [attachment.id, unique[index] as string]));
}

/** An inline image: part of the body (a `cid:` picture), not a file the user attached. */
export function isInlineImage(attachment: MailAttachmentInfo): boolean {
  return (
    attachment.isInline &&
    attachment.attachmentType === "file" &&
    attachment.contentType.toLowerCase().startsWith("image/")
  );
}
