/**
 * Searching issues as the person types: waits for a pause in the typing before asking Jira, keeps
 * only the answer to the latest request (an older, slower answer never replaces a newer one), and
 * says how it went. A small external store (React reads it with useSyncExternalStore), so the timer
 * and the request live outside render and effects. The same rules as the user search of the field
 * editors (../field-editing/editors/user-search-runner.ts), for issues and with the switch "Hide
 * resolved issues" as part of the request (both run on ../debounced-search.ts).
 */
import type { IssueSummary } from "../../jira/issue-lookup";
import { createDebouncedSearch } from "../debounced-search";
import type { DebouncedSearch, SearchStates, SearchTiming } from "../debounced-search";

/** How long typing must pause before Jira is asked (ms). */
export const ISSUE_SEARCH_DELAY_MS = 250;

/** One search: the text typed (trimmed) and whether resolved issues are left out. */
export interface IssueSearchRequest {
  text: string;
  hideResolved: boolean;
}

/** What the search shows. */
export type IssueSearchState =
  | { status: "idle" } // nothing typed
  | { status: "waiting"; request: IssueSearchRequest } // typed; asking once typing pauses
  | { status: "searching"; request: IssueSearchRequest }
  | { status: "found"; request: IssueSearchRequest; issues: IssueSummary[] }
  | { status: "failed"; request: IssueSearchRequest; error: unknown };

/** Asks Jira; the runner calls it at most once per pause in the typing. */
export type IssueSearch = (request: IssueSearchRequest) => Promise<IssueSummary[]>;

/** One search run per finder. */
export type IssueSearchRunner = Omit<
  DebouncedSearch<IssueSearchRequest, IssueSummary[], IssueSearchState>,
  "type"
> & {
  /** The request for the text typed now; `search` is asked after the pause (not for blank text). */
  type(request: IssueSearchRequest, search: IssueSearch): void;
};

/** Options of {@link createIssueSearchRunner}; the timer functions are injectable for tests. */
export type IssueSearchRunnerOptions = SearchTiming;

const ISSUE_SEARCH_STATES: SearchStates<IssueSearchRequest, IssueSummary[], IssueSearchState> = {
  idle: { status: "idle" },
  waiting: (request) => ({ status: "waiting", request }),
  searching: (request) => ({ status: "searching", request }),
  found: (request, issues) => ({ status: "found", request, issues }),
  failed: (request, error) => ({ status: "failed", request, error }),
};

/** An {@link IssueSearchRunner} that waits {@link ISSUE_SEARCH_DELAY_MS} after the last keystroke. */
export function createIssueSearchRunner(options: IssueSearchRunnerOptions = {}): IssueSearchRunner {
  const search = createDebouncedSearch(ISSUE_SEARCH_STATES, ISSUE_SEARCH_DELAY_MS, options);
  return {
    ...search,
    type(typed, ask) {
      const request = { text: typed.text.trim(), hideResolved: typed.hideResolved };
      search.type(request.text === "" ? undefined : request, ask);
    },
  };
}

/** The issues found for exactly `request`, else undefined (still waiting, failed, or another's). */
export function searchResultsFor(
  state: IssueSearchState,
  request: IssueSearchRequest
): IssueSummary[] | undefined {
  if (state.status !== "found") return undefined;
  const same =
    state.request.text === request.text.trim() &&
    state.request.hideResolved === request.hideResolved;
  return same ? state.issues : undefined;
}
