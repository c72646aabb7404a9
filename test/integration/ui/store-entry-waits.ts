/**
 * Waiting for a store entry (New issue, "Add to issue") to reach a state, for the integration
 * tests that drive the stores against the real simulator.
 */
import type { EntrySource } from "../../../src/ui/use-store-entry";

/** A store and the item whose entry a test watches. */
export interface WatchedEntry<Item extends { key: string }, Entry> {
  store: EntrySource<Item, Entry>;
  item: Item;
}

/** Resolves with the entry once `done` holds for it (checked on every change). */
export function entryWhen<Item extends { key: string }, Entry extends { submission: unknown }>(
  { store, item }: WatchedEntry<Item, Entry>,
  done: (entry: Entry) => boolean
): Promise<Entry> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const entry = store.get(item);
      if (!done(entry)) return;
      unsubscribe();
      clearTimeout(timer);
      resolve(entry);
    };
    const unsubscribe = store.subscribe(item.key, check);
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error(`Never reached; last: ${JSON.stringify(store.get(item).submission)}`));
    }, 30_000);
    check();
  });
}

/** Resolves with the entry once its delivery ended (delivered or failed). */
export function settled<
  Item extends { key: string },
  Entry extends { submission: { status: string } },
>(watched: WatchedEntry<Item, Entry>): Promise<Entry> {
  return entryWhen(watched, (entry) => ["delivered", "failed"].includes(entry.submission.status));
}
