/**
 * What the DraftStore keeps per email for "Add to issue": the draft and, once a comment started,
 * its delivery. Read back after the pane was closed, a comment that was still being added is an
 * uncertain one (Jira may have it): the draft says so, and the next "Add comment" looks for it first.
 */
import { withUncertainAttempt } from "./add-to-issue-draft";
import type { AddToIssueDraft } from "./add-to-issue-draft";
import { COMMENT_STEP_ID, parseStoredCommentDelivery } from "./comment-delivery";
import type { CommentDelivery, CommentedDelivery } from "./comment-delivery";
import { parseStoredCommentDraft } from "./stored-comment-draft";

/** One email's stored "Add to issue". */
export interface StoredAddToIssue {
  draft: AddToIssueDraft;
  /** Only deliveries whose comment exists come back; a cut-off comment became the draft's flag. */
  delivery?: CommentedDelivery;
}

/** The JSON stored for an email (progress left out: it means nothing after a reload). */
export function storedCommentValueOf(draft: AddToIssueDraft, delivery?: CommentDelivery): unknown {
  if (!delivery) return { formatVersion: 1, draft };
  const steps = delivery.steps.map(({ progress: _progress, ...step }) => step);
  return { formatVersion: 1, draft, delivery: { ...delivery, steps } };
}

/** The stored "Add to issue" read back; null when there is no usable draft in `value`. */
export function parseStoredCommentEntry(value: unknown): StoredAddToIssue | null {
  if (typeof value !== "object" || value === null) return null;
  const record = value as Record<string, unknown>;
  const draft = parseStoredCommentDraft(record.draft);
  if (!draft) return null;
  const delivery = parseStoredCommentDelivery(record.delivery);
  if (!delivery) return { draft };
  if (delivery.comment) return { draft, delivery: { ...delivery, comment: delivery.comment } };
  const step = delivery.steps.find((candidate) => candidate.id === COMMENT_STEP_ID);
  if (step?.status !== "running" || draft.previousAttemptUncertain) return { draft };
  // The pane closed while Jira was adding the comment: it may exist, on the delivery's issue.
  return {
    draft: withUncertainAttempt(draft, {
      since: delivery.startedAt,
      issue: delivery.issue,
      comment: draft.comment,
    }),
  };
}
