/**
 * The pane's DraftStore over Web Storage: localStorage, because a draft must survive the closing
 * and reopening of the pane. Outlook's desktop clients (classic Windows, new Outlook, Mac) host the
 * pane in a web view whose sessionStorage goes with the pane: close it and sessionStorage is
 * gone, and what the user typed with it. localStorage lasts, so it is kept bounded: each draft is
 * stored with the time it was saved, drafts older than {@link MAX_DRAFT_AGE_MS} are dropped when
 * the pane starts, and past {@link MAX_DRAFTS} drafts or {@link MAX_TOTAL_CHARS} characters the
 * oldest go first. Drafts hold email text: they stay on this computer, in this add-in's origin only.
 *
 * Storage can fail (quota, storage disabled, a damaged entry): that is logged and the pane goes
 * on with the drafts in memory, which last as long as the pane.
 */
import type { DraftStore } from "../ui/ports";

/** The part of Web Storage the drafts use. */
export type DraftStorage = Pick<Storage, "getItem" | "setItem" | "removeItem" | "key" | "length">;

/** Keeps the drafts apart from other keys of the origin (the preview page shares it). */
export const DRAFT_KEY_PREFIX = "jira-for-outlook.draft:";
/** A week: long enough to come back to an email, short enough not to hoard email text. */
export const MAX_DRAFT_AGE_MS = 7 * 24 * 60 * 60 * 1000;
/** At most this many drafts are kept. */
export const MAX_DRAFTS = 50;
/** At most this many characters of drafts (about 2 MB of UTF-16, well inside the usual 5 MB quota). */
export const MAX_TOTAL_CHARS = 1_000_000;

/** Options of {@link createLocalStorageDrafts}. */
export interface LocalStorageDraftsOptions {
  /** Where failures are reported. Default: console.warn. */
  warn?: (message: string, error: unknown) => void;
  /** This computer's clock, ms since the epoch (tests). Default Date.now. */
  now?: () => number;
}

interface Stored {
  savedAt: number;
  value: unknown;
}

/**
 * A DraftStore keeping each draft as JSON `{savedAt, value}` in `storage`, expired ones dropped
 * now; null (storage unavailable) keeps the drafts in memory only.
 */
export function createLocalStorageDrafts(
  storage: DraftStorage | null,
  options: LocalStorageDraftsOptions = {}
): DraftStore {
  const warn = options.warn ?? ((message, error) => console.warn(message, error));
  const now = options.now ?? Date.now;
  // What this pane saved, also where storage refused it; the stored copy's size per key.
  const memory = new Map<string, Stored>();
  const index = new Map<string, { savedAt: number; chars: number }>();

  function attempt<T>(what: string, action: () => T): T | undefined {
    try {
      return action();
    } catch (error) {
      warn(what, error);
      return undefined;
    }
  }

  function drop(storageKey: string): void {
    index.delete(storageKey);
    attempt(`An old draft could not be removed from the pane's storage.`, () =>
      storage?.removeItem(storageKey)
    );
  }

  // On start: read what earlier panes left, dropping the expired and the unreadable.
  if (storage) {
    const keys = attempt("The pane's storage could not be read; drafts stay in memory.", () => {
      const found: string[] = [];
      for (let i = 0; i < storage.length; i++) {
        const key = storage.key(i);
        if (key?.startsWith(DRAFT_KEY_PREFIX)) found.push(key);
      }
      return found;
    });
    for (const storageKey of keys ?? []) {
      const text = attempt("A saved draft could not be read.", () => storage.getItem(storageKey));
      const stored = typeof text === "string" ? parseStored(text) : undefined;
      if (!stored || now() - stored.savedAt > MAX_DRAFT_AGE_MS) drop(storageKey);
      else index.set(storageKey, { savedAt: stored.savedAt, chars: text?.length ?? 0 });
    }
    enforceCap();
  }

  /** Drops the oldest drafts (never `keep`) until within the caps. */
  function enforceCap(keep?: string): void {
    const oldestFirst = [...index.entries()]
      .filter(([key]) => key !== keep)
      .sort((a, b) => a[1].savedAt - b[1].savedAt);
    let total = [...index.values()].reduce((sum, entry) => sum + entry.chars, 0);
    while (oldestFirst.length > 0 && (index.size > MAX_DRAFTS || total > MAX_TOTAL_CHARS)) {
      const [key, entry] = oldestFirst.shift() as [string, { chars: number }];
      total -= entry.chars;
      drop(key);
    }
  }

  /** Writes one draft; when storage is full, drops the older half of the others and tries again. */
  function write(key: string, storageKey: string, text: string): boolean {
    if (!storage) return false;
    try {
      storage.setItem(storageKey, text);
      return true;
    } catch (error) {
      if (!isQuotaError(error)) {
        warn(
          `The draft "${key}" could not be saved in the pane's storage; it is kept while the pane is open.`,
          error
        );
        return false;
      }
    }
    const others = [...index.entries()]
      .filter(([other]) => other !== storageKey)
      .sort((a, b) => a[1].savedAt - b[1].savedAt);
    for (const [other] of others.slice(0, Math.ceil(others.length / 2))) drop(other);
    try {
      storage.setItem(storageKey, text);
      return true;
    } catch (error) {
      warn(
        `The pane's storage is full: the draft "${key}" is kept only while the pane is open.`,
        error
      );
      return false;
    }
  }

  return {
    load(key) {
      const inMemory = memory.get(key);
      if (inMemory) return structuredClone(inMemory.value);
      const storageKey = DRAFT_KEY_PREFIX + key;
      if (!storage) return undefined;
      const text = attempt(`The saved draft "${key}" could not be read; starting a new one.`, () =>
        storage.getItem(storageKey)
      );
      const stored = typeof text === "string" ? parseStored(text) : undefined;
      if (typeof text === "string" && !stored) {
        warn(`The saved draft "${key}" is damaged; starting a new one.`, undefined);
      }
      return stored?.value;
    },

    save(key, value) {
      const stored: Stored = { savedAt: now(), value };
      const storageKey = DRAFT_KEY_PREFIX + key;
      let text: string;
      try {
        text = JSON.stringify(stored);
      } catch (error) {
        warn(`The draft "${key}" could not be saved.`, error);
        return;
      }
      memory.set(key, JSON.parse(text) as Stored);
      if (write(key, storageKey, text)) {
        index.set(storageKey, { savedAt: stored.savedAt, chars: text.length });
        enforceCap(storageKey);
      }
    },

    remove(key) {
      memory.delete(key);
      const storageKey = DRAFT_KEY_PREFIX + key;
      index.delete(storageKey);
      if (!storage) return;
      attempt(`The draft "${key}" could not be removed from the pane's storage.`, () =>
        storage.removeItem(storageKey)
      );
    },
  };
}

/** The "storage is full" DOMException, by its names across browsers (and code 22 of old ones). */
function isQuotaError(error: unknown): boolean {
  const { name, code } = (error ?? {}) as { name?: unknown; code?: unknown };
  return name === "QuotaExceededError" || name === "NS_ERROR_DOM_QUOTA_REACHED" || code === 22;
}

function parseStored(text: string): Stored | undefined {
  try {
    const parsed = JSON.parse(text) as unknown;
    if (typeof parsed !== "object" || parsed === null) return undefined;
    const { savedAt, value } = parsed as Record<string, unknown>;
    return typeof savedAt === "number" && Number.isFinite(savedAt) ? { savedAt, value } : undefined;
  } catch {
    return undefined;
  }
}
