/**
 * What Create checks and sends: the draft's own rules, the create screen's fields, a file over
 * Jira's upload limit, and then the request: the issue's fields and the files to upload, each
 * under the name the description's `!name!` markup expects. Plain data rules, no React.
 */
import type { MailMessage } from "../../mail/mail-message";
import { offeredAttachments, plannedFileUploads, tooLargeProblem } from "./attachment-choices";
import type { AttachmentPolicy } from "./attachment-choices";
import type { PlannedUpload } from "./delivery";
import type {
  CreateScreen,
  FieldFormValues,
  FieldProblems,
} from "../field-editing/field-form-types";
import {
  fieldValuesToJira,
  initialFieldValues,
  validateFieldValues,
} from "../field-editing/field-values";
import { isValidDraft, validateDraft } from "./new-issue-draft";
import type { DraftProblems, NewIssueDraft } from "./new-issue-draft";
import type { CreateRequest } from "./new-issue-submission";

/** Everything Create would refuse, per part of the form. */
export interface CreateProblems {
  draft: DraftProblems;
  fields: FieldProblems;
  /** A checked file over Jira's limit. */
  attachments?: string;
}

/** What Create sends, or why it can't. */
export type PreparedCreate =
  { ok: true; request: CreateRequest } | { ok: false; problems: CreateProblems };

/** What Create needs beside the draft. */
export interface CreateContext {
  message: MailMessage;
  jiraBaseUrl: string;
  /** The create screen of the draft's project and issue type. */
  screen: CreateScreen;
  policy: AttachmentPolicy;
}

/** The key of a create screen, for {@link NewIssueDraft.fieldDefaultsFor}. */
export function screenKeyOf(projectKey: string, issueTypeId: string): string {
  return `${projectKey}:${issueTypeId}`;
}

/**
 * The field values the form shows and sends: the draft's, over Jira's defaults of the screen until
 * the user changed a field on it (then the draft holds the defaults too, and a field the user
 * cleared stays cleared).
 */
export function effectiveFieldValues(
  draft: Pick<NewIssueDraft, "fieldValues" | "fieldDefaultsFor">,
  screen: CreateScreen,
  screenKey: string
): FieldFormValues {
  if (draft.fieldDefaultsFor === screenKey) return draft.fieldValues;
  return { ...initialFieldValues(screen), ...draft.fieldValues };
}

/** Every problem Create would refuse (empty parts: none). */
export function createProblems(draft: NewIssueDraft, context: CreateContext): CreateProblems {
  const screenKey = screenKeyOf(draft.projectKey, draft.issueTypeId);
  const values = effectiveFieldValues(draft, context.screen, screenKey);
  const offered = offeredAttachments(context.message, draft.attachmentChoices, context.policy);
  const attachments = tooLargeProblem(offered);
  return {
    draft: validateDraft(draft),
    fields: validateFieldValues(context.screen, values),
    ...(attachments ? { attachments } : {}),
  };
}

/** Whether {@link createProblems} found nothing. */
export function hasNoProblems(problems: CreateProblems): boolean {
  return (
    isValidDraft(problems.draft) &&
    Object.keys(problems.fields).length === 0 &&
    problems.attachments === undefined
  );
}

/** The request Create sends for `draft`, or the problems that stop it. */
export function prepareCreate(draft: NewIssueDraft, context: CreateContext): PreparedCreate {
  const problems = createProblems(draft, context);
  if (!hasNoProblems(problems)) return { ok: false, problems };
  const screenKey = screenKeyOf(draft.projectKey, draft.issueTypeId);
  const values = effectiveFieldValues(draft, context.screen, screenKey);
  return {
    ok: true,
    request: {
      issue: {
        projectKey: draft.projectKey,
        issueTypeId: draft.issueTypeId,
        summary: draft.summary.trim(),
        description: draft.description,
        fields: fieldValuesToJira(context.screen, values),
      },
      uploads: plannedUploads(draft, context),
      jiraBaseUrl: context.jiraBaseUrl,
    },
  };
}

/**
 * The files to upload: the checked attachments, the inline images the description still shows,
 * and the email as .eml; nothing when no file can be attached here.
 */
export function plannedUploads(draft: NewIssueDraft, context: CreateContext): PlannedUpload[] {
  return plannedFileUploads(
    { ...draft, markup: draft.description },
    context.message,
    context.policy
  );
}
