/**
 * Email HTML can nest elements thousands deep (broken generators, hostile mail). Turndown and the
 * DOM's own textContent/cloneNode recurse per level and overflow the stack around 10,000 levels.
 * Below a depth limit, the subtree is flattened to its text, line breaks and images: the words
 * survive, the formatting that deep is dropped. Browsers' parsers cap depth themselves (Chromium at
 * 512 levels), domino in Node does not.
 */
import {
  isBlockElement,
  isElement,
  isText,
  nextInOrder,
  nextSkippingChildren,
  tagOf,
  NODES_PER_STEP,
} from "./dom-walk";
import { isNonContent } from "./outlook-cleanup";
import { runAtOnce } from "./work-slices";
import type { Steps } from "./work-slices";

/** Elements deeper than this (counted from the root) are flattened. */
export const MAX_NESTING_DEPTH = 100;

/**
 * Flattens every element at `maxDepth` below `root` to a flat run of text nodes, `<br>`s and
 * `<img>`s: a line break where a block starts or ends, nothing of what is never content (scripts,
 * styles, hidden text: outlook-cleanup.ts's isNonContent), since the cleanup that removes those
 * runs later and would only find their text. Returns how many subtrees were flattened.
 */
export function flattenDeepNesting(root: Element, maxDepth = MAX_NESTING_DEPTH): number {
  return runAtOnce(flattenDeepNestingSteps(root, maxDepth));
}

/** {@link flattenDeepNesting}, pausing now and then. */
export function* flattenDeepNestingSteps(
  root: Element,
  maxDepth = MAX_NESTING_DEPTH
): Steps<number> {
  let flattened = 0;
  let visited = 0;
  let node: Node | null = root.firstChild;
  let depth = 1;
  while (node !== null) {
    visited += 1;
    if (visited % NODES_PER_STEP === 0) {
      yield;
    }
    if (isElement(node) && depth >= maxDepth && node.firstElementChild !== null) {
      flattenSubtree(node);
      flattened += 1;
    } else if (node.firstChild !== null) {
      node = node.firstChild;
      depth += 1;
      continue;
    }
    while (node !== null && node !== root && node.nextSibling === null) {
      node = node.parentNode;
      depth -= 1;
    }
    node = node === null || node === root ? null : node.nextSibling;
  }
  return flattened;
}

function flattenSubtree(element: Element): void {
  const document = element.ownerDocument;
  const leaves: Node[] = [];
  const descendants: Node[] = [];
  const lineBreak = (): void => {
    const last = leaves[leaves.length - 1];
    if (last !== undefined && tagOf(last) !== "BR") {
      leaves.push(document.createElement("br"));
    }
  };
  // The node after each open block (its line ends there), and after the non-content subtree being
  // passed over (undefined: none); null is the end of `element`.
  const blockEnds: Array<Node | null> = [];
  let skipUntil: Node | null | undefined;
  for (let node = nextInOrder(element, element); node !== null; node = nextInOrder(node, element)) {
    descendants.push(node);
    while (blockEnds.length > 0 && blockEnds[blockEnds.length - 1] === node) {
      blockEnds.pop();
      lineBreak();
    }
    if (skipUntil === node) {
      skipUntil = undefined;
    }
    if (skipUntil !== undefined) {
      continue;
    }
    if (isElement(node) && isNonContent(node)) {
      skipUntil = nextSkippingChildren(node, element);
    } else if (isText(node)) {
      leaves.push(document.createTextNode(node.data));
    } else if (tagOf(node) === "BR" || isBlockElement(node)) {
      lineBreak();
      if (isBlockElement(node)) {
        blockEnds.push(nextSkippingChildren(node, element));
      }
    } else if (tagOf(node) === "IMG") {
      leaves.push(node.cloneNode(false));
    }
  }
  // Last first: each node leaves the tree without children, so the DOM has nothing to recurse
  // into (domino unregisters removed subtrees recursively).
  for (let index = descendants.length - 1; index >= 0; index -= 1) {
    const node = descendants[index] as Node;
    node.parentNode?.removeChild(node);
  }
  for (const leaf of leaves) {
    element.appendChild(leaf);
  }
}
