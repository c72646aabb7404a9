/**
 * A New issue draft read back from the DraftStore. The stored JSON may come from another version
 * of the pane or be damaged: every part is checked on its own, a bad part falls back to its
 * default, and only a value that isn't a draft at all gives null (a fresh draft then).
 */
import { DEFAULT_DESCRIPTION_OPTIONS } from "../../mail/email-description-types";
import { parseStoredFieldValues } from "../field-editing/field-values";
import { parseAttachmentChoices, parseInlineImageRefs } from "./attachment-choices";
import { isRecord } from "./delivery";
import { parseDescriptionOptions, parseTextState } from "./description-conversion";
import type { DestinationSuggestion, NewIssueDraft } from "./new-issue-draft";

const SUGGESTION_REASONS: ReadonlySet<string> = new Set(["conversation", "sender", "last-used"]);

/**
 * A stored draft read back, or null when the value isn't one (no project key, issue type id,
 * summary or description strings): a bad entry must start a fresh draft rather than break the form.
 */
export function parseStoredDraft(value: unknown): NewIssueDraft | null {
  if (!isRecord(value)) return null;
  const { projectKey, issueTypeId, summary, description } = value;
  if (
    typeof projectKey !== "string" ||
    typeof issueTypeId !== "string" ||
    typeof summary !== "string" ||
    typeof description !== "string"
  ) {
    return null;
  }
  const uncertain = value.previousAttemptUncertain === true;
  const generatedWith = parseDescriptionOptions(value.generatedWith);
  const suggestion = parseSuggestion(value.suggestion);
  const { uncertainSince, attemptId, fieldDefaultsFor } = value;
  return {
    projectKey,
    issueTypeId,
    summary,
    description,
    descriptionState: parseTextState(value.descriptionState, description),
    descriptionOptions: parseDescriptionOptions(value.descriptionOptions) ?? {
      ...DEFAULT_DESCRIPTION_OPTIONS,
    },
    ...(generatedWith ? { generatedWith } : {}),
    inlineImages: parseInlineImageRefs(value.inlineImages),
    fieldValues: parseStoredFieldValues(value.fieldValues),
    ...(typeof fieldDefaultsFor === "string" ? { fieldDefaultsFor } : {}),
    attachmentChoices: parseAttachmentChoices(value.attachmentChoices),
    attachEmail: value.attachEmail === true,
    ...(suggestion ? { suggestion } : {}),
    previousAttemptUncertain: uncertain,
    ...(uncertain && typeof uncertainSince === "number" && Number.isFinite(uncertainSince)
      ? { uncertainSince }
      : {}),
    ...(typeof attemptId === "string" && attemptId !== "" ? { attemptId } : {}),
  };
}

function parseSuggestion(value: unknown): DestinationSuggestion | undefined {
  if (!isRecord(value)) return undefined;
  const { reason, projectKey, issueTypeId, issueKey } = value;
  if (
    typeof reason !== "string" ||
    !SUGGESTION_REASONS.has(reason) ||
    typeof projectKey !== "string" ||
    typeof issueTypeId !== "string"
  ) {
    return undefined;
  }
  return {
    reason: reason as DestinationSuggestion["reason"],
    projectKey,
    issueTypeId,
    ...(typeof issueKey === "string" ? { issueKey } : {}),
  };
}
