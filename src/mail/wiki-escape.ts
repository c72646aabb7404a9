/**
 * Escaping email text for Jira wiki markup, so that text from an email stays text: no bold, no
 * links, no macros, no lists, no images. The one place that knows Jira's markup characters.
 *
 * Jira's renderer (atlassian-renderer, used by Jira Server/DC for wiki markup fields):
 * - Phrase effects `*strong*`, `_em_`, `-del-`, `+ins+`, `^sup^`, `~sub~`, `??cite??` and images
 *   `!file!` only open where the delimiter is not preceded by a letter, digit or backslash, and is
 *   followed by a non-space character other than the delimiter itself (PhraseRendererComponent,
 *   AbstractEmbeddedRendererComponent: `(?<![\p{L}\p{Nd}\\])` + `[^\s<delim>]`). A closing delimiter
 *   never matches without an opener before it on the same line, and every opener from the email is
 *   escaped, so closers stay as they are ("Thanks!", "C++", "2024-06-01" keep their look).
 * - A backslash escapes `- # * _ + ? ^ ~ | % { } [ ] ( ) ! @` (BackslashEscapeRendererComponent);
 *   two backslashes are a line break. A backslash that could join that game is written as the
 *   entity `&#92;` (Jira keeps HTML entities: `&nbsp;` is the well-known trick for empty cells).
 * - Jira escapes before it looks for phrases: `\_` is the entity `&#95;` by then. So whether a
 *   delimiter opens depends on its neighbours in the OUTPUT: in `__init__` escaping only the second
 *   `_` leaves the first followed by `&`, a non-space, and it opens ("_\_init__" renders as
 *   "<em>_init</em>_"). Hence a run of one delimiter is escaped as a whole (see escapeDelimiterRun),
 *   and the character before a delimiter is read from the output (a backslash before a delimiter
 *   is always `&#92;` there: it ends in `;` and blocks nothing).
 * - Line-start constructs: lists (`*`, `#`, `-` followed by a space), `h1.`–`h6.`, `bq.`, `----`.
 *   `h` and `.` have no backslash escape, so the dot becomes `&#46;`.
 * - `{`, `}` (macros, `{{monospace}}`), `[`, `]` (links, mentions), `|` (tables, link aliases) are
 *   always escaped.
 */

/** What surrounds a piece of text in the output: a character, or null when unknown (markup may follow). */
export interface TextContext {
  /** The character just before the text; "\n" at a line start; null when unknown. */
  before: string | null;
  /** The character just after the text; "\n" at a line end; null when unknown. */
  after: string | null;
}

/** Text in the middle of nowhere: every neighbour unknown, so every rule applies. */
export const UNKNOWN_CONTEXT: TextContext = { before: null, after: null };

/** A whole line of text (plain-text bodies, header values). */
export const LINE_CONTEXT: TextContext = { before: "\n", after: "\n" };

const PHRASE_DELIMITERS = new Set(["*", "_", "-", "+", "^", "~", "!"]);
/** `??cite??`: the one effect whose delimiter is two characters. */
const CITATION_MARK = "?";
const ALWAYS_ESCAPED = new Set(["{", "}", "[", "]", "|"]);
const BACKSLASH_ESCAPABLE = new Set([..."-#*_+?^~|%{}[]()!@\\"]);
const WHITESPACE = /\s/u;
/**
 * What Jira's phrase patterns call a space: Java's `\s` without UNICODE_CHARACTER_CLASS is ASCII
 * only, so a no-break space after a delimiter is content (`*\u00A0x*` is bold).
 */
const JAVA_SPACE = /[ \t\n\v\f\r]/;
/** Jira's emoticons in parentheses: `(y)`, `(x)`, `(!)`, `(on)`, `(*r)`, `(flag)` … */
const EMOTICON_AFTER_PAREN = /^(?:[ynix/!?+-]|on|off|\*[rgby]?|flag|flagoff)\)/i;
/** `&copy;`, `&#169;`, `&#xA9;`: Jira would show the character, not the text. */
const ENTITY_AFTER_AMPERSAND = /^(?:[a-z][a-z0-9]*|#\d+|#x[0-9a-f]+);/i;
/** A line that Jira reads as a list item, a heading, a quote or a rule (after optional spaces). */
const LIST_START = /^[*#-]+(?:\s|$)/u;
const RULE_START = /^-{4,}/;
const DOTTED_BLOCK_START = /^(?:h[1-6]|bq)\.(?:\s|$)/iu;
const LINE_START_WINDOW = 64;
/**
 * Every character {@link escapeWikiText} may rewrite away from a line start (see escapeChar), and
 * the line break that starts a new line.
 */
const MAY_CHANGE = /[\n{}[\]|*_\-+^~!\\?(&]/g;

/**
 * Escapes `text` so Jira renders it literally.
 * @param context what surrounds the text in the output (defaults to unknown: escape the most).
 */
export function escapeWikiText(text: string, context: TextContext = UNKNOWN_CONTEXT): string {
  let out = "";
  let lineStart = context.before === null || context.before === "\n";
  for (let index = 0; index < text.length; index += 1) {
    if (!lineStart) {
      // Inside a line only the characters of MAY_CHANGE can change: copy the run before the next.
      MAY_CHANGE.lastIndex = index;
      const next = MAY_CHANGE.exec(text);
      const stop = next === null ? text.length : next.index;
      if (stop > index) {
        out += text.slice(index, stop);
        index = stop;
        if (index >= text.length) {
          break;
        }
      }
    }
    const char = text[index] as string;
    if (char === "\n") {
      out += char;
      lineStart = true;
      continue;
    }
    if (lineStart && !WHITESPACE.test(char)) {
      lineStart = false;
      // What starts a line is short: look at a few characters, never copy the rest of the text.
      const rest = text.slice(index, index + LINE_START_WINDOW);
      if (DOTTED_BLOCK_START.test(rest)) {
        const dot = rest.indexOf(".");
        out += rest.slice(0, dot) + "&#46;";
        index += dot;
        continue;
      }
      if (LIST_START.test(rest) || RULE_START.test(rest)) {
        out += "\\" + char;
        continue;
      }
    }
    if (PHRASE_DELIMITERS.has(char) || char === CITATION_MARK) {
      let last = index;
      while (text[last + 1] === char) {
        last += 1;
      }
      // Read from the output: what Jira's phrase pass will see before the run (see module comment).
      const before = out.length > 0 ? (out[out.length - 1] as string) : context.before;
      const after = last + 1 < text.length ? (text[last + 1] as string) : context.after;
      out += escapeDelimiterRun(char, last - index + 1, before, after);
      index = last;
      continue;
    }
    const after = index + 1 < text.length ? (text[index + 1] as string) : context.after;
    out += escapeChar(char, after, text, index);
  }
  return out;
}

function escapeChar(char: string, after: string | null, text: string, index: number): string {
  if (ALWAYS_ESCAPED.has(char)) {
    return "\\" + char;
  }
  switch (char) {
    case "\\":
      return after === null || BACKSLASH_ESCAPABLE.has(after) ? "&#92;" : char;
    case "(":
      return EMOTICON_AFTER_PAREN.test(text.slice(index + 1, index + 10)) ? "\\(" : char;
    case "&":
      return ENTITY_AFTER_AMPERSAND.test(text.slice(index + 1, index + 34)) ? "&amp;" : char;
    default:
      return char;
  }
}

/**
 * A run of `length` equal delimiters, escaped so that none of them opens an effect or an image.
 * `before` is the output's character before the run, `after` the email's character after it.
 *
 * An escaped delimiter is an entity for Jira's phrase pass (`\_` → `&#95;`): a non-space after
 * the delimiter before it, a non-letter before the one after it. So once the last of a run is
 * escaped, every other one in it would open unless escaped too; and when a space follows the run,
 * none of them can open and all stay as they are ("a -- b", "What?? No.").
 */
function escapeDelimiterRun(
  delimiter: string,
  length: number,
  before: string | null,
  after: string | null
): string {
  // `after` equal to the delimiter: the run goes on in the next text, whose first may be escaped.
  const contentFollows = after === null || after === delimiter || !JAVA_SPACE.test(after);
  if (!contentFollows) {
    return delimiter.repeat(length);
  }
  const escaped = "\\" + delimiter;
  if (delimiter === CITATION_MARK) {
    return escapeQuestionMarkRun(length, before);
  }
  // Inside the run each one has a delimiter before it (no letter): only the first may be safe.
  const first = isWordChar(before) ? delimiter : escaped;
  return first + escaped.repeat(length - 1);
}

/**
 * `??` opens a citation when both marks are unescaped, no letter or digit is before them and a
 * non-space other than `?` follows. A single `?` opens nothing, so of each two neighbours at most
 * one stays unescaped: all but the last are escaped, and the first also stays when a letter is
 * before it (`a??b` opens nothing). A run continuing a text that ended in `?` is escaped whole:
 * that text left its last `?` unescaped.
 */
function escapeQuestionMarkRun(length: number, before: string | null): string {
  const mark = CITATION_MARK;
  const escaped = "\\" + mark;
  if (before === mark) {
    return escaped.repeat(length);
  }
  if (length === 1) {
    return mark;
  }
  const first = isWordChar(before) ? mark : escaped;
  return first + escaped.repeat(length - 2) + mark;
}

/** Whether a character is a letter or digit: Jira's phrase effects need none next to their delimiters. */
export function isWordChar(char: string | null): boolean {
  if (char === null) {
    return false;
  }
  const code = char.charCodeAt(0);
  if (code < 0x80) {
    // ASCII, most of what emails hold: letters and digits without the Unicode tables.
    return (code >= 0x30 && code <= 0x39) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a);
  }
  return LETTER_OR_DIGIT.test(char);
}

const LETTER_OR_DIGIT = /[\p{L}\p{Nd}]/u;

/**
 * Escapes a value that must stay on one line (a name, an address, a subject in the header block):
 * line breaks and runs of whitespace become one space first, so the value can't start a new line
 * of markup.
 */
export function escapeWikiInline(value: string): string {
  const oneLine = value.replace(/\s+/gu, " ").trim();
  return escapeWikiText(oneLine, { before: " ", after: "\n" });
}
