/**
 * Cuts the quoted reply history from an email's DOM: the separator each mail client puts above the
 * message being replied to or forwarded, and everything after it in document order.
 *
 * - Outlook desktop and Outlook for Mac: a `<div>` with a top border holding "From: … Sent: …"
 *   (localized: Von/Gesendet, De/Envoyé, Da/Inviato, Van/Verzonden …); older versions write
 *   "-----Original Message-----".
 * - Outlook on the web / new Outlook: `#appendonsend`, `#divRplyFwdMsg` (prefixed `x_` once quoted
 *   again), `#mail-editor-reference-message-container`; Hotmail's `hr#stopSpelling`.
 * - Gmail: `.gmail_quote` (holding `.gmail_attr` "On … wrote:"). Yahoo: `.yahoo_quoted`.
 * - Apple Mail: `blockquote[type=cite]`, with the "On … wrote:" line just before it.
 * - Thunderbird: `.moz-cite-prefix` before its `blockquote[type=cite]`.
 */
import {
  elementsUnder,
  isElement,
  isText,
  linesOf,
  nextInOrder,
  removeFromHereOn,
  tagOf,
} from "./dom-walk";
import { FROM_LABEL, isAttribution, ORIGINAL_MESSAGE_LINE, SENT_LABEL } from "./history-patterns";
import { runAtOnce } from "./work-slices";
import type { Steps } from "./work-slices";

const SEPARATOR_IDS =
  /^(?:x_)*(?:divRplyFwdMsg|appendonsend|stopSpelling|mail-editor-reference-message-container)$/;
const SEPARATOR_CLASSES =
  /(?:^|\s)(?:x_)*(?:gmail_quote|gmail_attr|moz-cite-prefix|yahoo_quoted|OutlookMessageHeader)(?:\s|$)/;
const SUBJECT_LABEL =
  /^\s*\*?(?:subject|betreff|objet|oggetto|onderwerp|ämne|emne|temat|asunto|assunto|konu|主题|件名|제목)\s*\*?\s*[:：]/iu;

/** Elements looked at between two pauses. */
const ELEMENTS_PER_STEP = 1_024;

/**
 * Removes the quoted history (the first separator found and everything after it) from `root`.
 * Returns whether anything was cut.
 */
export function cutQuotedHistory(root: Element): boolean {
  return runAtOnce(cutQuotedHistorySteps(root));
}

/** {@link cutQuotedHistory}, pausing now and then. */
export function* cutQuotedHistorySteps(root: Element): Steps<boolean> {
  const candidates = new Set<Node>();
  let looked = 0;
  for (const element of elementsUnder(root)) {
    looked += 1;
    if (looked % ELEMENTS_PER_STEP === 0) {
      yield;
    }
    const separator = separatorAt(element);
    if (separator !== null) {
      candidates.add(separator);
    }
  }
  if (candidates.size === 0) {
    return false;
  }
  // The first of them in document order (an "On … wrote:" line comes before its blockquote).
  for (let node = nextInOrder(root, root); node !== null; node = nextInOrder(node, root)) {
    if (candidates.has(node)) {
      removeFromHereOn(node, root);
      return true;
    }
  }
  return false;
}

/** Where to cut if `element` marks the start of the history, else null. */
function separatorAt(element: Element): Node | null {
  if (SEPARATOR_IDS.test(element.getAttribute("id") ?? "")) {
    return element;
  }
  if (SEPARATOR_CLASSES.test(element.getAttribute("class") ?? "")) {
    return element;
  }
  const tag = tagOf(element);
  if (tag === "BLOCKQUOTE") {
    const attribution = attributionBefore(element);
    if (attribution !== null) {
      return attribution;
    }
    return (element.getAttribute("type") ?? "").toLowerCase() === "cite" ? element : null;
  }
  if (tag === "DIV" || tag === "P") {
    return isHeaderBlock(element) || isOriginalMessageLine(element) ? element : null;
  }
  return null;
}

/** The "On … wrote:" line right before a blockquote (an element or text, past `<br>`s), if any. */
function attributionBefore(blockquote: Element): Node | null {
  let node = blockquote.previousSibling;
  for (let steps = 0; node !== null && steps < 8; steps += 1) {
    const isBlankText = isText(node) && node.data.trim() === "";
    if (!isBlankText && !(isElement(node) && tagOf(node) === "BR")) {
      return isAttribution(oneLine(node.textContent ?? "")) ? node : null;
    }
    node = node.previousSibling;
  }
  return null;
}

/**
 * Outlook's header block: starts with "From:" (any language) and names a date ("Sent:") and a
 * subject. A top border (Outlook desktop) or not (Outlook mobile, plain forwards).
 */
function isHeaderBlock(element: Element): boolean {
  if (!FROM_LABEL.test(firstText(element))) {
    return false;
  }
  const lines = linesOf(element);
  return (
    lines.some((line) => SENT_LABEL.test(line)) && lines.some((line) => SUBJECT_LABEL.test(line))
  );
}

function isOriginalMessageLine(element: Element): boolean {
  if (!firstText(element).startsWith("--")) {
    return false;
  }
  const firstLine = linesOf(element).find((line) => line !== "") ?? "";
  return ORIGINAL_MESSAGE_LINE.test(firstLine);
}

/** The first non-blank text under `element` (a few nodes deep is enough: "From:" opens the block). */
function firstText(element: Element): string {
  let node = nextInOrder(element, element);
  for (let steps = 0; node !== null && steps < 32; steps += 1) {
    if (isText(node) && node.data.trim() !== "") {
      return node.data.replace(/\u00A0/g, " ").trimStart();
    }
    node = nextInOrder(node, element);
  }
  return "";
}

function oneLine(text: string): string {
  return text.replace(/\s+/gu, " ").trim();
}
