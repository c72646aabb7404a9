import { useCallback, useSyncExternalStore } from "react";
import type { JiraSession, SessionState } from "./ports";

/**
 * The Jira session's current state, re-rendering on every change. `getState` returns the same
 * object until the state changes, as useSyncExternalStore requires.
 */
export function useSessionState(session: JiraSession): SessionState {
  const subscribe = useCallback((listener: () => void) => session.subscribe(listener), [session]);
  const getSnapshot = useCallback(() => session.getState(), [session]);
  return useSyncExternalStore(subscribe, getSnapshot, getSnapshot);
}
