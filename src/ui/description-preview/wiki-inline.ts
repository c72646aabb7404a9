/**
 * One line of Jira wiki markup → HTML: text effects, monospace, links, images, escapes and line
 * breaks, following Jira's renderer (atlassian-renderer) closely enough to show what Jira will:
 *
 * - Text effects `*strong*`, `_emphasis_`, `+inserted+`, `-deleted-`, `^super^`, `~sub~`,
 *   `??citation??` open where the delimiter has no letter, digit or backslash before it and a
 *   non-space other than itself after it, and close at the first delimiter on the line with a
 *   non-space before it and no letter or digit after it (PhraseRendererComponent; the same rule
 *   src/mail/wiki-escape.ts escapes against).
 * - `{{monospace}}`, `[text|url]`, `[url]`, `[mailto:…]`, bare http(s) URLs, `\\` (a line break),
 *   `\x` (the character x as text), character references (`&amp;`, `&#92;`) kept as Jira keeps them.
 * - `!image.png!` becomes a chip that NAMES the file: never an `<img>`, so nothing is fetched, not
 *   even an image the markup points at on the web (`!https://tracker.example/p.gif!`).
 *
 * Everything that is not markup is escaped (html-text.ts): text can't become HTML. The result
 * still goes through the sanitizer (sanitize.ts) before it reaches the DOM.
 */
import { t } from "../../i18n/translate";
import { characterReferenceAt, escapeHtml } from "./html-text";
import { bareUrlAt, previewLinkUrl } from "./preview-links";

/** The class of an image's placeholder chip (styled by DescriptionPreview.tsx). */
export const IMAGE_CHIP_CLASS = "jfo-image-chip";

/** The one-character text effects and the element each becomes. */
const PHRASE_TAGS: Readonly<Record<string, string>> = {
  "*": "strong",
  _: "em",
  "+": "ins",
  "-": "del",
  "^": "sup",
  "~": "sub",
};
const CITATION = "??";
/** What a backslash escapes (BackslashEscapeRendererComponent); two backslashes are a line break. */
const BACKSLASH_ESCAPABLE = new Set([..."-#*_+?^~|%{}[]()!@"]);
const WORD_CHAR = /[\p{L}\p{Nd}]/u;
const SPACE_CHAR = /\s/u;
/** `{color:red}` … `{color}`: the text is shown, the colour is not (the preview has no styles). */
const COLOR_MACRO = /\{color(?::[^{}\n]*)?\}/y;
/** A URL scheme at the start of an image's name: `!https://…!` points at the web. */
const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** `<a>` for a checked URL: opens outside the pane, tells the target nothing about it. */
export function anchorHtml(href: string, innerHtml: string): string {
  return `<a href="${escapeHtml(href)}" rel="noopener noreferrer" target="_blank">${innerHtml}</a>`;
}

/**
 * Renders one line of wiki markup (no line breaks in `text`) as HTML.
 * @param inLink true inside a link's text: no link within a link.
 */
export function renderInline(text: string, inLink = false): string {
  return new InlineRenderer(text, inLink).render();
}

/** The state of one line's rendering; the searches it does are linear over the line. */
class InlineRenderer {
  /** Positions whose character a backslash escaped: never markup. */
  private readonly escaped: Uint8Array;
  /** For each searched string, the last answer: (from, first unescaped index at or after from). */
  private readonly found = new Map<string, { from: number; at: number }>();
  /** Per text effect, the positions where it may close, ascending. */
  private readonly closers = new Map<string, number[]>();

  constructor(
    private readonly text: string,
    private readonly inLink: boolean
  ) {
    this.escaped = new Uint8Array(text.length);
    for (let index = 0; index < text.length; index += 1) {
      const next = text[index + 1];
      if (text[index] === "\\" && next !== undefined) {
        if (next === "\\" || BACKSLASH_ESCAPABLE.has(next)) {
          this.escaped[index + 1] = 1;
          index += 1;
        }
      }
    }
  }

  render(): string {
    const { text } = this;
    let out = "";
    let index = 0;
    while (index < text.length) {
      const char = text[index] as string;
      const piece = this.markupAt(char, index);
      if (piece !== null) {
        out += piece.html;
        index = piece.end;
        continue;
      }
      out += escapeHtml(char);
      index += 1;
    }
    return out;
  }

  /** The markup starting at `index` as HTML and where it ends, or null for a plain character. */
  private markupAt(char: string, index: number): { html: string; end: number } | null {
    switch (char) {
      case "\\":
        return this.backslash(index);
      case "&": {
        const reference = characterReferenceAt(this.text, index);
        return reference === null ? null : { html: reference, end: index + reference.length };
      }
      case "{":
        return this.monospace(index) ?? this.colorMacro(index);
      case "[":
        return this.inLink ? null : this.link(index);
      case "!":
        return this.image(index);
      case "h":
      case "H":
        return this.inLink ? null : this.bareUrl(index);
      case "?":
        return this.text.startsWith(CITATION, index) ? this.phrase(index, CITATION, "cite") : null;
      default: {
        const tag = PHRASE_TAGS[char];
        return tag === undefined ? null : this.phrase(index, char, tag);
      }
    }
  }

  private backslash(index: number): { html: string; end: number } | null {
    const next = this.text[index + 1];
    if (next === "\\") {
      return { html: "<br>", end: index + 2 };
    }
    if (next !== undefined && BACKSLASH_ESCAPABLE.has(next)) {
      return { html: escapeHtml(next), end: index + 2 };
    }
    return null;
  }

  private monospace(index: number): { html: string; end: number } | null {
    if (!this.text.startsWith("{{", index)) {
      return null;
    }
    const close = this.find("}}", index + 2);
    if (close <= index + 2) {
      return null;
    }
    const inner = renderInline(this.text.slice(index + 2, close), this.inLink);
    return { html: `<code>${inner}</code>`, end: close + 2 };
  }

  private colorMacro(index: number): { html: string; end: number } | null {
    COLOR_MACRO.lastIndex = index;
    const match = COLOR_MACRO.exec(this.text);
    return match === null ? null : { html: "", end: index + match[0].length };
  }

  private link(index: number): { html: string; end: number } | null {
    const close = this.find("]", index + 1);
    if (close <= index + 1) {
      return null;
    }
    return { html: linkHtml(this.text.slice(index + 1, close)), end: close + 1 };
  }

  private image(index: number): { html: string; end: number } | null {
    const { text } = this;
    const after = text[index + 1];
    if (!this.mayOpen(index, "!") || after === undefined) {
      return null;
    }
    const close = this.find("!", index + 1);
    if (close <= index + 1 || SPACE_CHAR.test(text[close - 1] as string)) {
      return null;
    }
    // `!name.png|thumbnail!`, `!name.png|width=300!`: the options after | don't matter here.
    const name = (text.slice(index + 1, close).split("|")[0] ?? "").trim();
    if (name === "") {
      return null;
    }
    return { html: imageChipHtml(name), end: close + 1 };
  }

  private bareUrl(index: number): { html: string; end: number } | null {
    const before = this.text[index - 1];
    if (before !== undefined && WORD_CHAR.test(before)) {
      return null;
    }
    const url = bareUrlAt(this.text, index);
    const href = url === null ? null : previewLinkUrl(url);
    if (url === null || href === null) {
      return null;
    }
    return { html: anchorHtml(href, escapeHtml(url)), end: index + url.length };
  }

  private phrase(
    index: number,
    delimiter: string,
    tag: string
  ): { html: string; end: number } | null {
    if (!this.mayOpen(index, delimiter)) {
      return null;
    }
    const close = this.closerAfter(delimiter, index + delimiter.length + 1);
    if (close === -1) {
      return null;
    }
    const inner = renderInline(this.text.slice(index + delimiter.length, close), this.inLink);
    return { html: `<${tag}>${inner}</${tag}>`, end: close + delimiter.length };
  }

  /** Whether `delimiter` at `index` can open an effect: no word or backslash before, content after. */
  private mayOpen(index: number, delimiter: string): boolean {
    const before = this.text[index - 1];
    if (before !== undefined && (WORD_CHAR.test(before) || before === "\\")) {
      return false;
    }
    const after = this.text[index + delimiter.length];
    return after !== undefined && !SPACE_CHAR.test(after) && after !== delimiter[0];
  }

  /** The first position at or after `from` where `delimiter` closes an effect, or -1. */
  private closerAfter(delimiter: string, from: number): number {
    let positions = this.closers.get(delimiter);
    if (positions === undefined) {
      positions = this.closerPositions(delimiter);
      this.closers.set(delimiter, positions);
    }
    let low = 0;
    let high = positions.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((positions[middle] as number) < from) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low < positions.length ? (positions[low] as number) : -1;
  }

  private closerPositions(delimiter: string): number[] {
    const { text } = this;
    const positions: number[] = [];
    for (let at = text.indexOf(delimiter, 1); at !== -1; at = text.indexOf(delimiter, at + 1)) {
      const before = text[at - 1] as string;
      const after = text[at + delimiter.length];
      if (
        this.escaped[at] === 0 &&
        !SPACE_CHAR.test(before) &&
        before !== "\\" &&
        (after === undefined || !WORD_CHAR.test(after))
      ) {
        positions.push(at);
      }
    }
    return positions;
  }

  /**
   * The first unescaped `needle` at or after `from`, or -1. Remembers its last answer, so a line of
   * many `[` without a `]` is searched once, not once per `[`.
   */
  private find(needle: string, from: number): number {
    const last = this.found.get(needle);
    if (last !== undefined && last.from <= from && (last.at === -1 || last.at >= from)) {
      return last.at;
    }
    let at = this.text.indexOf(needle, from);
    while (at !== -1 && this.escaped[at] === 1) {
      at = this.text.indexOf(needle, at + 1);
    }
    this.found.set(needle, { from, at });
    return at;
  }
}

/** `[…]`: a link when its target is http, https or mailto; else its text alone. */
function linkHtml(inner: string): string {
  const first = inner[0];
  if (first === "~") {
    return escapeHtml(`@${inner.slice(1)}`); // a mention: Jira shows the user's name
  }
  if (first === "^" || first === "#") {
    return escapeHtml(inner.slice(1)); // an attachment or an anchor on the page
  }
  const pipe = unescapedPipe(inner);
  const alias = pipe === -1 ? null : inner.slice(0, pipe);
  // `[text|url|tooltip]`: the tooltip doesn't matter here.
  const target = (pipe === -1 ? inner : inner.slice(pipe + 1)).split("|")[0] ?? "";
  const href = previewLinkUrl(target);
  const text =
    alias !== null && alias.trim() !== ""
      ? renderInline(alias, true)
      : escapeHtml(target.trim().replace(/^mailto:/i, ""));
  return href === null ? text : anchorHtml(href, text);
}

function unescapedPipe(text: string): number {
  for (let at = text.indexOf("|"); at !== -1; at = text.indexOf("|", at + 1)) {
    if (text[at - 1] !== "\\") {
      return at;
    }
  }
  return -1;
}

/** The chip that stands for an image: its file name, or its address when it points at the web. */
function imageChipHtml(name: string): string {
  const label = HAS_SCHEME.test(name)
    ? t("description.previewRemoteImage", { address: name })
    : t("description.previewImage", { name });
  return `<span class="${IMAGE_CHIP_CLASS}" title="${escapeHtml(name)}">${escapeHtml(label)}</span>`;
}
