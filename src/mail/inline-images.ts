/**
 * The inline images of an email (pictures pasted into the body, referenced as `cid:` URLs) and the
 * file names they get on the issue, where the description shows them as `!fileName!`: Jira finds
 * an embedded image by the name of an attachment on the same issue.
 */
import type { InlineImageRef } from "./email-description-types";
import { attachmentFileNames, isInlineImage } from "./file-names";
import type { MailMessage } from "./mail-message";

/** `cid:` URLs in an HTML body (RFC 2392), as written: up to a quote, space, `)` or `>`. */
const CID_REFERENCE = /cid:([^"'\s)>]+)/gi;

/**
 * The email's inline images as {@link InlineImageRef}s, in attachment order. A `cid:` reference in
 * `html` is matched to an attachment by Content-ID, else by name: Outlook writes
 * `cid:image001.png@01DAB5C1.2F3E4A50` for an attachment named image001.png, sometimes without
 * reporting its Content-ID; the ref then carries the Content-ID the HTML uses.
 */
export function inlineImagesOf(message: MailMessage, html: string | null): InlineImageRef[] {
  const references = cidReferences(html);
  const fileNames = attachmentFileNames(message.attachments);
  const refs: InlineImageRef[] = [];
  for (const attachment of message.attachments) {
    if (!isInlineImage(attachment)) {
      continue;
    }
    const contentId =
      normalizeContentId(attachment.contentId) ?? referenceByName(references, attachment.name);
    refs.push({
      attachmentId: attachment.id,
      ...(contentId === undefined ? {} : { contentId }),
      fileName: fileNames.get(attachment.id) ?? attachment.name,
    });
  }
  return refs;
}

/** The Content-IDs an HTML body references, decoded, in order of appearance. */
export function cidReferences(html: string | null): string[] {
  if (html === null) {
    return [];
  }
  const found: string[] = [];
  for (const match of html.matchAll(CID_REFERENCE)) {
    const contentId = normalizeContentId(decodeCid(match[1] ?? ""));
    if (contentId !== undefined && !found.includes(contentId)) {
      found.push(contentId);
    }
  }
  return found;
}

/** A Content-ID without angle brackets or surrounding space; undefined when empty. */
export function normalizeContentId(contentId: string | undefined): string | undefined {
  const trimmed = contentId?.trim().replace(/^<|>$/g, "").trim();
  return trimmed ? trimmed : undefined;
}

/** RFC 2392 allows %-escapes in a cid URL; a malformed one is taken as written. */
export function decodeCid(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** The part of a Content-ID before "@": Outlook's "image001.png@01DA…" names the file. */
export function contentIdLocalPart(contentId: string): string {
  const at = contentId.indexOf("@");
  return at < 0 ? contentId : contentId.slice(0, at);
}

function referenceByName(references: readonly string[], name: string): string | undefined {
  const wanted = name.trim().toLowerCase();
  if (wanted === "") {
    return undefined;
  }
  return references.find((reference) => contentIdLocalPart(reference).toLowerCase() === wanted);
}
