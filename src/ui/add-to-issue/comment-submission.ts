/**
 * Where the "Add comment" of one email's draft is, as the store keeps it and the form shows it.
 * Plain data: the store moves it along, the components read it.
 */
import { t } from "../../i18n/translate";
import type { IssueSummary, VisibilityChoice } from "../../jira/issue-lookup";
import type { DeliveryStep, PlannedUpload } from "../new-issue/delivery";
import { isMainStep } from "../new-issue/delivery";
import type { CommentDelivery, CommentedDelivery } from "./comment-delivery";

/** Where the comment of an email's draft is. */
export type CommentSubmission =
  /** Nothing sent: the form is editable. */
  | { status: "idle" }
  /** The comment failed (nothing was added, or maybe: see the error's code); the form again. */
  | { status: "failed"; error: unknown }
  /** Reading the chosen files from Outlook, before anything is sent. */
  | { status: "reading"; delivery: CommentDelivery }
  /** Naming the files and adding the comment (it may wait for a new sign-in). */
  | { status: "commenting"; delivery: CommentDelivery }
  /** The comment exists; uploads and links run. */
  | { status: "delivering"; delivery: CommentedDelivery }
  /** The comment exists and nothing runs; some steps may have failed ("Retry failed steps"). */
  | { status: "delivered"; delivery: CommentedDelivery };

/** What "Add comment" sends, as the form prepared it (comment-request.ts). */
export interface CommentRequest {
  issue: IssueSummary;
  /** Wiki markup, as the user left it (references to renamed files are rewritten on the way). */
  body: string;
  visibility?: VisibilityChoice;
  uploads: PlannedUpload[];
  /** The session's Jira (the link on the email names it). */
  jiraBaseUrl: string;
}

/** Something runs: the form can't change, and no second comment or retry starts. */
export function isCommentBusy(submission: CommentSubmission): boolean {
  return (
    submission.status === "reading" ||
    submission.status === "commenting" ||
    submission.status === "delivering"
  );
}

/** The delivery of the submission, if it has one. */
export function commentDeliveryOf(submission: CommentSubmission): CommentDelivery | undefined {
  return "delivery" in submission ? submission.delivery : undefined;
}

/** The delivery once the comment exists. */
export function commentedDeliveryOf(submission: CommentSubmission): CommentedDelivery | undefined {
  return submission.status === "delivering" || submission.status === "delivered"
    ? submission.delivery
    : undefined;
}

/**
 * What screen readers hear about the comment, as it goes ("" while nothing runs): reading the
 * files, adding, then "Comment added to SUP-2." with how far the other steps are. A failed comment
 * isn't here: its message bar is announced by itself.
 */
export function commentAnnouncement(submission: CommentSubmission): string {
  switch (submission.status) {
    case "reading":
      return t("addToIssue.readingFiles");
    case "commenting":
      return t("addToIssue.addingCommentTo", { issueKey: submission.delivery.issue.key });
    case "delivering":
    case "delivered": {
      const { issue, steps } = submission.delivery;
      const after = steps.filter((step) => !isMainStep(step));
      const count = (status: DeliveryStep["status"]) =>
        after.filter((step) => step.status === status).length;
      const added = t("addToIssue.commentAddedTo", { issueKey: issue.key });
      if (submission.status === "delivering") {
        const progress = t("addToIssue.moreStepsDone", {
          done: count("done"),
          count: after.length,
        });
        return `${added} ${progress}`;
      }
      const failed = count("failed");
      if (failed === 0) return `${added} ${t("addToIssue.allStepsDone")}`;
      return `${added} ${t("addToIssue.stepsFailed", { count: failed })}`;
    }
    default:
      return "";
  }
}
