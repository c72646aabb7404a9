import type { DraftStore } from "../../../src/ui/ports";

/**
 * A DraftStore in memory, a stand-in for the pane's localStorage drafts
 * (src/taskpane/local-storage-drafts.ts). `map` holds copies of what was saved
 * (as JSON in storage would), so a later change of a saved object can't alter the stored draft.
 */
export function memoryDrafts(
  entries: Record<string, unknown> = {}
): DraftStore & { readonly map: Map<string, unknown> } {
  const map = new Map<string, unknown>(Object.entries(entries));
  return {
    map,
    load: (key) => map.get(key),
    save: (key, value) => void map.set(key, structuredClone(value)),
    remove: (key) => void map.delete(key),
  };
}
