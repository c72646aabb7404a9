import { useEffect, useEffectEvent, useState, useSyncExternalStore } from "react";
import { createJiraLoad } from "./jira-load";
import type { JiraLoadSnapshot, JiraLoadState } from "./jira-load";

/** A list being loaded from Jira, and the way to load it again. */
export type JiraLoadResult<T> = JiraLoadState<T> & { retry(): void };

/**
 * Loads something from Jira once per `key` (null: nothing to load), starting only while
 * `enabled`; the rules are {@link createJiraLoad}'s. `retry` loads the same key again.
 *
 * `peek` reads what the pane already keeps for a key (Jira's cached lists), without waiting: when
 * it has an answer, the view shows it from its first render on and nothing is loaded. That is
 * what makes a returning user's form usable in the pane's first render of it (docs/performance.md).
 */
export function useJiraLoad<T>(
  key: string | null,
  enabled: boolean,
  load: () => Promise<T>,
  peek?: () => T | undefined
): JiraLoadResult<T> {
  const [attempt, setAttempt] = useState(0);
  const requestKey = key === null ? null : `${key}#${attempt}`;
  const [loader] = useState(() => createJiraLoad<T>(firstSnapshot(requestKey, enabled, peek)));
  const snapshot = useSyncExternalStore(loader.subscribe, loader.getSnapshot, loader.getSnapshot);
  const runLoad = useEffectEvent(load);
  const runPeek = useEffectEvent(() => peek?.());

  useEffect(() => {
    loader.sync(requestKey, enabled, () => runLoad(), runPeek);
  }, [loader, requestKey, enabled]);

  const retry = () => setAttempt((previous) => previous + 1);
  // Until the effect has pointed the loader at a new key, the answer shown must not be the old key's.
  if (snapshot.key === requestKey) return { ...snapshot.state, retry };
  return requestKey === null ? { status: "idle", retry } : { status: "loading", retry };
}

/** The first request's state, known in the first render: idle, kept already, or loading. */
function firstSnapshot<T>(
  requestKey: string | null,
  enabled: boolean,
  peek: (() => T | undefined) | undefined
): JiraLoadSnapshot<T> {
  if (requestKey === null) return { key: null, state: { status: "idle" } };
  const kept = enabled ? peek?.() : undefined;
  return {
    key: requestKey,
    state: kept === undefined ? { status: "loading" } : { status: "loaded", value: kept },
  };
}
