/**
 * A plain-text email body → Jira wiki markup: every line escaped so it stays text, line breaks
 * kept (Jira renders a newline as a line break), blank lines kept as paragraph breaks, "> " quoted
 * runs as `{quote}` blocks. On request, the quoted reply history is cut: at "-----Original
 * Message-----", at Outlook's "From: … Sent: …" block (localized), at an "On … wrote:" line
 * followed by "> " lines, or at a trailing run of "> " lines.
 */
import {
  FROM_LABEL,
  isAttribution,
  ORIGINAL_MESSAGE_LINE,
  SENT_LABEL,
  UNDERSCORE_RULE,
} from "./html-to-wiki/history-patterns";
import { normalizeText } from "./html-to-wiki/escape-text-nodes";
import { tidyWikiMarkup } from "./html-to-wiki/markup-tidy";
import { escapeWikiText, LINE_CONTEXT } from "./wiki-escape";

export interface TextToWikiOptions {
  /** Drop the quoted reply history. */
  cutQuotedHistory: boolean;
}

const QUOTED = /^\s*>/;
const QUOTE_MARKERS = /^(?:\s*>)+ ?/;
/** How many lines after "From:" may hold "Sent:" (To and Cc come between in some clients). */
const HEADER_LOOKAHEAD = 4;

/** Converts a plain-text body to Jira wiki markup (see the module comment). */
export function textToWiki(text: string, options: TextToWikiOptions): string {
  let lines = normalizeText(text.replace(/\r\n?/g, "\n")).split("\n");
  if (options.cutQuotedHistory) {
    lines = lines.slice(0, historyStart(lines));
  }
  const out: string[] = [];
  for (let index = 0; index < lines.length;) {
    if (QUOTED.test(lines[index] as string)) {
      const quoted: string[] = [];
      while (index < lines.length && QUOTED.test(lines[index] as string)) {
        quoted.push((lines[index] as string).replace(QUOTE_MARKERS, ""));
        index += 1;
      }
      out.push("{quote}", ...quoted.map(escapeLine), "{quote}");
    } else {
      out.push(escapeLine(lines[index] as string));
      index += 1;
    }
  }
  return tidyWikiMarkup(out.join("\n"));
}

function escapeLine(line: string): string {
  return escapeWikiText(line, LINE_CONTEXT);
}

/** The index of the first line of the quoted history, or `lines.length` when there is none. */
export function historyStart(lines: readonly string[]): number {
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index] as string;
    if (ORIGINAL_MESSAGE_LINE.test(line)) {
      return index;
    }
    if (FROM_LABEL.test(line) && sentLabelFollows(lines, index)) {
      const ruleAbove = index > 0 && UNDERSCORE_RULE.test(lines[index - 1] as string);
      return ruleAbove ? index - 1 : index;
    }
    const attributionEnd = attributionEndAt(lines, index);
    if (attributionEnd !== null && quoteFollows(lines, attributionEnd + 1)) {
      return index;
    }
  }
  return trailingQuoteStart(lines);
}

function sentLabelFollows(lines: readonly string[], fromIndex: number): boolean {
  const following = lines.slice(fromIndex + 1, fromIndex + 1 + HEADER_LOOKAHEAD);
  return following.some((line) => SENT_LABEL.test(line));
}

/** The last line of an "On … wrote:" attribution starting here (mail clients wrap it), or null. */
function attributionEndAt(lines: readonly string[], index: number): number | null {
  const line = lines[index] as string;
  if (isAttribution(line)) {
    return index;
  }
  const next = lines[index + 1];
  return next !== undefined && isAttribution(`${line} ${next}`) ? index + 1 : null;
}

function quoteFollows(lines: readonly string[], from: number): boolean {
  let index = from;
  while (index < lines.length && (lines[index] as string).trim() === "") {
    index += 1;
  }
  return index < lines.length && QUOTED.test(lines[index] as string);
}

/** Where a run of "> " lines that ends the text begins (blank lines within it allowed). */
function trailingQuoteStart(lines: readonly string[]): number {
  let index = lines.length;
  while (index > 0 && (lines[index - 1] as string).trim() === "") {
    index -= 1;
  }
  if (index === 0 || !QUOTED.test(lines[index - 1] as string)) {
    return lines.length;
  }
  let start = index - 1;
  for (let cursor = index - 1; cursor >= 0; cursor -= 1) {
    const line = lines[cursor] as string;
    if (QUOTED.test(line)) {
      start = cursor;
    } else if (line.trim() !== "") {
      break;
    }
  }
  return start;
}
