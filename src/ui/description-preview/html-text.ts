/**
 * Text into HTML for the description preview: every character that could open markup is written
 * as an entity, so text from the email (or from Jira) stays text in the HTML the renderer builds.
 */

const HTML_SPECIAL = /[&<>"']/g;
const ENTITY_OF: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** `text` with `& < > " '` as entities: safe between tags and inside a quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(HTML_SPECIAL, (char) => ENTITY_OF[char] ?? char);
}

/**
 * A character reference as Jira's renderer keeps it (`&amp;`, `&#46;`, `&#x5C;`, `&copy;`), at the
 * start of `text`, or null. Jira passes such references through to its HTML (wiki-escape.ts relies
 * on it: `&#92;` is its literal backslash, `&#46;` the dot of `h1&#46;`), so the preview does too:
 * the browser turns them into their character, which is text, never markup.
 */
export function characterReferenceAt(text: string, index: number): string | null {
  CHARACTER_REFERENCE.lastIndex = index;
  const match = CHARACTER_REFERENCE.exec(text);
  return match === null ? null : match[0];
}

const CHARACTER_REFERENCE = /&(?:#[0-9]{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});/iy;
