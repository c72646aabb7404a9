// Runs the converter the way the pane does, with domino parsing the HTML.
import type {
  EmailDescription,
  InlineImageRef,
} from "../../../../src/mail/email-description-types";
import { mailMessage } from "./messages";
import { nodeEmailConverter } from "./parse-html";

export interface ConvertOptions {
  cutQuotedHistory?: boolean;
  includeHeaderBlock?: boolean;
  inlineImages?: InlineImageRef[];
  text?: string;
}

/** Converts an HTML body (the header block off unless asked for). */
export function convertHtml(html: string, options: ConvertOptions = {}): EmailDescription {
  return nodeEmailConverter().describe({
    message: mailMessage(),
    body: { html, text: options.text ?? "" },
    options: {
      includeHeaderBlock: options.includeHeaderBlock ?? false,
      cutQuotedHistory: options.cutQuotedHistory ?? false,
    },
    inlineImages: options.inlineImages ?? [],
    locale: "en-US",
    timeZone: "UTC",
  });
}

/** The markup for an HTML body. */
export function markupOf(html: string, options: ConvertOptions = {}): string {
  return convertHtml(html, options).markup;
}
