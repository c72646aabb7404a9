/**
 * Searching users as the person types: waits for a pause in the typing before asking Jira, shows
 * only the answer to the latest query (an older, slower answer never replaces a newer one), and
 * says how it went. A small external store (React reads it with useSyncExternalStore), so the
 * timer and the request live outside render and effects.
 */
import type { UserChoice } from "../field-form-types";

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
export interface UserSearchRunner {
  /** The text typed now; `search` is asked after the pause (not for blank text). */
  type(query: string, search: (query: string) => Promise<UserChoice[]>): void;
  /** Forgets the query and any answer still on its way. */
  reset(): void;
  subscribe(listener: () => void): () => void;
  getState(): UserSearchState;
}

/** Options of {@link createUserSearchRunner}; the timer functions are injectable for tests. */
export interface UserSearchRunnerOptions {
  delayMs?: number;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

const IDLE: UserSearchState = { status: "idle" };

function failureText(error: unknown): string {
  const message = error instanceof Error ? error.message.trim() : "";
  return message ? `Couldn't search users: ${message}` : "Couldn't search users. Try typing again.";
}

/** A {@link UserSearchRunner} that waits {@link USER_SEARCH_DELAY_MS} after the last keystroke. */
export function createUserSearchRunner(options: UserSearchRunnerOptions = {}): UserSearchRunner {
  const delayMs = options.delayMs ?? USER_SEARCH_DELAY_MS;
  const setTimer = options.setTimer ?? ((run, ms) => setTimeout(run, ms));
  const clearTimer =
    options.clearTimer ?? ((timer) => clearTimeout(timer as ReturnType<typeof setTimeout>));
  const listeners = new Set<() => void>();
  let state: UserSearchState = IDLE;
  let timer: unknown;
  // Each query gets a number: an answer counts only while its number is the latest.
  let latest = 0;

  const set = (next: UserSearchState) => {
    state = next;
    for (const listener of [...listeners]) listener();
  };
  const stopTimer = () => {
    if (timer !== undefined) clearTimer(timer);
    timer = undefined;
  };

  const run = async (
    ticket: number,
    query: string,
    search: (query: string) => Promise<UserChoice[]>
  ) => {
    set({ status: "searching", query });
    try {
      const users = await search(query);
      if (ticket === latest) set({ status: "found", query, users });
    } catch (error) {
      if (ticket === latest) set({ status: "failed", query, message: failureText(error) });
    }
  };

  return {
    type(query, search) {
      stopTimer();
      const ticket = ++latest;
      const trimmed = query.trim();
      if (trimmed === "") {
        set(IDLE);
        return;
      }
      set({ status: "waiting", query: trimmed });
      timer = setTimer(() => {
        timer = undefined;
        void run(ticket, trimmed, search);
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
