/**
 * The "Add to issue" drafts and comments of the pane, one entry per email, living as long as the
 * pane rather than as long as a form (like src/ui/new-issue/new-issue-store.ts): the user selects
 * another email while a comment is being added, and comes back; the outcome lands on its own
 * email's entry, a form mounted again sees the comment still running (and refuses a second one) or
 * its result, and an uncertain outcome stays in the draft whatever the form does meanwhile (it
 * holds the draft on its issue until a try settles it). While a comment runs the draft doesn't
 * change. An "Add as comment" request waits in the entry until the form's finder chooses it. Each
 * step's state is stored with the draft. No React here: use-add-to-issue.ts binds a form to it.
 */
import type { DeliveryStoreOptions } from "../delivery-store-options";
import { loadEmailConverter } from "../../mail/load-email-converter";
import type { MailMessage } from "../../mail/mail-message";
import { createEmailEntryTable } from "../email-entry-table";
import { createTextConversions } from "../new-issue/store-conversion";
import type { ConversionMode } from "../new-issue/store-conversion";
import type { Unsubscribe } from "../ports";
import {
  COMMENT_FIELD,
  initialCommentDraft,
  withCommentChanges,
  withoutUncertainAttempt,
} from "./add-to-issue-draft";
import type { AddToIssueDraft, CommentDraftChanges } from "./add-to-issue-draft";
import type { AddToIssueEntry } from "./add-to-issue-entry";
import type { AddToIssueItem } from "./add-to-issue-item";
import { createCommentDeliveries } from "./comment-deliveries";
import { commentDeliveryOf, isCommentBusy } from "./comment-submission";
import type { CommentRequest, CommentSubmission } from "./comment-submission";
import { parseStoredCommentEntry, storedCommentValueOf } from "./stored-comment-entry";

export type { AddAsCommentRequest, AddToIssueEntry } from "./add-to-issue-entry";
export type { CommentDraftChanges } from "./add-to-issue-draft";
export type { CommentRequest, CommentSubmission } from "./comment-submission";

/** The "Add to issue" entries of the pane, per email. */
export interface AddToIssueStore {
  /**
   * The entry of `item`; the first time, read from the DraftStore (else a fresh draft). The same
   * object until it changes (useSyncExternalStore).
   */
  get(item: AddToIssueItem): AddToIssueEntry;
  /** `listener` runs after every change of the entry under `key`; returns the unsubscribe. */
  subscribe(key: string, listener: () => void): Unsubscribe;
  /**
   * Applies the user's changes (or a function of the latest draft giving them) and stores the
   * draft; choosing another issue withdraws "Add it again", and while an uncertain attempt is
   * pending the issue and visibility stay (withCommentChanges). Nothing changes while the comment
   * is read, sent or followed up: the delivery runs on the draft it started from. With
   * `touch: false` (an issue the finder chose) the change alone stores nothing: the draft is
   * written once the user changes something of their own. Choosing an issue answers an "Add as
   * comment" request (it was chosen, or the user chose another).
   */
  update(
    item: AddToIssueItem,
    changes: CommentDraftChanges | ((draft: AddToIssueDraft) => CommentDraftChanges),
    options?: { touch?: boolean }
  ): void;
  /** Converts `message` into the comment (modes as the New issue store's description). */
  convert(item: AddToIssueItem, message: MailMessage, mode: ConversionMode): void;
  /**
   * Reads the files, adds the comment (at most once across attempts) and runs the other steps;
   * false (and nothing sent) while this email's comment or steps still run, a result is shown, or
   * the request names another issue than the one an uncertain attempt went to.
   */
  addComment(item: AddToIssueItem, message: MailMessage, request: CommentRequest): boolean;
  /** Runs the failed steps after the comment again (never the comment); false when none. */
  retry(item: AddToIssueItem, message: MailMessage): boolean;
  /**
   * "Add as comment" on a linked issue: asks the form to choose `issueKey` (the finder looks it
   * up, then chooses it through `update`). Ignored (false) while the comment runs, or while an
   * uncertain attempt holds the draft on another issue: the form then shows why.
   */
  requestIssue(item: AddToIssueItem, issueKey: string): boolean;
  /** Drops the "Add as comment" request of the email under `key`, if it isn't answered yet. */
  withdrawIssueRequest(key: string): void;
  /**
   * Forgets the uncertain attempt (the user checked Jira): the issue and visibility can change
   * again, and the next "Add comment" is a new attempt. Nothing while the comment runs.
   */
  forgetUncertainAttempt(item: AddToIssueItem): void;
  /** Back to the form from a result (added or failed); nothing while something runs. */
  dismiss(item: AddToIssueItem): void;
}

/** Options of the store: the same as the other view's (delivery-store-options.ts). */
export type AddToIssueStoreOptions = DeliveryStoreOptions;

const IDLE: CommentSubmission = { status: "idle" };

/** The pane's "Add to issue" entries (create one per pane, beside the session). */
export function createAddToIssueStore(options: AddToIssueStoreOptions): AddToIssueStore {
  const { drafts, mailContent, destinations, locale } = options;
  const now = options.now ?? Date.now;
  const warn = options.warn ?? ((message, error) => console.warn(message, error));
  const table = createEmailEntryTable<AddToIssueItem, AddToIssueEntry>({
    drafts,
    initial(_item, storedValue) {
      const stored = parseStoredCommentEntry(storedValue);
      const draft =
        stored?.draft ?? initialCommentDraft({ attachEmail: destinations.lastAttachEmail() });
      const submission: CommentSubmission = stored?.delivery
        ? { status: "delivered", delivery: stored.delivery }
        : IDLE;
      const entry: AddToIssueEntry = {
        draft,
        submission,
        conversion: { status: "idle" },
        linksRevision: 0,
      };
      return { entry, stored: stored !== null };
    },
    storedValueOf: (entry) =>
      storedCommentValueOf(entry.draft, commentDeliveryOf(entry.submission)),
  });
  const { entryOf, set } = table;

  const access = { entryOf, set, warn };
  const convert = createTextConversions(
    access,
    { mailContent, loadConverter: options.loadConverter ?? loadEmailConverter, locale },
    COMMENT_FIELD
  );
  const deliveries = createCommentDeliveries(access, {
    ports: { ...options, now },
    destinations,
    randomId: options.randomId ?? (() => crypto.randomUUID()),
  });

  return {
    get: entryOf,

    subscribe: table.subscribe,

    update(item, changes, updateOptions) {
      const { draft, submission, issueRequest } = entryOf(item);
      if (isCommentBusy(submission)) return;
      const applied = typeof changes === "function" ? changes(draft) : changes;
      if (updateOptions?.touch !== false) table.touch(item.key);
      const answered = "issue" in applied && issueRequest !== undefined;
      set(item, {
        draft: withCommentChanges(draft, applied),
        ...(answered ? { issueRequest: undefined } : {}),
      });
    },

    convert,

    addComment(item, message, request) {
      if (!deliveries.addComment(item, message, request)) return false;
      // The issue is decided: a request still being looked up must not change it afterwards.
      if (entryOf(item).issueRequest) set(item, { issueRequest: undefined }, false);
      return true;
    },

    retry: deliveries.retry,

    requestIssue(item, issueKey) {
      const { draft, submission } = entryOf(item);
      if (isCommentBusy(submission)) return false;
      // A lost answer holds the draft on its issue: that one is chosen already, no other can be.
      const locked = draft.uncertainIssue;
      if (locked) return locked.key.toUpperCase() === issueKey.toUpperCase();
      set(item, { issueRequest: { issueKey } }, false);
      return true;
    },

    withdrawIssueRequest(key) {
      table.patchLoaded(key, (entry) =>
        entry.issueRequest ? { ...entry, issueRequest: undefined } : undefined
      );
    },

    forgetUncertainAttempt(item) {
      const { draft, submission } = entryOf(item);
      if (isCommentBusy(submission) || !draft.previousAttemptUncertain) return;
      table.touch(item.key);
      set(item, {
        draft: withoutUncertainAttempt(draft),
        ...(submission.status === "failed" ? { submission: IDLE } : {}),
      });
    },

    dismiss(item) {
      const { submission } = entryOf(item);
      if (submission.status === "delivered") {
        // Back to a fresh form: nothing of the user's is left to keep until they type again.
        table.forget(item);
        set(item, { submission: IDLE }, false);
      } else if (submission.status === "failed") {
        set(item, { submission: IDLE });
      }
    },
  };
}
