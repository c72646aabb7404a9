/**
 * The New issue drafts and creates of the pane, one entry per email, living as long as the pane
 * rather than as long as a form. The pane is pinned: the user selects another email while a create
 * runs, and comes back. The create's outcome must land on its own email's entry (never on the
 * email shown when it ends), a form mounted again must see the create still running (and refuse a
 * second one) or its result, and an uncertain outcome must stay in the draft whatever the form
 * does meanwhile. No React here: use-new-issue.ts binds a form to its entry.
 */
import { createIssueOnce } from "../jira/create-issue-once";
import type { CreatedIssueOutcome, IssueDraftFields } from "../jira/create-issue-once";
import { errorCode } from "./error-code";
import { initialDraftFor, parseStoredDraft } from "./new-issue-draft";
import type { NewIssueDraft } from "./new-issue-draft";
import type { NewIssueItem } from "./new-issue-item";
import type { DraftStore, JiraSession, Unsubscribe } from "./ports";

/** Where the create of an email's draft is. */
export type Submission =
  | { status: "idle" }
  | { status: "creating" }
  | { status: "created"; issue: CreatedIssueOutcome }
  | { status: "failed"; error: unknown };

/** One email's draft and create. */
export interface NewIssueEntry {
  readonly draft: NewIssueDraft;
  readonly submission: Submission;
}

/** What the user edits; `previousAttemptUncertain` and `uncertainSince` are the store's. */
export type DraftChanges = Partial<
  Pick<NewIssueDraft, "projectKey" | "issueTypeId" | "summary" | "description">
>;

/** The New issue entries of the pane, per email. */
export interface NewIssueStore {
  /**
   * The entry of `item`; the first time, its draft is read from the DraftStore (else started from
   * the subject). The same object until it changes (useSyncExternalStore needs that).
   */
  get(item: NewIssueItem): NewIssueEntry;
  /** `listener` runs after every change of the entry under `key`; returns the unsubscribe. */
  subscribe(key: string, listener: () => void): Unsubscribe;
  /** Applies the user's changes to the latest draft and stores it. */
  update(item: NewIssueItem, changes: DraftChanges): void;
  /**
   * Creates the issue from `fields` through `session.withJira` and `createIssueOnce`; false (and
   * nothing sent) while this email's create still runs. Afterwards the entry says `created` (the
   * stored draft is forgotten, a fresh one keeps the project and issue type) or `failed`; an
   * uncertain failure sets `previousAttemptUncertain`, so the next create looks before it posts.
   */
  create(item: NewIssueItem, fields: IssueDraftFields): boolean;
  /** Back to the form from a result (created or failed); nothing while a create runs. */
  dismiss(item: NewIssueItem): void;
}

/** Options of {@link createNewIssueStore}. */
export interface NewIssueStoreOptions {
  session: Pick<JiraSession, "withJira">;
  /** Where drafts survive failures, sign-out and a reload of the pane. */
  drafts: DraftStore;
  /** This computer's clock, ms since the epoch (tests). Default Date.now. */
  now?: () => number;
}

const IDLE: Submission = { status: "idle" };

/** The pane's New issue entries (create one per pane, beside the session). */
export function createNewIssueStore({
  session,
  drafts,
  now = Date.now,
}: NewIssueStoreOptions): NewIssueStore {
  const entries = new Map<string, NewIssueEntry>();
  const listeners = new Map<string, Set<() => void>>();

  function entryOf(item: NewIssueItem): NewIssueEntry {
    let entry = entries.get(item.key);
    if (!entry) {
      const stored = item.persistent ? parseStoredDraft(drafts.load(item.key)) : null;
      entry = { draft: stored ?? initialDraftFor(item), submission: IDLE };
      entries.set(item.key, entry);
    }
    return entry;
  }

  function set(item: NewIssueItem, entry: NewIssueEntry): void {
    entries.set(item.key, entry);
    for (const listener of [...(listeners.get(item.key) ?? [])]) listener();
  }

  function save(item: NewIssueItem, draft: NewIssueDraft): void {
    if (item.persistent) drafts.save(item.key, draft);
  }

  function finish(item: NewIssueItem, fields: IssueDraftFields, issue: CreatedIssueOutcome): void {
    // The next issue likely goes to the same place: keep the project and issue type.
    const draft = {
      ...initialDraftFor(item),
      projectKey: fields.projectKey,
      issueTypeId: fields.issueTypeId,
    };
    if (item.persistent) drafts.remove(item.key);
    set(item, { draft, submission: { status: "created", issue } });
  }

  function fail(item: NewIssueItem, error: unknown, attemptedAt: number): void {
    let { draft } = entryOf(item);
    // Any other failure proves nothing about an earlier uncertain attempt: the flag stays set.
    // The first uncertain attempt's time stays too: the next search must reach back to it.
    if (errorCode(error) === "create_uncertain" && !draft.previousAttemptUncertain) {
      draft = { ...draft, previousAttemptUncertain: true, uncertainSince: attemptedAt };
      save(item, draft);
    }
    set(item, { draft, submission: { status: "failed", error } });
  }

  return {
    get: entryOf,

    subscribe(key, listener) {
      let keyListeners = listeners.get(key);
      if (!keyListeners) {
        keyListeners = new Set();
        listeners.set(key, keyListeners);
      }
      keyListeners.add(listener);
      return () => {
        keyListeners.delete(listener);
        if (keyListeners.size === 0 && listeners.get(key) === keyListeners) listeners.delete(key);
      };
    },

    update(item, changes) {
      const entry = entryOf(item);
      const draft = { ...entry.draft, ...changes };
      save(item, draft);
      set(item, { ...entry, draft });
    },

    create(item, fields) {
      const entry = entryOf(item);
      if (entry.submission.status === "creating") return false;
      const { previousAttemptUncertain, uncertainSince } = entry.draft;
      const attemptedAt = now();
      set(item, { ...entry, submission: { status: "creating" } });
      let outcome: Promise<CreatedIssueOutcome>;
      try {
        outcome = session.withJira((client) =>
          createIssueOnce(client, fields, {
            previousAttemptUncertain,
            ...(previousAttemptUncertain && uncertainSince !== undefined
              ? { uncertainSince, now }
              : {}),
          })
        );
      } catch (error) {
        outcome = Promise.reject(error);
      }
      outcome.then(
        (issue) => finish(item, fields, issue),
        (error: unknown) => fail(item, error, attemptedAt)
      );
      return true;
    },

    dismiss(item) {
      const entry = entryOf(item);
      if (entry.submission.status === "created" || entry.submission.status === "failed") {
        set(item, { ...entry, submission: IDLE });
      }
    },
  };
}
