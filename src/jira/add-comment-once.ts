/**
 * Adding an email to an issue as a comment without ever adding it twice. `POST
 * /rest/api/2/issue/{key}/comment` is not idempotent, and its answer can be lost after Jira stored
 * the comment (a gateway's 502/504 on a slow Jira, the connection dropping). The transport rightly
 * never retries such a POST; this module decides what to do next, like create-issue-once.ts does
 * for issues: look on the issue for the comment the attempt may have added, and only POST when
 * none is there.
 *
 * The marker: the comment carries the comment property {@link COMMENT_PROPERTY_KEY} =
 * `{attemptId, messageId}`, sent in the same POST (CommentJsonBean `properties`, so it exists the
 * moment the comment does). After an uncertain failure, the newest comments are read with their
 * properties (`orderBy=-created&expand=properties`, one page): the one naming this attemptId is
 * this attempt's. A comment naming another attempt is never taken, whatever its text. A comment
 * with no marker at all (a Jira that ignores comment properties) is taken only when the current
 * user wrote it, after the uncertain attempt (less a margin for clock differences), with exactly
 * this body and visibility.
 */
import { isUncertainFailure, MIN_LOOKBACK_MINUTES } from "./create-issue-once";
import type { JiraClient } from "./create-jira-client";
import { OAuthProblem } from "./jira-errors";
import type { CommentVisibility, JiraComment, JiraUser } from "./jira-types";

/** The comment property that marks a comment the add-in posted (value: {@link CommentMarker}). */
export const COMMENT_PROPERTY_KEY = "com.jira-for-outlook.comment";

/** The value of {@link COMMENT_PROPERTY_KEY}. */
export interface CommentMarker {
  /** The pane's random id of the attempt that posted the comment. */
  attemptId: string;
  /** The email's Message-ID ("" when it has none). */
  messageId: string;
}

/** The comment to add, as the form holds it. */
export interface CommentDraft {
  /** Wiki markup. */
  body: string;
  /** Restricts the comment to a project role or a group. */
  visibility?: CommentVisibility;
  /** The pane's random id of this attempt (a UUID, the same on every retry of it). */
  attemptId: string;
  /** The email's Message-ID, kept in the marker ("" when the email has none). */
  messageId: string;
}

/** The comment the draft became. */
export interface AddedCommentOutcome {
  id: string;
  issueKey: string;
  /** The comment's REST URL. */
  self: string;
  /** true when the comment was found on the issue after an uncertain attempt rather than added now */
  recovered: boolean;
}

/** Options of {@link addCommentOnce}. */
export interface AddCommentOnceOptions {
  /** The last attempt ended without knowing whether Jira added the comment: look first. */
  previousAttemptUncertain: boolean;
  /**
   * When that uncertain attempt was made (ms since the epoch, this computer's clock): a comment
   * without a marker counts only if created after it (less {@link CLOCK_MARGIN_MINUTES}).
   * Default: the last {@link MIN_LOOKBACK_MINUTES} minutes.
   */
  uncertainSince?: number;
  /** This computer's clock (tests). Default Date.now. */
  now?: () => number;
}

/**
 * Jira may or may not have added the comment, and it could not be confirmed: the answer was lost
 * and the comment isn't on the issue (yet), or looking for it failed too. Trying again with
 * `previousAttemptUncertain: true` looks first, so the comment is never added twice.
 */
export class CommentUncertainError extends Error {
  override readonly name = "CommentUncertainError";
  readonly code = "comment_uncertain";
  readonly issueKey: string;
  /** The error of the look for the comment, when that failed too. */
  readonly lookupError?: unknown;

  constructor(
    issueKey: string,
    /** The failure that left the outcome open (the POST's, or the look's when there was no POST). */
    cause: unknown,
    lookupError?: unknown
  ) {
    super(
      lookupError === undefined
        ? `Jira did not confirm that the comment was added to ${issueKey}, and it isn't on the ` +
            "issue yet. It may still appear: check the issue in Jira. Try again looks for it " +
            "first, so it won't be added twice."
        : `Jira did not confirm that the comment was added to ${issueKey}, and looking for it ` +
            "failed too. It may have been added: check the issue in Jira. Try again looks for it " +
            "first, so it won't be added twice.",
      { cause }
    );
    this.issueKey = issueKey;
    if (lookupError !== undefined) {
      this.lookupError = lookupError;
    }
  }
}

/** A draft without an attemptId (a bug in the caller): nothing could recognise its comment. */
export class CommentAttemptIdMissingError extends Error {
  override readonly name = "CommentAttemptIdMissingError";
  readonly code = "attempt_id_missing";

  constructor() {
    super(
      "The comment draft has no attemptId: give every attempt a random id (crypto.randomUUID()) " +
        "and keep it for the retries of that attempt."
    );
  }
}

/**
 * How far a comment's `created` (Jira's clock) may lie before `uncertainSince` (this computer's
 * clock) and still count: Jira refuses OAuth timestamps more than 5 minutes off, but the client
 * corrects its signatures for a larger skew, so allow twice that.
 */
export const CLOCK_MARGIN_MINUTES = 10;
/** The newest comments read when looking: an attempt's comment is among them unless 50 came after it. */
const LOOKUP_PAGE_SIZE = 50;
const MINUTE = 60_000;

/**
 * Adds the draft as a comment on `issueKey`, at most once across attempts.
 *
 * - Normally: one POST with the marker property. A failure that certainly added nothing
 *   (JiraValidationError for an empty body or a visibility the user may not use, OAuth, 403, 404…)
 *   is rethrown as it is.
 * - When the POST fails uncertainly (`isUncertainFailure`: no answer, 500, 502, 503, 504): looks
 *   for the comment; found → returned with `recovered: true`; not found, or the look fails →
 *   {@link CommentUncertainError}.
 * - With `previousAttemptUncertain`: looks first; found → returned (`recovered: true`), no POST;
 *   not found → POST as above. If the look fails: CommentUncertainError, except an OAuthProblem,
 *   which passes through so the session can ask for a new sign-in and run this again (it looks
 *   again first, since the option is still set).
 *
 * Callers keep `previousAttemptUncertain` (and `uncertainSince`) from a CommentUncertainError
 * until an attempt resolves: any other error in between proves nothing about the comment.
 */
export async function addCommentOnce(
  client: JiraClient,
  issueKey: string,
  draft: CommentDraft,
  options: AddCommentOnceOptions
): Promise<AddedCommentOutcome> {
  if (draft.attemptId.trim() === "") {
    throw new CommentAttemptIdMissingError();
  }
  const now = options.now ?? Date.now;
  if (options.previousAttemptUncertain) {
    const since = options.uncertainSince ?? now() - MIN_LOOKBACK_MINUTES * MINUTE;
    let found: JiraComment | undefined;
    try {
      found = await findPostedComment(client, issueKey, draft, since);
    } catch (lookupError) {
      if (lookupError instanceof OAuthProblem) throw lookupError;
      throw new CommentUncertainError(issueKey, lookupError, lookupError);
    }
    if (found) return outcome(client, issueKey, found, true);
  }

  const attemptedAt = now();
  const marker: CommentMarker = { attemptId: draft.attemptId, messageId: draft.messageId };
  try {
    const added = await client.addComment(issueKey, {
      body: draft.body,
      ...(draft.visibility ? { visibility: draft.visibility } : {}),
      properties: [{ key: COMMENT_PROPERTY_KEY, value: marker }],
    });
    return outcome(client, issueKey, added, false);
  } catch (postError) {
    if (!isUncertainFailure(postError)) throw postError;
    let found: JiraComment | undefined;
    try {
      found = await findPostedComment(client, issueKey, draft, attemptedAt);
    } catch (lookupError) {
      // Even a refused token is wrapped here: the caller must learn that this attempt may have
      // added the comment, or its next attempt would POST without looking.
      throw new CommentUncertainError(issueKey, postError, lookupError);
    }
    if (found) return outcome(client, issueKey, found, true);
    throw new CommentUncertainError(issueKey, postError);
  }
}

/** The marker of a comment read with `expand=properties`, if it carries a well-formed one. */
export function commentMarkerOf(comment: JiraComment): CommentMarker | undefined {
  const value = comment.properties?.find((property) => property.key === COMMENT_PROPERTY_KEY)
    ?.value as { attemptId?: unknown; messageId?: unknown } | null | undefined;
  return typeof value?.attemptId === "string"
    ? {
        attemptId: value.attemptId,
        messageId: typeof value.messageId === "string" ? value.messageId : "",
      }
    : undefined;
}

/**
 * The comment this draft's attempt added, among the issue's newest: the one whose marker names
 * the attemptId; else one without any marker that the current user wrote since `sinceMs` (less
 * the clock margin) with the same body and visibility. Read errors are thrown.
 */
async function findPostedComment(
  client: JiraClient,
  issueKey: string,
  draft: CommentDraft,
  sinceMs: number
): Promise<JiraComment | undefined> {
  const comments = await newestComments(client, issueKey);
  const marked = comments.find(
    (comment) => commentMarkerOf(comment)?.attemptId === draft.attemptId
  );
  if (marked) return marked;
  const earliest = sinceMs - CLOCK_MARGIN_MINUTES * MINUTE;
  const unmarked = comments.filter(
    (comment) =>
      !comment.properties?.some((property) => property.key === COMMENT_PROPERTY_KEY) &&
      createdNotBefore(comment, earliest) &&
      normalizeBody(comment.body) === normalizeBody(draft.body) &&
      sameVisibility(comment.visibility, draft.visibility)
  );
  if (unmarked.length === 0) return undefined;
  const me = await client.myself();
  return unmarked.find((comment) => sameUser(comment.author, me));
}

/**
 * The issue's newest comments with their properties, newest first (one page). A Jira that ignores
 * `orderBy` answers the oldest first: then, if the page is full, the whole list is read and its
 * end taken, so a busy issue's newest comment is never missed.
 */
async function newestComments(client: JiraClient, issueKey: string): Promise<JiraComment[]> {
  const page = await client.getComments(issueKey, {
    newestFirst: true,
    expandProperties: true,
    maxResults: LOOKUP_PAGE_SIZE,
  });
  if (page.length < LOOKUP_PAGE_SIZE || !oldestFirst(page)) return page;
  const all = await client.getComments(issueKey, { expandProperties: true });
  return all.slice(-LOOKUP_PAGE_SIZE).reverse();
}

function oldestFirst(comments: JiraComment[]): boolean {
  const first = createdMs(comments[0]);
  const last = createdMs(comments[comments.length - 1]);
  return first !== undefined && last !== undefined && first < last;
}

/** Jira's `created` ("2026-12-04T16:08:39.000+0000") in ms; undefined when absent or unreadable. */
function createdMs(comment: JiraComment | undefined): number | undefined {
  // "+0000" → "+00:00": the ISO form every browser's Date.parse reads (WebKit refuses "+0000").
  const iso = comment?.created?.replace(/([+-]\d{2})(\d{2})$/, "$1:$2");
  const ms = iso === undefined ? Number.NaN : Date.parse(iso);
  return Number.isNaN(ms) ? undefined : ms;
}

/** Created at or after `earliest`; a comment whose time can't be read is not ruled out by it. */
function createdNotBefore(comment: JiraComment, earliest: number): boolean {
  const created = createdMs(comment);
  return created === undefined || created >= earliest;
}

/** Jira (or a textarea) may turn line breaks into \r\n and trim the ends: the same comment still. */
function normalizeBody(body: string | undefined): string {
  return (body ?? "").replace(/\r\n?/g, "\n").trim();
}

function sameVisibility(
  actual: CommentVisibility | undefined,
  wanted: CommentVisibility | undefined
): boolean {
  if (!actual || !wanted) return !actual && !wanted;
  // Jira stores the group or role under its own spelling of the name.
  return actual.type === wanted.type && actual.value.toLowerCase() === wanted.value.toLowerCase();
}

function sameUser(author: JiraUser | undefined, me: JiraUser): boolean {
  if (!author) return false;
  return author.key !== undefined && me.key !== undefined
    ? author.key === me.key
    : author.name === me.name;
}

function outcome(
  client: JiraClient,
  issueKey: string,
  comment: JiraComment,
  recovered: boolean
): AddedCommentOutcome {
  return {
    id: comment.id,
    issueKey,
    self: comment.self ?? `${client.baseUrl}/rest/api/2/issue/${issueKey}/comment/${comment.id}`,
    recovered,
  };
}
