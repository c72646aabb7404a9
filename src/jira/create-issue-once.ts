/**
 * Creating an issue without ever creating it twice. `POST /rest/api/2/issue` is not idempotent,
 * and an answer can be lost after Jira stored the issue (a gateway's 502/504 on a slow create, the
 * connection dropping, a proxy mangling the body). The transport rightly never retries such a POST;
 * this module decides what to do next: look in Jira for the issue the attempt may have created,
 * and only POST when none is there and the last attempt is known to have created nothing.
 *
 * Jira has no idempotency key on create. With an `attemptId`, the create carries a marker: the
 * issue property {@link EMAIL_PROPERTY_KEY} holding an EmailReference with that attempt's id, sent
 * in the same POST (so it exists the moment the issue does). "The issue this attempt created" is
 * then one the current user created recently, in the same project with the same issue type and
 * summary, whose property names this attemptId; one whose property names other attempts is
 * someone else's, and one without the property is judged by its content, as below. Without an attemptId, "the same issue" means: created by the current user in the last 15
 * minutes, same project, issue type, summary and description.
 */
import type { JiraClient } from "./create-jira-client";
import { EMAIL_PROPERTY_KEY } from "./email-reference";
import { JiraHttpError, JiraNetworkError, OAuthProblem } from "./jira-errors";
import type { EntityProperty, IssueFields, JiraIssue } from "./jira-types";

/** The fields of the draft that make an issue, as the create form holds them. */
export interface IssueDraftFields {
  projectKey: string;
  issueTypeId: string;
  summary: string;
  /** Wiki markup; "" for none (then no description is sent). */
  description: string;
  /**
   * The other fields of the create screen, as Jira's JSON (`{ priority: { id: "2" }, labels: [...] }`),
   * merged into the POST's `fields`; project, issue type, summary and description above win.
   */
  fields?: IssueFields;
  /** Issue properties stored by the create itself (IssueUpdateBean `properties`). */
  properties?: EntityProperty[];
  /**
   * The pane's random id of this create attempt (a UUID, the same on every retry of it). When set,
   * `properties` must hold {@link EMAIL_PROPERTY_KEY} with an EmailReference of kind "created" and
   * this attemptId (build it with `mergeEmailProperty(undefined, emailReference(message,
   * "created", attemptId, now))`): that is the marker an uncertain failure's lookup goes by.
   */
  attemptId?: string;
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

/** A draft with an attemptId whose properties don't carry the marker (a bug in the caller). */
export class AttemptMarkerMissingError extends Error {
  override readonly name = "AttemptMarkerMissingError";
  readonly code = "attempt_marker_missing";

  constructor(attemptId: string) {
    super(
      `The draft's attemptId "${attemptId}" is not in its properties: add the property ` +
        `"${EMAIL_PROPERTY_KEY}" with an EmailReference of kind "created" and that attemptId ` +
        '(mergeEmailProperty(undefined, emailReference(message, "created", attemptId, now))), ' +
        "or leave attemptId out."
    );
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
 * With `draft.attemptId`, an issue found by the search counts only when its
 * {@link EMAIL_PROPERTY_KEY} property names this attemptId (one property read per candidate with
 * the draft's project, issue type and summary); a draft whose properties lack that marker is
 * refused up front with {@link AttemptMarkerMissingError}. Without it (limit): an identical issue
 * the same user created in the searched window is taken for this one.
 */
export async function createIssueOnce(
  client: JiraClient,
  draft: IssueDraftFields,
  options: CreateIssueOnceOptions = {}
): Promise<CreatedIssueOutcome> {
  if (draft.attemptId !== undefined && !carriesMarker(draft.properties, draft.attemptId)) {
    throw new AttemptMarkerMissingError(draft.attemptId);
  }
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
    const created = await client.createIssue(
      issueFields(draft),
      draft.properties && draft.properties.length > 0 ? { properties: draft.properties } : undefined
    );
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

/** The `fields` of the POST: the draft's other fields, then its own four on top. */
function issueFields(draft: IssueDraftFields): IssueFields {
  const fields: IssueFields = {
    ...draft.fields,
    project: { key: draft.projectKey },
    issuetype: { id: draft.issueTypeId },
    summary: draft.summary,
  };
  // Jira stores "" and an absent description alike (null): sending nothing is the plain form.
  if (normalizeDescription(draft.description) !== "") {
    fields.description = draft.description;
  } else {
    delete fields.description;
  }
  return fields;
}

/** True when `properties` hold the email property with a "created" reference of `attemptId`. */
function carriesMarker(properties: EntityProperty[] | undefined, attemptId: string): boolean {
  const property = properties?.find((candidate) => candidate.key === EMAIL_PROPERTY_KEY);
  return property !== undefined && namesAttempt(property.value, attemptId);
}

/**
 * True when an email property value (anything Jira returns: another app may have written it)
 * lists a reference of kind "created" with exactly `attemptId`.
 */
function namesAttempt(value: unknown, attemptId: string): boolean {
  const emails = (value as { emails?: unknown } | null | undefined)?.emails;
  return (
    Array.isArray(emails) &&
    emails.some(
      (entry: unknown) =>
        typeof entry === "object" &&
        entry !== null &&
        (entry as { attemptId?: unknown }).attemptId === attemptId &&
        (entry as { kind?: unknown }).kind === "created"
    )
  );
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
 * clock skew doesn't matter. With an attemptId, a candidate (same project, type and summary) is
 * confirmed by reading its email property, newest first: one naming other attempts only is not
 * this attempt's. One without the property at all (404) is judged by its content, as without an
 * attemptId: a Jira that ignored `properties` on the create would otherwise never recognise its
 * own issue, and every retry would create another. Other read errors end the lookup (thrown).
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
  const { attemptId } = draft;
  if (attemptId === undefined) {
    return result.issues.find(
      (issue) => sameIssueHead(issue, draft) && sameDescription(issue, draft)
    );
  }
  for (const candidate of result.issues.filter((issue) => sameIssueHead(issue, draft))) {
    const marker = await markerInJira(client, candidate, attemptId);
    if (marker === "this_attempt") return candidate;
    if (marker === "absent" && sameDescription(candidate, draft)) return candidate;
  }
  return undefined;
}

/** What the candidate's email property says about `attemptId`. */
async function markerInJira(
  client: JiraClient,
  issue: JiraIssue,
  attemptId: string
): Promise<"this_attempt" | "other_attempts" | "absent"> {
  try {
    const property = await client.getIssueProperty(issue.key, EMAIL_PROPERTY_KEY);
    return namesAttempt(property.value, attemptId) ? "this_attempt" : "other_attempts";
  } catch (error) {
    if (error instanceof JiraHttpError && error.code === "http_404") return "absent";
    throw error;
  }
}

/**
 * Same project, issue type and summary. The summary is compared exactly but for surrounding
 * whitespace, which Jira may trim on create.
 */
function sameIssueHead(issue: JiraIssue, draft: IssueDraftFields): boolean {
  const fields = issue.fields ?? {};
  const project = fields.project as { key?: unknown } | null | undefined;
  const issueType = fields.issuetype as { id?: unknown } | null | undefined;
  return (
    project?.key === draft.projectKey &&
    String(issueType?.id) === draft.issueTypeId &&
    typeof fields.summary === "string" &&
    fields.summary.trim() === draft.summary.trim()
  );
}

/** Same description, as normalizeDescription says. */
function sameDescription(issue: JiraIssue, draft: IssueDraftFields): boolean {
  return (
    normalizeDescription(issue.fields?.description) === normalizeDescription(draft.description)
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
