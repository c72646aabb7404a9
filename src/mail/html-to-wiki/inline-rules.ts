/**
 * Turndown rules for inline HTML → Jira wiki markup: text effects, monospace, links, images.
 *
 * Jira's text effects only render with a non-letter/digit outside each delimiter and non-space
 * content touching it, on one line (atlassian-renderer PhraseRendererComponent). So "<b> x </b>"
 * gives " *x* ", an empty or blank element gives nothing, an effect inside a word or around text
 * holding its own delimiter gives the plain text, and an effect across a line break is applied
 * per line. Images from the web are never embedded (`!url!` would make every viewer's browser
 * fetch them: tracking pixels); pasted images (`cid:`) become `!fileName!` of the uploaded file.
 */
import type TurndownService from "turndown";
import type { InlineImageRef } from "../email-description-types";
import { contentIdLocalPart, decodeCid, normalizeContentId } from "../inline-images";
import { escapeWikiText, isWordChar } from "../wiki-escape";
import { neighbourChar } from "./dom-walk";
import { isRemoteImageUrl, safeLinkUrl } from "./link-safety";

/** What the rules of one conversion share: the known inline images and those used so far. */
export interface InlineRuleContext {
  readonly inlineImages: readonly InlineImageRef[];
  /** Filled in order of first use. */
  readonly usedInlineImages: InlineImageRef[];
}

const PHRASE_DELIMITERS: Readonly<Record<string, string>> = {
  B: "*",
  STRONG: "*",
  I: "_",
  EM: "_",
  CITE: "_",
  U: "+",
  INS: "+",
  S: "-",
  STRIKE: "-",
  DEL: "-",
  SUP: "^",
  SUB: "~",
};

/** Adds the inline rules to `service`. */
export function addInlineRules(service: TurndownService, context: InlineRuleContext): void {
  service.addRule("jiraPhrase", {
    filter: Object.keys(PHRASE_DELIMITERS).map((tag) => tag.toLowerCase()) as Array<
      keyof HTMLElementTagNameMap
    >,
    replacement: (content, node) => {
      const delimiter = PHRASE_DELIMITERS[node.nodeName.toUpperCase()] ?? "";
      return wrapPhrase(content, node, delimiter, delimiter);
    },
  });
  service.addRule("jiraMonospace", {
    filter: (node) => /^(?:CODE|TT|KBD|SAMP)$/i.test(node.nodeName) && !insidePre(node),
    replacement: (content, node) => wrapPhrase(content, node, "{{", "}}"),
  });
  service.addRule("jiraLink", {
    filter: "a",
    replacement: (content, node) => linkMarkup(content, node),
  });
  service.addRule("jiraImage", {
    filter: "img",
    replacement: (_content, node) => imageMarkup(node, context),
  });
}

/** Wraps each line of `content` in the delimiters where Jira would render them, else leaves it plain. */
export function wrapPhrase(content: string, node: Node, open: string, close: string): string {
  if (content.trim() === "") {
    return "";
  }
  const text = node.textContent ?? "";
  const outerBefore = /^\s/u.test(text) ? " " : neighbourChar(node, "before");
  const outerAfter = /\s$/u.test(text) ? " " : neighbourChar(node, "after");
  const lines = content.split("\n");
  return lines
    .map((line, index) => {
      const before = index === 0 ? outerBefore : "\n";
      const after = index === lines.length - 1 ? outerAfter : "\n";
      return wrapLine(line, open, close, before, after);
    })
    .join("\n");
}

function wrapLine(
  line: string,
  open: string,
  close: string,
  before: string | null,
  after: string | null
): string {
  const core = line.trim();
  const leading = line.slice(0, line.length - line.trimStart().length);
  const trailing = line.slice(line.trimEnd().length);
  if (core === "") {
    return line;
  }
  const touchesWord =
    (leading === "" && isWordChar(before)) || (trailing === "" && isWordChar(after));
  const holdsDelimiter =
    core.includes(open) ||
    core.includes(close) ||
    core.startsWith(open[0] as string) ||
    core.endsWith(close[close.length - 1] as string) ||
    core.endsWith("\\");
  if (touchesWord || holdsDelimiter) {
    return line;
  }
  return `${leading}${open}${core}${close}${trailing}`;
}

function insidePre(node: Node): boolean {
  for (let parent = node.parentNode; parent !== null; parent = parent.parentNode) {
    if (parent.nodeName.toUpperCase() === "PRE") {
      return true;
    }
  }
  return false;
}

/** `[text|url]` for safe targets; just the text for anything else. */
function linkMarkup(content: string, node: HTMLElement): string {
  const url = safeLinkUrl(node.getAttribute("href"));
  const text = linkText(content);
  if (url === null || text === "") {
    return url === null ? content : "";
  }
  const plain = text.replace(/\\(.)/g, "$1");
  if (safeLinkUrl(plain) === url || safeLinkUrl(`mailto:${plain}`) === url) {
    return `[${url}]`;
  }
  return `[${text}|${url}]`;
}

/** Link text on one line, without the characters that would end or split the link. */
export function linkText(content: string): string {
  return content
    .replace(/\s+/gu, " ")
    .replace(/\\?\[/g, "(")
    .replace(/\\?\]/g, ")")
    .replace(/\\?\|/g, "/")
    .trim();
}

function imageMarkup(node: HTMLElement, context: InlineRuleContext): string {
  const src = (node.getAttribute("src") ?? "").trim();
  if (/^cid:/i.test(src)) {
    const image = findInlineImage(context.inlineImages, src.slice(4));
    if (image === undefined) {
      return "";
    }
    if (!context.usedInlineImages.includes(image)) {
      context.usedInlineImages.push(image);
    }
    return spaced(`!${image.fileName}!`, node);
  }
  const alt = (node.getAttribute("alt") ?? "").replace(/\s+/gu, " ").trim();
  const url = isRemoteImageUrl(src) ? safeLinkUrl(src) : null;
  if (url === null || alt === "" || isTiny(node)) {
    return "";
  }
  return spaced(`[${linkText(escapeWikiText(`Image: ${alt}`))}|${url}]`, node);
}

/** The inline image a `cid:` URL names: by Content-ID, else by file name (Outlook's "image001.png@…"). */
export function findInlineImage(
  images: readonly InlineImageRef[],
  cid: string
): InlineImageRef | undefined {
  const wanted = normalizeContentId(decodeCid(cid))?.toLowerCase();
  if (wanted === undefined) {
    return undefined;
  }
  return (
    images.find((image) => image.contentId?.toLowerCase() === wanted) ??
    images.find((image) => image.fileName.toLowerCase() === contentIdLocalPart(wanted))
  );
}

/** Tracking pixels and spacers: 2 px or less in either direction (attribute or inline style). */
function isTiny(node: HTMLElement): boolean {
  const style = node.getAttribute("style") ?? "";
  const sizes = ["width", "height"].flatMap((dimension) => {
    const attribute = node.getAttribute(dimension);
    const styled = new RegExp(`(?:^|;)\\s*${dimension}\\s*:\\s*([\\d.]+)px`, "i").exec(style);
    return [attribute, styled?.[1]].filter((value): value is string => value != null);
  });
  return sizes.some((value) => {
    const pixels = Number.parseFloat(value);
    return Number.isFinite(pixels) && pixels <= 2;
  });
}

/**
 * Jira's `!image!` needs a non-letter on each side: add a space where a letter touches it, or where
 * the neighbour is unknown (other markup).
 */
function spaced(markup: string, node: Node): string {
  const needsSpace = (char: string | null): boolean => char === null || isWordChar(char);
  const before = needsSpace(neighbourChar(node, "before")) ? " " : "";
  const after = needsSpace(neighbourChar(node, "after")) ? " " : "";
  return `${before}${markup}${after}`;
}
