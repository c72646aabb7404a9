/**
 * The issue finder's words for what is going on: the line an empty list shows, the status line
 * (loading, searching) read out to screen readers, and the groups' labels. Plain functions, tested
 * in Node; the words are the active language's (src/i18n/locales/<lang>/finder.json).
 */
import { t } from "../../i18n/translate";
import type { JiraLoadState } from "../jira-load";
import { fullIssueKey } from "./issue-options";
import type { IssueGroupId } from "./issue-options";
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
    if (progress.search === "waiting" || progress.search === "searching") {
      return t("finder.searching");
    }
    if (progress.search === "failed") return t("finder.searchFailedLine");
    const key = fullIssueKey(typed);
    return key
      ? t("finder.noVisibleIssueWithKey", { issueKey: key })
      : t("finder.noMatchingIssues");
  }
  if (busy(progress.inEmail) || busy(progress.recent)) return t("finder.loadingSuggestions");
  return t("finder.noSuggestions");
}

/** What the finder is busy with, most useful first; "" when idle. */
export function finderBusyText(progress: FinderProgress): string {
  if (progress.inEmail === "loading") return t("finder.lookingInEmail");
  if (progress.search === "waiting" || progress.search === "searching") {
    return t("finder.searchingIssues");
  }
  if (progress.recent === "loading") return t("finder.loadingRecent");
  return "";
}

const GROUP_LABEL_KEYS = {
  inEmail: "finder.groupInEmail",
  recent: "finder.groupRecent",
  searchResults: "finder.groupSearchResults",
} as const satisfies Record<IssueGroupId, string>;

/** A group's label: "In this email", "Recent", "Search results" (the e2e tests find them so). */
export function issueGroupLabel(id: IssueGroupId): string {
  return t(GROUP_LABEL_KEYS[id]);
}
