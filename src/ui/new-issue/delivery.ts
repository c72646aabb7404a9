/**
 * The delivery of a new issue as plain data: the steps (create the issue, upload each file, link
 * the issue back to the email, remember the issue on the email), where each stands, and how it is
 * stored so that a reload of the pane shows what succeeded and retries only what failed.
 * issue-delivery.ts runs the steps; new-issue-store.ts keeps the delivery per email.
 */
import { normaliseJiraUrl } from "../../config/urls";
import type { CreatedIssueOutcome } from "../../jira/create-issue-once";

/** The kinds of step, as `data-step` names them. */
export type DeliveryStepKind = "create" | "upload" | "remote-link" | "email-link";

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
  /** Unique in its delivery: "create", "upload:1", "remote-link", "email-link". */
  id: string;
  kind: DeliveryStepKind;
  /** What the step does, for the list: "Upload report.pdf". */
  label: string;
  status: DeliveryStepStatus;
  problem?: StepProblem;
  /** Upload steps: what and under which name (the name the description's `!name!` uses). */
  upload?: { source: UploadSource; fileName: string };
  /** Upload steps while running: bytes sent and in all. */
  progress?: { loaded: number; total: number };
  /** Upload steps: the last try may have stored the file; the next one looks first. */
  uncertain?: boolean;
}

/** One email's delivery: the issue (once created) and the steps. */
export interface Delivery {
  /** When the create started (ms since the epoch): a stored create still "running" was cut off. */
  startedAt: number;
  /** The Jira the issue is created in (the session's base URL). */
  jiraBaseUrl: string;
  projectKey: string;
  issueTypeId: string;
  summary: string;
  /** Set once the issue exists. */
  issue?: CreatedIssueOutcome;
  steps: DeliveryStep[];
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
    { id: "create", kind: "create", label: "Create the issue", status: "pending" },
    ...plan.uploads.map((upload, index): DeliveryStep => ({
      id: `upload:${index + 1}`,
      kind: "upload",
      label: uploadLabel(upload),
      status: "pending",
      upload,
    })),
  ];
  if (plan.remoteLink) {
    steps.push({
      id: "remote-link",
      kind: "remote-link",
      label: "Link the issue to this email",
      status: "pending",
    });
  }
  steps.push({
    id: "email-link",
    kind: "email-link",
    label: "Show the issue on this email in Outlook",
    status: "pending",
  });
  const { startedAt, jiraBaseUrl, projectKey, issueTypeId, summary } = plan;
  return { startedAt, jiraBaseUrl, projectKey, issueTypeId, summary, steps };
}

function uploadLabel(upload: PlannedUpload): string {
  switch (upload.source.kind) {
    case "email":
      return `Attach the email as ${upload.fileName}`;
    case "inline-image":
      return `Upload the image ${upload.fileName}`;
    default:
      return `Upload ${upload.fileName}`;
  }
}

/** The delivery with one step changed (the same object when the step isn't there). */
export function withStep(delivery: Delivery, id: string, change: Partial<DeliveryStep>): Delivery {
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

/** The steps after the create that failed (what "Retry failed steps" runs). */
export function failedSteps(delivery: Delivery): DeliveryStep[] {
  return delivery.steps.filter((step) => step.kind !== "create" && step.status === "failed");
}

/** Whether some step still runs or waits to run. */
export function hasUnfinishedSteps(delivery: Delivery): boolean {
  return delivery.steps.some((step) => step.status === "pending" || step.status === "running");
}

/** What a step left running when the pane closed: it may or may not have happened. */
const INTERRUPTED: StepProblem = {
  code: "interrupted",
  message: "The pane was closed before this finished. Retry checks what Jira already has.",
};

/**
 * A stored delivery read back (null when the value isn't one, or its Jira isn't an http(s) URL: the
 * "Created SUP-12" link is built on it, and stored data may have been planted). Steps that were running when the
 * pane closed are failed now ("interrupted"), uploads marked uncertain so their retry looks first;
 * pending steps after a created issue failed too (nothing runs them any more).
 */
export function parseStoredDelivery(value: unknown): Delivery | null {
  if (!isRecord(value) || !Array.isArray(value.steps)) return null;
  const { startedAt, jiraBaseUrl, projectKey, issueTypeId, summary } = value;
  if (
    typeof startedAt !== "number" ||
    typeof jiraBaseUrl !== "string" ||
    typeof projectKey !== "string" ||
    typeof issueTypeId !== "string" ||
    typeof summary !== "string" ||
    !isJiraBaseUrl(jiraBaseUrl)
  ) {
    return null;
  }
  const issue = parseIssue(value.issue);
  const steps = value.steps.map(parseStep);
  if (steps.some((step) => step === undefined)) return null;
  return {
    startedAt,
    jiraBaseUrl,
    projectKey,
    issueTypeId,
    summary,
    ...(issue ? { issue } : {}),
    steps: (steps as DeliveryStep[]).map((step) => settledAfterReload(step, issue !== undefined)),
  };
}

function settledAfterReload(step: DeliveryStep, created: boolean): DeliveryStep {
  if (step.kind === "create" || step.status === "done" || step.status === "failed") return step;
  if (step.status === "pending" && !created) return step;
  const wasRunning = step.status === "running";
  return {
    ...applyChange(step, { status: "failed", problem: INTERRUPTED }),
    ...(step.kind === "upload" && wasRunning ? { uncertain: true } : {}),
  };
}

const KINDS: ReadonlySet<string> = new Set(["create", "upload", "remote-link", "email-link"]);
const STATUSES: ReadonlySet<string> = new Set(["pending", "running", "done", "failed"]);

function parseStep(value: unknown): DeliveryStep | undefined {
  if (!isRecord(value)) return undefined;
  const { id, kind, label, status, problem, upload, uncertain } = value;
  if (typeof id !== "string" || typeof label !== "string") return undefined;
  if (typeof kind !== "string" || !KINDS.has(kind)) return undefined;
  if (typeof status !== "string" || !STATUSES.has(status)) return undefined;
  const parsedUpload = parseUpload(upload);
  if (kind === "upload" && !parsedUpload) return undefined;
  return {
    id,
    kind: kind as DeliveryStepKind,
    label,
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

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
