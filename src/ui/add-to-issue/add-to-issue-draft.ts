/**
 * The "Add to issue" draft as plain data: the issue chosen, the comment made from the email (and
 * how it was made), the files, who may see the comment, and what a lost answer left behind. No
 * React here, so the rules run in Node tests. Reading a stored draft back is stored-comment-draft.ts's.
 */
import type { IssueSummary, VisibilityChoice } from "../../jira/issue-lookup";
import { DEFAULT_DESCRIPTION_OPTIONS } from "../../mail/email-description-types";
import type { DescriptionOptions, InlineImageRef } from "../../mail/email-description-types";
import type { DescriptionState } from "../new-issue/new-issue-draft";
import type { ConvertedTextField } from "../new-issue/store-conversion";
import type { EmailIssueLink } from "../ports";

/** What the "Add to issue" form holds; persisted as JSON in the DraftStore. */
export interface AddToIssueDraft {
  /** The issue to add the email to, as Jira described it when it was chosen. */
  issue?: IssueSummary;
  /** The comment in Jira wiki markup, sent as it is (after renaming colliding file names). */
  comment: string;
  /** "pending" (not converted yet), "generated" (the email's conversion), "edited" (the user's). */
  commentState: DescriptionState;
  /** What the user chose about the conversion (header block, quoted history). */
  commentOptions: DescriptionOptions;
  /** The options the current generated comment was made with (undefined: none made yet). */
  generatedWith?: DescriptionOptions;
  /** The email's inline images the conversion referenced; uploaded when still referenced. */
  inlineImages: InlineImageRef[];
  /** The user's own choices per attachment id; absent ids follow the default. */
  attachmentChoices: Record<string, boolean>;
  /** Upload the whole email as .eml. */
  attachEmail: boolean;
  /** Who may see the comment; undefined: everyone who can see the issue. */
  visibility?: VisibilityChoice;
  /**
   * The user confirmed adding the email to the chosen issue although it is already linked to it
   * ("Add it again"); cleared when another issue is chosen.
   */
  confirmedRepeat: boolean;
  /**
   * The last try ended without knowing whether Jira added the comment (the answer was lost): the
   * next one looks for the comment by its attempt id first. Kept even after a reload.
   */
  previousAttemptUncertain: boolean;
  /** When the first of those uncertain attempts started (ms since the epoch). */
  uncertainSince?: number;
  /**
   * The issue that uncertain attempt went to (set with the flag). The next try must look there,
   * so until a try settles it the issue and the visibility can't change (withCommentChanges).
   */
  uncertainIssue?: { id: string; key: string };
  /**
   * The comment as that attempt sent it (before file renames): when the comment is found later,
   * a text changed since is known not to be in Jira, and the user is told.
   */
  uncertainComment?: string;
  /**
   * The random id (UUID) of the comment attempt, made when a try starts after the last success and
   * kept through every retry until the comment exists: the comment carries it as a property.
   */
  attemptId?: string;
  /**
   * The email's link to the issue its last comment from this draft went to. It counts as an
   * earlier link ("already added") even when recording the link on the email failed.
   */
  lastAdded?: EmailIssueLink;
}

/** The fields only the store sets: the attempt's, and what an earlier comment left. */
type StoreOwnedField =
  | "previousAttemptUncertain"
  | "uncertainSince"
  | "uncertainIssue"
  | "uncertainComment"
  | "attemptId"
  | "lastAdded";

/** What the user edits. */
export type CommentDraftChanges = Partial<Omit<AddToIssueDraft, StoreOwnedField>>;

/** Where a fresh draft starts. */
export interface CommentDraftStart {
  /** The issue to keep (after a comment was added, the next one likely goes there too). */
  issue?: IssueSummary;
  /** The last "Attach the email (.eml)" choice. */
  attachEmail?: boolean;
}

/** A fresh draft: nothing chosen unless `start` says, the comment waiting for the conversion. */
export function initialCommentDraft(start: CommentDraftStart = {}): AddToIssueDraft {
  return {
    ...(start.issue ? { issue: start.issue } : {}),
    comment: "",
    commentState: "pending",
    commentOptions: { ...DEFAULT_DESCRIPTION_OPTIONS },
    inlineImages: [],
    attachmentChoices: {},
    attachEmail: start.attachEmail ?? false,
    confirmedRepeat: false,
    previousAttemptUncertain: false,
  };
}

/**
 * `draft` with the user's `changes`. Choosing another issue withdraws "Add it again" (it was said
 * of the other issue), and choosing one of another project drops the visibility (roles and groups
 * are offered per project), unless the same changes set them. While an uncertain attempt is
 * pending, the issue (but for a fresher copy of the same one) and the visibility stay as that
 * attempt had them: the next try looks for its comment there, and must not post elsewhere.
 */
export function withCommentChanges(
  draft: AddToIssueDraft,
  userChanges: CommentDraftChanges
): AddToIssueDraft {
  const changes = allowedChanges(draft, userChanges);
  const next: AddToIssueDraft = { ...draft, ...changes };
  if ("issue" in changes && changes.issue?.key !== draft.issue?.key) {
    if (!("confirmedRepeat" in changes)) next.confirmedRepeat = false;
    if (!("visibility" in changes) && changes.issue?.projectKey !== draft.issue?.projectKey) {
      delete next.visibility;
    }
  }
  if (next.issue === undefined) delete next.issue;
  if (next.visibility === undefined) delete next.visibility;
  return next;
}

function allowedChanges(draft: AddToIssueDraft, changes: CommentDraftChanges): CommentDraftChanges {
  const locked = draft.uncertainIssue;
  if (!locked) return changes;
  const allowed = { ...changes };
  delete allowed.visibility;
  if ("issue" in allowed && allowed.issue?.key.toUpperCase() !== locked.key.toUpperCase()) {
    delete allowed.issue;
  }
  return allowed;
}

/**
 * The draft after an attempt that may have added the comment: the flag, when (the first such
 * attempt), where, and the text it sent. An earlier uncertain attempt's record stays (the look
 * must reach back to it, on its issue).
 */
export function withUncertainAttempt(
  draft: AddToIssueDraft,
  attempt: { since: number; issue: { id: string; key: string }; comment: string }
): AddToIssueDraft {
  if (draft.previousAttemptUncertain && draft.uncertainIssue) return draft;
  return {
    ...draft,
    previousAttemptUncertain: true,
    uncertainSince: draft.previousAttemptUncertain
      ? (draft.uncertainSince ?? attempt.since)
      : attempt.since,
    uncertainIssue: { id: attempt.issue.id, key: attempt.issue.key },
    uncertainComment: attempt.comment,
  };
}

/**
 * The draft with the uncertain attempt forgotten (the user checked Jira and chose to go on): the
 * issue and visibility can change again, and the next try is a new attempt that looks nowhere.
 */
export function withoutUncertainAttempt(draft: AddToIssueDraft): AddToIssueDraft {
  const next: AddToIssueDraft = { ...draft, previousAttemptUncertain: false };
  delete next.uncertainSince;
  delete next.uncertainIssue;
  delete next.uncertainComment;
  delete next.attemptId;
  return next;
}

/** The draft's comment, as the conversions of the store see it. */
export const COMMENT_FIELD: ConvertedTextField<AddToIssueDraft> = {
  name: "comment",
  state: (draft) => draft.commentState,
  options: (draft) => draft.commentOptions,
  generated: (draft, result, options) => ({
    ...draft,
    comment: result.markup,
    commentState: "generated",
    generatedWith: options,
    inlineImages: result.usedInlineImages,
  }),
};
