/**
 * The work views of the open email (email-work.tsx: the tabs, both forms, the linked issues) as a
 * chunk of their own. They carry most of the pane's code (Fluent's comboboxes, accordions, progress
 * bars, the field editors), and nobody needs them before Jira is connected: the sign-in card and
 * the email card paint without them (the first-paint budget is in docs/performance.md). The pane
 * starts loading them at once (src/taskpane/index.tsx), so they are usually in before Office is.
 *
 * Not React.lazy + Suspense: React holds back content that replaces a shown Suspense fallback for
 * up to 300 ms (its fallback throttle), which made the connected pane wait that long for its form
 * even when the chunk was long there. A hook that renders the views as soon as the module is in
 * has no such wait.
 */
import { useEffect, useSyncExternalStore } from "react";
import type * as EmailWorkExports from "./email-work";

/** The loaded module of the work views. */
export type EmailWorkModule = typeof EmailWorkExports;

/** Where the chunk stands. */
export type EmailWorkLoad =
  | { status: "idle" | "loading" }
  | { status: "loaded"; module: EmailWorkModule }
  /** The chunk could not be downloaded (e.g. the network dropped): the pane offers a reload. */
  | { status: "failed"; error: unknown };

let load: EmailWorkLoad = { status: "idle" };
const listeners = new Set<() => void>();

function settle(next: EmailWorkLoad): void {
  load = next;
  for (const listener of [...listeners]) listener();
}

/** Starts loading the chunk unless it is loaded or loading (a failed load is tried again). */
export function preloadEmailWork(): void {
  if (load.status === "loading" || load.status === "loaded") return;
  settle({ status: "loading" });
  import(/* webpackChunkName: "email-work" */ "./email-work").then(
    (module) => settle({ status: "loaded", module }),
    (error: unknown) => {
      console.error("The pane's work views could not be loaded.", error);
      settle({ status: "failed", error });
    }
  );
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const snapshot = () => load;

/**
 * The work views' chunk, re-rendering when it arrives or fails; starts loading it when `wanted`
 * (the pane is connected) and it isn't loaded yet.
 */
export function useEmailWork(wanted: boolean): EmailWorkLoad {
  const current = useSyncExternalStore(subscribe, snapshot, snapshot);
  useEffect(() => {
    if (wanted) preloadEmailWork();
  }, [wanted]);
  return current;
}
