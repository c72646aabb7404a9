/**
 * Jira wiki markup → HTML, for the description preview: what Jira will show for the markup the
 * converter writes (src/mail/html-to-wiki, src/mail/text-to-wiki.ts, src/mail/header-block.ts) and
 * what people commonly type. Blocks here, one line's markup in wiki-inline.ts:
 *
 * - `h1.`–`h6.` headings, `bq.` quotes, `----` rules, paragraphs (a line break inside one is a
 *   `<br>`, a blank line ends it);
 * - lists of `*`, `#` and `-` items, nested by repeating markers (`**`, `#*`);
 * - tables of `||header||` and `|cell|` rows;
 * - `{quote}` … `{quote}` (they don't nest in Jira: the next `{quote}` ends the quote),
 *   `{noformat}` … `{noformat}` and `{code}` … `{code}` (their text exactly, no markup).
 *
 * Every block gets `dir="auto"`: the browser sets each paragraph's direction from its first strong
 * character, so a Hebrew or Arabic paragraph reads right to left beside English ones (HTML's
 * "auto" directionality, as Outlook shows such emails). All text is escaped; the result still
 * goes through the sanitizer (sanitize.ts) before it is shown.
 */
import { escapeHtml } from "./html-text";
import { renderInline } from "./wiki-inline";

/** `{noformat}`, `{code}` / `{code:java}` and `{quote}`: the macros that make blocks. */
const BLOCK_MACRO = /\{(noformat|code(?::[^{}\n]*)?|quote)\}/g;
const HEADING = /^\s*h([1-6])\.\s+(.*)$/;
const BLOCK_QUOTE = /^\s*bq\.\s+(.*)$/;
const RULE = /^\s*-{4,}\s*$/;
const LIST_ITEM = /^\s*([*#]+|-)\s+(.*)$/;
const TABLE_ROW = /^\s*\|/;

/** Renders wiki markup as HTML (see the module comment). */
export function renderWikiMarkup(markup: string): string {
  const text = markup.replace(/\r\n?/g, "\n");
  const top: string[] = [];
  let quote: string[] | null = null;
  let position = 0;
  while (position <= text.length) {
    const macro = nextBlockMacro(text, position);
    const container: string[] = quote ?? top;
    container.push(renderBlocks(text.slice(position, macro?.index ?? text.length)));
    if (macro === null) {
      break;
    }
    const afterMacro = macro.index + macro.token.length;
    if (macro.name === "quote") {
      if (quote === null) {
        quote = [];
      } else {
        top.push(`<blockquote dir="auto">${quote.join("")}</blockquote>`);
        quote = null;
      }
      position = afterMacro;
      continue;
    }
    const closing = macro.name === "noformat" ? "{noformat}" : "{code}";
    const end = text.indexOf(closing, afterMacro);
    container.push(preformattedHtml(text.slice(afterMacro, end === -1 ? text.length : end)));
    position = end === -1 ? text.length + 1 : end + closing.length;
  }
  if (quote !== null) {
    top.push(`<blockquote dir="auto">${quote.join("")}</blockquote>`);
  }
  return top.join("");
}

interface BlockMacro {
  index: number;
  token: string;
  name: "noformat" | "code" | "quote";
}

/** The next block macro at or after `from` that no backslash escapes, or null. */
function nextBlockMacro(text: string, from: number): BlockMacro | null {
  BLOCK_MACRO.lastIndex = from;
  for (let match = BLOCK_MACRO.exec(text); match !== null; match = BLOCK_MACRO.exec(text)) {
    if (!isEscaped(text, match.index)) {
      const word = match[1] as string;
      const name = word.startsWith("code") ? "code" : (word as "noformat" | "quote");
      return { index: match.index, token: match[0], name };
    }
  }
  return null;
}

/** Whether an odd number of backslashes stands right before `index`. */
function isEscaped(text: string, index: number): boolean {
  let backslashes = 0;
  for (let at = index - 1; at >= 0 && text[at] === "\\"; at -= 1) {
    backslashes += 1;
  }
  return backslashes % 2 === 1;
}

/** `{noformat}` text: exactly as written (one line break after the opening and before the closing macro dropped). */
function preformattedHtml(content: string): string {
  const trimmed = content.replace(/^\n/, "").replace(/\n$/, "");
  return trimmed === "" ? "" : `<pre dir="auto">${escapeHtml(trimmed)}</pre>`;
}

/** Paragraphs, headings, quotes, rules, lists and tables of `text` (no block macros in it). */
function renderBlocks(text: string): string {
  const out: string[] = [];
  let paragraph: string[] = [];
  let items: ListLine[] = [];
  let rows: string[] = [];
  const endParagraph = () => {
    if (paragraph.length > 0) {
      out.push(`<p dir="auto">${paragraph.map((line) => renderInline(line)).join("<br>")}</p>`);
      paragraph = [];
    }
  };
  const endList = () => {
    if (items.length > 0) {
      out.push(listHtml(items));
      items = [];
    }
  };
  const endTable = () => {
    if (rows.length > 0) {
      out.push(tableHtml(rows));
      rows = [];
    }
  };
  const endAll = () => {
    endParagraph();
    endList();
    endTable();
  };

  for (const line of text.split("\n")) {
    if (line.trim() === "") {
      endAll();
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      endAll();
      const tag = `h${heading[1] as string}`;
      out.push(`<${tag} dir="auto">${renderInline((heading[2] as string).trim())}</${tag}>`);
      continue;
    }
    const quoted = BLOCK_QUOTE.exec(line);
    if (quoted) {
      endAll();
      const inner = renderInline((quoted[1] as string).trim());
      out.push(`<blockquote dir="auto"><p dir="auto">${inner}</p></blockquote>`);
      continue;
    }
    if (RULE.test(line)) {
      endAll();
      out.push("<hr>");
      continue;
    }
    const item = LIST_ITEM.exec(line);
    if (item) {
      endParagraph();
      endTable();
      items.push({ markers: item[1] as string, content: (item[2] as string).trim() });
      continue;
    }
    if (TABLE_ROW.test(line)) {
      endParagraph();
      endList();
      rows.push(line.trim());
      continue;
    }
    endList();
    endTable();
    paragraph.push(line.trim());
  }
  endAll();
  return out.join("");
}

// --- Lists ----------------------------------------------------------------------------------

interface ListLine {
  /** `*`, `#`, `**`, `#*`, `-`: one marker per level, outermost first. */
  markers: string;
  content: string;
}

interface ListNode {
  tag: "ul" | "ol";
  items: ItemNode[];
}

interface ItemNode {
  html: string;
  lists: ListNode[];
}

/** Nested `<ul>`/`<ol>` for consecutive list lines: each marker a level, `#` numbered. */
function listHtml(lines: readonly ListLine[]): string {
  const roots: ListNode[] = [];
  // The open list and its last item at each level.
  const path: Array<{ list: ListNode; item: ItemNode }> = [];
  for (const line of lines) {
    const tags = [...line.markers].map((marker) => (marker === "#" ? "ol" : "ul"));
    let kept = 0;
    while (kept < path.length && kept < tags.length && path[kept]?.list.tag === tags[kept]) {
      kept += 1;
    }
    const item: ItemNode = { html: renderInline(line.content), lists: [] };
    if (kept === tags.length) {
      // Same list as an open level: a new item there, deeper levels end.
      path.length = kept;
      const level = path[kept - 1] as { list: ListNode; item: ItemNode };
      level.list.items.push(item);
      level.item = item;
      continue;
    }
    path.length = kept;
    for (let depth = kept; depth < tags.length; depth += 1) {
      const list: ListNode = { tag: tags[depth] as "ul" | "ol", items: [] };
      if (depth === 0) {
        roots.push(list);
      } else {
        (path[depth - 1] as { item: ItemNode }).item.lists.push(list);
      }
      // A level skipped in the markup ("**" right after "*"'s list ended) gets an empty item.
      const holder = depth === tags.length - 1 ? item : { html: "", lists: [] };
      list.items.push(holder);
      path.push({ list, item: holder });
    }
  }
  return roots.map(listNodeHtml).join("");
}

function listNodeHtml(list: ListNode): string {
  const items = list.items
    .map((item) => `<li dir="auto">${item.html}${item.lists.map(listNodeHtml).join("")}</li>`)
    .join("");
  return `<${list.tag} dir="auto">${items}</${list.tag}>`;
}

// --- Tables ---------------------------------------------------------------------------------

interface Cell {
  header: boolean;
  content: string;
}

function tableHtml(rows: readonly string[]): string {
  const body = rows
    .map((row) => {
      const cells = cellsOf(row).map((cell) => {
        const tag = cell.header ? "th" : "td";
        return `<${tag} dir="auto">${renderInline(cell.content.trim())}</${tag}>`;
      });
      return `<tr>${cells.join("")}</tr>`;
    })
    .join("");
  return `<table dir="auto"><tbody>${body}</tbody></table>`;
}

/**
 * The cells of a row: `||` opens a header cell, `|` a cell. A `|` inside a link (`[text|url]`) or
 * escaped (`\|`) is part of the cell; the delimiter closing the row makes no cell.
 */
function cellsOf(row: string): Cell[] {
  const cells: Cell[] = [];
  let index = 0;
  while (index < row.length && row[index] === "|") {
    const header = row[index + 1] === "|";
    index += header ? 2 : 1;
    const start = index;
    let brackets = 0;
    while (index < row.length) {
      const char = row[index];
      if (char === "\\") {
        index += 2;
        continue;
      }
      if (char === "[") {
        brackets += 1;
      } else if (char === "]" && brackets > 0) {
        brackets -= 1;
      } else if (char === "|" && brackets === 0) {
        break;
      }
      index += 1;
    }
    const content = row.slice(start, Math.min(index, row.length));
    if (index >= row.length && content.trim() === "") {
      break; // the delimiter that closes the row
    }
    cells.push({ header, content });
  }
  return cells;
}
