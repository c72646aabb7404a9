/**
 * Which link targets from an email may become Jira links: only http, https and mailto. Anything
 * else (javascript:, data:, vbscript:, file:, relative URLs that a `<base>` would resolve) keeps
 * its text and loses its target. Microsoft Safe Links wrappers are unwrapped to the real target
 * (and that target is checked the same way).
 */

const ALLOWED_PROTOCOLS = new Set(["http:", "https:", "mailto:"]);
/** Outlook's Safe Links: https://eur01.safelinks.protection.outlook.com/?url=<target>&data=… */
const SAFE_LINKS_HOST = /(?:^|\.)safelinks\.protection\.outlook\.com$/i;
const MAX_UNWRAPS = 3;

/**
 * The URL to put in a Jira link for an `href` from an email, or null when it must not be linked.
 * Parsed with the WHATWG URL parser (as a browser would, so "java\tscript:" is caught), never
 * resolved against any base.
 */
export function safeLinkUrl(href: string | null | undefined): string | null {
  let candidate = href?.trim() ?? "";
  for (let unwraps = 0; candidate !== ""; unwraps += 1) {
    let url: URL;
    try {
      url = new URL(candidate);
    } catch {
      return null;
    }
    if (!ALLOWED_PROTOCOLS.has(url.protocol)) {
      return null;
    }
    const wrapped = SAFE_LINKS_HOST.test(url.hostname) ? url.searchParams.get("url") : null;
    if (wrapped === null || unwraps >= MAX_UNWRAPS) {
      return wikiSafeUrl(url.href);
    }
    candidate = wrapped.trim();
  }
  return null;
}

/** Whether a URL may be shown as a link to an image (http and https only: never `!url!`). */
export function isRemoteImageUrl(src: string | null | undefined): boolean {
  try {
    const protocol = new URL(src?.trim() ?? "").protocol;
    return protocol === "http:" || protocol === "https:";
  } catch {
    return false;
  }
}

/**
 * Percent-encodes what would end or split a Jira link (`[`, `]`, `|`), open a macro (`{`, `}`) or
 * break the line (whitespace, controls) inside a URL.
 */
export function wikiSafeUrl(href: string): string {
  return href.replace(/[[\]|{}\s\p{Cc}]/gu, (char) =>
    Array.from(
      new TextEncoder().encode(char),
      (byte) => `%${byte.toString(16).toUpperCase().padStart(2, "0")}`
    ).join("")
  );
}
