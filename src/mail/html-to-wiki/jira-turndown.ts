/**
 * A turndown service that writes Jira wiki markup and nothing else: turndown's Markdown rules and
 * Markdown escaping are switched off, and every element it can meet has a Jira rule (or passes its
 * content through).
 */
import TurndownService from "turndown";
import { addBatchEdgeRule } from "./batched-turndown";
import { addBlockRules, blankReplacement, defaultReplacement } from "./block-rules";
import { addInlineRules } from "./inline-rules";
import type { InlineRuleContext } from "./inline-rules";
import { addListRules } from "./list-rules";
import { addTableRules } from "./table-rules";

/** Creates the service for one conversion; `context` collects the inline images it uses. */
export function createJiraTurndown(context: InlineRuleContext): TurndownService {
  // `rules: {}` replaces turndown's built-in Markdown rules (it copies `options.rules` into its rule
  // list); the option is not in @types/turndown, hence the widened type.
  const options: TurndownService.Options & { rules: Record<string, never> } = {
    rules: {},
    blankReplacement,
    defaultReplacement,
  };
  const service = new TurndownService(options);
  // Text nodes are escaped for Jira before turndown runs (escape-text-nodes.ts).
  service.escape = (text: string): string => text;
  addBlockRules(service);
  addListRules(service);
  addTableRules(service);
  addInlineRules(service, context);
  // What defaultReplacement gives these inline elements, found without trying every other rule
  // on them first (they are a third of an Outlook email's elements). Added last: tried first.
  service.addRule("jiraPlainInline", {
    // `font` is obsolete, so not in TypeScript's tag name map.
    filter: ["span", "font"] as Array<keyof HTMLElementTagNameMap>,
    replacement: (content) => content,
  });
  addBatchEdgeRule(service);
  return service;
}
