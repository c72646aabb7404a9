/**
 * An "Add to issue" draft read back from the DraftStore. The stored JSON may come from another
 * version of the pane or be damaged (or planted: localStorage is the user's): every part is checked
 * on its own, a bad part falls back to its default, and only a value that isn't a draft at all
 * gives null (a fresh draft then).
 */
import type { IssueSummary, VisibilityChoice } from "../../jira/issue-lookup";
import { DEFAULT_DESCRIPTION_OPTIONS } from "../../mail/email-description-types";
import { parseAttachmentChoices, parseInlineImageRefs } from "../new-issue/attachment-choices";
import { isRecord } from "../new-issue/delivery";
import { parseDescriptionOptions, parseTextState } from "../new-issue/description-conversion";
import type { EmailIssueLink } from "../ports";
import type { AddToIssueDraft } from "./add-to-issue-draft";

const STATUS_CATEGORIES: ReadonlySet<string> = new Set(["new", "indeterminate", "done", "unknown"]);

/** A stored draft read back, or null when the value isn't one (no comment string). */
export function parseStoredCommentDraft(value: unknown): AddToIssueDraft | null {
  if (!isRecord(value) || typeof value.comment !== "string") return null;
  const { comment, uncertainSince, attemptId, uncertainComment } = value;
  const uncertain = value.previousAttemptUncertain === true;
  const issue = parseIssueSummary(value.issue);
  const generatedWith = parseDescriptionOptions(value.generatedWith);
  const visibility = parseVisibility(value.visibility);
  // The issue an uncertain attempt went to; a draft stored without it had that issue chosen.
  const uncertainIssue = uncertain
    ? (parseIssueRef(value.uncertainIssue) ??
      (issue ? { id: issue.id, key: issue.key } : undefined))
    : undefined;
  const lastAdded = parseLastAdded(value.lastAdded);
  return {
    ...(issue ? { issue } : {}),
    comment,
    commentState: parseTextState(value.commentState, comment),
    commentOptions: parseDescriptionOptions(value.commentOptions) ?? {
      ...DEFAULT_DESCRIPTION_OPTIONS,
    },
    ...(generatedWith ? { generatedWith } : {}),
    inlineImages: parseInlineImageRefs(value.inlineImages),
    attachmentChoices: parseAttachmentChoices(value.attachmentChoices),
    attachEmail: value.attachEmail === true,
    ...(visibility ? { visibility } : {}),
    // "Add it again" was said of the stored issue only.
    confirmedRepeat: issue !== undefined && value.confirmedRepeat === true,
    previousAttemptUncertain: uncertain,
    ...(uncertain && typeof uncertainSince === "number" && Number.isFinite(uncertainSince)
      ? { uncertainSince }
      : {}),
    ...(uncertainIssue ? { uncertainIssue } : {}),
    ...(uncertain && typeof uncertainComment === "string" ? { uncertainComment } : {}),
    ...(typeof attemptId === "string" && attemptId !== "" ? { attemptId } : {}),
    ...(lastAdded ? { lastAdded } : {}),
  };
}

function parseIssueRef(value: unknown): { id: string; key: string } | undefined {
  if (!isRecord(value)) return undefined;
  const { id, key } = value;
  if (typeof id !== "string" || typeof key !== "string" || key === "") return undefined;
  return { id, key };
}

function parseLastAdded(value: unknown): EmailIssueLink | undefined {
  const ref = isRecord(value)
    ? parseIssueRef({ id: value.issueId, key: value.issueKey })
    : undefined;
  if (!ref || !isRecord(value)) return undefined;
  const { jiraBaseUrl, linkedAt } = value;
  if (typeof jiraBaseUrl !== "string" || typeof linkedAt !== "string") return undefined;
  return { issueKey: ref.key, issueId: ref.id, jiraBaseUrl, kind: "commented", linkedAt };
}

/** The chosen issue as stored; undefined unless every field is there with its type. */
export function parseIssueSummary(value: unknown): IssueSummary | undefined {
  if (!isRecord(value)) return undefined;
  const { id, key, summary, statusName, statusCategory, resolved } = value;
  const { projectKey, issueTypeId, issueTypeName } = value;
  const strings = [id, key, summary, statusName, projectKey, issueTypeId, issueTypeName];
  if (!strings.every((part) => typeof part === "string") || key === "") return undefined;
  if (typeof statusCategory !== "string" || !STATUS_CATEGORIES.has(statusCategory)) {
    return undefined;
  }
  return {
    id: id as string,
    key: key as string,
    summary: summary as string,
    statusName: statusName as string,
    statusCategory: statusCategory as IssueSummary["statusCategory"],
    resolved: resolved === true,
    projectKey: projectKey as string,
    issueTypeId: issueTypeId as string,
    issueTypeName: issueTypeName as string,
  };
}

function parseVisibility(value: unknown): VisibilityChoice | undefined {
  if (!isRecord(value)) return undefined;
  // A draft stored by an older version also has an English `label`: the picker names the choice
  // itself now, in the user's language (VisibilityPicker's choiceText).
  const { type, value: name } = value;
  if ((type !== "role" && type !== "group") || typeof name !== "string" || name === "") {
    return undefined;
  }
  return { type, value: name };
}
