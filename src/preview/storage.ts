/**
 * The slice of the Web Storage API the preview persists through. Injected everywhere, so the logic runs
 * in Node tests with a Map-backed fake, and in the browser with `localStorage`.
 */
export type KeyValueStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;

/** An in-memory storage (tests; fallback when `localStorage` is unavailable). */
export function createMemoryStorage(
  initial: Readonly<Record<string, string>> = {}
): KeyValueStorage & {
  readonly entries: Map<string, string>;
} {
  const entries = new Map(Object.entries(initial));
  return {
    entries,
    getItem: (key) => entries.get(key) ?? null,
    setItem: (key, value) => {
      entries.set(key, String(value));
    },
    removeItem: (key) => {
      entries.delete(key);
    },
  };
}

/** `localStorage` when the browser lets the page use it (it throws in some privacy modes), else memory. */
export function browserStorage(): KeyValueStorage {
  try {
    const storage = window.localStorage;
    storage.getItem("outlookPreview.probe");
    return storage;
  } catch {
    console.warn("Outlook preview: localStorage is unavailable, state will not survive a reload.");
    return createMemoryStorage();
  }
}
