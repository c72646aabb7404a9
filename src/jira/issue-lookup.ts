/**
 * Finding the issue an email belongs to: issues by key or id (the keys found in an email, the ids
 * in Jira's notification Message-IDs), the user's recent issues, search as you type, and what a
 * comment on the chosen issue may be restricted to. Every list is of {@link IssueSummary}: key,
 * summary and status, enough to show and choose.
 *
 * Jira's pieces used: `GET search` with `validateQuery=warn` (keys that don't exist, such as
 * `UTF-8` or `COVID-19` taken from an email, become warnings instead of a 400 for the whole
 * lookup), the issue picker (`GET issue/picker`: "History Search" is the user's recently viewed
 * issues; both sections match key and summary prefixes as the user types), and JQL text search
 * (`text ~ "…"`, Lucene underneath: reserved characters are removed from what the user typed,
 * see {@link textSearchTerms}).
 */
import type { JiraClient } from "./create-jira-client";
import { parseIssueKey } from "./issue-key";
import { JiraHttpError } from "./jira-errors";
import type { IssuePickerResult, JiraIssue } from "./jira-types";

/** An issue as the finder lists it. */
export interface IssueSummary {
  id: string;
  key: string;
  summary: string;
  statusName: string;
  /** Jira's status category key; "unknown" when Jira sent none the add-in knows. */
  statusCategory: "new" | "indeterminate" | "done" | "unknown";
  /** true when the issue has a resolution. */
  resolved: boolean;
  projectKey: string;
  issueTypeId: string;
  issueTypeName: string;
}

/** One "Visible to" choice for a comment: a project role or one of the user's groups. */
export interface VisibilityChoice {
  type: "role" | "group";
  /** The role's or group's name, as Jira's comment `visibility.value` takes it. */
  value: string;
}

/** The fields an {@link IssueSummary} is made of. */
const SUMMARY_FIELDS = ["summary", "status", "resolution", "project", "issuetype"];
const DEFAULT_RECENT_LIMIT = 10;
const DEFAULT_SEARCH_LIMIT = 20;
const HISTORY_SECTION_ID = "hs";
const HISTORY_SECTION_LABEL = "History Search";
/** JQL that leaves resolved issues out (the picker's currentJQL and the text search). */
const UNRESOLVED_JQL = "resolution is EMPTY";

/**
 * The visible, existing issues among `refs`, in the order asked (keys first, then ids), each once.
 * One search (`key in (…) OR id in (…)`, `validateQuery=warn`): keys and ids that don't exist or
 * the user may not see are dropped, never an error. Keys are compared case-insensitively; an
 * issue moved to another project (Jira still finds it by its old key) comes after the others.
 */
export async function lookUpIssues(
  client: JiraClient,
  refs: { keys?: string[]; ids?: string[] }
): Promise<IssueSummary[]> {
  // Only keys are worth asking about (issue-key.ts): any case taken, written as Jira writes them.
  const keys = unique(
    (refs.keys ?? []).flatMap((key) => {
      const parsed = parseIssueKey(key);
      return parsed ? [parsed.key] : [];
    })
  );
  const ids = unique((refs.ids ?? []).map((id) => id.trim())).filter((id) => /^\d+$/.test(id));
  if (keys.length === 0 && ids.length === 0) return [];
  const clauses = [
    ...(keys.length > 0 ? [`key in (${keys.map(jqlString).join(", ")})`] : []),
    ...(ids.length > 0 ? [`id in (${ids.join(", ")})`] : []),
  ];
  const result = await client.search({
    jql: clauses.join(" OR "),
    fields: SUMMARY_FIELDS,
    maxResults: keys.length + ids.length,
    validateQuery: "warn",
  });
  const found = result.issues.map(issueSummary);
  const ordered = [
    ...keys.map((key) => found.find((issue) => issue.key.toUpperCase() === key)),
    ...ids.map((id) => found.find((issue) => issue.id === id)),
    ...found,
  ].filter((issue): issue is IssueSummary => issue !== undefined);
  return uniqueBy(ordered, (issue) => issue.id);
}

/**
 * The user's recently viewed issues (the issue picker's "History Search" section), most recent
 * first, with their status; resolved ones left out with `hideResolved`. At most `limit` (default 10).
 */
export async function recentIssues(
  client: JiraClient,
  options: { hideResolved: boolean; limit?: number }
): Promise<IssueSummary[]> {
  const picked = await client.issuePicker({ query: "" });
  const history = picked.sections.find(
    (section) => section.id === HISTORY_SECTION_ID || section.label === HISTORY_SECTION_LABEL
  );
  const keys = (history?.issues ?? []).map((issue) => issue.key);
  const issues = await lookUpIssues(client, { keys });
  return withoutResolved(issues, options.hideResolved).slice(
    0,
    options.limit ?? DEFAULT_RECENT_LIMIT
  );
}

/**
 * Issues for what the user typed. A whole key ("sup-2", any case) → just that issue, if visible
 * (whether resolved or not: the user asked for it by name). Otherwise the issue picker's matches
 * (history first), then JQL text search matches (`text ~ "…"`, most recently updated first),
 * each issue once, resolved ones left out with `hideResolved`, at most `limit` (default 20). A
 * text Jira can't search (a 400 for the JQL) leaves the picker's matches; other errors are thrown.
 */
export async function searchIssues(
  client: JiraClient,
  text: string,
  options: { hideResolved: boolean; limit?: number }
): Promise<IssueSummary[]> {
  const typed = text.trim();
  if (typed === "") return [];
  const typedKey = parseIssueKey(typed);
  if (typedKey) {
    return lookUpIssues(client, { keys: [typedKey.key] });
  }
  const limit = options.limit ?? DEFAULT_SEARCH_LIMIT;
  const [picked, textMatches] = await Promise.all([
    client.issuePicker({
      query: typed,
      ...(options.hideResolved ? { currentJQL: UNRESOLVED_JQL } : {}),
    }),
    textSearch(client, typed, options.hideResolved, limit),
  ]);
  const pickedKeys = pickerKeys(picked).slice(0, limit);
  const toLookUp = pickedKeys.filter((key) => !textMatches.some((issue) => issue.key === key));
  const lookedUp = await lookUpIssues(client, { keys: toLookUp });
  const fromPicker = pickedKeys
    .map(
      (key) =>
        lookedUp.find((issue) => issue.key === key) ??
        textMatches.find((issue) => issue.key === key)
    )
    .filter((issue): issue is IssueSummary => issue !== undefined);
  const merged = uniqueBy([...fromPicker, ...textMatches], (issue) => issue.id);
  return withoutResolved(merged, options.hideResolved).slice(0, limit);
}

/**
 * What a comment on an issue of `projectKey` may be restricted to: every project role ("Role:
 * Developers") and the user's groups ("Group: jira-developers"), each sorted by name. Jira lists
 * all roles to anyone who may browse the project, and refuses a comment restricted to a role or
 * group the user is not in with a JiraValidationError that names it.
 */
export async function commentVisibilityChoices(
  client: JiraClient,
  projectKey: string
): Promise<VisibilityChoice[]> {
  const [roles, groups] = await Promise.all([client.projectRoles(projectKey), client.myGroups()]);
  const byName = (a: string, b: string) => a.localeCompare(b);
  return [
    ...roles
      .map((role) => role.name)
      .sort(byName)
      .map((name): VisibilityChoice => ({ type: "role", value: name })),
    ...[...groups].sort(byName).map((name): VisibilityChoice => ({ type: "group", value: name })),
  ];
}

/** The file names of the issue's attachments (to make new names unique against them). */
export async function attachmentNamesOf(client: JiraClient, issueKey: string): Promise<string[]> {
  const issue = await client.getIssue(issueKey, ["attachment"]);
  const attachments = issue.fields.attachment;
  return Array.isArray(attachments)
    ? attachments
        .map((attachment: unknown) => (attachment as { filename?: unknown } | null)?.filename)
        .filter((name): name is string => typeof name === "string")
    : [];
}

/**
 * What the user typed, made safe for `text ~ "…"`: Lucene's special characters (Jira's list:
 * `+ - & | ! ( ) { } [ ] ^ ~ * ? \ :`, and `"` and `/`, which start phrases and regular
 * expressions) become spaces, since Jira's index drops them from the text anyway and unescaped
 * they make the search fail
 * (confluence.atlassian.com/jirasoftwareserver/search-syntax-for-text-fields-939938747.html);
 * lower case, so AND, OR and NOT are words, not operators. "" when nothing searchable is left.
 */
export function textSearchTerms(typed: string): string {
  return typed
    .replace(/[+\-&|!(){}[\]^~*?\\:"/]/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
}

/** A JQL string literal: in double quotes, with `\` and `"` escaped (JQL's escapes). */
export function jqlString(value: string): string {
  return `"${value.replace(/[\\"]/g, (char) => `\\${char}`)}"`;
}

/** The JQL of the text search for `typed`, or undefined when nothing searchable is left. */
export function textSearchJql(typed: string, hideResolved: boolean): string | undefined {
  const terms = textSearchTerms(typed);
  if (terms === "") return undefined;
  const unresolved = hideResolved ? ` AND ${UNRESOLVED_JQL}` : "";
  return `text ~ ${jqlString(terms)}${unresolved} ORDER BY updated DESC`;
}

/** The JQL text search's issues; [] when nothing is searchable or Jira refuses the JQL (400). */
async function textSearch(
  client: JiraClient,
  typed: string,
  hideResolved: boolean,
  limit: number
): Promise<IssueSummary[]> {
  const jql = textSearchJql(typed, hideResolved);
  if (jql === undefined) return [];
  try {
    const result = await client.search({ jql, fields: SUMMARY_FIELDS, maxResults: limit });
    return result.issues.map(issueSummary);
  } catch (error) {
    if (error instanceof JiraHttpError && error.status === 400) return [];
    throw error;
  }
}

/** The picker's suggested keys, section by section (History Search first, as Jira sends them). */
function pickerKeys(picked: IssuePickerResult): string[] {
  return unique(picked.sections.flatMap((section) => section.issues.map((issue) => issue.key)));
}

/** An issue read with {@link SUMMARY_FIELDS} as the finder lists it. */
export function issueSummary(issue: JiraIssue): IssueSummary {
  const fields = issue.fields ?? {};
  const status = fields.status as
    { name?: unknown; statusCategory?: { key?: unknown } | null } | null | undefined;
  const project = fields.project as { key?: unknown } | null | undefined;
  const issueType = fields.issuetype as { id?: unknown; name?: unknown } | null | undefined;
  const category = status?.statusCategory?.key;
  return {
    id: String(issue.id),
    key: issue.key,
    summary: typeof fields.summary === "string" ? fields.summary : "",
    statusName: typeof status?.name === "string" ? status.name : "",
    statusCategory:
      category === "new" || category === "indeterminate" || category === "done"
        ? category
        : "unknown",
    resolved: fields.resolution !== null && fields.resolution !== undefined,
    projectKey: typeof project?.key === "string" ? project.key : issue.key.replace(/-\d+$/, ""),
    issueTypeId: issueType?.id === undefined ? "" : String(issueType.id),
    issueTypeName: typeof issueType?.name === "string" ? issueType.name : "",
  };
}

function withoutResolved(issues: IssueSummary[], hideResolved: boolean): IssueSummary[] {
  return hideResolved ? issues.filter((issue) => !issue.resolved) : issues;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

function uniqueBy<T>(items: T[], keyOf: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = keyOf(item);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
