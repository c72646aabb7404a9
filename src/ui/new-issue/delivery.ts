/**
 * A delivery as plain data: the steps that take an email to Jira (create the issue, or add the
 * comment; then upload each file, link the issue back to the email, remember the email on the
 * issue and the issue on the email), where each stands, and how it is stored so that a reload of
 * the pane shows what succeeded and retries only what failed. The New issue delivery is here; the
 * comment's (src/ui/add-to-issue/comment-delivery.ts) is built from the same steps and rules.
 * issue-delivery.ts runs the steps; the stores keep the delivery per email.
 */
import { normaliseJiraUrl } from "../../config/urls";
import type { CreatedIssueOutcome } from "../../jira/create-issue-once";
import { t } from "../../i18n/translate";

/** The kinds of step, as `data-step` names them. */
export type DeliveryStepKind =
  "create" | "comment" | "upload" | "remote-link" | "issue-property" | "email-link";

/**
 * The kinds of the step that makes the thing itself (the issue, the comment): it runs first, at
 * most once across attempts; every other step follows it and is retried alone.
 */
export type MainStepKind = Extract<DeliveryStepKind, "create" | "comment">;

/** Where a step stands, as `data-status` names it. */
export type DeliveryStepStatus = "pending" | "running" | "done" | "failed";

/** What an upload step uploads. */
export type UploadSource =
  | { kind: "attachment"; attachmentId: string }
  | { kind: "inline-image"; attachmentId: string }
  | { kind: "email" };

/** Why a step failed, in words (stored as JSON, so no Error objects). */
export interface StepProblem {
  code?: string;
  message: string;
}

/** One step of the delivery. */
export interface DeliveryStep {
  /** Unique in its delivery: "create" (or "comment"), "upload:1", "remote-link", "email-link". */
  id: string;
  kind: DeliveryStepKind;
  status: DeliveryStepStatus;
  problem?: StepProblem;
  /** Upload steps: what and under which name (the name the description's `!name!` uses). */
  upload?: { source: UploadSource; fileName: string };
  /** Upload steps while running: bytes sent and in all. */
  progress?: { loaded: number; total: number };
  /** Upload steps: the last try may have stored the file; the next one looks first. */
  uncertain?: boolean;
}

/** What every delivery has: when it started, in which Jira, and its steps. */
export interface StepsDelivery {
  /** When the main step started (ms since the epoch): a stored one still "running" was cut off. */
  startedAt: number;
  /** The Jira the email goes to (the session's base URL): links are built on it. */
  jiraBaseUrl: string;
  steps: DeliveryStep[];
}

/** One email's New issue delivery: the issue (once created) and the steps. */
export interface Delivery extends StepsDelivery {
  projectKey: string;
  issueTypeId: string;
  summary: string;
  /** Set once the issue exists. */
  issue?: CreatedIssueOutcome;
}

/** An upload the create will make. */
export interface PlannedUpload {
  source: UploadSource;
  fileName: string;
}

/** What a delivery is planned from. */
export interface DeliveryPlan {
  startedAt: number;
  jiraBaseUrl: string;
  projectKey: string;
  issueTypeId: string;
  summary: string;
  uploads: PlannedUpload[];
  /** Whether the email can be linked from the issue (it has a Message-ID). */
  remoteLink: boolean;
}

/** The steps of a new delivery, all pending. */
export function planDelivery(plan: DeliveryPlan): Delivery {
  const steps: DeliveryStep[] = [
    { id: "create", kind: "create", status: "pending" },
    ...followUpSteps({ uploads: plan.uploads, remoteLink: plan.remoteLink, issueProperty: false }),
  ];
  const { startedAt, jiraBaseUrl, projectKey, issueTypeId, summary } = plan;
  return { startedAt, jiraBaseUrl, projectKey, issueTypeId, summary, steps };
}

/** Which steps follow the main one. */
export interface FollowUpPlan {
  uploads: readonly PlannedUpload[];
  /** Whether the email can be linked from the issue (it has a Message-ID). */
  remoteLink: boolean;
  /**
   * Whether the issue property is written as a step of its own: a comment's is, a new issue's
   * goes with the create's POST.
   */
  issueProperty: boolean;
}

/**
 * The steps after the main one, all pending: one upload per file (one after the other), the
 * remote link to the email, the issue property, and the link kept on the email itself.
 */
export function followUpSteps(plan: FollowUpPlan): DeliveryStep[] {
  const steps = plan.uploads.map((upload, index): DeliveryStep => ({
    id: `upload:${index + 1}`,
    kind: "upload",
    status: "pending",
    upload,
  }));
  if (plan.remoteLink) {
    steps.push({ id: "remote-link", kind: "remote-link", status: "pending" });
  }
  if (plan.issueProperty) {
    steps.push({ id: "issue-property", kind: "issue-property", status: "pending" });
  }
  steps.push({ id: "email-link", kind: "email-link", status: "pending" });
  return steps;
}

/**
 * What a step does, for the list, in the pane's language: made when shown, never stored, so a
 * delivery kept from a pane in another Office language reads in this one. `issueKey` names the
 * issue of a comment step ("Add the comment to SUP-2").
 */
export function deliveryStepLabel(
  step: Pick<DeliveryStep, "kind" | "upload">,
  issueKey = ""
): string {
  switch (step.kind) {
    case "create":
      return t("newIssue.stepCreateIssue");
    case "comment":
      return t("addToIssue.commentStep", { issueKey });
    case "upload":
      return step.upload ? uploadLabel(step.upload) : "";
    case "remote-link":
      return t("newIssue.stepLinkIssueToEmail");
    case "issue-property":
      return t("newIssue.stepRememberEmailOnIssue");
    case "email-link":
      return t("newIssue.stepShowIssueInOutlook");
  }
}

/** The label of an upload step: "Upload report.pdf", "Upload the image image001.png". */
function uploadLabel(upload: PlannedUpload): string {
  const fileName = upload.fileName;
  switch (upload.source.kind) {
    case "email":
      return t("newIssue.stepAttachEmail", { fileName });
    case "inline-image":
      return t("newIssue.stepUploadImage", { fileName });
    default:
      return t("newIssue.stepUploadFile", { fileName });
  }
}

/** Whether `step` is the delivery's main step (the create, the comment). */
export function isMainStep(step: Pick<DeliveryStep, "kind">): boolean {
  return step.kind === "create" || step.kind === "comment";
}

/** The delivery with one step changed (the same object when the step isn't there). */
export function withStep<D extends StepsDelivery>(
  delivery: D,
  id: string,
  change: Partial<DeliveryStep>
): D {
  if (!delivery.steps.some((step) => step.id === id)) return delivery;
  return {
    ...delivery,
    steps: delivery.steps.map((step) => (step.id === id ? applyChange(step, change) : step)),
  };
}

function applyChange(step: DeliveryStep, change: Partial<DeliveryStep>): DeliveryStep {
  const next = { ...step, ...change };
  // A step that runs again or succeeds no longer has the last try's problem (nor progress once done).
  if (change.status && change.status !== "failed" && !("problem" in change)) delete next.problem;
  if (change.status === "done" || change.status === "failed") delete next.progress;
  return next;
}

/** The steps after the main one that failed (what "Retry failed steps" runs). */
export function failedSteps(delivery: StepsDelivery): DeliveryStep[] {
  return delivery.steps.filter((step) => !isMainStep(step) && step.status === "failed");
}

/** Whether some step still runs or waits to run. */
export function hasUnfinishedSteps(delivery: StepsDelivery): boolean {
  return delivery.steps.some((step) => step.status === "pending" || step.status === "running");
}

/**
 * What a step left running when the pane closed: it may or may not have happened. A function, not
 * a constant: the pane's language is chosen after this module loads.
 */
function interrupted(): StepProblem {
  return { code: "interrupted", message: t("newIssue.stepInterrupted") };
}

/**
 * A stored delivery read back (null when the value isn't one, or its Jira isn't an http(s) URL: the
 * "Created SUP-12" link is built on it, and stored data may have been planted). Steps that were running when the
 * pane closed are failed now ("interrupted"), uploads marked uncertain so their retry looks first;
 * pending steps after a created issue failed too (nothing runs them any more).
 */
export function parseStoredDelivery(value: unknown): Delivery | null {
  const base = parseStoredSteps(value);
  if (!base) return null;
  const { projectKey, issueTypeId, summary } = base.record;
  if (
    typeof projectKey !== "string" ||
    typeof issueTypeId !== "string" ||
    typeof summary !== "string"
  ) {
    return null;
  }
  const issue = parseIssue(base.record.issue);
  return {
    startedAt: base.startedAt,
    jiraBaseUrl: base.jiraBaseUrl,
    projectKey,
    issueTypeId,
    summary,
    ...(issue ? { issue } : {}),
    steps: settledAfterReload(base.steps, issue !== undefined),
  };
}

/** The parts every stored delivery has, read back, and the stored record for the rest. */
export interface StoredSteps {
  record: Record<string, unknown>;
  startedAt: number;
  jiraBaseUrl: string;
  /** As stored: {@link settledAfterReload} says what they mean after a reload. */
  steps: DeliveryStep[];
}

/**
 * The start, the Jira and the steps of a stored delivery (null when any is missing or damaged, or
 * the Jira isn't an http(s) URL); the record, for the parts of each kind of delivery.
 */
export function parseStoredSteps(value: unknown): StoredSteps | null {
  if (!isRecord(value) || !Array.isArray(value.steps)) return null;
  const { startedAt, jiraBaseUrl } = value;
  if (
    typeof startedAt !== "number" ||
    typeof jiraBaseUrl !== "string" ||
    !isJiraBaseUrl(jiraBaseUrl)
  ) {
    return null;
  }
  const steps = value.steps.map(parseStep);
  if (steps.some((step) => step === undefined)) return null;
  return { record: value, startedAt, jiraBaseUrl, steps: steps as DeliveryStep[] };
}

/**
 * Stored steps as they stand after a reload: what was running when the pane closed failed
 * ("interrupted"; an upload then uncertain, so its retry looks first), and once the main step is
 * done (`mainDone`) the pending ones failed too: nothing runs them any more.
 */
export function settledAfterReload(steps: DeliveryStep[], mainDone: boolean): DeliveryStep[] {
  return steps.map((step) => settledStep(step, mainDone));
}

function settledStep(step: DeliveryStep, mainDone: boolean): DeliveryStep {
  if (isMainStep(step) || step.status === "done" || step.status === "failed") return step;
  if (step.status === "pending" && !mainDone) return step;
  const wasRunning = step.status === "running";
  return {
    ...applyChange(step, { status: "failed", problem: interrupted() }),
    ...(step.kind === "upload" && wasRunning ? { uncertain: true } : {}),
  };
}

const KINDS: ReadonlySet<string> = new Set<DeliveryStepKind>([
  "create",
  "comment",
  "upload",
  "remote-link",
  "issue-property",
  "email-link",
]);
const STATUSES: ReadonlySet<string> = new Set(["pending", "running", "done", "failed"]);

function parseStep(value: unknown): DeliveryStep | undefined {
  if (!isRecord(value)) return undefined;
  // Deliveries stored by earlier versions also have a `label`, in the language of that pane:
  // left behind, the list makes its own (deliveryStepLabel).
  const { id, kind, status, problem, upload, uncertain } = value;
  if (typeof id !== "string") return undefined;
  if (typeof kind !== "string" || !KINDS.has(kind)) return undefined;
  if (typeof status !== "string" || !STATUSES.has(status)) return undefined;
  const parsedUpload = parseUpload(upload);
  if (kind === "upload" && !parsedUpload) return undefined;
  return {
    id,
    kind: kind as DeliveryStepKind,
    status: status as DeliveryStepStatus,
    ...(isRecord(problem) && typeof problem.message === "string"
      ? {
          problem: {
            message: problem.message,
            ...(typeof problem.code === "string" ? { code: problem.code } : {}),
          },
        }
      : {}),
    ...(parsedUpload ? { upload: parsedUpload } : {}),
    ...(uncertain === true ? { uncertain: true } : {}),
  };
}

function parseUpload(value: unknown): DeliveryStep["upload"] | undefined {
  if (!isRecord(value) || typeof value.fileName !== "string" || !isRecord(value.source)) {
    return undefined;
  }
  const { kind, attachmentId } = value.source;
  if (kind === "email") return { source: { kind }, fileName: value.fileName };
  if ((kind === "attachment" || kind === "inline-image") && typeof attachmentId === "string") {
    return { source: { kind, attachmentId }, fileName: value.fileName };
  }
  return undefined;
}

function parseIssue(value: unknown): CreatedIssueOutcome | undefined {
  if (!isRecord(value)) return undefined;
  const { id, key, self, recovered } = value;
  if (typeof id !== "string" || typeof key !== "string" || typeof self !== "string") {
    return undefined;
  }
  return { id, key, self, recovered: recovered === true };
}

function isJiraBaseUrl(value: string): boolean {
  try {
    normaliseJiraUrl(value);
    return true;
  } catch {
    return false;
  }
}

/** Whether `value` is a plain JSON object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
