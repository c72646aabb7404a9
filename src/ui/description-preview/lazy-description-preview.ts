/**
 * The description preview (the wiki renderer, DOMPurify and the view) as a chunk of its own,
 * loaded the first time someone switches the preview on: most descriptions are sent without
 * it, and DOMPurify has no place in the work views' chunk. Loaded like lazy-email-work.ts (a store
 * and a hook, not React.lazy, which would hold a shown fallback back for 300 ms).
 */
import { useEffect, useSyncExternalStore } from "react";
import type * as DescriptionPreviewExports from "./DescriptionPreview";

/** The loaded module of the preview. */
export type DescriptionPreviewModule = typeof DescriptionPreviewExports;

/** Where the chunk stands. */
export type DescriptionPreviewLoad =
  | { status: "idle" | "loading" }
  | { status: "loaded"; module: DescriptionPreviewModule }
  /** The chunk could not be downloaded (e.g. the add-in was updated on the server meanwhile). */
  | { status: "failed"; error: unknown };

let load: DescriptionPreviewLoad = { status: "idle" };
const listeners = new Set<() => void>();

function settle(next: DescriptionPreviewLoad): void {
  load = next;
  for (const listener of [...listeners]) listener();
}

/** Starts loading the chunk unless it is loaded or loading (a failed load is tried again). */
export function preloadDescriptionPreview(): void {
  if (load.status === "loading" || load.status === "loaded") return;
  settle({ status: "loading" });
  import(/* webpackChunkName: "description-preview" */ "./DescriptionPreview").then(
    (module) => settle({ status: "loaded", module }),
    (error: unknown) => {
      console.error("The description preview could not be loaded.", error);
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
 * The preview's chunk, re-rendering when it arrives or fails; starts loading it when `wanted`
 * (the preview is switched on) and it isn't loaded yet, or its last load failed.
 */
export function useDescriptionPreview(wanted: boolean): DescriptionPreviewLoad {
  const current = useSyncExternalStore(subscribe, snapshot, snapshot);
  useEffect(() => {
    if (wanted) preloadDescriptionPreview();
  }, [wanted]);
  return current;
}
