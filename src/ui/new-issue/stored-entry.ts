/**
 * What the DraftStore keeps per email: the draft and, once a create started, its delivery. Read
 * back after the pane was closed, a create that was still running is an uncertain one (Jira may
 * have made the issue): the draft says so, and the next Create looks for the issue first.
 */
import type { Delivery } from "./delivery";
import { parseStoredDelivery } from "./delivery";
import type { NewIssueDraft } from "./new-issue-draft";
import { parseStoredDraft } from "./stored-draft";

/** One email's stored New issue. */
export interface StoredNewIssue {
  draft: NewIssueDraft;
  /** Only deliveries whose issue exists come back; a cut-off create became the draft's flag. */
  delivery?: Delivery & { issue: NonNullable<Delivery["issue"]> };
}

/** The JSON stored for an email (progress left out: it means nothing after a reload). */
export function storedValueOf(draft: NewIssueDraft, delivery?: Delivery): unknown {
  if (!delivery) return { formatVersion: 1, draft };
  const steps = delivery.steps.map(({ progress: _progress, ...step }) => step);
  return { formatVersion: 1, draft, delivery: { ...delivery, steps } };
}

/** The stored New issue read back; null when there is no usable draft in `value`. */
export function parseStoredEntry(value: unknown): StoredNewIssue | null {
  if (typeof value !== "object" || value === null) return null;
  const record = value as Record<string, unknown>;
  const draft = parseStoredDraft(record.draft);
  if (!draft) return null;
  const delivery = parseStoredDelivery(record.delivery);
  if (!delivery) return { draft };
  if (delivery.issue) return { draft, delivery: { ...delivery, issue: delivery.issue } };
  const create = delivery.steps.find((step) => step.kind === "create");
  if (create?.status !== "running" || draft.previousAttemptUncertain) return { draft };
  // The pane closed while Jira was creating the issue: it may exist.
  return {
    draft: { ...draft, previousAttemptUncertain: true, uncertainSince: delivery.startedAt },
  };
}
