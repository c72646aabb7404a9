/**
 * Escapes every text node of the cleaned DOM in place, before turndown runs, so each text is
 * escaped knowing its neighbours (a `!` before a line end opens nothing; one before a link might).
 * Turndown's own escaping (Markdown's) is switched off. Text inside `<pre>` is left raw: it goes
 * into `{noformat}`, where nothing is markup.
 *
 * A text's neighbours are what dom-walk.ts's `neighbourChar` finds, looking from the text before
 * any of them is escaped. Asking it twice per text node walks the same stretches again and again,
 * so this pass finds the same answers in one walk through the document's "events" (an element
 * opening or closing, a text): an event either decides the character next to a text (a block or
 * `<br>`: a line break; an element with markup of its own: unknown; a non-empty text: its first
 * or last character) or is passed over (an element that adds nothing, an empty text), and
 * `neighbourChar` gives up after passing over {@link GIVE_UP_AFTER} of them.
 */
import { escapeWikiText } from "../wiki-escape";
import {
  isBlockElement,
  isElement,
  isText,
  isTransparentInline,
  NEIGHBOUR_STEPS,
  tagOf,
} from "./dom-walk";
import { runAtOnce } from "./work-slices";
import type { Steps } from "./work-slices";

/** Control characters other than tab and line breaks: never content, and our list sentinels. */
const CONTROL = /(?![\t\n\r])\p{Cc}/gu;

/** How many events `neighbourChar` passes over before it gives up (answers "unknown"). */
const GIVE_UP_AFTER = NEIGHBOUR_STEPS;

/** Nodes visited between two pauses of the walk. */
const NODES_PER_STEP = 1_024;

/** Escapes the text nodes under `root` for Jira wiki markup (see the module comment). */
export function escapeTextNodes(root: Element): void {
  runAtOnce(escapeTextNodesSteps(root));
}

/** A text waiting for the character after it. */
interface Waiting {
  node: Text;
  before: string | null;
  /** The event of the text itself. */
  event: number;
}

/** {@link escapeTextNodes}, pausing now and then. */
export function* escapeTextNodesSteps(root: Element): Steps<void> {
  let event = 0;
  // The root is a block (`<body>` or `<html>`): its start is a line start.
  let lastDecided: string | null = "\n";
  let lastDecidedAt = 0;
  let waiting: Waiting[] = [];
  /** An event decides the character: it is the one after the waiting texts (unless given up on). */
  const decide = (decided: string | null): void => {
    lastDecided = decided;
    lastDecidedAt = event;
    for (const text of waiting) {
      const after = event - text.event - 1 < GIVE_UP_AFTER ? decided : null;
      const raw = text.node.data;
      const escaped = escapeWikiText(normalizeText(raw), { before: text.before, after });
      if (escaped !== raw) {
        text.node.data = escaped;
      }
    }
    waiting = [];
  };
  const onText = (node: Text): void => {
    const data = node.data;
    const before = event - lastDecidedAt - 1 < GIVE_UP_AFTER ? lastDecided : null;
    if (data !== "") {
      decide(data[0] as string);
      lastDecided = data[data.length - 1] as string;
      waiting.push({ node, before, event });
    }
  };
  /** What closing each element being walked will decide. */
  const open: Array<string | null | undefined> = [];
  /** What opening or closing `element` decides: a line break, unknown (null), or nothing. */
  const onElement = (element: Element): string | null | undefined => {
    if (isBlockElement(element) || tagOf(element) === "BR") {
      return "\n";
    }
    return isTransparentInline(element) ? undefined : null;
  };
  const onEdge = (decided: string | null | undefined): void => {
    event += 1;
    if (decided !== undefined) {
      decide(decided);
    }
  };

  let visited = 0;
  let node: Node | null = root.firstChild;
  while (node !== null) {
    visited += 1;
    if (visited % NODES_PER_STEP === 0) {
      yield;
    }
    if (isElement(node)) {
      const decided = onElement(node);
      onEdge(decided);
      // `<pre>` text stays raw: its inside is not walked.
      if (node.firstChild !== null && tagOf(node) !== "PRE") {
        open.push(decided);
        node = node.firstChild;
        continue;
      }
      onEdge(decided);
    } else if (isText(node)) {
      event += 1;
      onText(node);
    } else {
      event += 1;
    }
    while (node !== root && node.nextSibling === null) {
      node = node.parentNode as Node;
      if (node !== root) {
        onEdge(open.pop());
      }
    }
    node = node === root ? null : node.nextSibling;
  }
  event += 1;
  decide("\n");
}

/** What {@link normalizeText} changes: a no-break space, a control character. */
const NEEDS_NORMALIZING = /\u00A0|(?![\t\n\r])\p{Cc}/u;

/** No-break spaces as spaces (Outlook pads with them), control characters removed. */
export function normalizeText(text: string): string {
  if (!NEEDS_NORMALIZING.test(text)) {
    return text;
  }
  return text.replace(/\u00A0/g, " ").replace(CONTROL, "");
}
