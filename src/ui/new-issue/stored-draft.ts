/**
 * A New issue draft read back from the DraftStore. The stored JSON may come from another version
 * of the pane or be damaged: every part is checked on its own, a bad part falls back to its
 * default, and only a value that isn't a draft at all gives null (a fresh draft then).
 */
import { DEFAULT_DESCRIPTION_OPTIONS } from "../../mail/email-description-types";
import type { DescriptionOptions, InlineImageRef } from "../../mail/email-description-types";
import { parseStoredFieldValues } from "../field-editing/field-values";
import type { DescriptionState, DestinationSuggestion, NewIssueDraft } from "./new-issue-draft";

const DESCRIPTION_STATES: ReadonlySet<string> = new Set(["pending", "generated", "edited"]);
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
  const generatedWith = parseOptions(value.generatedWith);
  const suggestion = parseSuggestion(value.suggestion);
  const { uncertainSince, attemptId, fieldDefaultsFor } = value;
  return {
    projectKey,
    issueTypeId,
    summary,
    description,
    descriptionState: parseDescriptionState(value.descriptionState, description),
    descriptionOptions: parseOptions(value.descriptionOptions) ?? {
      ...DEFAULT_DESCRIPTION_OPTIONS,
    },
    ...(generatedWith ? { generatedWith } : {}),
    inlineImages: parseInlineImages(value.inlineImages),
    fieldValues: parseStoredFieldValues(value.fieldValues),
    ...(typeof fieldDefaultsFor === "string" ? { fieldDefaultsFor } : {}),
    attachmentChoices: parseChoices(value.attachmentChoices),
    attachEmail: value.attachEmail === true,
    ...(suggestion ? { suggestion } : {}),
    previousAttemptUncertain: uncertain,
    ...(uncertain && typeof uncertainSince === "number" && Number.isFinite(uncertainSince)
      ? { uncertainSince }
      : {}),
    ...(typeof attemptId === "string" && attemptId !== "" ? { attemptId } : {}),
  };
}

/**
 * A draft stored without a state (an older pane kept plain text): its text counts as the user's,
 * unless there is none, then the email is converted.
 */
function parseDescriptionState(value: unknown, description: string): DescriptionState {
  if (typeof value === "string" && DESCRIPTION_STATES.has(value)) return value as DescriptionState;
  return description === "" ? "pending" : "edited";
}

function parseOptions(value: unknown): DescriptionOptions | undefined {
  if (!isRecord(value)) return undefined;
  const { includeHeaderBlock, cutQuotedHistory } = value;
  if (typeof includeHeaderBlock !== "boolean" || typeof cutQuotedHistory !== "boolean") {
    return undefined;
  }
  return { includeHeaderBlock, cutQuotedHistory };
}

function parseInlineImages(value: unknown): InlineImageRef[] {
  if (!Array.isArray(value)) return [];
  const images: InlineImageRef[] = [];
  for (const entry of value) {
    if (!isRecord(entry)) continue;
    const { attachmentId, contentId, fileName } = entry;
    if (typeof attachmentId !== "string" || typeof fileName !== "string" || fileName === "") {
      continue;
    }
    images.push({
      attachmentId,
      fileName,
      ...(typeof contentId === "string" ? { contentId } : {}),
    });
  }
  return images;
}

function parseChoices(value: unknown): Record<string, boolean> {
  const choices: Record<string, boolean> = {};
  if (!isRecord(value)) return choices;
  for (const [id, chosen] of Object.entries(value)) {
    if (typeof chosen === "boolean") choices[id] = chosen;
  }
  return choices;
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

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
