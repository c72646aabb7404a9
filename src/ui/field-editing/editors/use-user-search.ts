import { useEffect, useState, useSyncExternalStore } from "react";
import type { UserSearchRunner, UserSearchState } from "./user-search-runner";
import { createUserSearchRunner } from "./user-search-runner";

/** One editor's user search: its state (re-rendered on change) and the runner to type into. */
export function useUserSearch(): { state: UserSearchState; runner: UserSearchRunner } {
  const [runner] = useState(createUserSearchRunner);
  const state = useSyncExternalStore(runner.subscribe, runner.getState, runner.getState);
  // Unmounted (another issue type, the form closed): an answer on its way is dropped.
  useEffect(() => () => runner.reset(), [runner]);
  return { state, runner };
}
