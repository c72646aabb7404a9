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
const ALLOWED_SCHEME_START = /^(?:https?|mailto):/i;
/** "mailto:" is the longest allowed scheme with its colon. */
const SCHEME_WINDOW = 7;

/** Answers already worked out (each link is looked at several times per conversion); bounded. */
const answers = new Map<string, string | null>();
const MAX_ANSWERS = 4_096;
const MAX_REMEMBERED_LENGTH = 2_048;

/**
 * The URL to put in a Jira link for an `href` from an email, or null when it must not be linked.
 * Parsed with the WHATWG URL parser (as a browser would, so "java\tscript:" is caught), never
 * resolved against any base.
 */
export function safeLinkUrl(href: string | null | undefined): string | null {
  const key = href ?? "";
  if (key.length > MAX_REMEMBERED_LENGTH) {
    return parseSafeLinkUrl(key);
  }
  let answer = answers.get(key);
  if (answer === undefined) {
    answer = parseSafeLinkUrl(key);
    if (answers.size >= MAX_ANSWERS) {
      answers.clear();
    }
    answers.set(key, answer);
  }
  return answer;
}

/**
 * Whether `candidate` can parse to an allowed protocol. The URL parser reads the scheme after
 * dropping leading C0 controls and spaces and every tab and line break (WHATWG URL Standard,
 * "basic URL parser"); anything not starting with an allowed scheme then is rejected anyway, so
 * this spares the parser (and its exception) the many hrefs and link texts that are no URL.
 */
function mayHaveAllowedScheme(candidate: string): boolean {
  let index = 0;
  while (index < candidate.length && candidate.charCodeAt(index) <= 0x20) {
    index += 1;
  }
  let scheme = "";
  for (; index < candidate.length && scheme.length < SCHEME_WINDOW; index += 1) {
    const char = candidate[index] as string;
    if (char !== "\t" && char !== "\n" && char !== "\r") {
      scheme += char;
    }
  }
  return ALLOWED_SCHEME_START.test(scheme);
}

function parseSafeLinkUrl(href: string): string | null {
  let candidate = href.trim();
  for (let unwraps = 0; candidate !== ""; unwraps += 1) {
    if (!mayHaveAllowedScheme(candidate)) {
      return null;
    }
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
