/**
 * Searching issues as the person types: waits for a pause in the typing before asking Jira, keeps
 * only the answer to the latest request (an older, slower answer never replaces a newer one), and
 * says how it went. A small external store (React reads it with useSyncExternalStore), so the timer
 * and the request live outside render and effects. The same rules as the user search of the field
 * editors (../field-editing/editors/user-search-runner.ts), for issues and with the switch "Hide
 * resolved issues" as part of the request.
 */
import type { IssueSummary } from "../../jira/issue-lookup";

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
export interface IssueSearchRunner {
  /** The request for the text typed now; `search` is asked after the pause (not for blank text). */
  type(request: IssueSearchRequest, search: IssueSearch): void;
  /** Forgets the request and any answer still on its way. */
  reset(): void;
  subscribe(listener: () => void): () => void;
  getState(): IssueSearchState;
}

/** Options of {@link createIssueSearchRunner}; the timer functions are injectable for tests. */
export interface IssueSearchRunnerOptions {
  delayMs?: number;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

const IDLE: IssueSearchState = { status: "idle" };

/** An {@link IssueSearchRunner} that waits {@link ISSUE_SEARCH_DELAY_MS} after the last keystroke. */
export function createIssueSearchRunner(options: IssueSearchRunnerOptions = {}): IssueSearchRunner {
  const delayMs = options.delayMs ?? ISSUE_SEARCH_DELAY_MS;
  const setTimer = options.setTimer ?? ((run, ms) => setTimeout(run, ms));
  const clearTimer =
    options.clearTimer ?? ((timer) => clearTimeout(timer as ReturnType<typeof setTimeout>));
  const listeners = new Set<() => void>();
  let state: IssueSearchState = IDLE;
  let timer: unknown;
  // Each request gets a number: an answer counts only while its number is the latest.
  let latest = 0;

  const set = (next: IssueSearchState) => {
    state = next;
    for (const listener of [...listeners]) listener();
  };
  const stopTimer = () => {
    if (timer !== undefined) clearTimer(timer);
    timer = undefined;
  };

  const run = async (ticket: number, request: IssueSearchRequest, search: IssueSearch) => {
    set({ status: "searching", request });
    try {
      const issues = await search(request);
      if (ticket === latest) set({ status: "found", request, issues });
    } catch (error) {
      if (ticket === latest) set({ status: "failed", request, error });
    }
  };

  return {
    type(typed, search) {
      stopTimer();
      const ticket = ++latest;
      const request = { text: typed.text.trim(), hideResolved: typed.hideResolved };
      if (request.text === "") {
        if (state !== IDLE) set(IDLE);
        return;
      }
      set({ status: "waiting", request });
      timer = setTimer(() => {
        timer = undefined;
        void run(ticket, request, search);
      }, delayMs);
    },
    reset() {
      stopTimer();
      latest += 1;
      if (state !== IDLE) set(IDLE);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getState: () => state,
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
