/**
 * Which link targets the description preview makes clickable: http, https and mailto only, as the
 * converter writes them (src/mail/html-to-wiki/link-safety.ts). Anything else (`javascript:`,
 * `data:`, `vbscript:`, `file:`, relative paths) is shown as text. The sanitizer checks the same
 * again on the finished HTML (sanitize.ts).
 */

const ALLOWED_PROTOCOLS = new Set(["http:", "https:", "mailto:"]);

/**
 * The URL to link to for a target written in the markup, or null when it must stay text. Parsed
 * with the WHATWG URL parser, as the browser would (so `java\tscript:` is caught), never resolved
 * against the pane's address.
 */
export function previewLinkUrl(target: string): string | null {
  let url: URL;
  try {
    url = new URL(target.trim());
  } catch {
    return null;
  }
  return ALLOWED_PROTOCOLS.has(url.protocol) ? url.href : null;
}

/** A bare URL in text, as Jira links it: http or https, up to a space or a markup character. */
const BARE_URL = /https?:\/\/[^\s[\]|{}<>"'`]+/iy;
/** Punctuation that ends a sentence rather than the URL ("see https://x.example/a."). */
const TRAILING_PUNCTUATION = /[.,;:!?)]+$/;

/** The bare http(s) URL starting at `index` of `text` (trailing punctuation left out), or null. */
export function bareUrlAt(text: string, index: number): string | null {
  BARE_URL.lastIndex = index;
  const match = BARE_URL.exec(text);
  if (match === null) {
    return null;
  }
  const url = match[0].replace(TRAILING_PUNCTUATION, "");
  return /^https?:\/\/[^/]/i.test(url) ? url : null;
}
