/**
 * Turndown rules for data tables → Jira tables: `||head||head||` for a row of `<th>` only, else
 * `|cell|cell|`. (Layout tables are unwrapped before conversion; turndown's GFM table plugin would
 * leave Outlook's header-less tables as raw HTML.) A cell is one line: its line breaks become `\\`;
 * an empty cell gets a space, since `||` would start a header cell; a colspan adds empty cells to
 * keep the columns. Jira can't nest tables: a table inside a cell becomes lines of text.
 */
import type TurndownService from "turndown";
import { hasAncestor, joinAsForcedLineBreaks, trimNewlines } from "./block-rules";
import { cellsOf } from "./layout-tables";

const CELLS = new Set(["TD", "TH"]);

/** Adds the table rules to `service`. */
export function addTableRules(service: TurndownService): void {
  // Every cell asks for its row's delimiter: work it out once per row.
  const delimiters = new WeakMap<Element, string>();
  const rowDelimiter = (row: Element): string => {
    let delimiter = delimiters.get(row);
    if (delimiter === undefined) {
      delimiter = delimiterOf(row);
      delimiters.set(row, delimiter);
    }
    return delimiter;
  };
  service.addRule("jiraTable", {
    filter: "table",
    replacement: (content, node) => {
      const rows = trimNewlines(content);
      if (rows === "") {
        return "";
      }
      return hasAncestor(node, CELLS) ? `\n${rows}\n` : `\n\n${rows}\n\n`;
    },
  });
  service.addRule("jiraTableSection", {
    filter: ["thead", "tbody", "tfoot"],
    replacement: (content) => content,
  });
  service.addRule("jiraTableRow", {
    filter: "tr",
    replacement: (content, node) => {
      if (cellsOf(node).length === 0) {
        return "";
      }
      if (inNestedTable(node)) {
        return `\n${content.trim()}\n`;
      }
      return `\n${content}${rowDelimiter(node)}\n`;
    },
  });
  service.addRule("jiraTableCell", {
    filter: ["td", "th"],
    replacement: (content, node) => {
      if (inNestedTable(node)) {
        return `${content.trim()} `;
      }
      const delimiter = rowDelimiter(node.parentNode as Element);
      const span = Math.min(Number.parseInt(node.getAttribute("colspan") ?? "1", 10) || 1, 50);
      return `${delimiter}${cellText(content)}` + `${delimiter} `.repeat(Math.max(span - 1, 0));
    },
  });
}

/** "||" for a header row (every cell a `<th>`), else "|". */
function delimiterOf(row: Element): string {
  const cells = cellsOf(row);
  return cells.length > 0 && cells.every((cell) => cell.nodeName.toUpperCase() === "TH")
    ? "||"
    : "|";
}

/** Whether the table holding this row or cell is itself inside a cell. */
function inNestedTable(node: Node): boolean {
  let table = node.parentNode;
  while (table !== null && table.nodeName.toUpperCase() !== "TABLE") {
    table = table.parentNode;
  }
  return table !== null && hasAncestor(table, CELLS);
}

/** A cell's content on one line: line breaks as `\\`, never empty. */
function cellText(content: string): string {
  const text = joinAsForcedLineBreaks(content);
  return text === "" ? " " : text;
}
