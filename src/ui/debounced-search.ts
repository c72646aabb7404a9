/**
 * Searching as the person types: waits for a pause in the typing before asking Jira, keeps only
 * the answer to the latest query (an older, slower answer never replaces a newer one), and says
 * how it went. A small external store (React reads it with useSyncExternalStore), so the timer and
 * the request live outside render and effects. The issue finder
 * (issue-finder/issue-search-runner.ts) and the user pickers of the field editors
 * (field-editing/editors/user-search-runner.ts) each give it their own query and state shapes.
 */

/** The states a search goes through, in the shape its view reads. */
export interface SearchStates<Query, Answer, State> {
  /** Nothing typed. */
  idle: State;
  /** Typed; asking once typing pauses. */
  waiting(query: Query): State;
  searching(query: Query): State;
  found(query: Query, answer: Answer): State;
  failed(query: Query, error: unknown): State;
}

/** The timing of a search; the timer functions are injectable for tests. */
export interface SearchTiming {
  delayMs?: number;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

/** One search run per view. */
export interface DebouncedSearch<Query, Answer, State> {
  /** The query typed now (undefined: blank); `search` is asked after the pause. */
  type(query: Query | undefined, search: (query: Query) => Promise<Answer>): void;
  /** Forgets the query and any answer still on its way. */
  reset(): void;
  subscribe(listener: () => void): () => void;
  getState(): State;
}

/** A {@link DebouncedSearch} that waits `delayMs` (else `defaultDelayMs`) after the last keystroke. */
export function createDebouncedSearch<Query, Answer, State>(
  states: SearchStates<Query, Answer, State>,
  defaultDelayMs: number,
  timing: SearchTiming = {}
): DebouncedSearch<Query, Answer, State> {
  const delayMs = timing.delayMs ?? defaultDelayMs;
  const setTimer = timing.setTimer ?? ((run, ms) => setTimeout(run, ms));
  const clearTimer =
    timing.clearTimer ?? ((timer) => clearTimeout(timer as ReturnType<typeof setTimeout>));
  const listeners = new Set<() => void>();
  let state = states.idle;
  let timer: unknown;
  // Each query gets a number: an answer counts only while its number is the latest.
  let latest = 0;

  const set = (next: State) => {
    state = next;
    for (const listener of [...listeners]) listener();
  };
  const stopTimer = () => {
    if (timer !== undefined) clearTimer(timer);
    timer = undefined;
  };
  const toIdle = () => {
    if (state !== states.idle) set(states.idle);
  };

  const run = async (ticket: number, query: Query, search: (query: Query) => Promise<Answer>) => {
    set(states.searching(query));
    try {
      const answer = await search(query);
      if (ticket === latest) set(states.found(query, answer));
    } catch (error) {
      if (ticket === latest) set(states.failed(query, error));
    }
  };

  return {
    type(query, search) {
      stopTimer();
      const ticket = ++latest;
      if (query === undefined) {
        toIdle();
        return;
      }
      set(states.waiting(query));
      timer = setTimer(() => {
        timer = undefined;
        void run(ticket, query, search);
      }, delayMs);
    },
    reset() {
      stopTimer();
      latest += 1;
      toIdle();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getState: () => state,
  };
}
