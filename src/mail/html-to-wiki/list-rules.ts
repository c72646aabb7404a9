/**
 * Turndown rules for lists → Jira wiki lists: `*` bullets, `#` numbers, nesting by repeating the
 * markers of every enclosing list (`**`, `##`, mixed `#*`). Jira's list items are single lines, so
 * line breaks inside an item become `\\` (Jira's forced line break).
 */
import type TurndownService from "turndown";
import { hasAncestor, joinAsForcedLineBreaks, trimNewlines } from "./block-rules";

/** Wraps a list nested in an item, so the item can put it after its own text. */
const NESTED_START = "\u0001";
const NESTED_END = "\u0002";
const NESTED_LIST = new RegExp(`${NESTED_START}([^]*?)${NESTED_END}`, "g");
const CELLS = new Set(["TD", "TH"]);

/** Adds the list rules to `service`. */
export function addListRules(service: TurndownService): void {
  service.addRule("jiraList", {
    filter: ["ul", "ol"],
    replacement: (content, node) => {
      const lines = trimNewlines(content);
      if (lines === "") {
        return "";
      }
      const parent = node.parentNode?.nodeName.toUpperCase();
      if (parent === "LI") {
        return `${NESTED_START}${lines}${NESTED_END}`;
      }
      if (parent === "UL" || parent === "OL" || hasAncestor(node, CELLS)) {
        return `\n${lines}\n`;
      }
      return `\n\n${lines}\n\n`;
    },
  });
  service.addRule("jiraListItem", {
    filter: "li",
    replacement: (content, node) => listItem(content, node),
  });
}

function listItem(content: string, node: HTMLElement): string {
  const nested: string[] = [];
  const ownText = content.replace(NESTED_LIST, (_match, lines: string) => {
    nested.push(lines);
    return "\n";
  });
  const text = joinAsForcedLineBreaks(ownText);
  const own = text === "" ? "" : `${markersOf(node)} ${text}\n`;
  return own + nested.map((lines) => `${lines}\n`).join("");
}

/** "*", "#", "#*", "**" …: one marker per enclosing list, outermost first (up to a table cell). */
function markersOf(item: Node): string {
  let markers = "";
  for (let parent = item.parentNode; parent !== null; parent = parent.parentNode) {
    const tag = parent.nodeName.toUpperCase();
    if (tag === "UL") {
      markers = `*${markers}`;
    } else if (tag === "OL") {
      markers = `#${markers}`;
    } else if (CELLS.has(tag)) {
      break;
    }
  }
  return markers === "" ? "*" : markers;
}
