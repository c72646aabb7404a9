/**
 * The email → Jira description converter (loaded lazily: see load-email-converter.ts). Pure: the
 * same input gives the same markup; nothing from the email is loaded or run. The HTML is parsed by
 * the `parseHtml` it is given: an inert DOMParser document in the pane, domino in Node.
 */
import type {
  DescribeInput,
  EmailConverter,
  EmailDescription,
  InlineImageRef,
} from "./email-description-types";
import { headerBlock } from "./header-block";
import { htmlToWiki } from "./html-to-wiki/html-to-wiki";
import { tidyWikiMarkup } from "./html-to-wiki/markup-tidy";
import { textToWiki } from "./text-to-wiki";

export interface EmailConverterOptions {
  /** Parses HTML into a Document that runs and loads nothing. */
  parseHtml(html: string): Document;
}

/** Said above the plain-text body when the HTML body could not be converted. */
export const PLAIN_TEXT_FALLBACK_NOTE =
  "(The formatting of this email could not be converted, so this is its plain-text version.)";

/**
 * Creates the converter: `describe()` gives the optional header block, then the body (the HTML
 * body when there is one, else the text body) with the options applied, as tidy wiki markup.
 */
export function createEmailConverter(options: EmailConverterOptions): EmailConverter {
  const converter: EmailConverter = {
    // Placeholder until the sliced conversion lands: one task, like describe().
    describeAsync: (input) => Promise.resolve(converter.describe(input)),
    describe(input: DescribeInput): EmailDescription {
      const parts: string[] = [];
      if (input.options.includeHeaderBlock) {
        parts.push(
          headerBlock(input.message, {
            locale: input.locale,
            ...(input.timeZone === undefined ? {} : { timeZone: input.timeZone }),
          })
        );
      }
      const body = describeBody(input, options.parseHtml);
      parts.push(body.markup);
      return {
        markup: tidyWikiMarkup(parts.join("\n\n")),
        usedInlineImages: body.usedInlineImages,
      };
    },
  };
  return converter;
}

function describeBody(
  input: DescribeInput,
  parseHtml: (html: string) => Document
): EmailDescription {
  const cutQuotedHistory = input.options.cutQuotedHistory;
  const html = input.body.html;
  if (html !== null) {
    try {
      const converted = htmlToWiki(parseHtml(html), {
        cutQuotedHistory,
        inlineImages: input.inlineImages,
      });
      // An HTML body with nothing to show (empty, or nothing but what cleaning removes) says less
      // than the text; with the history cut, nothing left is a fair answer (a bare forward).
      if (converted.markup !== "" || cutQuotedHistory || input.body.text.trim() === "") {
        return converted;
      }
    } catch {
      // Whatever the HTML did to the converter (a stack overflow from absurd nesting, a parser
      // failure), the text body still says what the email says.
      const text = textToWiki(input.body.text, { cutQuotedHistory });
      return { markup: `${PLAIN_TEXT_FALLBACK_NOTE}\n\n${text}`, usedInlineImages: noImages() };
    }
  }
  return {
    markup: textToWiki(input.body.text, { cutQuotedHistory }),
    usedInlineImages: noImages(),
  };
}

function noImages(): InlineImageRef[] {
  return [];
}
