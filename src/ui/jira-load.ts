/**
 * One list the pane loads from Jira (projects, issue types, the fields of a create screen), as
 * plain state: which request it is for, and how that request went. No React here: the hook
 * (use-jira-load.ts) calls `sync` from an effect, and the rules run in Node tests.
 */
import { errorCode } from "./error-code";
import type { Unsubscribe } from "./ports";

/** How the current request went. */
export type JiraLoadState<T> =
  | { status: "idle" }
  | { status: "loading" }
  | { status: "loaded"; value: T }
  | { status: "failed"; error: unknown };

/** The state and the request it belongs to (null: nothing requested). */
export interface JiraLoadSnapshot<T> {
  key: string | null;
  state: JiraLoadState<T>;
}

/** One list loaded from Jira. */
export interface JiraLoad<T> {
  /** The same object until something changes (useSyncExternalStore needs that). */
  getSnapshot(): JiraLoadSnapshot<T>;
  /** `listener` runs after every change; returns the unsubscribe. */
  subscribe(listener: () => void): Unsubscribe;
  /**
   * Points the load at `key` (null: nothing to load) and calls `load` when that request should
   * start: once per key, and only while `enabled` (signed in). A load that started keeps going
   * when `enabled` turns false (the session ended: it waits in `withJira` and finishes after the
   * new sign-in). A load turned away with `sign_in_required` (signed out, or Cancel while it
   * waited) runs once more when `enabled` turns true again. Answers to an older key are dropped.
   * Calling it again with the same arguments does nothing, so it is safe to call after every render.
   * `peek`, when given, answers a new key at once from what is already kept (Jira's lists cached
   * in the pane): when it has a value, that is the answer and `load` is not called.
   */
  sync(
    key: string | null,
    enabled: boolean,
    load: () => Promise<T>,
    peek?: () => T | undefined
  ): void;
}

/** Loads the session handed back for want of a (matching) sign-in: worth one more try after the next. */
const TURNED_AWAY_CODES: ReadonlySet<string> = new Set([
  "sign_in_required",
  "other_user_signed_in",
]);

/**
 * A {@link JiraLoad}, with nothing requested yet or, given `first`, already at its first request
 * (loading, or answered from what was kept): a view then renders its first request's state in its
 * first render, and the first `sync` for that key changes nothing (no second render).
 */
export function createJiraLoad<T>(first?: JiraLoadSnapshot<T>): JiraLoad<T> {
  const listeners = new Set<() => void>();
  let snapshot: JiraLoadSnapshot<T> = first ?? { key: null, state: { status: "idle" } };
  // The request whose answer counts; bumped for every new request so older answers are dropped.
  let request = 0;
  // An answer given before any load counts as the load of its key.
  let started = snapshot.state.status === "loaded";
  // Counts the sign-ins seen (enabled turning true again); a load remembers the one it ran in.
  let signIns = 0;
  let enabledBefore: boolean | undefined;
  let startedInSignIn = 0;

  function set(next: JiraLoadSnapshot<T>): void {
    snapshot = next;
    for (const listener of [...listeners]) listener();
  }

  function start(key: string, load: () => Promise<T>): void {
    const current = ++request;
    started = true;
    startedInSignIn = signIns;
    if (snapshot.state.status !== "loading") set({ key, state: { status: "loading" } });
    let answer: Promise<T>;
    try {
      answer = load();
    } catch (error) {
      answer = Promise.reject(error);
    }
    answer.then(
      (value) => {
        if (current === request) set({ key, state: { status: "loaded", value } });
      },
      (error: unknown) => {
        if (current === request) set({ key, state: { status: "failed", error } });
      }
    );
  }

  // Signing in again is what the failure asked for: load again, once per sign-in (never a loop).
  function turnedAwayBeforeThisSignIn(): boolean {
    const { state } = snapshot;
    return (
      state.status === "failed" &&
      TURNED_AWAY_CODES.has(errorCode(state.error) ?? "") &&
      startedInSignIn < signIns
    );
  }

  return {
    getSnapshot: () => snapshot,

    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },

    sync(key, enabled, load, peek) {
      if (enabled && enabledBefore === false) signIns++;
      enabledBefore = enabled;
      const newKey = key !== snapshot.key;
      if (newKey) {
        request++; // Whatever still runs for the old key no longer counts.
        started = false;
      }
      if (key === null || !enabled) {
        if (newKey) set({ key, state: key === null ? { status: "idle" } : { status: "loading" } });
        return;
      }
      if (started && !turnedAwayBeforeThisSignIn()) return;
      const kept = peek?.();
      if (kept !== undefined) {
        started = true;
        startedInSignIn = signIns;
        set({ key, state: { status: "loaded", value: kept } });
        return;
      }
      if (newKey) set({ key, state: { status: "loading" } });
      start(key, load);
    },
  };
}
