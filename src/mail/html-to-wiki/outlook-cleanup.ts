/**
 * Cleans an email's DOM before conversion: everything that is not content goes (scripts, styles,
 * embedded objects, form controls, hidden text, comments including Outlook's conditional comments,
 * Office's VML and namespaced elements such as `<o:p>`), so neither turndown nor a reader of the
 * markup ever sees it. Works on the parsed DOM, never on HTML strings.
 */
import {
  isElement,
  nextInOrder,
  nextSkippingChildren,
  tagOf,
  unwrap,
  walkInSteps,
} from "./dom-walk";
import { runAtOnce } from "./work-slices";
import type { Steps } from "./work-slices";

/** Elements that are never content. SVG and MathML go whole: they can carry scripts and links. */
const DROPPED_TAGS = new Set([
  "SCRIPT", "STYLE", "HEAD", "TITLE", "META", "LINK", "BASE", "OBJECT", "EMBED", "IFRAME", "FRAME",
  "FRAMESET", "NOFRAMES", "APPLET", "PARAM", "SVG", "MATH", "CANVAS", "VIDEO", "AUDIO", "SOURCE",
  "TRACK", "PICTURE", "NOSCRIPT", "TEMPLATE", "INPUT", "SELECT", "TEXTAREA", "BUTTON", "OPTION",
  "OPTGROUP", "DATALIST", "KEYGEN", "XML", "MAP", "AREA", "DIALOG", "SLOT",
]); // prettier-ignore

/** Office namespaces whose elements are never content: VML (v:), Office (o:), Word (w:), OMML (m:). */
const DROPPED_PREFIXES = new Set(["o", "v", "w", "m"]);

/** Hidden by the sender: preheaders of newsletters, Outlook's `mso-hide:all` blocks. */
const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden|mso-hide\s*:\s*all)/i;

const COMMENT_NODE = 8;
const PROCESSING_INSTRUCTION_NODE = 7;
const CDATA_SECTION_NODE = 4;

/** Removes everything that is not content from `root` (see the module comment). */
export function removeNonContent(root: Element): void {
  runAtOnce(removeNonContentSteps(root));
}

/** {@link removeNonContent} in one walk, pausing now and then. */
export function removeNonContentSteps(root: Element): Steps<void> {
  return walkInSteps(root, (node) => {
    const type = node.nodeType;
    if (
      type === COMMENT_NODE ||
      type === PROCESSING_INSTRUCTION_NODE ||
      type === CDATA_SECTION_NODE ||
      (isElement(node) && isNonContent(node))
    ) {
      const next = nextSkippingChildren(node, root);
      (node.parentNode as Node).removeChild(node);
      return next;
    }
    if (isElement(node) && tagOf(node).indexOf(":") > 0) {
      // Other prefixed elements (Word's smart tags, st1:City) wrap real text: keep the text.
      const next = node.firstChild ?? nextSkippingChildren(node, root);
      unwrap(node);
      return next;
    }
    return nextInOrder(node, root);
  });
}

/**
 * Whether `element` and everything in it is never content: a dropped tag, an element of an Office
 * namespace (VML, `<o:p>` …), or text the sender hid. Other prefixed elements are content.
 */
export function isNonContent(element: Element): boolean {
  const tag = tagOf(element);
  const colon = tag.indexOf(":");
  if (colon > 0) {
    return DROPPED_PREFIXES.has(tag.slice(0, colon).toLowerCase());
  }
  return DROPPED_TAGS.has(tag) || isHidden(element);
}

function isHidden(element: Element): boolean {
  return element.hasAttribute("hidden") || HIDDEN_STYLE.test(element.getAttribute("style") ?? "");
}

/** How many nodes a spacer line may hold (`<p><span><o:p>&nbsp;</o:p></span></p>` and the like). */
const SPACER_NODE_LIMIT = 8;

/**
 * Marks spacer lines: a `<div>` or `<p>` holding only no-break spaces renders as an empty line
 * (OWA's `<div>&nbsp;</div>`, Word's `<p class=MsoNormal><o:p>&nbsp;</o:p></p>`), while a truly
 * empty one renders as nothing. Spacers get a `<br>` as their only content, which converts to a
 * blank line; the difference would be lost once no-break spaces become spaces.
 *
 * A `<div>` or `<p>` with no text at all, only empty inline elements (Word's spacer once `<o:p>`
 * is gone: `<p class=MsoNormal><span lang=EN-US></span></p>`), loses those elements: turndown
 * takes it for blank either way, and its blank rule doesn't look at the content, but it would
 * examine each of them (a dozen DOM queries each) to find that out.
 */
export function markSpacerLines(root: Element): void {
  runAtOnce(markSpacerLinesSteps(root));
}

/** {@link markSpacerLines} in one walk, pausing now and then. */
export function markSpacerLinesSteps(root: Element): Steps<void> {
  return walkInSteps(root, (node) =>
    isElement(node) && markSpacerLine(node)
      ? nextSkippingChildren(node, root)
      : nextInOrder(node, root)
  );
}

/**
 * {@link markSpacerLines} for one element: a spacer `<div>`/`<p>` gets its `<br>`, one holding only
 * empty inline elements loses them. Returns whether it did either (its new content needs no more
 * looking at).
 */
export function markSpacerLine(element: Element): boolean {
  const tag = tagOf(element);
  if (tag !== "DIV" && tag !== "P") {
    return false;
  }
  if (isSpacer(element)) {
    removeChildren(element);
    element.appendChild(element.ownerDocument.createElement("br"));
    return true;
  }
  if (holdsOnlyEmptyInlines(element)) {
    removeChildren(element);
    return true;
  }
  return false;
}

function removeChildren(node: Node): void {
  while (node.firstChild) {
    node.removeChild(node.firstChild);
  }
}

/**
 * Inline elements that are never void, never "meaningful when blank" and hold no text of their
 * own (turndown 7.2.5's `isBlank`: no text, no `voidElements`, no `meaningfulWhenBlankElements`).
 */
const EMPTY_INLINE = new Set(["SPAN", "FONT", "B", "I", "U", "STRONG", "EM", "S", "SMALL", "BIG"]);

/** Whether `element` has children, all of them (a few) empty inline elements without any text. */
function holdsOnlyEmptyInlines(element: Element): boolean {
  let node = nextInOrder(element, element);
  if (node === null) {
    return false;
  }
  for (let count = 0; node !== null; count += 1) {
    if (count >= SPACER_NODE_LIMIT || !isElement(node) || !EMPTY_INLINE.has(tagOf(node))) {
      return false;
    }
    node = nextInOrder(node, element);
  }
  return true;
}

function isSpacer(element: Element): boolean {
  let text = "";
  let node = nextInOrder(element, element);
  for (let count = 0; node !== null; count += 1) {
    if (count >= SPACER_NODE_LIMIT || (isElement(node) && !SPACER_INLINE.has(tagOf(node)))) {
      return false;
    }
    text += node.nodeType === 3 ? (node as Text).data : "";
    node = nextInOrder(node, element);
  }
  return text.includes("\u00A0") && text.trim() === "";
}

const SPACER_INLINE = new Set(["SPAN", "FONT", "B", "I", "U", "STRONG", "EM"]);

/** Word's paragraph classes: "MsoNormal", "MsoPlainText", "MsoListParagraph" … */
const WORD_PARAGRAPH_CLASS = /(?:^|\s)Mso[A-Za-z]*/;

/**
 * Whether a `<p>` is one of Word's lines: Outlook desktop writes every line as
 * `<p class="MsoNormal">` with no margin, and an empty one (`<o:p>&nbsp;</o:p>`) for a blank line,
 * so these paragraphs are lines, not paragraphs separated by blank lines.
 */
export function isWordLine(element: Element): boolean {
  return WORD_PARAGRAPH_CLASS.test(element.getAttribute("class") ?? "");
}
