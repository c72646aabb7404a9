/**
 * Turndown rules for block HTML → Jira wiki markup: paragraphs and lines, headings, line breaks,
 * rules, quotes, preformatted text. Jira reads a newline as a line break and a blank line as a new
 * paragraph; `{quote}` can't nest and `h1.` only works at a line start, so those degrade to plain
 * lines where Jira can't have them (inside another quote, a table cell, a list item).
 */
import type TurndownService from "turndown";
import { escapeWikiText, LINE_CONTEXT } from "../wiki-escape";
import { isBlockElement, neighbourChar, rawTextOf } from "./dom-walk";
import { isWordLine } from "./outlook-cleanup";

/** Whether `node` sits inside one of these elements (upper-case tag names). */
export function hasAncestor(node: Node, tags: ReadonlySet<string>): boolean {
  for (let parent = node.parentNode; parent !== null; parent = parent.parentNode) {
    if (tags.has(parent.nodeName.toUpperCase())) {
      return true;
    }
  }
  return false;
}

const CELL_OR_ITEM = new Set(["TD", "TH", "LI"]);
const QUOTE_CELL_OR_ITEM = new Set(["TD", "TH", "LI", "BLOCKQUOTE"]);

/** Adds the block rules to `service`. */
export function addBlockRules(service: TurndownService): void {
  service.addRule("jiraParagraph", {
    filter: "p",
    replacement: (content, node) =>
      isWordLine(node) ? `\n${trimOneNewline(content)}\n` : `\n\n${trimNewlines(content)}\n\n`,
  });
  service.addRule("jiraLineBreak", {
    filter: "br",
    // A `<br>` at the start of a line (after another `<br>` or a block) makes an empty line.
    replacement: (_content, node) => (neighbourChar(node, "before") === "\n" ? "\n\n" : "\n"),
  });
  service.addRule("jiraHeading", {
    filter: ["h1", "h2", "h3", "h4", "h5", "h6"],
    replacement: (content, node) => {
      const text = content.replace(/\s+/gu, " ").trim();
      if (text === "" || hasAncestor(node, QUOTE_CELL_OR_ITEM)) {
        return `\n${text}\n`;
      }
      return `\n\nh${node.nodeName.charAt(1)}. ${text}\n\n`;
    },
  });
  service.addRule("jiraRule", {
    filter: "hr",
    replacement: (_content, node) => (hasAncestor(node, CELL_OR_ITEM) ? "\n" : "\n\n----\n\n"),
  });
  service.addRule("jiraQuote", {
    filter: "blockquote",
    replacement: (content, node) => {
      const inner = trimNewlines(content);
      if (inner === "" || hasAncestor(node, QUOTE_CELL_OR_ITEM)) {
        return `\n${inner}\n`;
      }
      return `\n\n{quote}\n${inner}\n{quote}\n\n`;
    },
  });
  service.addRule("jiraPreformatted", {
    filter: "pre",
    replacement: (_content, node) => preformatted(node),
  });
}

/**
 * For elements without a rule: blocks are lines (`<div>` is how OWA and Gmail write lines). The
 * line break a nested block already put at each end is not added again, so nesting
 * (`<div><div>line</div></div>`) makes no blank lines, while an empty line at the end of a block
 * (`<div>a<br><br></div>`, `<div>…<div>&nbsp;</div></div>`) stays.
 */
export function defaultReplacement(content: string, node: HTMLElement): string {
  return isBlockElement(node) ? `\n${trimOneNewline(content)}\n` : content;
}

/** For elements with nothing but whitespace inside. */
export function blankReplacement(_content: string, node: HTMLElement): string {
  if (node.nodeName.toUpperCase() === "P") {
    // Outlook's spacer paragraph (`<p class=MsoNormal><o:p>&nbsp;</o:p></p>`): one blank line.
    return "\n\n";
  }
  return isBlockElement(node) ? "\n" : "";
}

/**
 * `{noformat}` keeps the text exactly. Where it can't be used (in a cell or list item, or when the
 * text itself says "{noformat}"), the lines are escaped like any text.
 */
function preformatted(node: HTMLElement): string {
  const text = trimNewlines(
    rawTextOf(node)
      .replace(/\u00A0/g, " ")
      .replace(/\r\n?/g, "\n")
  );
  if (text.trim() === "") {
    return "";
  }
  if (hasAncestor(node, CELL_OR_ITEM) || /\{noformat\}/i.test(text)) {
    const lines = text.split("\n").map((line) => escapeWikiText(line, LINE_CONTEXT));
    return `\n\n${lines.join("\n")}\n\n`;
  }
  return `\n\n{noformat}\n${text}\n{noformat}\n\n`;
}

// The trims count from the ends: a regex anchored at the end (`/\n+$/`) tries every position of
// the text, and a quote or a `<div>` can hold the whole rest of a long email, level after level.

/** Removes one line break from each end, if there is one. */
function trimOneNewline(text: string): string {
  const start = text.startsWith("\n") ? 1 : 0;
  const end = text.length > start && text.endsWith("\n") ? text.length - 1 : text.length;
  return text.slice(start, end);
}

/** Removes leading and trailing line breaks (not spaces). */
export function trimNewlines(text: string): string {
  let start = 0;
  while (start < text.length && text[start] === "\n") {
    start += 1;
  }
  let end = text.length;
  while (end > start && text[end - 1] === "\n") {
    end -= 1;
  }
  return text.slice(start, end);
}

/**
 * The non-blank lines of `text`, trimmed, on one line joined by `\\` (Jira's forced line break):
 * how a list item or a table cell, which Jira reads as one line, keeps its line breaks.
 */
export function joinAsForcedLineBreaks(text: string): string {
  return text
    .trim()
    .split(/\n+/)
    .map((line) => line.trim())
    .filter((line) => line !== "")
    .join(" \\\\ ");
}
