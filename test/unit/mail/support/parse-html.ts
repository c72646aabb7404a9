// Node has no DOMParser: tests parse with domino, the DOM turndown itself uses in Node.
import domino from "@mixmark-io/domino";
import { createEmailConverter } from "../../../../src/mail/email-converter";
import type { EmailConverter } from "../../../../src/mail/email-description-types";

/** Parses HTML into a Document (domino never runs scripts or loads resources). */
export function parseHtml(html: string): Document {
  return domino.createDocument(html);
}

/** The converter as the pane gets it, with domino in place of DOMParser. */
export function nodeEmailConverter(): EmailConverter {
  return createEmailConverter({ parseHtml });
}
