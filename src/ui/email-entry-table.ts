/**
 * The per-email entries behind the New issue and the "Add to issue" stores: one entry per email,
 * read from the DraftStore the first time, listeners per email, and the rule of what is written
 * back. Only emails whose entry holds something of the user's (typed, sent, or stored before) are
 * "touched" and written to the DraftStore: an email merely looked at (its text converted, nothing
 * typed) leaves no email text on the computer and evicts no real draft. No React here.
 */
import type { DraftStore, Unsubscribe } from "./ports";

/** What identifies an email's entry: its DraftStore key, and whether it may be stored at all. */
export interface EntryItem {
  key: string;
  /** False when Outlook gave the email no id: its entry lives only in memory. */
  persistent: boolean;
}

/** Options of {@link createEmailEntryTable}. */
export interface EmailEntryTableOptions<Item extends EntryItem, Entry> {
  /** Where entries survive failures, sign-out and the closing of the pane. */
  drafts: DraftStore;
  /**
   * The first entry of `item`, from what the DraftStore holds for it (undefined when the item
   * isn't persistent). `stored` is true when that value gave a usable entry: it counts as touched.
   */
  initial(item: Item, storedValue: unknown): { entry: Entry; stored: boolean };
  /** The JSON value the DraftStore keeps for `entry`. */
  storedValueOf(entry: Entry): unknown;
}

/** The per-email entries of one store. */
export interface EmailEntryTable<Item extends EntryItem, Entry> {
  /** The entry of `item` (read the first time); the same object until it changes. */
  entryOf(item: Item): Entry;
  /**
   * Changes the entry, stores it (unless `persist` is false, or nothing of the user's is in it)
   * and tells its listeners. A change of the submission is the user's work too: it touches.
   */
  set(item: Item, changes: Partial<Entry>, persist?: boolean): void;
  /** Changes the entry under `key` if one was read, without storing it; nothing otherwise. */
  patchLoaded(key: string, change: (entry: Entry) => Entry | undefined): void;
  /** `listener` runs after every change of the entry under `key`; returns the unsubscribe. */
  subscribe(key: string, listener: () => void): Unsubscribe;
  /** Marks the entry under `key` as holding something of the user's (stored from now on). */
  touch(key: string): void;
  /** Nothing of the user's is left in `item`'s entry: drops its stored value until touched again. */
  forget(item: Item): void;
}

/** A store's per-email entries. */
export function createEmailEntryTable<Item extends EntryItem, Entry extends object>(
  options: EmailEntryTableOptions<Item, Entry>
): EmailEntryTable<Item, Entry> {
  const { drafts } = options;
  const entries = new Map<string, Entry>();
  const listeners = new Map<string, Set<() => void>>();
  const touched = new Set<string>();

  function notify(key: string): void {
    for (const listener of [...(listeners.get(key) ?? [])]) listener();
  }

  function entryOf(item: Item): Entry {
    let entry = entries.get(item.key);
    if (!entry) {
      const initial = options.initial(item, item.persistent ? drafts.load(item.key) : undefined);
      if (initial.stored) touched.add(item.key);
      entry = initial.entry;
      entries.set(item.key, entry);
    }
    return entry;
  }

  return {
    entryOf,

    set(item, changes, persist = true) {
      const entry = { ...entryOf(item), ...changes };
      entries.set(item.key, entry);
      if ("submission" in changes) touched.add(item.key);
      if (persist && item.persistent && touched.has(item.key)) {
        drafts.save(item.key, options.storedValueOf(entry));
      }
      notify(item.key);
    },

    patchLoaded(key, change) {
      const entry = entries.get(key);
      const changed = entry && change(entry);
      if (!changed) return;
      entries.set(key, changed);
      notify(key);
    },

    subscribe(key, listener) {
      let keyListeners = listeners.get(key);
      if (!keyListeners) listeners.set(key, (keyListeners = new Set()));
      keyListeners.add(listener);
      return () => {
        keyListeners.delete(listener);
        if (keyListeners.size === 0 && listeners.get(key) === keyListeners) listeners.delete(key);
      };
    },

    touch(key) {
      touched.add(key);
    },

    forget(item) {
      touched.delete(item.key);
      if (item.persistent) drafts.remove(item.key);
    },
  };
}
