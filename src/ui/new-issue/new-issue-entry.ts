/**
 * One email's New issue entry as the store keeps it, and the access the store's parts
 * (store-conversion.ts, store-deliveries.ts) have to the entries. Plain data, no React.
 */
import type { ConversionState } from "./description-conversion";
import type { NewIssueDraft } from "./new-issue-draft";
import type { NewIssueItem } from "./new-issue-item";
import type { Submission } from "./new-issue-submission";

/** One email's draft, create and description conversion. */
export interface NewIssueEntry {
  readonly draft: NewIssueDraft;
  readonly submission: Submission;
  readonly conversion: ConversionState;
  /** Bumped when a delivery recorded a link on the email: the "Linked to" bar reads it again. */
  readonly linksRevision: number;
}

/** How the store's parts read and change entries. */
export interface EntryAccess {
  /** The entry of `item` (read from the DraftStore the first time). */
  entryOf(item: NewIssueItem): NewIssueEntry;
  /** Changes the entry, tells its listeners and (unless `persist` is false) stores it. */
  set(item: NewIssueItem, changes: Partial<NewIssueEntry>, persist?: boolean): void;
  /** Where ignored failures are logged. */
  warn(message: string, error: unknown): void;
}
