import { useEffect, useEffectEvent, useState, useSyncExternalStore } from "react";
import { createJiraLoad } from "./jira-load";
import type { JiraLoadState } from "./jira-load";

/** A list being loaded from Jira, and the way to load it again. */
export type JiraLoadResult<T> = JiraLoadState<T> & { retry(): void };

/**
 * Loads something from Jira once per `key` (null: nothing to load), starting only while
 * `enabled`; the rules are {@link createJiraLoad}'s. `retry` loads the same key again.
 */
export function useJiraLoad<T>(
  key: string | null,
  enabled: boolean,
  load: () => Promise<T>
): JiraLoadResult<T> {
  const [loader] = useState(() => createJiraLoad<T>());
  const [attempt, setAttempt] = useState(0);
  const requestKey = key === null ? null : `${key}#${attempt}`;
  const snapshot = useSyncExternalStore(loader.subscribe, loader.getSnapshot, loader.getSnapshot);
  const runLoad = useEffectEvent(load);

  useEffect(() => {
    loader.sync(requestKey, enabled, () => runLoad());
  }, [loader, requestKey, enabled]);

  const retry = () => setAttempt((previous) => previous + 1);
  // Until the effect has pointed the loader at a new key, the answer shown must not be the old key's.
  if (snapshot.key === requestKey) return { ...snapshot.state, retry };
  return requestKey === null ? { status: "idle", retry } : { status: "loading", retry };
}
