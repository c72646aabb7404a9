/**
 * The "New issue" draft as plain data: what the user typed and chose, where it starts from for an
 * email, and what Jira would refuse before asking it. No React here, so the rules run in Node tests.
 * Reading a stored draft back is stored-draft.ts's job.
 */
import { DEFAULT_DESCRIPTION_OPTIONS } from "../../mail/email-description-types";
import type { DescriptionOptions, InlineImageRef } from "../../mail/email-description-types";
import { MAX_SUMMARY_LENGTH, summaryFromSubject } from "../../mail/summary";
import type { FieldFormValues } from "../field-editing/field-form-types";
import { t } from "../../i18n/translate";

/**
 * Where the description stands: "pending" (the email is not converted yet; the form converts it
 * when shown), "generated" (the email's conversion, untouched), "edited" (the user changed it:
 * nothing overwrites it without asking).
 */
export type DescriptionState = "pending" | "generated" | "edited";

/** Why a fresh draft starts in a project and issue type (destination-memory.ts). */
export interface DestinationSuggestion {
  /** This conversation's earlier emails, this sender's, or simply the last used. */
  reason: "conversation" | "sender" | "last-used";
  projectKey: string;
  issueTypeId: string;
  /** The issue those earlier emails went to (conversation and sender only). */
  issueKey?: string;
}

/** What the New issue form holds; persisted as JSON in the DraftStore (stored-draft.ts). */
export interface NewIssueDraft {
  /** The chosen project's key ("" until one is chosen). */
  projectKey: string;
  /** The chosen issue type's id ("" until one is chosen). */
  issueTypeId: string;
  summary: string;
  /** Jira wiki markup, sent as it is. */
  description: string;
  descriptionState: DescriptionState;
  /** What the user chose about the conversion (header block, quoted history). */
  descriptionOptions: DescriptionOptions;
  /** The options the current generated description was made with (undefined: none made yet). */
  generatedWith?: DescriptionOptions;
  /** The email's inline images the conversion referenced (`!fileName!`); uploaded when still referenced. */
  inlineImages: InlineImageRef[];
  /** The create screen's other fields (field id → value), as the field editors keep them. */
  fieldValues: FieldFormValues;
  /** The create screen whose Jira defaults are already in `fieldValues` ("project:typeId"). */
  fieldDefaultsFor?: string;
  /** The user's own choices per attachment id; absent ids follow the default (attachment-choices.ts). */
  attachmentChoices: Record<string, boolean>;
  /** Upload the whole email as .eml. */
  attachEmail: boolean;
  /** Why the project and issue type were preselected, shown until the user picks others. */
  suggestion?: DestinationSuggestion;
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
  /**
   * The random id (UUID) of the create attempt, made when a create starts after the last success
   * and kept through every retry until the issue exists: the marker on the issue carries it, so a
   * retry after a lost answer recognises the issue it made.
   */
  attemptId?: string;
}

/** Where a fresh draft starts: the destination memory's suggestion and the last .eml choice. */
export interface DraftStart {
  suggestion?: DestinationSuggestion;
  attachEmail?: boolean;
}

/** The fields {@link validateDraft} checks. */
export type DraftField = "projectKey" | "issueTypeId" | "summary";

/** A message per field that Jira would refuse; empty when the draft can be sent. */
export type DraftProblems = Partial<Record<DraftField, string>>;

// Line breaks Jira refuses in a summary ("The summary must not contain line breaks"), Unicode's too.
const LINE_BREAKS = /[\r\n\u0085\u2028\u2029]/;
const LINE_BREAK_RUNS = /[^\S\r\n\u0085\u2028\u2029]*[\r\n\u0085\u2028\u2029]+\s*/g;

/** The DraftStore key of the New issue draft of one email. */
export function newIssueDraftKey(itemId: string): string {
  return `new-issue:${itemId}`;
}

/** The draft a new issue starts from for an email: its subject as the summary, the suggested destination. */
export function initialDraftFor(
  message: { subject: string },
  start: DraftStart = {}
): NewIssueDraft {
  const { suggestion } = start;
  return {
    projectKey: suggestion?.projectKey ?? "",
    issueTypeId: suggestion?.issueTypeId ?? "",
    summary: summaryFromSubject(message.subject),
    description: "",
    descriptionState: "pending",
    descriptionOptions: { ...DEFAULT_DESCRIPTION_OPTIONS },
    inlineImages: [],
    fieldValues: {},
    attachmentChoices: {},
    attachEmail: start.attachEmail ?? false,
    ...(suggestion ? { suggestion } : {}),
    previousAttemptUncertain: false,
  };
}

/**
 * Text pasted or typed into the one-line summary: every line break (with the blanks around it)
 * becomes one space, so a pasted paragraph stays readable and Jira accepts it.
 */
export function singleLine(text: string): string {
  return text.replace(LINE_BREAK_RUNS, " ");
}

/** The summary's problem as the user types (too long, not one line), before any Create. */
export function summaryProblem(summary: string): string | undefined {
  const trimmed = summary.trim();
  if (LINE_BREAKS.test(trimmed)) return t("newIssue.summaryOneLine");
  if (trimmed.length > MAX_SUMMARY_LENGTH) {
    return t("newIssue.summaryTooLong", { max: MAX_SUMMARY_LENGTH, length: trimmed.length });
  }
  return undefined;
}

/** What Jira would refuse in the draft, per field (empty object: nothing). */
export function validateDraft(
  draft: Pick<NewIssueDraft, "projectKey" | "issueTypeId" | "summary">
): DraftProblems {
  const problems: DraftProblems = {};
  if (!draft.projectKey) problems.projectKey = t("newIssue.chooseProject");
  if (!draft.issueTypeId) problems.issueTypeId = t("newIssue.chooseIssueType");
  const summary = draft.summary.trim() ? summaryProblem(draft.summary) : t("newIssue.enterSummary");
  if (summary) problems.summary = summary;
  return problems;
}

/** True when {@link validateDraft} found nothing. */
export function isValidDraft(problems: DraftProblems): boolean {
  return Object.keys(problems).length === 0;
}

/** Whether two option sets are the same choice. */
export function sameDescriptionOptions(a: DescriptionOptions, b: DescriptionOptions): boolean {
  return a.includeHeaderBlock === b.includeHeaderBlock && a.cutQuotedHistory === b.cutQuotedHistory;
}
