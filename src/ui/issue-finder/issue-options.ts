/**
 * What the issue finder lists, as plain rules (no React, so they run in Node tests): the groups
 * "In this email", "Recent" and "Search results", each issue once, resolved recent issues and
 * search results hidden on request, a key typed in full narrowed to that one issue, and which issue
 * is chosen before the user picks.
 *
 * "Hide resolved issues" never hides the email's own issues: a reply to a resolved "[SUP-2] …" is
 * most likely about SUP-2 (to reopen it, or to add what was missing), and its status badge already
 * says it is resolved.
 */
import { parseIssueKey } from "../../jira/issue-key";
import type { IssueSummary } from "../../jira/issue-lookup";
import { filterChoices } from "../field-editing/editors/choices";

/**
 * The option groups, in the order they are shown. Ids, not words: the label is the active
 * language's (finder-texts.ts issueGroupLabel), found by its English one in the e2e tests.
 */
export const IN_THIS_EMAIL = "inEmail";
export const RECENT = "recent";
export const SEARCH_RESULTS = "searchResults";

export type IssueGroupId = typeof IN_THIS_EMAIL | typeof RECENT | typeof SEARCH_RESULTS;

/** One group of options. */
export interface IssueGroup {
  id: IssueGroupId;
  issues: IssueSummary[];
}

/** What the finder knows so far (undefined: not loaded, loading or failed). */
export interface IssueLists {
  inEmail?: readonly IssueSummary[];
  recent?: readonly IssueSummary[];
  /** The answer to the search for `query` (only when it is the answer to the current text). */
  searchResults?: readonly IssueSummary[];
}

/** An option's text: the key, then the summary ("SUP-2 VPN drops every hour"). */
export function issueOptionText(issue: Pick<IssueSummary, "key" | "summary">): string {
  return issue.summary ? `${issue.key} ${issue.summary}` : issue.key;
}

/**
 * The issue key `text` is exactly, in any case, spaces around it forgiven ("sup-2 " → "SUP-2"),
 * else undefined (the rules are issue-key.ts's).
 */
export function fullIssueKey(text: string): string | undefined {
  return parseIssueKey(text)?.key;
}

/** The issues left when resolved ones are hidden (all of them otherwise). */
export function shownIssues(
  issues: readonly IssueSummary[],
  hideResolved: boolean
): IssueSummary[] {
  return hideResolved ? issues.filter((issue) => !issue.resolved) : [...issues];
}

/** The issue with `key` among everything the finder has loaded, the email's first. */
export function knownIssue(lists: IssueLists, key: string): IssueSummary | undefined {
  const wanted = key.toUpperCase();
  for (const list of [lists.inEmail, lists.recent, lists.searchResults]) {
    const found = list?.find((issue) => issue.key.toUpperCase() === wanted);
    if (found) return found;
  }
  return undefined;
}

/**
 * The groups to show for the text typed (`query`, "" when none), non-empty ones only, each issue in
 * the first group that has it. With text typed, "In this email" and "Recent" keep the issues whose
 * key and summary hold every typed word, and "Search results" follow (Jira matched them, perhaps on
 * their description, so they are not filtered again). `hideResolved` leaves resolved issues out of
 * "Recent" and "Search results", never out of "In this email". A key typed in full shows that issue
 * alone, resolved or not: naming it is an explicit choice.
 */
export function issueGroups(lists: IssueLists, query: string, hideResolved: boolean): IssueGroup[] {
  const exactKey = fullIssueKey(query);
  if (exactKey) return exactKeyGroup(lists, exactKey);
  const typed = query.trim();
  const seen = new Set<string>();
  const groups: IssueGroup[] = [];
  const add = (id: IssueGroupId, issues: readonly IssueSummary[] | undefined, hide: boolean) => {
    const fresh = shownIssues(issues ?? [], hide).filter((issue) => {
      if (seen.has(issue.key)) return false;
      seen.add(issue.key);
      return true;
    });
    if (fresh.length > 0) groups.push({ id, issues: fresh });
  };
  add(IN_THIS_EMAIL, typed ? matching(lists.inEmail, typed) : lists.inEmail, false);
  add(RECENT, typed ? matching(lists.recent, typed) : lists.recent, hideResolved);
  if (typed) add(SEARCH_RESULTS, lists.searchResults, hideResolved);
  return groups;
}

function exactKeyGroup(lists: IssueLists, key: string): IssueGroup[] {
  const inEmail = lists.inEmail?.find((issue) => issue.key === key);
  if (inEmail) return [{ id: IN_THIS_EMAIL, issues: [inEmail] }];
  const recent = lists.recent?.find((issue) => issue.key === key);
  if (recent) return [{ id: RECENT, issues: [recent] }];
  const found = lists.searchResults?.find((issue) => issue.key === key);
  return found ? [{ id: SEARCH_RESULTS, issues: [found] }] : [];
}

function matching(issues: readonly IssueSummary[] | undefined, query: string): IssueSummary[] {
  if (!issues) return [];
  const texts = issues.map((issue) => ({ issue, text: issueOptionText(issue) }));
  return filterChoices(texts, query).map(({ issue }) => issue);
}

/** What decides the issue chosen before the user picks one. */
export interface PreselectionInput {
  /** The issues found in the email, best first; undefined until looked up. */
  inEmail: readonly IssueSummary[] | undefined;
  selected: IssueSummary | undefined;
  /** An issue asked for by name ("Add as comment" on a linked issue) wins over any suggestion. */
  initialKey: string | undefined;
  /** The user picked (or the finder already preselected) once: never overrule that. */
  settled: boolean;
}

/**
 * The email's best issue (the first under "In this email", resolved or not), to choose while
 * nothing else is; else undefined.
 */
export function preselection(input: PreselectionInput): IssueSummary | undefined {
  if (input.settled || input.selected || input.initialKey || !input.inEmail) return undefined;
  return input.inEmail[0];
}
