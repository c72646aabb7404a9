/**
 * Word's line structure, restored in one walk over the cleaned DOM: spacer lines marked
 * (outlook-cleanup.ts's markSpacerLine), runs of Word list paragraphs made lists (word-lists.ts),
 * layout tables unwrapped (layout-tables.ts). The same as running those three passes one after
 * the other, in a third of the DOM traversal:
 * - the paragraphs of a list run are marked first (each with what it holds), as the spacer pass
 *   would have marked them before the list pass;
 * - a table is found after everything before it in the document was made final, and nothing
 *   after it changes what it holds; the layout tables go last, innermost first.
 */
import { isElement, nextInOrder, nextSkippingChildren, tagOf, walkInSteps } from "./dom-walk";
import { unwrapLayoutTablesOf } from "./layout-tables";
import { markSpacerLine, markSpacerLines } from "./outlook-cleanup";
import type { Steps } from "./work-slices";
import { convertListAt } from "./word-lists";

/** Spacer lines, Word lists and layout tables under `root` (see the module comment). */
export function* restoreLineStructureSteps(root: Element): Steps<void> {
  const tables: Element[] = [];
  yield* walkInSteps(root, (node) => {
    if (!isElement(node)) {
      return nextInOrder(node, root);
    }
    const marked = markSpacerLine(node);
    const list = convertListAt(node, markSpacerLinesWithin);
    if (list !== null) {
      // Walk the new list: its items hold the paragraphs' content.
      return nextInOrder(list, root);
    }
    if (marked) {
      return nextSkippingChildren(node, root);
    }
    if (tagOf(node) === "TABLE") {
      tables.push(node);
    }
    return nextInOrder(node, root);
  });
  yield;
  unwrapLayoutTablesOf(tables);
}

/** The spacer pass over `element` and everything in it. */
function markSpacerLinesWithin(element: Element): void {
  if (!markSpacerLine(element)) {
    markSpacerLines(element);
  }
}
