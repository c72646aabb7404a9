/**
 * Creating an issue without ever creating it twice. `POST /rest/api/2/issue` is not idempotent,
 * and an answer can be lost after Jira stored the issue (a gateway's 502/504 on a slow create, the
 * connection dropping, a proxy mangling the body). The transport rightly never retries such a POST;
 * this module decides what to do next: look in Jira for the issue the attempt may have created,
 * and only POST when none is there and the last attempt is known to have created nothing.
 *
 * Jira has no idempotency key on create, so "the same issue" means: reported by the current user
 * in the last 15 minutes, same project, issue type, summary and description.
 */
import type { JiraClient } from "./create-jira-client";
import { JiraHttpError, JiraNetworkError, OAuthProblem } from "./jira-errors";
import type { IssueFields, JiraIssue } from "./jira-types";

/** The fields of the draft that make an issue, as the create form holds them. */
export interface IssueDraftFields {
  projectKey: string;
  issueTypeId: string;
  summary: string;
  /** Wiki markup; "" for none (then no description is sent). */
  description: string;
}

/** Options of {@link createIssueOnce}. */
export interface CreateIssueOnceOptions {
  /** The last attempt ended without knowing whether Jira created the issue: look first. */
  previousAttemptUncertain?: boolean;
  /**
   * When that uncertain attempt was made (ms since the epoch, this computer's clock). The search
   * then looks back far enough to cover it, however long ago it was (a retry after a Jira outage).
   * Default: the last {@link MIN_LOOKBACK_MINUTES} minutes only.
   */
  uncertainSince?: number;
  /** This computer's clock (tests). Default Date.now. */
  now?: () => number;
}

/** The issue the draft became. */
export interface CreatedIssueOutcome {
  id: string;
  key: string;
  self: string;
  /** true when the issue was found in Jira after an uncertain attempt rather than created now */
  recovered: boolean;
}

/**
 * Jira may or may not have created the issue, and it could not be found (yet). Trying again with
 * `previousAttemptUncertain: true` looks again before creating anything.
 */
export class IssueCreateUncertainError extends Error {
  override readonly name = "IssueCreateUncertainError";
  readonly code = "create_uncertain";
  /** The error of the search for the issue, when that failed too. */
  readonly lookupError?: unknown;

  constructor(
    /** The failure that left the outcome open (the create's, or the search's when there was no create). */
    cause: unknown,
    lookupError?: unknown
  ) {
    super(
      lookupError === undefined
        ? "Jira did not confirm whether the issue was created, and none was found yet. " +
            "Trying again looks for it first, so it won't be created twice."
        : "Jira did not confirm whether the issue was created, and looking for it failed too. " +
            "Trying again looks for it first, so it won't be created twice.",
      { cause }
    );
    if (lookupError !== undefined) {
      this.lookupError = lookupError;
    }
  }
}

// Answers that come after Jira may have done the work: gateways timing out on a slow Jira, the
// relay losing Jira mid-request, a 2xx body a proxy made unreadable.
// A 500 counts too: a failing post-function or listener can answer 500 after the issue was stored.
const UNCERTAIN_HTTP_CODES: ReadonlySet<string> = new Set([
  "http_500",
  "http_502",
  "http_503",
  "http_504",
  "jira_unreachable",
  "invalid_response",
]);

/**
 * True when a failed create may still have created the issue: no answer (JiraNetworkError), a
 * gateway's 502/503/504, a 500 (Jira can fail after storing), the relay losing Jira (`jira_unreachable`), or an answer that could not
 * be read (`invalid_response`). OAuth refusals, validation errors, 401/403/404/413 and the relay's
 * own configuration errors come before Jira stores anything: false.
 */
export function isUncertainFailure(error: unknown): boolean {
  if (error instanceof JiraNetworkError) return true;
  return error instanceof JiraHttpError && UNCERTAIN_HTTP_CODES.has(error.code);
}

/** How far back the search looks at least: comfortably longer than any retry made at once by hand. */
export const MIN_LOOKBACK_MINUTES = 15;
/** Never further back than 30 days: older uncertain attempts are not worth a search that wide. */
const MAX_LOOKBACK_MINUTES = 30 * 24 * 60;
const SEARCH_FIELDS = ["summary", "description", "project", "issuetype"];
const SEARCH_MAX_RESULTS = 50;

/**
 * Creates the issue for `draft`, at most once across attempts.
 *
 * - Normally: one `POST /rest/api/2/issue`. A failure that certainly created nothing (validation,
 *   OAuth, 403…) is rethrown as it is.
 * - When the POST fails uncertainly ({@link isUncertainFailure}): searches for the issue; found →
 *   returned with `recovered: true`; not found, or the search fails → {@link IssueCreateUncertainError}.
 * - With `previousAttemptUncertain`: searches first; found → returned (`recovered: true`), no POST;
 *   not found → POST as above. If the search fails, IssueCreateUncertainError (cause: the search's
 *   error), except an OAuthProblem, which passes through so the session can ask for a new sign-in
 *   and run the operation again (it looks again first, since the option is still set).
 *
 * Callers keep `previousAttemptUncertain` set from an IssueCreateUncertainError until an attempt
 * resolves: any other error in between (sign-in required, offline) proves nothing about the issue.
 *
 * Limit: an identical issue the same user created in the searched window is taken for this one.
 */
export async function createIssueOnce(
  client: JiraClient,
  draft: IssueDraftFields,
  options: CreateIssueOnceOptions = {}
): Promise<CreatedIssueOutcome> {
  if (options.previousAttemptUncertain) {
    let found: JiraIssue | undefined;
    try {
      found = await findCreatedIssue(client, draft, lookbackMinutes(options));
    } catch (searchError) {
      if (searchError instanceof OAuthProblem) throw searchError;
      throw new IssueCreateUncertainError(searchError, searchError);
    }
    if (found) return recoveredOutcome(client, found);
  }

  try {
    const created = await client.createIssue(issueFields(draft));
    return { id: created.id, key: created.key, self: created.self, recovered: false };
  } catch (createError) {
    if (!isUncertainFailure(createError)) throw createError;
    let found: JiraIssue | undefined;
    try {
      found = await findCreatedIssue(client, draft, MIN_LOOKBACK_MINUTES);
    } catch (searchError) {
      // Even a refused token is wrapped here: the caller must learn that this attempt may have
      // created the issue, or its next attempt would POST without looking.
      throw new IssueCreateUncertainError(createError, searchError);
    }
    if (found) return recoveredOutcome(client, found);
    throw new IssueCreateUncertainError(createError);
  }
}

/** The `fields` of the POST. */
function issueFields(draft: IssueDraftFields): IssueFields {
  const fields: IssueFields = {
    project: { key: draft.projectKey },
    issuetype: { id: draft.issueTypeId },
    summary: draft.summary,
  };
  // Jira stores "" and an absent description alike (null): sending nothing is the plain form.
  if (normalizeDescription(draft.description) !== "") {
    fields.description = draft.description;
  }
  return fields;
}

/** Minutes to look back: back to the uncertain attempt plus the minimum, within the bounds. */
function lookbackMinutes(options: CreateIssueOnceOptions): number {
  if (options.uncertainSince === undefined) return MIN_LOOKBACK_MINUTES;
  const elapsed = Math.ceil(((options.now ?? Date.now)() - options.uncertainSince) / 60_000);
  const minutes = Math.max(0, elapsed) + MIN_LOOKBACK_MINUTES;
  return Math.min(MAX_LOOKBACK_MINUTES, Number.isFinite(minutes) ? minutes : MIN_LOOKBACK_MINUTES);
}

/**
 * The newest issue the current user created in the last `minutes` that matches the draft.
 * `creator`, not `reporter`: a Jira automation or a default-reporter setting may change the
 * reporter, never the creator. Jira's own clock decides "the last N minutes", so this computer's
 * clock skew doesn't matter.
 */
async function findCreatedIssue(
  client: JiraClient,
  draft: IssueDraftFields,
  minutes: number
): Promise<JiraIssue | undefined> {
  const result = await client.search({
    jql: `creator = currentUser() AND created >= -${minutes}m ORDER BY created DESC`,
    fields: SEARCH_FIELDS,
    maxResults: SEARCH_MAX_RESULTS,
  });
  return result.issues.find((issue) => matchesDraft(issue, draft));
}

/**
 * Same project, issue type, summary and description. The summary is compared exactly but for
 * surrounding whitespace, which Jira may trim on create; the description as normalizeDescription says.
 */
function matchesDraft(issue: JiraIssue, draft: IssueDraftFields): boolean {
  const fields = issue.fields ?? {};
  const project = fields.project as { key?: unknown } | null | undefined;
  const issueType = fields.issuetype as { id?: unknown } | null | undefined;
  return (
    project?.key === draft.projectKey &&
    String(issueType?.id) === draft.issueTypeId &&
    typeof fields.summary === "string" &&
    fields.summary.trim() === draft.summary.trim() &&
    normalizeDescription(fields.description) === normalizeDescription(draft.description)
  );
}

/**
 * Jira (or a browser's textarea) may turn line breaks into \r\n and drop trailing whitespace;
 * neither makes it another issue. No description (null) is the same as "".
 */
function normalizeDescription(value: unknown): string {
  return typeof value === "string" ? value.replace(/\r\n?/g, "\n").trimEnd() : "";
}

function recoveredOutcome(client: JiraClient, issue: JiraIssue): CreatedIssueOutcome {
  return {
    id: issue.id,
    key: issue.key,
    // The search bean's `self` is the issue's REST URL, as createIssue's is.
    self: issue.self ?? `${client.baseUrl}/rest/api/2/issue/${issue.id}`,
    recovered: true,
  };
}
