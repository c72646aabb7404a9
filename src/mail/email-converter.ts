/**
 * The email → Jira description converter (loaded lazily: see load-email-converter.ts). Pure: the
 * same input gives the same markup; nothing from the email is loaded or run. The HTML is parsed by
 * the `parseHtml` it is given: an inert DOMParser document in the pane, domino in Node.
 *
 * `describe` and `describeAsync` run the same steps (html-to-wiki.ts's generator): at once, or in
 * time slices that give the main thread back between them (a 1 MB email is hundreds of
 * milliseconds of work). Turndown's batches don't change the markup (batched-turndown.ts).
 */
import type {
  DescribeInput,
  EmailConverter,
  EmailDescription,
  InlineImageRef,
} from "./email-description-types";
import { headerBlock } from "./header-block";
import { htmlToWikiSteps, SLICED, WHOLE_BODY } from "./html-to-wiki/html-to-wiki";
import type { BatchSize } from "./html-to-wiki/batched-turndown";
import { tidyWikiMarkup } from "./html-to-wiki/markup-tidy";
import { runAtOnce, runInSlices } from "./html-to-wiki/work-slices";
import type { SliceOptions, Steps } from "./html-to-wiki/work-slices";
import { textToWiki } from "./text-to-wiki";

export interface EmailConverterOptions {
  /** Parses HTML into a Document that runs and loads nothing. */
  parseHtml(html: string): Document;
  /**
   * How `describeAsync` slices its work (default: slices of about 30 ms). `batchSize` is the
   * size of turndown's batches (tests make them tiny to prove they don't change the markup).
   */
  slicing?: SliceOptions & { batchSize?: BatchSize };
}

/** Said above the plain-text body when the HTML body could not be converted. */
export const PLAIN_TEXT_FALLBACK_NOTE =
  "(The formatting of this email could not be converted, so this is its plain-text version.)";

/**
 * Creates the converter: `describe()` gives the optional header block, then the body (the HTML
 * body when there is one, else the text body) with the options applied, as tidy wiki markup.
 * `describeAsync()` gives the same, in time slices.
 */
export function createEmailConverter(options: EmailConverterOptions): EmailConverter {
  const { batchSize = SLICED, ...sliceOptions } = options.slicing ?? {};
  return {
    describe: (input) => runAtOnce(describeSteps(input, options.parseHtml, WHOLE_BODY)),
    describeAsync: (input) =>
      runInSlices(describeSteps(input, options.parseHtml, batchSize), sliceOptions),
  };
}

function* describeSteps(
  input: DescribeInput,
  parseHtml: (html: string) => Document,
  batchSize: BatchSize
): Steps<EmailDescription> {
  const parts: string[] = [];
  if (input.options.includeHeaderBlock) {
    parts.push(
      headerBlock(input.message, {
        locale: input.locale,
        ...(input.timeZone === undefined ? {} : { timeZone: input.timeZone }),
      })
    );
  }
  const body = yield* describeBody(input, parseHtml, batchSize);
  parts.push(body.markup);
  return {
    markup: tidyWikiMarkup(parts.join("\n\n")),
    usedInlineImages: body.usedInlineImages,
  };
}

function* describeBody(
  input: DescribeInput,
  parseHtml: (html: string) => Document,
  batchSize: BatchSize
): Steps<EmailDescription> {
  const cutQuotedHistory = input.options.cutQuotedHistory;
  const html = input.body.html;
  if (html !== null) {
    try {
      const document = parseHtml(html);
      yield;
      const converted = yield* htmlToWikiSteps(
        document,
        { cutQuotedHistory, inlineImages: input.inlineImages },
        batchSize
      );
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
