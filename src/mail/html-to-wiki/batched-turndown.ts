/**
 * Turndown over a large DOM in batches, so the pane can give the main thread back between them:
 * `service.turndown(body)` over a 1 MB email is one task of hundreds of milliseconds. The result is
 * exactly what one `service.turndown(root)` call gives (tests compare both over every fixture and
 * random documents, with batches of a single node); here is why.
 *
 * What turndown 7.2.5 does (node_modules/turndown/lib/turndown.browser.es.js, `turndown`,
 * `RootNode`, `collapseWhitespace`, `process`, `join`, `postProcess`):
 * 1. it copies the root and collapses its whitespace in one walk (state: the last text node, and
 *    whether to keep a leading space); a block element or a `<br>` resets that state;
 * 2. it converts the root's children one by one; a child's replacement is joined to the output so
 *    far by `join`: the line breaks at the end of the output and at the start of the replacement
 *    become max(both) of them, at most two;
 * 3. it trims the whole output: line breaks and tabs at the start, any whitespace at the end.
 *
 * So an element's children can be converted in runs ("batches"), as long as a run starts and ends
 * next to a block element or after a `<br>` (or at the element's own edge): there the whitespace
 * state is reset anyway, and our rules, which look past a node only up to the next block or line
 * break (dom-walk.ts's neighbourChar) or up through its ancestors (hasAncestor, list markers), see
 * the same things. A run is converted in a `<div>` put in its place (a block: what the rules see
 * at its edges is a line break, as next to a block), framed by two marker blocks whose
 * replacement is a control character, so turndown's final trim stops at them and the line breaks
 * at the run's edges survive. `join` is associative: joining the runs' outputs gives the output
 * of all the children. A child too big for one batch is converted the same way one level down
 * ("descending"), and its own rule is applied to the joined content of its children, as turndown
 * would (`rules.forNode(child).replacement(content, child)`).
 *
 * The conversion happens in place, in the document being converted (parsed for this conversion
 * only): the run's `cloneNode` is shadowed so turndown's copy is the run itself, which keeps the
 * ancestors in place for the rules and saves copying the tree. Converted runs leave the document.
 */
import type TurndownService from "turndown";
import { isBlockElement, isElement, isText, nextInOrder, tagOf } from "./dom-walk";

/** What the markers around a run turn into (a control character: text never holds one). */
const EDGE = "\u0003";

/** The marker elements of runs (recognized by the edge rule; forgotten with them). */
const edges = new WeakSet<Node>();

/**
 * Whether a run may end after `node` and the next start with `next` (null: the end). Next to a
 * block both sides see a line break and a reset whitespace state. After a `<br>` too: turndown
 * resets its whitespace state there as at a block, and the line break's rule looks back only.
 */
function mayCutBetween(node: Node, next: Node | null): boolean {
  return next === null || isSharedBlock(node) || isSharedBlock(next) || tagOf(node) === "BR";
}

/** Blocks to both turndown (its `blockElements`) and dom-walk.ts. */
function isSharedBlock(node: Node): boolean {
  if (!isBlockElement(node)) {
    return false;
  }
  const tag = tagOf(node);
  return tag !== "DETAILS" && tag !== "SUMMARY" && tag !== "CAPTION";
}

/**
 * Blocks whose children may be converted in runs, each run in a `<div>` of its own put in its
 * place. All are blocks to turndown and to dom-walk.ts. Not `<tr>` (a cell's delimiter depends on
 * its row's other cells; so cells are never reached either), not `<pre>` (turndown keeps its
 * whitespace), not lists (their rules look at their parent element: a `<div>` between a list
 * item and its nested list would change their markup).
 */
const DESCENDABLE = new Set([
  "DIV", "P", "CENTER", "SECTION", "ARTICLE", "MAIN", "HEADER", "FOOTER", "ASIDE", "NAV",
  "ADDRESS", "FORM", "FIELDSET", "FIGURE", "BLOCKQUOTE", "TABLE", "THEAD", "TBODY", "TFOOT", "DL",
  "DD",
]); // prettier-ignore

/** Of those, the ones turndown never takes for blank (its `meaningfulWhenBlankElements`). */
const NEVER_BLANK = new Set(["TABLE", "THEAD", "TBODY", "TFOOT"]);

/**
 * Adds the rule that turns a run's marker into {@link EDGE}. It goes last in turndown's list
 * (`rules.array` is checked first to last), so the other rules never pay for it.
 */
export function addBatchEdgeRule(service: TurndownService): void {
  service.rules.array.push({
    filter: (node) => edges.has(node),
    replacement: () => EDGE,
  });
}

/** How the children are cut into runs. */
export interface BatchSize {
  /**
   * About how many nodes one run converts; `Infinity` converts the root's children in one run
   * (what one `turndown(root)` call does).
   */
  nodesPerBatch: number;
}

/**
 * Converts the children of `root` with `service` (which needs {@link addBatchEdgeRule}), yielding
 * after each run; the result equals `service.turndown(root)`. Empties `root`.
 */
export function* turndownInBatches(
  service: TurndownService,
  root: Element,
  size: BatchSize
): Generator<void, string, void> {
  const raw = yield* contentOf(service, root, size.nodesPerBatch);
  // turndown's postProcess trim.
  return raw.replace(/^[\t\r\n]+/, "").replace(/[\t\r\n\s]+$/, "");
}

/** The joined, untrimmed replacements of `parent`'s children (turndown's `process(parent)`). */
function* contentOf(
  service: TurndownService,
  parent: Element,
  nodesPerBatch: number
): Generator<void, string, void> {
  const output: string[] = [];
  let batchStart: Node | null = null;
  let batchNodes = 0;
  let child: Node | null = parent.firstChild;
  while (child !== null) {
    const next: Node | null = child.nextSibling;
    const nodes = nodesPerBatch === Infinity ? 1 : countNodes(child, nodesPerBatch + 1);
    if (nodes > nodesPerBatch && isDescendable(child)) {
      if (batchStart !== null) {
        join(output, convertRun(service, batchStart, child));
        batchStart = null;
        batchNodes = 0;
        yield;
      }
      const content = yield* contentOf(service, child, nodesPerBatch);
      join(output, blockReplacement(service, child, content));
      parent.removeChild(child);
      // Each level of a deep thread (quotes in quotes) finishes in a step of its own.
      yield;
    } else {
      batchStart ??= child;
      batchNodes += nodes;
      if (batchNodes >= nodesPerBatch && mayCutBetween(child, next)) {
        join(output, convertRun(service, batchStart, next));
        batchStart = null;
        batchNodes = 0;
        yield;
      }
    }
    child = next;
  }
  if (batchStart !== null) {
    join(output, convertRun(service, batchStart, null));
  }
  return output.join("");
}

/**
 * Converts the run of siblings from `first` up to `stop` (excluded; null: the last child) alone:
 * in a `<div>` put in their place and framed by markers; returns the output between the markers.
 * The `<div>` and the run leave the document.
 */
function convertRun(service: TurndownService, first: Node, stop: Node | null): string {
  const parent = first.parentNode as Node;
  const document = first.ownerDocument as Document;
  const run = document.createElement("div");
  parent.insertBefore(run, first);
  run.appendChild(edgeMarker(document));
  for (let node: Node | null = first; node !== null && node !== stop;) {
    const next: Node | null = node.nextSibling;
    run.appendChild(node);
    node = next;
  }
  run.appendChild(edgeMarker(document));
  // turndown converts a copy of an element (RootNode: `input.cloneNode(true)`); this document is
  // only for this conversion, so the element itself will do, in place, with its ancestors.
  Object.defineProperty(run, "cloneNode", { value: () => run });
  try {
    const output = service.turndown(run);
    if (!output.startsWith(EDGE) || !output.endsWith(EDGE) || output.length < 2) {
      throw new Error("A batch of the email lost its edge markers in conversion.");
    }
    return output.slice(1, -1);
  } finally {
    parent.removeChild(run);
  }
}

function edgeMarker(document: Document): Element {
  const marker = document.createElement("div");
  // Text, so turndown doesn't take the marker for a blank element.
  marker.appendChild(document.createTextNode(EDGE));
  edges.add(marker);
  return marker;
}

/**
 * What turndown's `replacementForNode` gives a non-blank block: its rule's replacement of its
 * content (a block has no flanking whitespace).
 */
function blockReplacement(service: TurndownService, element: Element, content: string): string {
  const node = element as HTMLElement & { isBlank?: boolean };
  node.isBlank = false;
  const rule = service.rules.forNode(node);
  return rule.replacement ? rule.replacement(content, node, service.options) : content;
}

/** Whether `node` is a block whose children can be runs, and turndown won't take it for blank. */
function isDescendable(node: Node): node is Element {
  if (!isElement(node) || !DESCENDABLE.has(tagOf(node))) {
    return false;
  }
  return NEVER_BLANK.has(tagOf(node)) || hasVisibleText(node);
}

/** Whether some text under `element` is not all whitespace (turndown's blank test: `/^\s*$/`). */
function hasVisibleText(element: Element): boolean {
  for (let node = nextInOrder(element, element); node !== null; node = nextInOrder(node, element)) {
    if (isText(node) && /\S/.test(node.data)) {
      return true;
    }
  }
  return false;
}

/** The number of nodes in `node`'s subtree (itself included), counting no further than `cap`. */
function countNodes(node: Node, cap: number): number {
  let count = 1;
  let next = nextInOrder(node, node);
  while (next !== null && count < cap) {
    count += 1;
    next = nextInOrder(next, node);
  }
  return count;
}

/** turndown's `join`: appends `replacement` to `output`, merging the line breaks between them. */
function join(output: string[], replacement: string): void {
  const tail = output.pop() ?? "";
  const s1 = trimTrailingNewlines(tail);
  const s2 = trimLeadingNewlines(replacement);
  const newlines = Math.max(tail.length - s1.length, replacement.length - s2.length);
  const separator = "\n\n".substring(0, newlines);
  if (s1) output.push(s1);
  if (separator) output.push(separator);
  if (s2) output.push(s2);
}

function trimLeadingNewlines(text: string): string {
  let start = 0;
  while (start < text.length && text[start] === "\n") start += 1;
  return text.substring(start);
}

function trimTrailingNewlines(text: string): string {
  let end = text.length;
  while (end > 0 && text[end - 1] === "\n") end -= 1;
  return text.substring(0, end);
}
