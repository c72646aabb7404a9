/**
 * Searching users as the person types: waits for a pause in the typing before asking Jira, shows
 * only the answer to the latest query (an older, slower answer never replaces a newer one), and
 * says how it went. A small external store (React reads it with useSyncExternalStore), so the
 * timer and the request live outside render and effects (../../debounced-search.ts).
 */
import { createDebouncedSearch } from "../../debounced-search";
import type { DebouncedSearch, SearchStates, SearchTiming } from "../../debounced-search";
import type { UserChoice } from "../field-form-types";
import { t } from "../../../i18n/translate";
import { problemText } from "../../problem-text";

/** How long typing must pause before Jira is asked (ms). */
export const USER_SEARCH_DELAY_MS = 250;

/** What the search shows. */
export type UserSearchState =
  | { status: "idle" } // nothing typed
  | { status: "waiting"; query: string } // typed; asking once typing pauses
  | { status: "searching"; query: string }
  | { status: "found"; query: string; users: UserChoice[] }
  | { status: "failed"; query: string; message: string };

/** One search run per editor. */
export type UserSearchRunner = Omit<
  DebouncedSearch<string, UserChoice[], UserSearchState>,
  "type"
> & {
  /** The text typed now; `search` is asked after the pause (not for blank text). */
  type(query: string, search: (query: string) => Promise<UserChoice[]>): void;
};

/** Options of {@link createUserSearchRunner}; the timer functions are injectable for tests. */
export type UserSearchRunnerOptions = SearchTiming;

function failureText(error: unknown): string {
  const reason = error instanceof Error && error.message.trim() ? problemText(error).trim() : "";
  return reason ? t("fields.userSearchFailed", { reason }) : t("fields.userSearchFailedNoReason");
}

const USER_SEARCH_STATES: SearchStates<string, UserChoice[], UserSearchState> = {
  idle: { status: "idle" },
  waiting: (query) => ({ status: "waiting", query }),
  searching: (query) => ({ status: "searching", query }),
  found: (query, users) => ({ status: "found", query, users }),
  failed: (query, error) => ({ status: "failed", query, message: failureText(error) }),
};

/** A {@link UserSearchRunner} that waits {@link USER_SEARCH_DELAY_MS} after the last keystroke. */
export function createUserSearchRunner(options: UserSearchRunnerOptions = {}): UserSearchRunner {
  const search = createDebouncedSearch(USER_SEARCH_STATES, USER_SEARCH_DELAY_MS, options);
  return {
    ...search,
    type(query, ask) {
      const trimmed = query.trim();
      search.type(trimmed === "" ? undefined : trimmed, ask);
    },
  };
}
