/**
 * An email's HTML body (already parsed into an inert Document) → Jira wiki markup. The DOM is
 * cleaned in place first (deep nesting flattened, non-content removed, quoted history cut on
 * request, Word lists rebuilt, layout tables unwrapped, text escaped), then turndown converts the
 * body node with Jira rules: the HTML is parsed once, and nothing in it is loaded or run.
 */
import type { InlineImageRef } from "../email-description-types";
import { escapeTextNodes } from "./escape-text-nodes";
import { flattenDeepNesting } from "./flatten-deep-nesting";
import { createJiraTurndown } from "./jira-turndown";
import { unwrapLayoutTables } from "./layout-tables";
import { tidyWikiMarkup } from "./markup-tidy";
import { markSpacerLines, removeNonContent } from "./outlook-cleanup";
import { cutQuotedHistory } from "./quoted-history";
import { convertWordLists } from "./word-lists";

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

/** Converts the body of `document` to Jira wiki markup. Modifies `document`. */
export function htmlToWiki(document: Document, options: HtmlToWikiOptions): HtmlToWikiResult {
  const root = document.body ?? document.documentElement;
  const usedInlineImages: InlineImageRef[] = [];
  if (root === null) {
    return { markup: "", usedInlineImages };
  }
  flattenDeepNesting(root);
  removeNonContent(root);
  if (options.cutQuotedHistory) {
    cutQuotedHistory(root);
  }
  markSpacerLines(root);
  convertWordLists(root);
  unwrapLayoutTables(root);
  escapeTextNodes(root);
  const service = createJiraTurndown({ inlineImages: options.inlineImages, usedInlineImages });
  const markup = tidyWikiMarkup(service.turndown(root as HTMLElement));
  return { markup, usedInlineImages };
}
