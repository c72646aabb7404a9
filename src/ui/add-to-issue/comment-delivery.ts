/**
 * The delivery of a comment as plain data, built from the same steps and rules as a new issue's
 * (src/ui/new-issue/delivery.ts): add the comment, upload each file, link the issue to the email,
 * merge the email into the issue property, remember the issue on the email. Where each step
 * stands, and how it is read back after a reload.
 */
import type { AddedCommentOutcome } from "../../jira/add-comment-once";
import type { DeliveryStep, PlannedUpload, StepsDelivery } from "../new-issue/delivery";
import {
  followUpSteps,
  isRecord,
  parseStoredSteps,
  settledAfterReload,
} from "../new-issue/delivery";

/** The issue the comment goes to, as the delivery names it. */
export interface CommentTarget {
  id: string;
  key: string;
  summary: string;
}

/** One email's comment delivery: the issue, the comment (once added) and the steps. */
export interface CommentDelivery extends StepsDelivery {
  issue: CommentTarget;
  /**
   * The attempt's id (the comment's marker): the email's reference in the issue property carries
   * it, so a retry of that step replaces its own reference instead of adding another.
   */
  attemptId: string;
  /** Set once the comment exists. */
  comment?: AddedCommentOutcome;
  /**
   * The comment found was an earlier try's, and the user changed the text after that try: the
   * change is not in Jira (it stays in the draft).
   */
  unsentEdits?: boolean;
}

/** A comment delivery whose comment exists. */
export type CommentedDelivery = CommentDelivery & { comment: AddedCommentOutcome };

/** What a comment delivery is planned from. */
export interface CommentDeliveryPlan {
  startedAt: number;
  jiraBaseUrl: string;
  issue: CommentTarget;
  attemptId: string;
  uploads: readonly PlannedUpload[];
  /** Whether the email can be linked from the issue (it has a Message-ID). */
  remoteLink: boolean;
}

/** The step id of the comment itself. */
export const COMMENT_STEP_ID = "comment";

/** The steps of a new comment delivery, all pending. */
export function planCommentDelivery(plan: CommentDeliveryPlan): CommentDelivery {
  const { startedAt, jiraBaseUrl, issue, attemptId, uploads, remoteLink } = plan;
  const comment: DeliveryStep = { id: COMMENT_STEP_ID, kind: "comment", status: "pending" };
  const steps = [comment, ...followUpSteps({ uploads, remoteLink, issueProperty: true })];
  const target = { id: issue.id, key: issue.key, summary: issue.summary };
  return { startedAt, jiraBaseUrl, issue: target, attemptId, steps };
}

/**
 * The delivery with its uploads renamed (old name → new, attachment-renames.ts): the steps upload
 * under the new names, the ones the comment's markup uses.
 */
export function withRenamedUploads(
  delivery: CommentDelivery,
  renames: ReadonlyMap<string, string>
): CommentDelivery {
  if (renames.size === 0) return delivery;
  return {
    ...delivery,
    steps: delivery.steps.map((step) => {
      const renamed = step.upload && renames.get(step.upload.fileName);
      if (!step.upload || renamed === undefined) return step;
      return { ...step, upload: { ...step.upload, fileName: renamed } };
    }),
  };
}

/**
 * The comment's place in Jira: the issue page scrolled to it
 * (`/browse/SUP-2?focusedCommentId=10100#comment-10100`, as Jira's own permalinks are made).
 */
export function commentUrl(jiraBaseUrl: string, issueKey: string, commentId: string): string {
  const id = encodeURIComponent(commentId);
  return `${jiraBaseUrl}/browse/${encodeURIComponent(issueKey)}?focusedCommentId=${id}#comment-${id}`;
}

/**
 * A stored comment delivery read back (null when the value isn't one, or its Jira isn't an
 * http(s) URL: the "Added to SUP-2" link is built on it). Steps that ran when the pane closed
 * failed ("interrupted"); after the comment existed, pending ones failed too.
 */
export function parseStoredCommentDelivery(value: unknown): CommentDelivery | null {
  const base = parseStoredSteps(value);
  if (!base) return null;
  const issue = parseTarget(base.record.issue);
  const { attemptId } = base.record;
  if (!issue || typeof attemptId !== "string" || attemptId === "") return null;
  const comment = parseComment(base.record.comment);
  return {
    startedAt: base.startedAt,
    jiraBaseUrl: base.jiraBaseUrl,
    issue,
    attemptId,
    ...(comment ? { comment } : {}),
    ...(base.record.unsentEdits === true ? { unsentEdits: true } : {}),
    steps: settledAfterReload(base.steps, comment !== undefined),
  };
}

function parseTarget(value: unknown): CommentTarget | undefined {
  if (!isRecord(value)) return undefined;
  const { id, key, summary } = value;
  if (typeof id !== "string" || typeof key !== "string" || typeof summary !== "string") {
    return undefined;
  }
  return { id, key, summary };
}

function parseComment(value: unknown): AddedCommentOutcome | undefined {
  if (!isRecord(value)) return undefined;
  const { id, issueKey, self, recovered } = value;
  if (typeof id !== "string" || typeof issueKey !== "string" || typeof self !== "string") {
    return undefined;
  }
  return { id, issueKey, self, recovered: recovered === true };
}
