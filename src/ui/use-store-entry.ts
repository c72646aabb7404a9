import { useCallback, useSyncExternalStore } from "react";
import type { Unsubscribe } from "./ports";

/** A store of per-email entries, as the New issue and "Add to issue" stores are. */
export interface EntrySource<Item extends { key: string }, Entry> {
  /** The entry of `item`: the same object until it changes. */
  get(item: Item): Entry;
  /** `listener` runs after every change of the entry under `key`; returns the unsubscribe. */
  subscribe(key: string, listener: () => void): Unsubscribe;
}

/**
 * The entry of `item` in `store`, re-rendering on its changes. The entry outlives the form that
 * shows it: what runs for an email lands on that email while another one is shown.
 */
export function useStoreEntry<Item extends { key: string }, Entry>(
  store: EntrySource<Item, Entry>,
  item: Item
): Entry {
  const subscribe = useCallback(
    (listener: () => void) => store.subscribe(item.key, listener),
    [store, item.key]
  );
  const getSnapshot = useCallback(() => store.get(item), [store, item]);
  return useSyncExternalStore(subscribe, getSnapshot, getSnapshot);
}
