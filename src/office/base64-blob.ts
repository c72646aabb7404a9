/**
 * Outlook hands file contents over as base64 text (getAttachmentContentAsync, getAsFileAsync, EWS
 * Content/MimeContent). Turning that into an uploadable Blob is where memory goes on big
 * attachments, and the budget is "uploads hold at most one decoded copy": so the text is
 * decoded in slices straight into ONE Uint8Array of the exact final size (no full-size binary
 * string from a single atob, no list of parts to concatenate), and that array becomes the Blob.
 * The array is garbage once the Blob holds the bytes.
 */

/** Base64 characters per slice: a multiple of 4, so every slice decodes on its own (48 KiB out). */
const SLICE_CHARS = 64 * 1024;

/** Base64 that isn't (a stray character, a wrong length). `code` is "invalid_base64". */
export class Base64Error extends Error {
  override readonly name = "Base64Error";
  readonly code = "invalid_base64";
}

/**
 * Decodes standard base64 (RFC 4648 §4; whitespace such as MIME line breaks is ignored) into one
 * Uint8Array, slice by slice.
 *
 * @throws {Base64Error} when the text is not base64
 */
export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const text = /\s/.test(base64) ? base64.replace(/\s+/g, "") : base64;
  if (text.length % 4 !== 0) {
    throw new Base64Error(
      `The content is not valid base64: its length (${text.length}) is not a multiple of 4.`
    );
  }
  const padding = text.endsWith("==") ? 2 : text.endsWith("=") ? 1 : 0;
  const bytes = new Uint8Array((text.length / 4) * 3 - padding);
  let written = 0;
  for (let start = 0; start < text.length; start += SLICE_CHARS) {
    let binary: string;
    try {
      binary = atob(text.slice(start, start + SLICE_CHARS));
    } catch (cause) {
      throw new Base64Error(
        "The content is not valid base64: it holds other characters or misplaced padding.",
        {
          cause,
        }
      );
    }
    for (let index = 0; index < binary.length; index += 1) {
      bytes[written + index] = binary.charCodeAt(index);
    }
    written += binary.length;
  }
  if (written !== bytes.length) {
    // Padding in the middle ("AA==AAAA") decodes to fewer bytes than the length promised.
    throw new Base64Error("The content is not valid base64: padding in the middle of the text.");
  }
  return bytes;
}

/**
 * A Blob of `type` holding the decoded bytes of `base64` (see the module comment for why it is
 * built this way).
 *
 * @throws {Base64Error} when the text is not base64
 */
export function base64ToBlob(base64: string, type: string): Blob {
  return new Blob([base64ToBytes(base64)], { type });
}

/** A Blob of `type` holding `text` as UTF-8 (how an .eml or .ics string from Outlook is stored). */
export function textToBlob(text: string, type: string): Blob {
  return new Blob([text], { type });
}
