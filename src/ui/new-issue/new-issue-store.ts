/**
 * The New issue drafts and creates of the pane, one entry per email, living as long as the pane
 * rather than as long as a form. The pane is pinned: the user selects another email while a create
 * runs, and comes back. The create's outcome must land on its own email's entry (never on the
 * email shown when it ends), a form mounted again must see the create still running (and refuse a
 * second one) or its result, and an uncertain outcome must stay in the draft whatever the form
 * does meanwhile. Each step's state is stored with the draft, so a reload shows what succeeded.
 * No React here: use-new-issue.ts binds a form to its entry.
 */
import type { DeliveryStoreOptions } from "../delivery-store-options";
import { loadEmailConverter } from "../../mail/load-email-converter";
import type { MailMessage } from "../../mail/mail-message";
import { createEmailEntryTable } from "../email-entry-table";
import { initialDraftFor } from "./new-issue-draft";
import type { NewIssueDraft } from "./new-issue-draft";
import type { NewIssueEntry } from "./new-issue-entry";
import type { NewIssueItem } from "./new-issue-item";
import { deliveryOf } from "./new-issue-submission";
import type { CreateRequest, Submission } from "./new-issue-submission";
import type { Unsubscribe } from "../ports";
import { createConversions } from "./store-conversion";
import type { ConversionMode } from "./store-conversion";
import { createDeliveries } from "./store-deliveries";
import { parseStoredEntry, storedValueOf } from "./stored-entry";

export type { NewIssueEntry } from "./new-issue-entry";
export type { ConversionMode } from "./store-conversion";
export type { CreateRequest, Submission } from "./new-issue-submission";

/** What the user edits; the uncertain-attempt fields are the store's. */
export type DraftChanges = Partial<
  Omit<NewIssueDraft, "previousAttemptUncertain" | "uncertainSince" | "attemptId">
>;

/** The New issue entries of the pane, per email. */
export interface NewIssueStore {
  /**
   * The entry of `item`; the first time, read from the DraftStore (else a fresh draft from the
   * subject and the suggested destination). The same object until it changes (useSyncExternalStore).
   */
  get(item: NewIssueItem): NewIssueEntry;
  /** `listener` runs after every change of the entry under `key`; returns the unsubscribe. */
  subscribe(key: string, listener: () => void): Unsubscribe;
  /** Applies the user's changes (or a function of the latest draft giving them) and stores the draft. */
  update(
    item: NewIssueItem,
    changes: DraftChanges | ((draft: NewIssueDraft) => DraftChanges)
  ): void;
  /**
   * Converts `message` into the description: "if-pending" only when it was never converted,
   * "options" unless the user edited it, "replace" always. A newer conversion supersedes a running one.
   */
  convert(item: NewIssueItem, message: MailMessage, mode: ConversionMode): void;
  /**
   * Reads the files, creates the issue (at most once across attempts) and runs the other steps;
   * false (and nothing sent) while this email's create or steps still run, or an issue is shown.
   */
  create(item: NewIssueItem, message: MailMessage, request: CreateRequest): boolean;
  /** Runs the failed steps after the create again (never the create); false when none. */
  retry(item: NewIssueItem, message: MailMessage): boolean;
  /** Back to the form from a result (created or failed); nothing while something runs. */
  dismiss(item: NewIssueItem): void;
}

/** Options of the store: the same as the other view's (delivery-store-options.ts). */
export type NewIssueStoreOptions = DeliveryStoreOptions;

const IDLE: Submission = { status: "idle" };

/** The pane's New issue entries (create one per pane, beside the session). */
export function createNewIssueStore(options: NewIssueStoreOptions): NewIssueStore {
  const { drafts, mailContent, destinations, locale } = options;
  const now = options.now ?? Date.now;
  const warn = options.warn ?? ((message, error) => console.warn(message, error));
  const table = createEmailEntryTable<NewIssueItem, NewIssueEntry>({
    drafts,
    initial(item, storedValue) {
      const stored = parseStoredEntry(storedValue);
      const draft =
        stored?.draft ??
        initialDraftFor(item, {
          suggestion: destinations.suggest(item),
          attachEmail: destinations.lastAttachEmail(),
        });
      const submission: Submission = stored?.delivery
        ? { status: "delivered", delivery: stored.delivery }
        : IDLE;
      const entry: NewIssueEntry = {
        draft,
        submission,
        conversion: { status: "idle" },
        linksRevision: 0,
      };
      return { entry, stored: stored !== null };
    },
    storedValueOf: (entry) => storedValueOf(entry.draft, deliveryOf(entry.submission)),
  });
  const { entryOf, set } = table;

  const access = { entryOf, set, warn };
  const convert = createConversions(access, {
    mailContent,
    loadConverter: options.loadConverter ?? loadEmailConverter,
    locale,
  });
  const deliveries = createDeliveries(access, {
    ports: { ...options, now },
    destinations,
    randomId: options.randomId ?? (() => crypto.randomUUID()),
  });

  return {
    get: entryOf,

    subscribe: table.subscribe,

    update(item, changes) {
      const { draft } = entryOf(item);
      const applied = typeof changes === "function" ? changes(draft) : changes;
      table.touch(item.key);
      set(item, { draft: { ...draft, ...applied } });
    },

    convert,
    create: deliveries.create,
    retry: deliveries.retry,

    dismiss(item) {
      const { submission } = entryOf(item);
      if (submission.status === "delivered") {
        // Back to a fresh draft: nothing of the user's is left to keep until they type again.
        table.forget(item);
        set(item, { submission: IDLE }, false);
      } else if (submission.status === "failed") {
        set(item, { submission: IDLE });
      }
    },
  };
}
