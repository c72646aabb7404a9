/**
 * The thread headers of an email, read from the header section Outlook gives
 * (item.getAllInternetHeadersAsync, Mailbox 1.8): In-Reply-To and References (RFC 5322 §3.6.4)
 * and Outlook's Thread-Topic (the thread's original subject, [MS-OXOMSG] PidTagConversationTopic).
 *
 * Headers come from whoever sent the email, so they are parsed as hostile text: linear time,
 * bounded output, nothing kept but Message-IDs and one topic string. Encoded words (RFC 2047) are
 * decoded by postal-mime (architecture guide, habit 12), loaded only when a topic has one: the
 * pane's first paint doesn't carry the MIME parser.
 */
import type { ThreadHeaders } from "../ui/ports";

/** Message-IDs kept per header: a References list can hold hundreds in a long thread. */
export const MAX_THREAD_IDS = 100;
/** A longer "id" can't be a Message-ID: RFC 5322 §2.1.1 limits a line to 998 characters. */
const MAX_ID_CHARS = 998;

/** Decodes RFC 2047 encoded words (postal-mime's decodeWords). */
export type DecodeWords = (text: string) => string;

/**
 * The thread headers in `rawHeaders` (the header section, lines joined with CRLF or LF), with the
 * Thread-Topic's encoded words decoded. Empty lists when the headers are missing or hold no ids.
 */
export async function readThreadHeadersFrom(rawHeaders: string): Promise<ThreadHeaders> {
  const fields = threadHeaderFields(rawHeaders);
  const topic = fields.threadTopic;
  const decodeWords = topic?.includes("=?") ? await loadDecodeWords() : undefined;
  return threadHeadersOfFields(fields, decodeWords);
}

/** The same as {@link readThreadHeadersFrom}, with the decoder given (none: topic left as is). */
export function parseThreadHeaders(rawHeaders: string, decodeWords?: DecodeWords): ThreadHeaders {
  return threadHeadersOfFields(threadHeaderFields(rawHeaders), decodeWords);
}

async function loadDecodeWords(): Promise<DecodeWords> {
  // The same chunk the EWS attachment reader loads (ews/ews-mime-attachments.ts).
  const { decodeWords } = await import(/* webpackChunkName: "mime-parser" */ "postal-mime");
  return decodeWords;
}

interface RawThreadFields {
  inReplyTo?: string;
  references?: string;
  threadTopic?: string;
}

function threadHeadersOfFields(
  fields: RawThreadFields,
  decodeWords: DecodeWords | undefined
): ThreadHeaders {
  const topic =
    fields.threadTopic === undefined ? "" : decodedTopic(fields.threadTopic, decodeWords);
  return {
    inReplyTo: messageIdsIn(fields.inReplyTo ?? "").slice(0, MAX_THREAD_IDS),
    references: keptReferences(messageIdsIn(fields.references ?? "")),
    ...(topic ? { threadTopic: topic } : {}),
  };
}

/**
 * The raw (unfolded) values of the first In-Reply-To, References and Thread-Topic fields. RFC 5322
 * allows each at most once; a repeat is ignored. Reading stops at the blank line ending a header
 * section, in case a host hands more than the headers.
 */
function threadHeaderFields(rawHeaders: string): RawThreadFields {
  const fields: RawThreadFields = {};
  let current: keyof RawThreadFields | null = null;
  let value = "";
  const finish = () => {
    if (current && fields[current] === undefined) fields[current] = value;
    current = null;
  };
  let sawField = false;
  for (const line of rawHeaders.split(/\r?\n/)) {
    if (line === "") {
      // An empty line ends the header section; leading empty lines are skipped.
      if (sawField) break;
      continue;
    }
    if (line.startsWith(" ") || line.startsWith("\t")) {
      // Unfolding (RFC 5322 §2.2.3): the line break goes, the whitespace stays.
      if (current) value += line;
      continue;
    }
    finish();
    sawField = true;
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    current = threadFieldNamed(line.slice(0, colon).trim().toLowerCase());
    value = line.slice(colon + 1);
  }
  finish();
  return fields;
}

function threadFieldNamed(name: string): keyof RawThreadFields | null {
  switch (name) {
    case "in-reply-to":
      return "inReplyTo";
    case "references":
      return "references";
    case "thread-topic":
      return "threadTopic";
    default:
      return null;
  }
}

/**
 * The Message-IDs in a msg-id list (RFC 5322 §3.6.4), without angle brackets and in order:
 * comments (nested, with quoted pairs) and quoted strings (the obsolete phrase form of
 * In-Reply-To, §4.5.4) are skipped; whitespace inside brackets is dropped. A value with no
 * brackets at all (some mailers) gives its whitespace-separated words that contain an "@".
 */
export function messageIdsIn(value: string): string[] {
  const ids: string[] = [];
  const bare: string[] = [];
  let word = "";
  let sawBracket = false;
  const endWord = () => {
    if (word.includes("@") && word.length <= MAX_ID_CHARS) bare.push(word);
    word = "";
  };
  let i = 0;
  while (i < value.length) {
    const char = value[i]!;
    if (char === "(") {
      endWord();
      i = afterComment(value, i);
    } else if (char === '"') {
      endWord();
      i = afterQuotedString(value, i);
    } else if (char === "<") {
      endWord();
      sawBracket = true;
      const close = value.indexOf(">", i + 1);
      const end = close < 0 ? value.length : close;
      const id = value.slice(i + 1, end).replace(/\s+/g, "");
      if (id !== "" && id.length <= MAX_ID_CHARS) ids.push(id);
      i = end + 1;
    } else if (char === " " || char === "\t" || char === "," || char === "\r" || char === "\n") {
      endWord();
      i++;
    } else {
      word += char;
      i++;
    }
  }
  endWord();
  return sawBracket ? ids : bare;
}

/** The index after the comment starting at `start` (a "("), nesting and quoted pairs honoured. */
function afterComment(value: string, start: number): number {
  let depth = 0;
  for (let i = start; i < value.length; i++) {
    const char = value[i];
    if (char === "\\") i++;
    else if (char === "(") depth++;
    else if (char === ")" && --depth === 0) return i + 1;
  }
  return value.length;
}

/** The index after the quoted string starting at `start` (a '"'). */
function afterQuotedString(value: string, start: number): number {
  for (let i = start + 1; i < value.length; i++) {
    const char = value[i];
    if (char === "\\") i++;
    else if (char === '"') return i + 1;
  }
  return value.length;
}

/**
 * At most {@link MAX_THREAD_IDS} references: the first (the thread's root, RFC 5322 §3.6.4 asks
 * to keep it when trimming) and the most recent ones, oldest first as written.
 */
function keptReferences(ids: string[]): string[] {
  if (ids.length <= MAX_THREAD_IDS) return ids;
  return [ids[0]!, ...ids.slice(ids.length - (MAX_THREAD_IDS - 1))];
}

function decodedTopic(raw: string, decodeWords: DecodeWords | undefined): string {
  const text = decodeWords && raw.includes("=?") ? decodeWords(raw) : raw;
  return text.replace(/\s+/g, " ").trim();
}
