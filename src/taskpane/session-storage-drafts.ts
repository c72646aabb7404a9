/**
 * The pane's DraftStore over Web Storage (sessionStorage: it survives a reload of the pane, not
 * the closing of it, and is never shared with other tabs or users). Storage can fail (quota,
 * storage disabled, a damaged entry): that is logged and the pane goes on, because the draft also
 * lives in React state; only a reload would lose it.
 */
import type { DraftStore } from "../ui/ports";

/** The part of Web Storage the drafts use. */
export type DraftStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;

/** Keeps the drafts apart from other keys of the origin (the preview page shares it). */
export const DRAFT_KEY_PREFIX = "jira-for-outlook.draft:";

/** Options of {@link createSessionStorageDrafts}. */
export interface SessionStorageDraftsOptions {
  /** Where failures are reported. Default: console.warn. */
  warn?: (message: string, error: unknown) => void;
}

/** A DraftStore keeping each draft as JSON in `storage`; null (storage unavailable) keeps nothing. */
export function createSessionStorageDrafts(
  storage: DraftStorage | null,
  options: SessionStorageDraftsOptions = {}
): DraftStore {
  const warn = options.warn ?? ((message, error) => console.warn(message, error));
  return {
    load(key) {
      if (!storage) return undefined;
      try {
        const text = storage.getItem(DRAFT_KEY_PREFIX + key);
        return text === null ? undefined : (JSON.parse(text) as unknown);
      } catch (error) {
        warn(`The saved draft "${key}" could not be read; starting a new one.`, error);
        return undefined;
      }
    },
    save(key, value) {
      if (!storage) return;
      try {
        storage.setItem(DRAFT_KEY_PREFIX + key, JSON.stringify(value));
      } catch (error) {
        // QuotaExceededError, mostly: the draft stays on screen, only a reload would lose it.
        warn(`The draft "${key}" could not be saved in the pane's storage.`, error);
      }
    },
    remove(key) {
      if (!storage) return;
      try {
        storage.removeItem(DRAFT_KEY_PREFIX + key);
      } catch (error) {
        warn(`The draft "${key}" could not be removed from the pane's storage.`, error);
      }
    },
  };
}
