import { useMemo } from "react";
import type { MailMessage } from "../../mail/mail-message";
import { useStoreEntry } from "../use-store-entry";
import type { NewIssueDraft } from "./new-issue-draft";
import { newIssueItemFor } from "./new-issue-item";
import type { NewIssueItem } from "./new-issue-item";
import type {
  ConversionMode,
  CreateRequest,
  DraftChanges,
  NewIssueEntry,
  NewIssueStore,
} from "./new-issue-store";

/** One email's New issue entry, and what a form does with it. */
export interface NewIssueState extends NewIssueEntry {
  item: NewIssueItem;
  update(changes: DraftChanges | ((draft: NewIssueDraft) => DraftChanges)): void;
  convert(mode: ConversionMode): void;
  /** False when this email's create already runs (nothing is sent twice). */
  create(request: CreateRequest): boolean;
  retry(): boolean;
  dismiss(): void;
}

/**
 * The New issue entry of `message` in `store`, re-rendering on its changes. The entry outlives
 * the form: a create keeps running, and lands on this email, while another email is shown.
 */
export function useNewIssue(store: NewIssueStore, message: MailMessage): NewIssueState {
  const item = useMemo(() => newIssueItemFor(message), [message]);
  const entry = useStoreEntry(store, item);
  return {
    ...entry,
    item,
    update: (changes) => store.update(item, changes),
    convert: (mode) => store.convert(item, message, mode),
    create: (request) => store.create(item, message, request),
    retry: () => store.retry(item, message),
    dismiss: () => store.dismiss(item),
  };
}
