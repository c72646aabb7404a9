import { useCallback, useRef, useState } from "react";
import type { MailMessage } from "../mail/mail-message";
import { initialDraftFor, newIssueDraftKey, parseStoredDraft } from "./new-issue-draft";
import type { NewIssueDraft } from "./new-issue-draft";
import type { DraftStore } from "./ports";

/** The draft of the New issue form and how to change it. */
export interface NewIssueDraftState {
  draft: NewIssueDraft;
  /** Applies changes on top of the latest draft (also from async code) and stores the result. */
  update(changes: Partial<NewIssueDraft>): void;
  /**
   * The issue was created: forgets the stored draft and starts a fresh one for the same email,
   * keeping the chosen project and issue type (the next issue likely goes to the same place).
   */
  finish(): void;
}

/**
 * The New issue draft of one email, kept in the DraftStore under `new-issue:<itemId>` on every
 * change, so what the user typed survives errors, sign-out, a new sign-in and a reload of the pane.
 * The email is read once: mount one form per email (key it by `itemId`).
 */
export function useNewIssueDraft(drafts: DraftStore, message: MailMessage): NewIssueDraftState {
  const [key] = useState(() => newIssueDraftKey(message.itemId));
  const [draft, setDraft] = useState(
    () => parseStoredDraft(drafts.load(key)) ?? initialDraftFor(message)
  );
  // The latest draft for changes made after an await (the render's `draft` may be stale by then).
  const latest = useRef(draft);

  const update = useCallback(
    (changes: Partial<NewIssueDraft>) => {
      const next = { ...latest.current, ...changes };
      latest.current = next;
      setDraft(next);
      drafts.save(key, next);
    },
    [drafts, key]
  );

  const subject = message.subject;
  const finish = useCallback(() => {
    const { projectKey, issueTypeId } = latest.current;
    const next = { ...initialDraftFor({ subject }), projectKey, issueTypeId };
    latest.current = next;
    setDraft(next);
    drafts.remove(key);
  }, [drafts, key, subject]);

  return { draft, update, finish };
}
