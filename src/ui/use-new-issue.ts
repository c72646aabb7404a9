import { useCallback, useMemo, useSyncExternalStore } from "react";
import type { IssueDraftFields } from "../jira/create-issue-once";
import type { MailMessage } from "../mail/mail-message";
import type { NewIssueDraft } from "./new-issue-draft";
import { newIssueItemFor } from "./new-issue-item";
import type { DraftChanges, NewIssueStore, Submission } from "./new-issue-store";

/** One email's New issue draft and create, as a form uses them. */
export interface NewIssueState {
  draft: NewIssueDraft;
  submission: Submission;
  update(changes: DraftChanges): void;
  /** False when this email's create already runs (nothing is sent twice). */
  create(fields: IssueDraftFields): boolean;
  dismiss(): void;
}

/**
 * The New issue entry of `message` in `store`, re-rendering on its changes. The entry outlives
 * the form: a create keeps running, and lands on this email, while another email is shown.
 */
export function useNewIssue(store: NewIssueStore, message: MailMessage): NewIssueState {
  const item = useMemo(() => newIssueItemFor(message), [message]);
  const subscribe = useCallback(
    (listener: () => void) => store.subscribe(item.key, listener),
    [store, item.key]
  );
  const getSnapshot = useCallback(() => store.get(item), [store, item]);
  const { draft, submission } = useSyncExternalStore(subscribe, getSnapshot, getSnapshot);
  return {
    draft,
    submission,
    update: (changes) => store.update(item, changes),
    create: (fields) => store.create(item, fields),
    dismiss: () => store.dismiss(item),
  };
}
