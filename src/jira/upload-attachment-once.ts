/**
 * Uploading a file to an issue without ever attaching it twice. Like creating an issue,
 * `POST issue/{key}/attachments` is not idempotent and its answer can be lost after Jira stored the
 * file (a gateway's 502/504 on a slow upload, the connection dropping once the last byte went out).
 * The transport never retries it; this module looks at the issue's attachments before sending the
 * file again.
 *
 * Jira has no idempotency key and no content hash on attachments, so "already uploaded" means: an
 * attachment of the issue with the same file name and size, added by the current user.
 */
import type { AttachmentFile, JiraClient } from "./create-jira-client";
import { isUncertainFailure } from "./create-issue-once";
import { OAuthProblem } from "./jira-errors";
import type { JiraAttachment, JiraUser } from "./jira-types";

/** Options of {@link uploadAttachmentOnce}. */
export interface UploadAttachmentOnceOptions {
  /** The last upload of this file ended without knowing whether Jira stored it: look first. */
  previousAttemptUncertain?: boolean;
  /** Bytes sent so far and in total; a file found already uploaded reports (size, size). */
  onProgress?: (loaded: number, total: number) => void;
}

/** The attachment the file became. */
export interface UploadedAttachmentOutcome {
  attachment: JiraAttachment;
  /** true when it was found on the issue after an uncertain upload rather than uploaded now */
  recovered: boolean;
}

/**
 * Jira may or may not have stored the file, and it isn't on the issue (yet). Trying again with
 * `previousAttemptUncertain: true` looks again before uploading.
 */
export class AttachmentUploadUncertainError extends Error {
  override readonly name = "AttachmentUploadUncertainError";
  readonly code = "upload_uncertain";
  /** The error of the look at the issue's attachments, when that failed too. */
  readonly lookupError?: unknown;

  constructor(
    /** The failure that left the outcome open (the upload's, or the lookup's when there was no upload). */
    cause: unknown,
    fileName: string,
    lookupError?: unknown
  ) {
    super(
      lookupError === undefined
        ? `Jira did not confirm whether "${fileName}" was attached, and it isn't on the issue yet. ` +
            "Trying again looks for it first, so it won't be attached twice."
        : `Jira did not confirm whether "${fileName}" was attached, and looking for it failed too. ` +
            "Trying again looks for it first, so it won't be attached twice.",
      { cause }
    );
    if (lookupError !== undefined) {
      this.lookupError = lookupError;
    }
  }
}

/**
 * Attaches `file` to `issueKey`, at most once across attempts.
 *
 * - Normally: one upload. A failure that certainly stored nothing (413 too large, 403, OAuth…) is
 *   rethrown as it is.
 * - When the upload fails uncertainly (no answer, 500/502/503/504: `isUncertainFailure`): reads
 *   the issue's attachments (`GET issue/{key}?fields=attachment`); the file there →
 *   `recovered: true`; not there, or the read fails → {@link AttachmentUploadUncertainError}
 *   (`upload_uncertain`): keep `previousAttemptUncertain` for the next attempt.
 * - With `previousAttemptUncertain`: reads them first; there → returned, no upload; not there →
 *   uploads as above. If the read fails: AttachmentUploadUncertainError, except an OAuthProblem,
 *   which passes through so the session can ask for a new sign-in and run it again.
 *
 * Limit: a file of the same name and size the same user attached earlier is taken for this one.
 */
export async function uploadAttachmentOnce(
  client: JiraClient,
  issueKey: string,
  file: AttachmentFile,
  options: UploadAttachmentOnceOptions = {}
): Promise<UploadedAttachmentOutcome> {
  if (options.previousAttemptUncertain) {
    let found: JiraAttachment | undefined;
    try {
      found = await findUploaded(client, issueKey, file);
    } catch (lookupError) {
      if (lookupError instanceof OAuthProblem) throw lookupError;
      throw new AttachmentUploadUncertainError(lookupError, file.name, lookupError);
    }
    if (found) return recovered(found, file, options);
  }

  let uploaded: JiraAttachment[];
  try {
    uploaded = await client.addAttachment(issueKey, file, options.onProgress);
  } catch (uploadError) {
    if (!isUncertainFailure(uploadError)) throw uploadError;
    let found: JiraAttachment | undefined;
    try {
      found = await findUploaded(client, issueKey, file);
    } catch (lookupError) {
      // Even a refused token is wrapped: the caller must learn the file may be on the issue.
      throw new AttachmentUploadUncertainError(uploadError, file.name, lookupError);
    }
    if (found) return recovered(found, file, options);
    throw new AttachmentUploadUncertainError(uploadError, file.name);
  }
  // One file sent, one bean back; if a proxy sent more, the one named like the file is it.
  const attachment = uploaded.find((bean) => bean.filename === file.name) ?? uploaded[0];
  if (!attachment) {
    // 200 without a bean: Jira answered, so it stored the file, but it can't be named here.
    throw new AttachmentUploadUncertainError(
      new Error("Jira answered the upload without describing the attachment."),
      file.name
    );
  }
  return { attachment, recovered: false };
}

/** The newest attachment of the issue with the file's name and size, added by the current user. */
async function findUploaded(
  client: JiraClient,
  issueKey: string,
  file: AttachmentFile
): Promise<JiraAttachment | undefined> {
  const [issue, me] = await Promise.all([
    client.getIssue(issueKey, ["attachment"]),
    client.myself(),
  ]);
  const attachments = issue.fields.attachment;
  if (!Array.isArray(attachments)) return undefined;
  return (attachments as JiraAttachment[])
    .filter(
      (attachment) =>
        attachment.filename === file.name &&
        attachment.size === file.data.size &&
        sameUser(attachment.author, me)
    )
    .sort((a, b) => Number(b.id) - Number(a.id))[0];
}

/** The stable user key when both have one (usernames can be renamed), else the username. */
function sameUser(author: JiraUser | undefined, me: JiraUser): boolean {
  if (!author) return false;
  if (author.key !== undefined && me.key !== undefined) return author.key === me.key;
  return author.name === me.name;
}

function recovered(
  attachment: JiraAttachment,
  file: AttachmentFile,
  options: UploadAttachmentOnceOptions
): UploadedAttachmentOutcome {
  options.onProgress?.(file.data.size, file.data.size);
  return { attachment, recovered: true };
}
