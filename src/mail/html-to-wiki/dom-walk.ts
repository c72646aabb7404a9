/**
 * Small, iterative DOM helpers. Email HTML can nest thousands of elements deep; nothing here
 * recurses, so nothing here can overflow the stack.
 */

import { safeLinkUrl } from "./link-safety";
import type { Steps } from "./work-slices";

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** Elements that start a new line (turndown's block list plus a few more). */
const BLOCK_TAGS = new Set([
  "ADDRESS", "ARTICLE", "ASIDE", "BLOCKQUOTE", "BODY", "CAPTION", "CENTER", "DD", "DETAILS", "DIR",
  "DIV", "DL", "DT", "FIELDSET", "FIGCAPTION", "FIGURE", "FOOTER", "FORM", "H1", "H2", "H3", "H4",
  "H5", "H6", "HEADER", "HGROUP", "HR", "HTML", "LI", "MAIN", "MENU", "NAV", "OL", "P", "PRE",
  "SECTION", "SUMMARY", "TABLE", "TBODY", "TD", "TFOOT", "TH", "THEAD", "TR", "UL",
]); // prettier-ignore

/** Inline elements that emit markup of their own (a delimiter, a link, an image). */
const MARKUP_INLINE_TAGS = new Set([
  "A", "B", "STRONG", "I", "EM", "CITE", "U", "INS", "S", "STRIKE", "DEL", "SUP", "SUB", "CODE",
  "TT", "KBD", "SAMP", "IMG",
]); // prettier-ignore

export function isElement(node: Node | null): node is Element {
  return node !== null && node.nodeType === ELEMENT_NODE;
}

export function isText(node: Node | null): node is Text {
  return node !== null && node.nodeType === TEXT_NODE;
}

/** Upper-case tag name, e.g. "DIV", "O:P". */
export function tagOf(node: Node): string {
  return node.nodeName.toUpperCase();
}

export function isBlockElement(node: Node): boolean {
  return isElement(node) && BLOCK_TAGS.has(tagOf(node));
}

/** Inline elements that add nothing around their text (span, font …): neighbours see through them. */
export function isTransparentInline(element: Element): boolean {
  const tag = tagOf(element);
  if (tag === "A") {
    // A link to an unsafe target is converted to its bare text.
    return safeLinkUrl(element.getAttribute("href")) === null;
  }
  return !BLOCK_TAGS.has(tag) && !MARKUP_INLINE_TAGS.has(tag) && tag !== "BR";
}

/** The node after `node` in document order within `root`, or null at the end. */
export function nextInOrder(node: Node, root: Node): Node | null {
  if (node.firstChild) {
    return node.firstChild;
  }
  return nextSkippingChildren(node, root);
}

/** The node after `node` and all its descendants, within `root`. */
export function nextSkippingChildren(node: Node, root: Node): Node | null {
  let current: Node | null = node;
  while (current !== null && current !== root) {
    if (current.nextSibling) {
      return current.nextSibling;
    }
    current = current.parentNode;
  }
  return null;
}

/** Every element under `root` (not `root` itself), in document order, as a snapshot. */
export function elementsUnder(root: Node): Element[] {
  const found: Element[] = [];
  for (let node = nextInOrder(root, root); node !== null; node = nextInOrder(node, root)) {
    if (isElement(node)) {
      found.push(node);
    }
  }
  return found;
}

/** The text under `root` split into lines at `<br>`s and block boundaries, as a reader sees them. */
export function linesOf(root: Node): string[] {
  let text = "";
  for (let node = nextInOrder(root, root); node !== null; node = nextInOrder(node, root)) {
    if (isText(node)) {
      text += node.data;
    } else if (tagOf(node) === "BR" || isBlockElement(node)) {
      text += "\n";
    }
  }
  return text.split("\n").map((line) => line.replace(/\s+/gu, " ").trim());
}

/** The text under `root` exactly as written, with `<br>` as a line break (for `<pre>`). */
export function rawTextOf(root: Node): string {
  let text = "";
  for (let node = nextInOrder(root, root); node !== null; node = nextInOrder(node, root)) {
    if (isText(node)) {
      text += node.data;
    } else if (tagOf(node) === "BR") {
      text += "\n";
    }
  }
  return text;
}

/** Removes `node` from its parent, keeping its children in its place. */
export function unwrap(node: Node): void {
  const parent = node.parentNode;
  if (parent === null) {
    return;
  }
  while (node.firstChild) {
    parent.insertBefore(node.firstChild, node);
  }
  parent.removeChild(node);
}

/** Removes `node` and everything after it in document order, up to (not including) `root`. */
export function removeFromHereOn(node: Node, root: Node): void {
  let ancestor: Node | null = node.parentNode;
  removeFollowingSiblings(node);
  node.parentNode?.removeChild(node);
  while (ancestor !== null && ancestor !== root) {
    removeFollowingSiblings(ancestor);
    ancestor = ancestor.parentNode;
  }
}

function removeFollowingSiblings(node: Node): void {
  while (node.nextSibling) {
    node.parentNode?.removeChild(node.nextSibling);
  }
}

/** How far to look for a neighbouring character before giving up (unknown). */
export const NEIGHBOUR_STEPS = 64;

/**
 * The character the output has just before (`"before"`) or after (`"after"`) `node`: a text
 * character, "\n" at a block boundary or line break, or null when an element that emits markup of
 * its own (a link, bold, an image …) is in the way, or the search goes too far.
 */
export function neighbourChar(node: Node, side: "before" | "after"): string | null {
  const back = side === "before";
  const sibling = (n: Node): Node | null => (back ? n.previousSibling : n.nextSibling);
  const edgeChild = (n: Node): Node | null => (back ? n.lastChild : n.firstChild);
  let cursor: Node | null = sibling(node);
  let container: Node | null = node.parentNode;
  for (let step = 0; step < NEIGHBOUR_STEPS; step += 1) {
    if (cursor === null) {
      if (!isElement(container) || isBlockElement(container)) {
        return "\n";
      }
      if (!isTransparentInline(container)) {
        return null;
      }
      cursor = sibling(container);
      container = container.parentNode;
    } else if (isText(cursor)) {
      const data = cursor.data;
      if (data.length > 0) {
        return back ? (data[data.length - 1] as string) : (data[0] as string);
      }
      cursor = sibling(cursor);
    } else if (isElement(cursor)) {
      if (isBlockElement(cursor) || tagOf(cursor) === "BR") {
        return "\n";
      }
      if (!isTransparentInline(cursor)) {
        return null;
      }
      container = cursor;
      cursor = edgeChild(cursor);
    } else {
      cursor = sibling(cursor);
    }
  }
  return null;
}

/** Nodes a walk visits between two pauses (a few ms of work on a slow machine). */
export const NODES_PER_STEP = 2_048;

/**
 * Walks the nodes under `root` in document order, pausing (a `yield`) every {@link NODES_PER_STEP}
 * nodes. `visit` may change the node and its subtree, and returns the node to visit next (e.g.
 * `nextInOrder(node, root)`, or `nextSkippingChildren(node, root)` to skip what it handled), null
 * to stop.
 */
export function* walkInSteps(root: Node, visit: (node: Node) => Node | null): Steps<void> {
  let visited = 0;
  let node = nextInOrder(root, root);
  while (node !== null) {
    visited += 1;
    if (visited % NODES_PER_STEP === 0) {
      yield;
    }
    node = visit(node);
  }
}
