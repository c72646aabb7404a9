/**
 * The registry of the pane's two stores (the New issue and the Add to issue drafts and deliveries
 * of every email): one pair per EmailStoreOptions object, made the first time a view asks, and
 * living as long as that object (App keeps one per session). Here, beside the views that use
 * them, so their code loads with the views' chunk rather than in the pane's first paint.
 */
import { createAddToIssueStore } from "./add-to-issue/add-to-issue-store";
import type { EmailStoreOptions, EmailStores } from "./email-work-types";
import { createNewIssueStore } from "./new-issue/new-issue-store";

/** Both stores of a pane. */
export type StorePair = Omit<EmailStores, "message">;

const storesByOptions = new WeakMap<EmailStoreOptions, StorePair>();

/** The stores made from `options` (made the first time): one pair per App's options object. */
export function storesFor(options: EmailStoreOptions): StorePair {
  let stores = storesByOptions.get(options);
  if (!stores) {
    stores = {
      newIssues: createNewIssueStore(options),
      addToIssue: createAddToIssueStore(options),
    };
    storesByOptions.set(options, stores);
  }
  return stores;
}
