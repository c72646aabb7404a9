/**
 * Which Jira issues an email is about: issue keys found in its subject, Outlook's thread topic,
 * the issues earlier emails of the conversation went to, its body and its thread headers, ranked
 * best first. Also the issue ids in Jira's own notification Message-IDs, which a reply to a Jira
 * notification carries in In-Reply-To / References.
 *
 * Text that looks like a key often isn't one (UTF-8, ISO-8859-1, SHA-256, COVID-19): a key is
 * only taken as a whole token, and only when its project part is a project the user can see (the
 * caller passes the keys from GET /project). The caller then looks the candidates up in Jira.
 *
 * Email text is hostile and can be megabytes: the body is scanned only in its first
 * {@link MAX_SCANNED_BODY_CHARS} characters, and every scan is linear (the patterns start a match
 * only at a token start, so a long run of capitals can't make them quadratic).
 */
import { ANY_CASE_ISSUE_KEY_SOURCE, ISSUE_KEY_SOURCE, isIssueKey } from "../jira/issue-key";
import type { ThreadHeaders } from "./mail-message";

/** Where a key was found. "thread": the Thread-Topic, In-Reply-To or References headers. */
export type KeySource = "subject" | "body" | "thread" | "conversation";

/** One issue key the email may be about, with every place it was found (best place first). */
export interface IssueKeyCandidate {
  key: string;
  sources: KeySource[];
}

/** What {@link detectIssueKeys} looks at. */
export interface KeyDetectionInput {
  subject: string;
  /** The body as plain text (Outlook's text coercion). */
  bodyText: string;
  threadHeaders: ThreadHeaders;
  /** The issues earlier emails of this conversation went to, newest first (destination memory). */
  conversationKeys: string[];
}

/** Candidates returned at most. */
export const MAX_CANDIDATES = 10;
/** The body is scanned this far: keys that matter are near the top, and bodies can be megabytes. */
export const MAX_SCANNED_BODY_CHARS = 200_000;
/** Subjects and thread topics are short; a hostile one is cut here. */
const MAX_SCANNED_SUBJECT_CHARS = 10_000;
/**
 * A key as issue-key.ts defines it (the project key an admin may configure: a capital, then
 * capitals, digits or "_"; a hyphen; a number without leading zero, at most 15 digits). The
 * lookbehind makes every match start at a token start: letters, digits and "_" may not come
 * before. The rest of the token rules are in {@link isWholeToken} (which also rejects a key whose
 * number runs on past the 15 digits the pattern takes).
 */
const UPPER_KEY = new RegExp(`(?<![\\p{L}\\p{N}_])${ISSUE_KEY_SOURCE}`, "gu");
/** The same, any case: subjects are typed by people ("re: sup-2"), and are checked like the rest. */
const ANY_CASE_KEY = new RegExp(`(?<![\\p{L}\\p{N}_])${ANY_CASE_ISSUE_KEY_SOURCE}`, "gu");
/**
 * Keys inside Message-IDs (`<SUP-2.1718000000@jira.example>`): only letters and digits bound
 * them, since ids join their parts with dots and hyphens.
 */
const KEY_IN_ID = new RegExp(`(?<![A-Za-z0-9_])${ISSUE_KEY_SOURCE}(?![A-Za-z0-9_])`, "g");
const WORD_CHAR = /[\p{L}\p{N}_]/u;
/**
 * Characters that glue two words into one token: "abc-SUP-2", "ISO-8859-1", "SUP-2.example.com",
 * "SUP-2@example.com" are parts of something else, not keys. Before or after a key, one of these
 * followed by a letter or digit rejects it; at a sentence's end ("see SUP-2.") it doesn't.
 */
const JOINERS = new Set(["-", ".", "@"]);
/**
 * Jira's notification Message-ID: `JIRA.<issue id>.<created ms>.<sequence>.<sent ms>@<host>`
 * (e.g. `JIRA.10001.1591234567000.123.1591234567890@jira.example`).
 */
const JIRA_NOTIFICATION_ID = /^JIRA\.([1-9][0-9]{0,17})\.[^@\s]*@/;

/**
 * The issue keys the email refers to, best first, at most {@link MAX_CANDIDATES}: keys in the
 * subject (a bracketed "[SUP-2]" before the others), then in the thread topic, then the
 * conversation's earlier issues, then in the body (more mentions first, then the earlier one),
 * then in the thread headers' Message-IDs. Only keys whose project is in `projectKeys` are taken.
 */
export function detectIssueKeys(
  input: KeyDetectionInput,
  projectKeys: ReadonlySet<string>
): IssueKeyCandidate[] {
  const isKnown = (key: string) => projectKeys.has(key.slice(0, key.lastIndexOf("-")));
  const ranked = new Map<string, KeySource[]>();
  const add = (keys: Iterable<string>, source: KeySource) => {
    for (const key of keys) {
      if (!isKnown(key)) continue;
      const sources = ranked.get(key);
      if (!sources) ranked.set(key, [source]);
      else if (!sources.includes(source)) sources.push(source);
    }
  };

  add(subjectKeys(input.subject), "subject");
  add(
    keysInText(cut(input.threadHeaders.threadTopic ?? "", MAX_SCANNED_SUBJECT_CHARS), ANY_CASE_KEY),
    "thread"
  );
  add(
    // Remembered keys are checked before use: roaming settings can hold anything.
    input.conversationKeys.filter(isIssueKey),
    "conversation"
  );
  add(bodyKeysByMentions(input.bodyText), "body");
  add(keysInThreadIds(input.threadHeaders), "thread");

  return [...ranked].slice(0, MAX_CANDIDATES).map(([key, sources]) => ({ key, sources }));
}

/**
 * The issue ids of Jira notifications this email answers, from the Message-IDs in its
 * In-Reply-To (first) and References (newest first), without repeats; at most
 * {@link MAX_CANDIDATES}.
 */
export function jiraIssueIdsInThread(headers: ThreadHeaders): string[] {
  const ids = new Set<string>();
  for (const messageId of threadIdsNewestFirst(headers)) {
    const id = JIRA_NOTIFICATION_ID.exec(messageId)?.[1];
    if (id) ids.add(id);
    if (ids.size === MAX_CANDIDATES) break;
  }
  return [...ids];
}

/** Keys in the subject: bracketed ones ("[SUP-2]", Jira's own notification style) first. */
function subjectKeys(subject: string): string[] {
  const text = cut(subject, MAX_SCANNED_SUBJECT_CHARS);
  const bracketed: string[] = [];
  const others: string[] = [];
  for (const match of tokens(text, ANY_CASE_KEY)) {
    const key = match.key.toUpperCase();
    const inBrackets = text[match.start - 1] === "[" && text[match.end] === "]";
    (inBrackets ? bracketed : others).push(key);
  }
  return [...bracketed, ...others];
}

/**
 * Body keys, most mentioned first; capitals only: "sup-2" in running text is too often something
 * else.
 */
function bodyKeysByMentions(bodyText: string): string[] {
  const scanned = cut(bodyText, MAX_SCANNED_BODY_CHARS);
  // Map keeps first-seen order, so a stable sort by count keeps the earlier key first on ties.
  const mentions = new Map<string, number>();
  // The full text decides the end of a key cut at the limit: "SUP-12|345" is not SUP-12.
  for (const { key } of tokens(scanned, UPPER_KEY, bodyText)) {
    mentions.set(key, (mentions.get(key) ?? 0) + 1);
  }
  return [...mentions].sort((a, b) => b[1] - a[1]).map(([key]) => key);
}

function keysInText(text: string, pattern: RegExp): string[] {
  return tokens(text, pattern).map((match) => match.key.toUpperCase());
}

/** Keys inside the thread's Message-IDs, In-Reply-To first, then References newest first. */
function keysInThreadIds(headers: ThreadHeaders): string[] {
  const keys: string[] = [];
  for (const messageId of threadIdsNewestFirst(headers)) {
    for (const match of messageId.matchAll(KEY_IN_ID)) {
      keys.push(match[0]);
    }
  }
  return keys;
}

function threadIdsNewestFirst(headers: ThreadHeaders): string[] {
  return [...headers.inReplyTo, ...[...headers.references].reverse()];
}

interface KeyToken {
  key: string;
  start: number;
  end: number;
}

/**
 * The whole-token matches of `pattern` in `text`. `fullText` (default `text`) is what follows
 * `text` when it was cut from a longer string, so a key at the cut is judged by its real end.
 */
function tokens(text: string, pattern: RegExp, fullText = text): KeyToken[] {
  const found: KeyToken[] = [];
  for (const match of text.matchAll(pattern)) {
    const start = match.index;
    const end = start + match[0].length;
    if (isWholeToken(fullText, start, end)) {
      found.push({ key: match[0], start, end });
    }
  }
  return found;
}

/** The key at [start, end) is not glued to a neighbouring word (see {@link JOINERS}). */
function isWholeToken(text: string, start: number, end: number): boolean {
  const after = text[end];
  if (after !== undefined) {
    if (WORD_CHAR.test(after)) return false;
    if (JOINERS.has(after) && isWordChar(text[end + 1])) return false;
  }
  const before = text[start - 1];
  if (before !== undefined && JOINERS.has(before) && isWordChar(text[start - 2])) return false;
  return true;
}

function isWordChar(char: string | undefined): boolean {
  return char !== undefined && WORD_CHAR.test(char);
}

function cut(text: string, limit: number): string {
  return text.length > limit ? text.slice(0, limit) : text;
}
