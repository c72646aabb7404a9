/**
 * The creates of the New issue store: read the chosen files, create the issue at most once, run
 * the other steps, and keep every step's state in the entry (stored with the draft). After the
 * issue exists nothing here creates another: a retry runs only the failed steps after the create.
 */
import type { CreatedIssueOutcome } from "../../jira/create-issue-once";
import type { MailMessage } from "../../mail/mail-message";
import type { Delivery, DeliveryStep } from "./delivery";
import { failedSteps, planDelivery, withStep } from "./delivery";
import type { DestinationMemory } from "./destination-memory";
import { errorCode } from "../error-code";
import { createTheIssue, readUploadFiles, runFollowUpSteps } from "./issue-delivery";
import type { DeliveryPorts, ReadFile, StepReporter } from "./issue-delivery";
import { initialDraftFor, withAttemptId } from "./new-issue-draft";
import type { NewIssueDraft } from "./new-issue-draft";
import type { EntryAccess } from "./new-issue-entry";
import type { NewIssueItem } from "./new-issue-item";
import { createdDeliveryOf, deliveryOf, isBusy } from "./new-issue-submission";
import type { CreateRequest, CreatedDelivery } from "./new-issue-submission";

/** What the creates need beside the entries. */
export interface DeliveriesOptions {
  ports: DeliveryPorts;
  destinations: DestinationMemory;
  randomId: () => string;
}

/** The store's `create` and `retry`. */
export function createDeliveries(access: EntryAccess, options: DeliveriesOptions) {
  const { entryOf, set, warn } = access;
  const { ports, destinations, randomId } = options;
  // Files read for uploads, per email and step, held only while that email's delivery runs (an
  // attachment can be tens of MB). A retry reads a failed one again: only the email's own form
  // offers Retry, so that email is the open one then.
  const files = new Map<string, Map<string, ReadFile>>();

  function reporter(item: NewIssueItem): StepReporter {
    return (stepId, change, reportOptions) => {
      const entry = entryOf(item);
      const delivery = createdDeliveryOf(entry.submission);
      if (!delivery) return;
      const next = withStep(delivery, stepId, change) as CreatedDelivery;
      const linked = change.status === "done" && stepId === "email-link";
      set(
        item,
        {
          submission: { status: "delivering", delivery: next },
          ...(linked ? { linksRevision: entry.linksRevision + 1 } : {}),
        },
        reportOptions?.persist !== false
      );
    };
  }

  async function runFollowUps(item: NewIssueItem, message: MailMessage, steps: DeliveryStep[]) {
    const delivery = createdDeliveryOf(entryOf(item).submission);
    if (!delivery) return;
    let itemFiles = files.get(item.key);
    if (!itemFiles) files.set(item.key, (itemFiles = new Map()));
    const { issue, jiraBaseUrl } = delivery;
    const context = { message, issue, jiraBaseUrl, steps, files: itemFiles };
    await runFollowUpSteps(ports, context, reporter(item));
    settle(item);
  }

  /** Nothing runs any more: "delivered" (with whatever failed), and no file held. */
  function settle(item: NewIssueItem): void {
    files.delete(item.key);
    const delivery = createdDeliveryOf(entryOf(item).submission);
    if (delivery) set(item, { submission: { status: "delivered", delivery } });
  }

  function created(item: NewIssueItem, draft: NewIssueDraft, issue: CreatedIssueOutcome): void {
    const current = deliveryOf(entryOf(item).submission) as Delivery;
    const delivery = { ...withStep(current, "create", { status: "done" }), issue };
    // The next issue likely goes to the same place: keep the project and issue type.
    const { projectKey, issueTypeId, attachEmail } = draft;
    const fresh = { ...initialDraftFor(item, { attachEmail }), projectKey, issueTypeId };
    set(item, { draft: fresh, submission: { status: "delivering", delivery } });
    destinations
      .remember(item, { projectKey, issueTypeId, issueKey: issue.key, attachEmail })
      .catch((error: unknown) => warn("The destination could not be remembered.", error));
  }

  function failed(item: NewIssueItem, error: unknown, attemptedAt: number): void {
    files.delete(item.key);
    let { draft } = entryOf(item);
    // Any other failure proves nothing about an earlier uncertain attempt: the flag stays set.
    // The first uncertain attempt's time stays too: the next search must reach back to it.
    if (errorCode(error) === "create_uncertain" && !draft.previousAttemptUncertain) {
      draft = { ...draft, previousAttemptUncertain: true, uncertainSince: attemptedAt };
    }
    set(item, { draft, submission: { status: "failed", error } });
  }

  async function deliver(item: NewIssueItem, message: MailMessage, request: CreateRequest) {
    const { draft, submission } = entryOf(item);
    const planned = deliveryOf(submission) as Delivery;
    // First the files, while the email is still the open one: Outlook reads no other.
    files.set(item.key, await readUploadFiles(ports.mailContent, message, planned.steps));
    const attemptedAt = ports.now();
    const running = {
      ...withStep(planned, "create", { status: "running" }),
      startedAt: attemptedAt,
    };
    set(item, { submission: { status: "creating", delivery: running } });
    let issue: CreatedIssueOutcome;
    try {
      issue = await createTheIssue(ports, message, request.issue, {
        attemptId: draft.attemptId as string,
        previousAttemptUncertain: draft.previousAttemptUncertain,
        ...(draft.uncertainSince !== undefined ? { uncertainSince: draft.uncertainSince } : {}),
      });
    } catch (error) {
      failed(item, error, attemptedAt);
      return;
    }
    created(item, draft, issue);
    const afterCreate = running.steps.filter((step) => step.kind !== "create");
    await runFollowUps(item, message, afterCreate);
  }

  return {
    create(item: NewIssueItem, message: MailMessage, request: CreateRequest): boolean {
      const entry = entryOf(item);
      if (entry.submission.status !== "idle" && entry.submission.status !== "failed") return false;
      const draft = withAttemptId(entry.draft, randomId);
      const delivery = planDelivery({
        startedAt: ports.now(),
        jiraBaseUrl: request.jiraBaseUrl,
        projectKey: request.issue.projectKey,
        issueTypeId: request.issue.issueTypeId,
        summary: request.issue.summary,
        uploads: request.uploads,
        remoteLink: message.internetMessageId.trim() !== "",
      });
      // The attempt id is stored before anything is sent: a reload must retry with the same one.
      set(item, { draft, submission: { status: "reading", delivery } });
      deliver(item, message, request).catch((error: unknown) => {
        // Never hide an issue that exists behind a failure: only a create that failed is one.
        if (!createdDeliveryOf(entryOf(item).submission)) return failed(item, error, ports.now());
        warn("The steps after the create stopped unexpectedly.", error);
        settle(item);
      });
      return true;
    },

    retry(item: NewIssueItem, message: MailMessage): boolean {
      const entry = entryOf(item);
      const delivery = createdDeliveryOf(entry.submission);
      if (!delivery || isBusy(entry.submission)) return false;
      const steps = failedSteps(delivery);
      if (steps.length === 0) return false;
      const pending = steps.reduce(
        (next, step) => withStep(next, step.id, { status: "pending" }),
        delivery as Delivery
      ) as CreatedDelivery;
      set(item, { submission: { status: "delivering", delivery: pending } });
      runFollowUps(item, message, steps).catch((error: unknown) => {
        warn("Retrying the failed steps stopped unexpectedly.", error);
        settle(item);
      });
      return true;
    },
  };
}
