/**
 * What Jira's renderer (atlassian-renderer) does to a line of wiki markup up to its text effects,
 * ported from its source so tests can check escaped text against Jira's own rules rather than
 * against our reading of them:
 *
 * - BackslashEscapeRendererComponent, first: `\x` (not after another backslash) becomes `&#NN;`,
 *   `\{ \} \[ \]` the bare character.
 * - Then each PhraseRendererComponent (`??` `*` `^` `~` `_` `-` `+`) and the `!image!` component
 *   (built the same way): `VALID_START delim content (?<!\\) delim VALID_END` with
 *   VALID_START `(?<![\p{L}\p{Nd}\\])`, VALID_END `(?![\p{L}\p{Nd}])`, content
 *   `[^\s<delim>]((?!<delim>)[\p{L}\p{Nd}\p{Z}\p{S}\p{M}\p{P}]*?[^\s<delim>])??`, or the same between
 *   `{delim}` braces. Java's `\s` there is ASCII only.
 */

const BACKSLASH_ESCAPE = /(^|(?<!\\))\\([-#*_+?^~|%{}[\]()!@])/g;

/** A line after Jira's backslash escapes. */
export function afterBackslashEscapes(line: string): string {
  return line.replace(BACKSLASH_ESCAPE, (_match, lead: string, char: string) =>
    "{}[]".includes(char) ? lead + char : `${lead}&#${char.charCodeAt(0)};`
  );
}

/** The text a reader sees: character references (`&#92;`, `&amp;`) as the characters. */
export function decodeCharacterReferences(html: string): string {
  return html
    .replace(/&#(\d+);/g, (_match, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&amp;/g, "&");
}

const JAVA_SPACE = " \\t\\n\\x0B\\f\\r";
const VALID_START = "(?<![\\p{L}\\p{Nd}\\\\])";
const VALID_END = "(?![\\p{L}\\p{Nd}])";

/** Each effect's delimiter as a pattern, and as a character class member. */
const DELIMITERS: ReadonlyArray<{ name: string; pattern: string; inClass: string }> = [
  { name: "citation ??", pattern: "\\?\\?", inClass: "?" },
  { name: "strong *", pattern: "\\*", inClass: "*" },
  { name: "superscript ^", pattern: "\\^", inClass: "\\^" },
  { name: "subscript ~", pattern: "~", inClass: "~" },
  { name: "emphasis _", pattern: "_", inClass: "_" },
  { name: "deleted -", pattern: "-", inClass: "\\-" },
  { name: "inserted +", pattern: "\\+", inClass: "+" },
  { name: "image !", pattern: "!", inClass: "!" },
];

const PHRASES = DELIMITERS.map(({ name, pattern, inClass }) => {
  const content = `[^${JAVA_SPACE}${inClass}]((?!${pattern})[\\p{L}\\p{Nd}\\p{Z}\\p{S}\\p{M}\\p{P}]*?[^${JAVA_SPACE}${inClass}])??`;
  const open = `(?:${VALID_START}${pattern}|\\{${pattern}\\})`;
  const close = `(?:${pattern}${VALID_END}|\\{${pattern}\\})`;
  return { name, regex: new RegExp(`${open}(${content})(?<!\\\\)${close}`, "u") };
});

/** The effects (and images) Jira would render in one line of wiki markup, e.g. ["emphasis _: init"]. */
export function jiraEffectsIn(line: string): string[] {
  const escaped = afterBackslashEscapes(line);
  const found: string[] = [];
  for (const { name, regex } of PHRASES) {
    const match = regex.exec(escaped);
    if (match) found.push(`${name}: ${match[1] ?? ""}`);
  }
  return found;
}
