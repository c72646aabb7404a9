/**
 * How the email's Jira links are stored in its item custom property: one property, "jiraLinks",
 * whose value is a JSON string (strings are the one value type every Outlook client keeps as is),
 * compact because Outlook allows 2,500 characters of JSON for ALL of an add-in's properties on an
 * item (learn.microsoft.com/office/dev/add-ins/outlook/limits-for-activation-and-javascript-api-for-outlook-add-ins)
 * and a string value's quotes count twice once escaped:
 *
 *     {"f":1,"l":[{"k":"SUP-12","i":"10012","u":"https://jira.example.com","t":"c","d":"2026-…Z"}]}
 *
 * `f` is the format version; `l` the links, newest first: `k` issue key, `i` issue id, `u` Jira
 * base URL, `t` "c" created / "m" commented, `d` linkedAt (ISO 8601).
 *
 * Reading trusts nothing: an unknown format gives no links, and every entry is checked on its own
 * (a malformed or hostile one is dropped, the rest kept).
 */
import { normaliseJiraUrl } from "../config/urls";
import { isIssueKey } from "../jira/issue-key";
import type { EmailIssueLink } from "../ui/ports";

/** The custom property's name. */
export const EMAIL_LINKS_PROPERTY = "jiraLinks";
export const EMAIL_LINKS_FORMAT_VERSION = 1;
/** Outlook's limit on the JSON of all of an add-in's custom properties on one item. */
export const CUSTOM_PROPERTIES_MAX_CHARS = 2500;
/** More links than fit in 2,500 characters are never kept; a stored list longer than this is cut. */
const MAX_LINKS = 40;

interface StoredLink {
  k: string;
  i: string;
  u: string;
  t: "c" | "m";
  d: string;
}

const KIND_CODES: Readonly<Record<EmailIssueLink["kind"], StoredLink["t"]>> = {
  created: "c",
  commented: "m",
};

const ISSUE_ID = /^[0-9]{1,19}$/;
const MAX_URL_LENGTH = 2000;
const MAX_TIMESTAMP_LENGTH = 40;

/** The links a stored property value holds, newest first; [] for anything unreadable. */
export function decodeEmailLinks(stored: unknown): EmailIssueLink[] {
  let value: unknown = stored;
  if (typeof stored === "string") {
    try {
      value = JSON.parse(stored);
    } catch {
      return [];
    }
  }
  if (!isRecord(value) || value["f"] !== EMAIL_LINKS_FORMAT_VERSION || !Array.isArray(value["l"])) {
    return [];
  }
  const links: EmailIssueLink[] = [];
  for (const entry of (value["l"] as unknown[]).slice(0, MAX_LINKS)) {
    const link = decodeLink(entry);
    if (link && !links.some((kept) => sameIssue(kept, link))) links.push(link);
  }
  return links;
}

/** The property value for `links` (newest first). */
export function encodeEmailLinks(links: readonly EmailIssueLink[]): string {
  const stored: StoredLink[] = links.map((link) => ({
    k: link.issueKey,
    i: link.issueId,
    u: link.jiraBaseUrl,
    t: KIND_CODES[link.kind],
    d: link.linkedAt,
  }));
  return JSON.stringify({ f: EMAIL_LINKS_FORMAT_VERSION, l: stored });
}

/**
 * `link` first, then `links` without the older entry for the same issue (same issue key in the
 * same Jira), so a repeated link refreshes instead of duplicating. The refreshed entry stays
 * "created" if either was (the issue was made from this email, whatever came after; a comment
 * recorded after the create must not turn it into "commented") and keeps the newer linkedAt (two
 * deliveries can finish in any order).
 */
export function withLinkFirst(
  links: readonly EmailIssueLink[],
  link: EmailIssueLink
): EmailIssueLink[] {
  const earlier = links.find((existing) => sameIssue(existing, link));
  const merged: EmailIssueLink = earlier
    ? {
        ...link,
        kind: earlier.kind === "created" ? "created" : link.kind,
        linkedAt:
          Date.parse(earlier.linkedAt) > Date.parse(link.linkedAt)
            ? earlier.linkedAt
            : link.linkedAt,
      }
    : link;
  return [merged, ...links.filter((existing) => !sameIssue(existing, link))];
}

/**
 * The property value for the most of `links` (newest first) that keeps the JSON of all the item's
 * properties — `otherProperties` plus this one — within `maxChars`, dropping the oldest first.
 * Always keeps the newest link: if even that one doesn't fit, saving fails and Outlook says why.
 */
export function fitEmailLinks(
  links: readonly EmailIssueLink[],
  otherProperties: Readonly<Record<string, unknown>>,
  maxChars = CUSTOM_PROPERTIES_MAX_CHARS
): string {
  const sizeWith = (value: string) =>
    JSON.stringify({ ...otherProperties, [EMAIL_LINKS_PROPERTY]: value }).length;
  let kept = links.slice(0, MAX_LINKS);
  let value = encodeEmailLinks(kept);
  while (kept.length > 1 && sizeWith(value) > maxChars) {
    kept = kept.slice(0, -1);
    value = encodeEmailLinks(kept);
  }
  return value;
}

/** Whether `link` is well-formed (what decoding would keep). */
export function isValidEmailLink(link: EmailIssueLink): boolean {
  return decodeLink(JSON.parse(encodeEmailLinks([link])).l[0]) !== null;
}

function decodeLink(entry: unknown): EmailIssueLink | null {
  if (!isRecord(entry)) return null;
  const { k, i, u, t, d } = entry;
  if (typeof k !== "string" || !isIssueKey(k)) return null;
  if (typeof i !== "string" || !ISSUE_ID.test(i)) return null;
  if (typeof u !== "string" || !isJiraBaseUrl(u)) return null;
  const kind = t === "c" ? "created" : t === "m" ? "commented" : null;
  if (kind === null) return null;
  if (typeof d !== "string" || d.length > MAX_TIMESTAMP_LENGTH || Number.isNaN(Date.parse(d))) {
    return null;
  }
  return { issueKey: k, issueId: i, jiraBaseUrl: u, kind, linkedAt: d };
}

/** An http(s) base URL as the configuration writes it: no credentials, query or fragment. */
function isJiraBaseUrl(value: string): boolean {
  if (value.length > MAX_URL_LENGTH) return false;
  try {
    return normaliseJiraUrl(value) === value;
  } catch {
    return false;
  }
}

function sameIssue(a: EmailIssueLink, b: EmailIssueLink): boolean {
  return a.issueKey === b.issueKey && a.jiraBaseUrl === b.jiraBaseUrl;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
