/**
 * Tables used for layout rather than data: one column (signatures, newsletter frames, Outlook's
 * spacer tables) or marked `role="presentation"`. Jira would draw them as grids around whole
 * messages, so their cells become plain blocks before conversion.
 */
import { isElement, nextInOrder, tagOf } from "./dom-walk";

/** The rows of a table (direct, or inside its thead/tbody/tfoot), not those of nested tables. */
export function rowsOf(table: Element): Element[] {
  const rows: Element[] = [];
  for (const child of Array.from(table.children)) {
    const tag = tagOf(child);
    if (tag === "TR") {
      rows.push(child);
    } else if (tag === "THEAD" || tag === "TBODY" || tag === "TFOOT") {
      rows.push(...Array.from(child.children).filter((row) => tagOf(row) === "TR"));
    }
  }
  return rows;
}

/** The cells (td/th) of a row. */
export function cellsOf(row: Element): Element[] {
  return Array.from(row.children).filter((cell) => {
    const tag = tagOf(cell);
    return tag === "TD" || tag === "TH";
  });
}

/** Whether a table is for layout: presentation role, or no row with more than one cell. */
export function isLayoutTable(table: Element): boolean {
  if ((table.getAttribute("role") ?? "").toLowerCase() === "presentation") {
    return true;
  }
  return rowsOf(table).every((row) => cellsOf(row).length <= 1);
}

/**
 * Replaces every layout table under `root` with a `<div>` per cell, innermost tables first. (The
 * conversion finds the tables in line-structure.ts's walk and calls {@link unwrapLayoutTablesOf}.)
 */
export function unwrapLayoutTables(root: Element): void {
  const tables: Element[] = [];
  for (let node = nextInOrder(root, root); node !== null; node = nextInOrder(node, root)) {
    if (isElement(node) && tagOf(node) === "TABLE") {
      tables.push(node);
    }
  }
  unwrapLayoutTablesOf(tables);
}

/**
 * {@link unwrapLayoutTables} for these tables (in document order, as found in the DOM): the
 * layout tables among them become `<div>`s, innermost first.
 */
export function unwrapLayoutTablesOf(tables: readonly Element[]): void {
  for (let index = tables.length - 1; index >= 0; index -= 1) {
    const table = tables[index] as Element;
    if (table.parentNode === null || !isLayoutTable(table)) {
      continue;
    }
    const document = table.ownerDocument;
    const replacement = document.createElement("div");
    for (const row of rowsOf(table)) {
      for (const cell of cellsOf(row)) {
        const block = document.createElement("div");
        while (cell.firstChild) {
          block.appendChild(cell.firstChild);
        }
        replacement.appendChild(block);
      }
    }
    const caption = Array.from(table.children).find((child) => tagOf(child) === "CAPTION");
    if (caption) {
      replacement.insertBefore(caption, replacement.firstChild);
    }
    table.parentNode.replaceChild(replacement, table);
  }
}
