/**
 * An email's HTML body (already parsed into an inert Document) → Jira wiki markup. The DOM is
 * cleaned in place first (deep nesting flattened, non-content removed, quoted history cut on
 * request, spacer lines marked, Word lists rebuilt and layout tables unwrapped in one walk, text
 * escaped), then turndown converts the body node with Jira rules: the HTML is parsed once, and
 * nothing in it is loaded or run.
 *
 * The work is a generator ({@link htmlToWikiSteps}) that pauses between passes and between
 * batches of turndown (batched-turndown.ts), so the pane can run it in time slices
 * (work-slices.ts); {@link htmlToWiki} runs the same steps at once.
 */
import type { InlineImageRef } from "../email-description-types";
import { turndownInBatches } from "./batched-turndown";
import type { BatchSize } from "./batched-turndown";
import { escapeTextNodesSteps } from "./escape-text-nodes";
import { flattenDeepNestingSteps } from "./flatten-deep-nesting";
import { createJiraTurndown } from "./jira-turndown";
import { restoreLineStructureSteps } from "./line-structure";
import { tidyWikiMarkup } from "./markup-tidy";
import { removeNonContentSteps } from "./outlook-cleanup";
import { cutQuotedHistorySteps } from "./quoted-history";
import { runAtOnce } from "./work-slices";
import type { Steps } from "./work-slices";

export interface HtmlToWikiOptions {
  /** Drop the quoted reply history (see quoted-history.ts). */
  cutQuotedHistory: boolean;
  /** The email's inline images: `cid:` pictures that match one become `!fileName!`. */
  inlineImages: readonly InlineImageRef[];
}

export interface HtmlToWikiResult {
  /** Tidied Jira wiki markup. */
  markup: string;
  /** The inline images the markup shows, in order of first use. */
  usedInlineImages: InlineImageRef[];
}

/** One run of turndown over the whole body: the fewest steps, for converting at once. */
export const WHOLE_BODY: BatchSize = { nodesPerBatch: Infinity };

/**
 * Batches of about 1,000 nodes: a few milliseconds each in Chromium, so a 30 ms time slice ends
 * close to its budget.
 */
export const SLICED: BatchSize = { nodesPerBatch: 1_000 };

/** Converts the body of `document` to Jira wiki markup, at once. Modifies `document`. */
export function htmlToWiki(document: Document, options: HtmlToWikiOptions): HtmlToWikiResult {
  return runAtOnce(htmlToWikiSteps(document, options, WHOLE_BODY));
}

/**
 * The steps of {@link htmlToWiki}, pausing between passes and turndown batches of `batchSize`.
 * Every batch size gives the same result. Modifies `document`.
 */
export function* htmlToWikiSteps(
  document: Document,
  options: HtmlToWikiOptions,
  batchSize: BatchSize
): Steps<HtmlToWikiResult> {
  const root = document.body ?? document.documentElement;
  const usedInlineImages: InlineImageRef[] = [];
  if (root === null) {
    return { markup: "", usedInlineImages };
  }
  yield* flattenDeepNestingSteps(root);
  yield;
  yield* removeNonContentSteps(root);
  yield;
  if (options.cutQuotedHistory) {
    yield* cutQuotedHistorySteps(root);
    yield;
  }
  yield* restoreLineStructureSteps(root);
  yield;
  yield* escapeTextNodesSteps(root);
  yield;
  const service = createJiraTurndown({ inlineImages: options.inlineImages, usedInlineImages });
  const markup = tidyWikiMarkup(yield* turndownInBatches(service, root, batchSize));
  return { markup, usedInlineImages };
}
