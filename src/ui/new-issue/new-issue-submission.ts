/**
 * Where the create of one email's draft is, as the store keeps it and the form shows it. Plain
 * data: new-issue-store.ts moves it along, the components read it.
 */
import type { CreatedIssueOutcome } from "../../jira/create-issue-once";
import type { Delivery, DeliveryStep, PlannedUpload } from "./delivery";
import type { IssueRequest } from "./issue-delivery";
import { t } from "../../i18n/translate";

/** A delivery whose issue exists. */
export type CreatedDelivery = Delivery & { issue: CreatedIssueOutcome };

/** Where the create of an email's draft is. */
export type Submission =
  /** Nothing sent: the form is editable. */
  | { status: "idle" }
  /** The create failed (nothing was created, or maybe: see the error's code); the form again. */
  | { status: "failed"; error: unknown }
  /** Reading the chosen files from Outlook, before anything is sent. */
  | { status: "reading"; delivery: Delivery }
  /** Creating the issue (it may wait for a new sign-in). */
  | { status: "creating"; delivery: Delivery }
  /** The issue exists; uploads and links run. */
  | { status: "delivering"; delivery: CreatedDelivery }
  /** The issue exists and nothing runs; some steps may have failed ("Retry failed steps"). */
  | { status: "delivered"; delivery: CreatedDelivery };

/** What Create sends, as the form prepared it (create-request.ts). */
export interface CreateRequest {
  issue: IssueRequest;
  uploads: PlannedUpload[];
  /** The session's Jira (the link on the email names it). */
  jiraBaseUrl: string;
}

/** Something runs: the form can't change, and no second create or retry starts. */
export function isBusy(submission: Submission): boolean {
  return (
    submission.status === "reading" ||
    submission.status === "creating" ||
    submission.status === "delivering"
  );
}

/** The delivery of the submission, if it has one. */
export function deliveryOf(submission: Submission): Delivery | undefined {
  return "delivery" in submission ? submission.delivery : undefined;
}

/** The created issue's delivery, once the issue exists. */
export function createdDeliveryOf(submission: Submission): CreatedDelivery | undefined {
  return submission.status === "delivering" || submission.status === "delivered"
    ? submission.delivery
    : undefined;
}

/**
 * What screen readers hear about the create, as it goes ("" while nothing runs): reading the
 * files, creating, then "Issue SUP-12 created." with how far the other steps are. A failed create
 * isn't here: its message bar is announced by itself.
 */
export function submissionAnnouncement(submission: Submission): string {
  switch (submission.status) {
    case "reading":
      return t("newIssue.readingFiles");
    case "creating":
      return t("newIssue.creatingInJira");
    case "delivering":
    case "delivered": {
      const { issue, steps } = submission.delivery;
      const afterCreate = steps.filter((step) => step.kind !== "create");
      const count = (status: DeliveryStep["status"]) =>
        afterCreate.filter((step) => step.status === status).length;
      const created = t("newIssue.issueCreated", { issueKey: issue.key });
      if (submission.status === "delivering") {
        const progress = { done: count("done"), count: afterCreate.length };
        return `${created} ${t("newIssue.moreStepsDone", progress)}`;
      }
      const failed = count("failed");
      if (failed === 0) return `${created} ${t("newIssue.allStepsDone")}`;
      return `${created} ${t("newIssue.stepsFailed", { count: failed })}`;
    }
    default:
      return "";
  }
}
