/**
 * Running the steps of a delivery (delivery.ts) against Jira and Outlook: read the chosen files
 * while the email is still the open one, create the issue at most once (createIssueOnce, with the
 * attempt's marker in the issue property), then upload each file, link the issue to the email and
 * remember it on the email. A failing step never stops the independent ones; every change is
 * reported to the caller, which keeps and stores it (new-issue-store.ts). Everything Jira goes
 * through `session.withJira`, so a connection that ends waits for the next sign-in.
 */
import { createIssueOnce } from "../../jira/create-issue-once";
import type { CreatedIssueOutcome, IssueDraftFields } from "../../jira/create-issue-once";
import type { AttachmentFile } from "../../jira/create-jira-client";
import { emailReference, emailRemoteLink, mergeEmailProperty } from "../../jira/email-links";
import { EMAIL_PROPERTY_KEY } from "../../jira/email-reference";
import { uploadAttachmentOnce } from "../../jira/upload-attachment-once";
import type { MailMessage } from "../../mail/mail-message";
import type { DeliveryStep } from "./delivery";
import { errorCode } from "../error-code";
import type { EmailLinksPort, JiraSession, MailContentPort } from "../ports";
import { stepProblemOf } from "./step-problem";

/** What the steps use. */
export interface DeliveryPorts {
  session: Pick<JiraSession, "withJira">;
  mailContent: MailContentPort;
  emailLinks: EmailLinksPort;
  /** The 16×16 icon Jira shows beside the link to the email (an absolute URL of the add-in). */
  linkIconUrl?: string;
  /** This computer's clock, ms since the epoch. */
  now: () => number;
}

/** The issue as the form made it (the marker is added here). */
export type IssueRequest = Omit<IssueDraftFields, "properties" | "attemptId">;

/** Which attempt this create is, for createIssueOnce. */
export interface CreateAttempt {
  attemptId: string;
  previousAttemptUncertain: boolean;
  uncertainSince?: number;
}

/** A file read for an upload step, or why it couldn't be read. */
export type ReadFile = { ok: true; file: AttachmentFile } | { ok: false; error: unknown };

/** Reports a change of one step; `persist: false` for progress (not worth storing). */
export type StepReporter = (
  stepId: string,
  change: Partial<DeliveryStep>,
  options?: { persist?: boolean }
) => void;

/**
 * Creates the issue for `message`, at most once across attempts: the issue property
 * {@link EMAIL_PROPERTY_KEY} goes with the POST and carries the attempt's id, by which a retry after
 * a lost answer finds the issue instead of creating another.
 */
export function createTheIssue(
  ports: DeliveryPorts,
  message: MailMessage,
  issue: IssueRequest,
  attempt: CreateAttempt
): Promise<CreatedIssueOutcome> {
  const reference = emailReference(message, "created", attempt.attemptId, new Date(ports.now()));
  const draft: IssueDraftFields = {
    ...issue,
    attemptId: attempt.attemptId,
    properties: [{ key: EMAIL_PROPERTY_KEY, value: mergeEmailProperty(undefined, reference) }],
  };
  const { previousAttemptUncertain, uncertainSince } = attempt;
  return ports.session.withJira((client) =>
    createIssueOnce(client, draft, {
      previousAttemptUncertain,
      now: ports.now,
      ...(previousAttemptUncertain && uncertainSince !== undefined ? { uncertainSince } : {}),
    })
  );
}

/**
 * Reads the files of `steps` from Outlook, one after the other, before anything is sent: Outlook
 * reads only the email that is open, and the user may select another one while Jira works.
 */
export async function readUploadFiles(
  mailContent: MailContentPort,
  message: MailMessage,
  steps: readonly DeliveryStep[]
): Promise<Map<string, ReadFile>> {
  const files = new Map<string, ReadFile>();
  for (const step of steps) {
    if (step.kind !== "upload") continue;
    try {
      files.set(step.id, { ok: true, file: await readUploadFile(mailContent, message, step) });
    } catch (error) {
      files.set(step.id, { ok: false, error });
    }
  }
  return files;
}

/** The file of one upload step, named as planned (the name `!name!` in the description uses). */
export async function readUploadFile(
  mailContent: MailContentPort,
  message: MailMessage,
  step: DeliveryStep
): Promise<AttachmentFile> {
  const upload = step.upload;
  if (!upload) throw new TypeError(`Step ${step.id} uploads nothing.`);
  let read;
  if (upload.source.kind === "email") {
    read = await mailContent.readWholeMessage(message);
  } else {
    const { attachmentId } = upload.source;
    const attachment = message.attachments.find((candidate) => candidate.id === attachmentId);
    if (!attachment) {
      throw Object.assign(
        new Error(
          `${upload.fileName} is no longer attached to this email, so it can't be uploaded.`
        ),
        { code: "attachment_unavailable" }
      );
    }
    read = await mailContent.readAttachment(message, attachment);
  }
  return { name: upload.fileName, type: read.contentType, data: read.data };
}

/** What the steps after the create work on. */
export interface FollowUpContext {
  message: MailMessage;
  issue: CreatedIssueOutcome;
  jiraBaseUrl: string;
  /** The steps to run now: the pending ones after a create, the failed ones on a retry. */
  steps: readonly DeliveryStep[];
  /**
   * Files read before the create (by step id), each dropped once uploaded; a step without one
   * reads its file now.
   */
  files: Map<string, ReadFile>;
}

/**
 * Runs the steps after the create: the uploads one after the other (with progress), the remote
 * link and the email's own link beside them. Never rejects: each step ends done or failed, and a
 * failure stops no other step.
 */
export async function runFollowUpSteps(
  ports: DeliveryPorts,
  context: FollowUpContext,
  report: StepReporter
): Promise<void> {
  const run = async (step: DeliveryStep, work: () => Promise<void>) => {
    report(step.id, { status: "running" });
    try {
      await work();
      report(step.id, { status: "done", uncertain: false });
    } catch (error) {
      report(step.id, {
        status: "failed",
        problem: stepProblemOf(error, context.jiraBaseUrl),
        ...(errorCode(error) === "upload_uncertain" ? { uncertain: true } : {}),
      });
    }
  };
  const uploads = context.steps.filter((step) => step.kind === "upload");
  const others = context.steps.filter((step) => step.kind !== "upload" && step.kind !== "create");
  await Promise.all([
    (async () => {
      for (const step of uploads) await run(step, () => upload(ports, context, step, report));
    })(),
    ...others.map((step) => run(step, () => link(ports, context, step))),
  ]);
}

async function upload(
  ports: DeliveryPorts,
  context: FollowUpContext,
  step: DeliveryStep,
  report: StepReporter
): Promise<void> {
  const read = context.files.get(step.id);
  if (read && !read.ok) {
    context.files.delete(step.id); // A retry reads it again (the email may be open again by then).
    throw read.error;
  }
  const file = read?.file ?? (await readUploadFile(ports.mailContent, context.message, step));
  report(step.id, { progress: { loaded: 0, total: file.data.size } }, { persist: false });
  await ports.session.withJira((client) =>
    uploadAttachmentOnce(client, context.issue.key, file, {
      previousAttemptUncertain: step.uncertain === true,
      onProgress: (loaded, total) =>
        report(step.id, { progress: { loaded, total } }, { persist: false }),
    })
  );
  context.files.delete(step.id); // Uploaded: its bytes need not wait for the other steps.
}

async function link(
  ports: DeliveryPorts,
  context: FollowUpContext,
  step: DeliveryStep
): Promise<void> {
  const { message, issue, jiraBaseUrl } = context;
  if (step.kind === "remote-link") {
    const remoteLink = emailRemoteLink(message, {
      ...(ports.linkIconUrl ? { iconUrl: ports.linkIconUrl } : {}),
    });
    await ports.session.withJira((client) =>
      client.createOrUpdateRemoteLink(issue.key, remoteLink)
    );
    return;
  }
  await ports.emailLinks.record(message, {
    issueKey: issue.key,
    issueId: issue.id,
    jiraBaseUrl,
    kind: "created",
    linkedAt: new Date(ports.now()).toISOString(),
  });
}
