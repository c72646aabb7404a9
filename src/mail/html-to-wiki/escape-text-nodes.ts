/**
 * Escapes every text node of the cleaned DOM in place, before turndown runs, so each text is
 * escaped knowing its neighbours (a `!` before a line end opens nothing; one before a link might).
 * Turndown's own escaping (Markdown's) is switched off. Text inside `<pre>` is left raw: it goes
 * into `{noformat}`, where nothing is markup.
 */
import { escapeWikiText } from "../wiki-escape";
import type { TextContext } from "../wiki-escape";
import { isText, nextInOrder, nextSkippingChildren, neighbourChar, tagOf } from "./dom-walk";

/** Control characters other than tab and line breaks: never content, and our list sentinels. */
const CONTROL = /(?![\t\n\r])\p{Cc}/gu;

/** Escapes the text nodes under `root` for Jira wiki markup (see the module comment). */
export function escapeTextNodes(root: Element): void {
  const pending: Array<{ node: Text; context: TextContext }> = [];
  let node = nextInOrder(root, root);
  while (node !== null) {
    if (tagOf(node) === "PRE") {
      node = nextSkippingChildren(node, root);
      continue;
    }
    if (isText(node)) {
      // Contexts first, from the unescaped neighbours; then the rewrite.
      pending.push({
        node,
        context: { before: neighbourChar(node, "before"), after: neighbourChar(node, "after") },
      });
    }
    node = nextInOrder(node, root);
  }
  for (const { node: text, context } of pending) {
    text.data = escapeWikiText(normalizeText(text.data), context);
  }
}

/** No-break spaces as spaces (Outlook pads with them), control characters removed. */
export function normalizeText(text: string): string {
  return text.replace(/\u00A0/g, " ").replace(CONTROL, "");
}
