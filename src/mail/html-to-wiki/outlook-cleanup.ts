/**
 * Cleans an email's DOM before conversion: everything that is not content goes (scripts, styles,
 * embedded objects, form controls, hidden text, comments including Outlook's conditional comments,
 * Office's VML and namespaced elements such as `<o:p>`), so neither turndown nor a reader of the
 * markup ever sees it. Works on the parsed DOM, never on HTML strings.
 */
import { elementsUnder, isElement, nextInOrder, tagOf, unwrap } from "./dom-walk";

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
  removeComments(root);
  for (const element of elementsUnder(root)) {
    if (element.parentNode === null) {
      continue;
    }
    if (isNonContent(element)) {
      element.parentNode.removeChild(element);
    } else if (tagOf(element).indexOf(":") > 0) {
      // Other prefixed elements (Word's smart tags, st1:City) wrap real text: keep the text.
      unwrap(element);
    }
  }
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

function removeComments(root: Element): void {
  const doomed: Node[] = [];
  for (let node = nextInOrder(root, root); node !== null; node = nextInOrder(node, root)) {
    const type = node.nodeType;
    if (
      type === COMMENT_NODE ||
      type === PROCESSING_INSTRUCTION_NODE ||
      type === CDATA_SECTION_NODE
    ) {
      doomed.push(node);
    }
  }
  for (const node of doomed) {
    node.parentNode?.removeChild(node);
  }
}

/** How many nodes a spacer line may hold (`<p><span><o:p>&nbsp;</o:p></span></p>` and the like). */
const SPACER_NODE_LIMIT = 8;

/**
 * Marks spacer lines: a `<div>` or `<p>` holding only no-break spaces renders as an empty line
 * (OWA's `<div>&nbsp;</div>`, Word's `<p class=MsoNormal><o:p>&nbsp;</o:p></p>`), while a truly
 * empty one renders as nothing. Spacers get a `<br>` as their only content, which converts to a
 * blank line; the difference would be lost once no-break spaces become spaces.
 */
export function markSpacerLines(root: Element): void {
  for (const element of elementsUnder(root)) {
    const tag = tagOf(element);
    if ((tag === "DIV" || tag === "P") && isSpacer(element)) {
      while (element.firstChild) {
        element.removeChild(element.firstChild);
      }
      element.appendChild(element.ownerDocument.createElement("br"));
    }
  }
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
