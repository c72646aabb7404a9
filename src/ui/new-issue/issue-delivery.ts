/**
 * Running the steps of a delivery (delivery.ts) against Jira and Outlook: read the chosen files
 * while the email is still the open one, create the issue at most once (createIssueOnce, with the
 * attempt's marker in the issue property; a comment's main step is in
 * src/ui/add-to-issue/comment-deliveries.ts), then upload each file, link the issue to the email,
 * merge the email into the issue property (comments: a new issue got it with its create) and
 * remember the issue on the email. A failing step never stops the independent ones; every change
 * is reported to the caller, which keeps and stores it (the stores). Everything Jira goes through
 * `session.withJira`, so a connection that ends waits for the next sign-in.
 */
import { createIssueOnce } from "../../jira/create-issue-once";
import type { CreatedIssueOutcome, IssueDraftFields } from "../../jira/create-issue-once";
import type { AttachmentFile } from "../../jira/create-jira-client";
import { emailReference, emailRemoteLink, mergeEmailProperty } from "../../jira/email-links";
import { EMAIL_PROPERTY_KEY } from "../../jira/email-reference";
import { uploadAttachmentOnce } from "../../jira/upload-attachment-once";
import type { MailMessage } from "../../mail/mail-message";
import type { DeliveryStep } from "./delivery";
import { isMainStep } from "./delivery";
import { errorCode } from "../error-code";
import type { EmailIssueLink, EmailLinksPort, JiraSession, MailContentPort } from "../ports";
import { stepProblemOf } from "./step-problem";
import { t } from "../../i18n/translate";
import { LocalizedError } from "./localized-error";

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
      throw new LocalizedError(
        "attachment_unavailable",
        t("newIssue.attachmentNoLongerThere", { fileName: upload.fileName })
      );
    }
    read = await mailContent.readAttachment(message, attachment);
  }
  return { name: upload.fileName, type: read.contentType, data: read.data };
}

/** The issue the steps after the main one work on. */
export interface FollowUpTarget {
  /** The issue (the one created, or the one commented on). */
  issue: { key: string; id: string };
  /** How the email reached the issue: the kind of the link on the email and on the issue. */
  linkKind: EmailIssueLink["kind"];
  /**
   * The attempt's id, for the email's reference in the issue property (issue-property steps: a
   * retry replaces its own reference instead of adding another).
   */
  attemptId?: string;
}

/** What the steps after the main one work on. */
export interface FollowUpContext extends FollowUpTarget {
  message: MailMessage;
  jiraBaseUrl: string;
  /** The steps to run now: the pending ones after the main step, the failed ones on a retry. */
  steps: readonly DeliveryStep[];
  /**
   * Files read before the create (by step id), each dropped once uploaded; a step without one
   * reads its file now.
   */
  files: Map<string, ReadFile>;
}

/**
 * Runs the steps after the main one: the uploads one after the other (with progress), the remote
 * link, the issue property and the email's own link beside them. Never rejects: each step ends
 * done or failed, and a failure stops no other step.
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
  const others = context.steps.filter((step) => step.kind !== "upload" && !isMainStep(step));
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
  const readFile = read?.file ?? (await readUploadFile(ports.mailContent, context.message, step));
  // The step's name, not the read one: a comment's uploads are renamed after reading, to stay
  // unique among the issue's attachments (the comment's `!name!` uses the new name).
  const file = { ...readFile, name: step.upload?.fileName ?? readFile.name };
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
  if (step.kind === "issue-property") {
    await mergeIntoIssueProperty(ports, context);
    return;
  }
  await ports.emailLinks.record(message, {
    issueKey: issue.key,
    issueId: issue.id,
    jiraBaseUrl,
    kind: context.linkKind,
    linkedAt: new Date(ports.now()).toISOString(),
  });
}

/**
 * Adds this email's reference to the issue property {@link EMAIL_PROPERTY_KEY}: read, merge
 * (mergeEmailProperty keeps the others, bounded; the same attempt's reference is replaced, so a
 * retry adds nothing), write. Jira has no compare-and-set on properties: two writers at the same
 * moment can lose one reference, which only the next merge of that email puts back.
 */
async function mergeIntoIssueProperty(
  ports: DeliveryPorts,
  context: FollowUpContext
): Promise<void> {
  const { message, issue, linkKind, attemptId } = context;
  if (!attemptId) throw new TypeError("The issue property needs the attempt's id.");
  const reference = emailReference(message, linkKind, attemptId, new Date(ports.now()));
  await ports.session.withJira(async (client) => {
    let existing: unknown;
    try {
      existing = (await client.getIssueProperty(issue.key, EMAIL_PROPERTY_KEY)).value;
    } catch (error) {
      // No property yet (Jira answers 404 for a missing property of a visible issue).
      if (errorCode(error) !== "http_404") throw error;
    }
    await client.setIssueProperty(
      issue.key,
      EMAIL_PROPERTY_KEY,
      mergeEmailProperty(existing, reference)
    );
  });
}
