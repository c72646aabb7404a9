/**
 * The "New issue" draft as plain data: what the user typed and chose, where it starts from for an
 * email, and what Jira would refuse before asking it. No React here, so the rules run in Node tests.
 */
import type { CreateMetaField } from "../jira/jira-types";
import type { MailMessage } from "../mail/mail-message";

/** What the New issue form holds; persisted as is in the DraftStore (JSON). */
export interface NewIssueDraft {
  /** The chosen project's key ("" until one is chosen). */
  projectKey: string;
  /** The chosen issue type's id ("" until one is chosen). */
  issueTypeId: string;
  summary: string;
  /** Plain text, sent unchanged (line breaks included). */
  description: string;
  /**
   * The last create ended without knowing whether Jira created the issue (the answer was lost).
   * Kept in the draft so that even after a reload the next try looks for that issue first.
   */
  previousAttemptUncertain: boolean;
  /**
   * When the first of those uncertain attempts started (ms since the epoch, this computer's
   * clock): the next create searches Jira back to it, however long ago it was.
   */
  uncertainSince?: number;
}

/** The fields {@link validateDraft} checks. */
export type DraftField = "projectKey" | "issueTypeId" | "summary";

/** A message per field that Jira would refuse; empty when the draft can be sent. */
export type DraftProblems = Partial<Record<DraftField, string>>;

/** Jira's limit for a summary (its `summary` field is a 255-character string). */
export const MAX_SUMMARY_LENGTH = 255;

// Line breaks Jira refuses in a summary ("The summary must not contain line breaks"), Unicode's too.
const LINE_BREAKS = /[\r\n\u0085\u2028\u2029]/;
const LINE_BREAK_RUNS = /\s*[\r\n\u0085\u2028\u2029]+\s*/g;

/** The DraftStore key of the New issue draft of one email. */
export function newIssueDraftKey(itemId: string): string {
  return `new-issue:${itemId}`;
}

/**
 * A summary made from an email subject: trimmed, line breaks (with the blanks around them) turned
 * into one space, cut to {@link MAX_SUMMARY_LENGTH} characters. Prefixes ("RE:", "FW:") stay for now.
 */
export function summaryFromSubject(subject: string): string {
  const oneLine = subject.replace(LINE_BREAK_RUNS, " ").trim();
  if (oneLine.length <= MAX_SUMMARY_LENGTH) return oneLine;
  let cut = oneLine.slice(0, MAX_SUMMARY_LENGTH);
  // Never leave half of a surrogate pair (an emoji) at the end.
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return cut.trimEnd();
}

/** The draft a new issue starts from for an email: its subject as the summary, nothing chosen. */
export function initialDraftFor(message: Pick<MailMessage, "subject">): NewIssueDraft {
  return {
    projectKey: "",
    issueTypeId: "",
    summary: summaryFromSubject(message.subject),
    description: "",
    previousAttemptUncertain: false,
  };
}

/**
 * A stored draft read back, or null when the value isn't one (another version of the pane wrote
 * it, or it was damaged): a bad entry must start a fresh draft rather than break the form.
 */
export function parseStoredDraft(value: unknown): NewIssueDraft | null {
  if (typeof value !== "object" || value === null) return null;
  const stored = value as Record<string, unknown>;
  const {
    projectKey,
    issueTypeId,
    summary,
    description,
    previousAttemptUncertain,
    uncertainSince,
  } = stored;
  if (
    typeof projectKey !== "string" ||
    typeof issueTypeId !== "string" ||
    typeof summary !== "string" ||
    typeof description !== "string"
  ) {
    return null;
  }
  const uncertain = previousAttemptUncertain === true;
  return {
    projectKey,
    issueTypeId,
    summary,
    description,
    previousAttemptUncertain: uncertain,
    ...(uncertain && typeof uncertainSince === "number" && Number.isFinite(uncertainSince)
      ? { uncertainSince }
      : {}),
  };
}

/** What Jira would refuse in the draft, per field (empty object: nothing). */
export function validateDraft(draft: NewIssueDraft): DraftProblems {
  const problems: DraftProblems = {};
  if (!draft.projectKey) problems.projectKey = "Choose a project.";
  if (!draft.issueTypeId) problems.issueTypeId = "Choose an issue type.";
  const summary = draft.summary.trim();
  if (!summary) {
    problems.summary = "Enter a summary.";
  } else if (LINE_BREAKS.test(summary)) {
    problems.summary = "The summary must be a single line.";
  } else if (summary.length > MAX_SUMMARY_LENGTH) {
    problems.summary = `The summary can have at most ${MAX_SUMMARY_LENGTH} characters (it has ${summary.length}).`;
  }
  return problems;
}

/** True when {@link validateDraft} found nothing. */
export function isValidDraft(problems: DraftProblems): boolean {
  return Object.keys(problems).length === 0;
}

// Fields the form fills itself, or Jira fills (the reporter is the signed-in user).
const FIELDS_THE_FORM_FILLS = new Set([
  "project",
  "issuetype",
  "summary",
  "description",
  "reporter",
]);

/**
 * The names of the required fields of a create screen that the form can't fill in yet and Jira
 * won't fill either (no default value): with any of them, Jira would refuse the issue.
 */
export function fieldsThePaneCannotFill(
  fields: ReadonlyArray<Pick<CreateMetaField, "fieldId" | "name" | "required" | "hasDefaultValue">>
): string[] {
  return fields
    .filter(
      (field) =>
        field.required && !field.hasDefaultValue && !FIELDS_THE_FORM_FILLS.has(field.fieldId)
    )
    .map((field) => field.name || field.fieldId);
}
