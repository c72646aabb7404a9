/**
 * What "Add comment" checks and sends: an issue chosen, a comment Jira accepts (not empty), no
 * checked file over Jira's upload limit; then the request, with the files to upload under the
 * names the comment's `!name!` markup expects. Plain data rules, no React.
 */
import { t } from "../../i18n/translate";
import type { MailMessage } from "../../mail/mail-message";
import {
  offeredAttachments,
  plannedFileUploads,
  tooLargeProblem,
} from "../new-issue/attachment-choices";
import type { AttachmentPolicy } from "../new-issue/attachment-choices";
import type { AddToIssueDraft } from "./add-to-issue-draft";
import type { CommentRequest } from "./comment-submission";

/** What "Add comment" would refuse, per part of the form. */
export interface CommentProblems {
  issue?: string;
  comment?: string;
  /** A checked file over Jira's limit. */
  attachments?: string;
}

/** What "Add comment" needs beside the draft. */
export interface CommentContext {
  message: MailMessage;
  jiraBaseUrl: string;
  policy: AttachmentPolicy;
}

/** What "Add comment" sends, or why it can't. */
export type PreparedComment =
  { ok: true; request: CommentRequest } | { ok: false; problems: CommentProblems };

/** Every problem "Add comment" would refuse (empty object: none). */
export function commentProblems(
  draft: AddToIssueDraft,
  context: Pick<CommentContext, "message" | "policy">
): CommentProblems {
  const offered = offeredAttachments(context.message, draft.attachmentChoices, context.policy);
  const attachments = tooLargeProblem(offered, "comment");
  return {
    ...(draft.issue ? {} : { issue: t("addToIssue.chooseIssue") }),
    // Jira refuses an empty comment ("Comment body can not be empty!").
    ...(draft.comment.trim() === "" ? { comment: t("addToIssue.emptyComment") } : {}),
    ...(attachments ? { attachments } : {}),
  };
}

/** The request "Add comment" sends for `draft`, or the problems that stop it. */
export function prepareComment(draft: AddToIssueDraft, context: CommentContext): PreparedComment {
  const problems = commentProblems(draft, context);
  if (!draft.issue || Object.keys(problems).length > 0) return { ok: false, problems };
  const uploads = plannedFileUploads(
    { ...draft, markup: draft.comment },
    context.message,
    context.policy
  );
  return {
    ok: true,
    request: {
      issue: draft.issue,
      body: draft.comment,
      ...(draft.visibility ? { visibility: draft.visibility } : {}),
      uploads,
      jiraBaseUrl: context.jiraBaseUrl,
    },
  };
}
