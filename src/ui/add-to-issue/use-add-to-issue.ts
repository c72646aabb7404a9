import { useMemo } from "react";
import type { MailMessage } from "../../mail/mail-message";
import { useStoreEntry } from "../use-store-entry";
import type { ConversionMode } from "../new-issue/store-conversion";
import type { AddToIssueDraft, CommentDraftChanges } from "./add-to-issue-draft";
import { addToIssueItemFor } from "./add-to-issue-item";
import type { AddToIssueItem } from "./add-to-issue-item";
import type { AddToIssueEntry, AddToIssueStore, CommentRequest } from "./add-to-issue-store";

/** One email's "Add to issue" entry, and what a form does with it. */
export interface AddToIssueState extends AddToIssueEntry {
  item: AddToIssueItem;
  update(changes: CommentDraftChanges | ((draft: AddToIssueDraft) => CommentDraftChanges)): void;
  convert(mode: ConversionMode): void;
  /** False when this email's comment already runs (nothing is sent twice). */
  addComment(request: CommentRequest): boolean;
  retry(): boolean;
  dismiss(): void;
  /** Forgets an uncertain attempt (see AddToIssueStore.forgetUncertainAttempt). */
  forgetUncertainAttempt(): void;
}

/**
 * The "Add to issue" entry of `message` in `store`, re-rendering on its changes. The entry
 * outlives the form: a comment keeps running, and lands on this email, while another is shown.
 */
export function useAddToIssue(store: AddToIssueStore, message: MailMessage): AddToIssueState {
  const item = useMemo(() => addToIssueItemFor(message), [message]);
  const entry = useStoreEntry(store, item);
  return {
    ...entry,
    item,
    update: (changes) => store.update(item, changes),
    convert: (mode) => store.convert(item, message, mode),
    addComment: (request) => store.addComment(item, message, request),
    retry: () => store.retry(item, message),
    dismiss: () => store.dismiss(item),
    forgetUncertainAttempt: () => store.forgetUncertainAttempt(item),
  };
}
