/**
 * Outlook desktop (Word) writes lists as paragraphs, not `<ul>`/`<ol>`: each item is
 * `<p class="MsoListParagraph" style="mso-list:l0 level1 lfo1">` whose bullet or number is typed
 * into a span marked `mso-list:Ignore` (inside `<![if !supportLists]>`). This turns runs of such
 * paragraphs back into real, nested lists, so they convert to Jira's `*`, `**`, `#` lists.
 */
import { elementsUnder, isElement, isText, nextInOrder } from "./dom-walk";

const MSO_LIST_LEVEL = /mso-list\s*:\s*l\d+\s+level(\d+)/i;
const MSO_LIST_IGNORE = /mso-list\s*:\s*ignore/i;
/** "1." "a)" "iv." "(3)": a numbered item; anything else ("·", "o", "§", "-") is a bullet. */
const NUMBER_MARKER = /^\(?(?:\d+|[a-z]|[ivxlcdm]+)[.)]$/i;

interface OpenList {
  level: number;
  list: Element;
  lastItem: Element | null;
}

/**
 * Replaces every run of Word list paragraphs under `root` with nested `<ul>`/`<ol>` lists. (The
 * conversion does this in line-structure.ts's walk, with the other passes over lines.)
 */
export function convertWordLists(root: Element): void {
  let node = nextInOrder(root, root);
  while (node !== null) {
    // The list takes the run's place; its items (the paragraphs' content) are walked next.
    const list = isElement(node) ? convertListAt(node) : null;
    node = nextInOrder(list ?? node, root);
  }
}

/**
 * When `element` is a Word list paragraph: replaces it and the list paragraphs right after it
 * with nested lists, and returns the (first) list. Else null. `prepare` sees each paragraph of
 * the run first, before its content moves into a list item.
 */
export function convertListAt(
  element: Element,
  prepare?: (paragraph: Element) => void
): Element | null {
  if (listLevel(element) === null) {
    return null;
  }
  const run = listRun(element);
  if (prepare) {
    run.forEach(prepare);
  }
  return replaceRun(run);
}

function listLevel(element: Element): number | null {
  const match = MSO_LIST_LEVEL.exec(element.getAttribute("style") ?? "");
  return match ? Number(match[1]) : null;
}

/** The paragraph and the list paragraphs right after it (whitespace between them ignored). */
function listRun(first: Element): Element[] {
  const run = [first];
  let node = first.nextSibling;
  while (node !== null) {
    if (isText(node) && node.data.trim() === "") {
      node = node.nextSibling;
    } else if (isElement(node) && listLevel(node) !== null) {
      run.push(node);
      node = node.nextSibling;
    } else {
      break;
    }
  }
  return run;
}

/**
 * Replaces the run with its list (several lists when the run starts deeper than it goes on: each
 * time it comes back above its start level); returns the first.
 */
function replaceRun(run: Element[]): Element {
  const first = run[0] as Element;
  const document = first.ownerDocument;
  const stack: OpenList[] = [];
  const outerLists: Element[] = [];
  for (const paragraph of run) {
    const level = listLevel(paragraph) ?? 1;
    const ordered = NUMBER_MARKER.test(takeMarker(paragraph));
    while (stack.length > 0 && (stack[stack.length - 1] as OpenList).level > level) {
      stack.pop();
    }
    let top = stack[stack.length - 1];
    if (top === undefined || top.level < level) {
      const list = document.createElement(ordered ? "ol" : "ul");
      if (top?.lastItem) {
        top.lastItem.appendChild(list);
      } else if (top) {
        top.list.appendChild(list);
      } else {
        // The first paragraph is gone once its item is made: later lists follow the last one.
        const previous = outerLists[outerLists.length - 1];
        if (previous === undefined) {
          first.parentNode?.insertBefore(list, first);
        } else {
          previous.parentNode?.insertBefore(list, previous.nextSibling);
        }
        outerLists.push(list);
      }
      top = { level, list, lastItem: null };
      stack.push(top);
    }
    const item = document.createElement("li");
    while (paragraph.firstChild) {
      item.appendChild(paragraph.firstChild);
    }
    top.list.appendChild(item);
    top.lastItem = item;
    paragraph.parentNode?.removeChild(paragraph);
  }
  return outerLists[0] as Element;
}

/** Removes the typed bullet/number span(s) from a list paragraph and returns their text. */
function takeMarker(paragraph: Element): string {
  let marker = "";
  for (const element of elementsUnder(paragraph)) {
    if (element.parentNode !== null && MSO_LIST_IGNORE.test(element.getAttribute("style") ?? "")) {
      marker += element.textContent ?? "";
      const parent = element.parentNode;
      parent.removeChild(element);
      if (isElement(parent) && parent !== paragraph && (parent.textContent ?? "").trim() === "") {
        parent.parentNode?.removeChild(parent);
      }
    }
  }
  return marker.replace(/[\s\u00A0]+/g, "");
}
