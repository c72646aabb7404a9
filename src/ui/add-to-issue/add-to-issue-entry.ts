/**
 * One email's "Add to issue" entry as the store keeps it, and the access the store's parts
 * (the conversions, comment-deliveries.ts) have to the entries. Plain data, no React.
 */
import type { ConversionState } from "../new-issue/description-conversion";
import type { AddToIssueDraft } from "./add-to-issue-draft";
import type { AddToIssueItem } from "./add-to-issue-item";
import type { CommentSubmission } from "./comment-submission";

/** One email's draft, comment and conversion. */
export interface AddToIssueEntry {
  readonly draft: AddToIssueDraft;
  readonly submission: CommentSubmission;
  readonly conversion: ConversionState;
  /** Bumped when a delivery recorded a link on the email: the linked issues are read again. */
  readonly linksRevision: number;
  /** "Add as comment" asked for this issue, and the form hasn't chosen it yet (never stored). */
  readonly issueRequest?: AddAsCommentRequest | undefined;
}

/** "Add as comment" on a linked issue: the issue to choose in this email's "Add to issue" form. */
export interface AddAsCommentRequest {
  issueKey: string;
}

/** How the store's parts read and change entries. */
export interface CommentEntryAccess {
  /** The entry of `item` (read from the DraftStore the first time). */
  entryOf(item: AddToIssueItem): AddToIssueEntry;
  /** Changes the entry, tells its listeners and (unless `persist` is false) stores it. */
  set(item: AddToIssueItem, changes: Partial<AddToIssueEntry>, persist?: boolean): void;
  /** Where ignored failures are logged. */
  warn(message: string, error: unknown): void;
}
