/**
 * The issue summary from an email subject: reply/forward prefixes stripped (in the languages mail
 * clients write them), invisible control characters removed, whitespace collapsed, cut to Jira's
 * limit.
 */
import { visibleSingleLine } from "./visible-text";

/** Jira rejects summaries longer than 255 characters (UTF-16 code units, as Java counts them). */
export const MAX_SUMMARY_LENGTH = 255;

/**
 * Reply and forward markers as mail clients localize them, e.g. German AW/WG, Dutch Antw/Doorst,
 * Scandinavian SV/VS/VB/VL, French TR/Réf/Rép, Spanish RV, Portuguese ENC/RES, Italian R/I/RIF,
 * Polish Odp/PD, Turkish YNT/İLT, Greek ΑΠ/ΣΧΕΤ/ΠΡΘ, Hebrew השב/הועבר, Chinese 回复/转发,
 * Japanese 返信/転送, Korean 답장/전달. Only ever stripped when followed by a colon.
 */
const PREFIX_WORDS = [
  "re",
  "fwd?",
  "aw",
  "wg",
  "sv",
  "vs",
  "vb",
  "vl",
  "tr",
  "rv",
  "antw(?:ort)?",
  "doorst",
  "odp",
  "pd",
  "ynt",
  "[iİı]lt",
  "enc",
  "res",
  "rif",
  "r",
  "i",
  "r[ée]f",
  "r[ée]p",
  "απ",
  "σχετ",
  "πρθ",
  "השב",
  "הועבר",
  "回复",
  "回覆",
  "答复",
  "转发",
  "轉寄",
  "转寄",
  "返信",
  "転送",
  "답장",
  "전달",
].join("|");

/** "RE:", "Re[2]:", "Re(3):", "TR :" (French spacing), "回复：" (full-width colon). */
const PREFIX = new RegExp(`^(?:${PREFIX_WORDS})\\s*(?:[[(]\\d+[\\])])?\\s*[:：]\\s*`, "iu");
/** "[Fwd: subject]": the whole subject wrapped by an older forwarding client. */
const BRACKETED_FORWARD = /^\[\s*fwd?\s*[:：]([^]*)\]$/iu;
/** "(Fwd) subject" and "subject (fwd)". */
const PARENTHESIZED_FORWARD_START = /^\(\s*fwd?\s*\)\s*/iu;
const PARENTHESIZED_FORWARD_END = /\(\s*fwd?\s*\)$/iu;
/** Tags such as "[EXT]" or "[SUP-2]" are part of the subject; a prefix after them still goes. */
const LEADING_TAGS = /^(?:\[[^\]]*\]\s*)+/u;

/**
 * Removes reply/forward prefixes ("RE: FW: AW: Re[2]:", "[Fwd: …]", "(Fwd)") from the start of a
 * subject, repeatedly and case-insensitively. Bracketed tags ("[EXT]", "[SUP-2]") stay; a word
 * without a colon ("Re-open", "Trouble") is left alone.
 */
export function stripSubjectPrefixes(subject: string): string {
  let rest = subject.trim();
  for (;;) {
    const next = stripOnce(rest).trim();
    if (next === rest) {
      return rest;
    }
    rest = next;
  }
}

function stripOnce(subject: string): string {
  const bracketed = BRACKETED_FORWARD.exec(subject);
  if (bracketed) {
    return bracketed[1] ?? "";
  }
  const withoutStart = subject.replace(PARENTHESIZED_FORWARD_START, "");
  if (withoutStart !== subject) {
    return withoutStart;
  }
  // Only the end of the subject can hold "(fwd)": test a short tail, whatever the length.
  const tail = subject.slice(-12);
  const end = PARENTHESIZED_FORWARD_END.exec(tail);
  if (end) {
    return subject.slice(0, subject.length - tail.length + end.index);
  }
  const prefix = PREFIX.exec(subject);
  if (prefix) {
    return subject.slice(prefix[0].length);
  }
  const tags = LEADING_TAGS.exec(subject);
  if (tags) {
    const afterTags = subject.slice(tags[0].length);
    const tagPrefix = PREFIX.exec(afterTags);
    if (tagPrefix) {
      return tags[0] + afterTags.slice(tagPrefix[0].length);
    }
  }
  return subject;
}

/**
 * The summary for an issue made from an email with this subject: prefixes stripped, invisible
 * characters removed, line breaks and whitespace runs as one space, at most
 * {@link MAX_SUMMARY_LENGTH} characters (never half a surrogate pair). An empty subject gives "":
 * the form asks for a summary then.
 */
export function summaryFromSubject(subject: string): string {
  const visible = visibleSingleLine(subject);
  return cutToLength(stripSubjectPrefixes(visible), MAX_SUMMARY_LENGTH).trim();
}

/** Cuts `text` to at most `max` UTF-16 code units without splitting a surrogate pair. */
export function cutToLength(text: string, max: number): string {
  if (text.length <= max) {
    return text;
  }
  const lastKept = text.charCodeAt(max - 1);
  const splitsPair = lastKept >= 0xd800 && lastKept <= 0xdbff;
  return text.slice(0, splitsPair ? max - 1 : max);
}
