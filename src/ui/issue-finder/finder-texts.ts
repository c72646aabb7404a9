/**
 * The issue finder's words for what is going on: the line an empty list shows, and the status line
 * (loading, searching) read out to screen readers. Plain functions, tested in Node.
 */
import type { JiraLoadState } from "../jira-load";
import { fullIssueKey } from "./issue-options";
import type { IssueSearchState } from "./issue-search-runner";

/** How the finder's loads stand. */
export interface FinderProgress {
  /** The text typed, "" when none. */
  query: string;
  inEmail: JiraLoadState<unknown>["status"];
  recent: JiraLoadState<unknown>["status"];
  search: IssueSearchState["status"];
}

const busy = (status: string) => status === "loading" || status === "idle";

/** The disabled line of a list with no issue in it. */
export function emptyListText(progress: FinderProgress): string {
  const typed = progress.query.trim();
  if (typed) {
    if (progress.search === "waiting" || progress.search === "searching") return "Searching…";
    if (progress.search === "failed") return "The search failed";
    const key = fullIssueKey(typed);
    return key ? `No issue ${key} that you can see` : "No matching issues";
  }
  if (busy(progress.inEmail) || busy(progress.recent)) return "Loading suggestions…";
  return "No suggestions: type a key or words of the summary";
}

/** What the finder is busy with, most useful first; "" when idle. */
export function finderBusyText(progress: FinderProgress): string {
  if (progress.inEmail === "loading") return "Looking for the issues this email names…";
  if (progress.search === "waiting" || progress.search === "searching") {
    return "Searching issues…";
  }
  if (progress.recent === "loading") return "Loading your recent issues…";
  return "";
}
