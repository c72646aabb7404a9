/**
 * The mechanism shared by roaming settings and item custom properties: a name → JSON-value bag,
 * read from one storage key when created, changed in memory by set/remove, written only by save,
 * which refuses (and writes nothing) when the whole bag exceeds the host's limit. Two bags over
 * one storage key behave as two Outlook clients of one mailbox: each loaded the saved state when it
 * was created, and each save writes its whole copy, so the last save wins.
 */
import type { KeyValueStorage } from "../storage";
import { deliver, failed, succeeded } from "./async-result";
import type { AsyncCallback, Schedule } from "./async-result";
import { OfficeErrors } from "./errors";
import type { OfficeErrorInfo } from "./async-result";

export interface PropertyBagOptions {
  readonly storage: KeyValueStorage;
  readonly schedule: Schedule;
  readonly storageKey: string;
  /** Most characters the host accepts for the whole bag, as `measure` counts them. */
  readonly maxChars: number;
  /** How the host counts the bag's size. Default: the length of its JSON. */
  readonly measure?: (values: Readonly<Record<string, unknown>>) => number;
  /** The error a save over `maxChars` fails with. */
  readonly tooLargeError: OfficeErrorInfo;
}

export interface PersistedPropertyBag {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  remove(name: string): void;
  getAll(): Record<string, unknown>;
  /** Writes the bag, reporting through an Office-style callback. */
  save(callback: AsyncCallback<undefined> | undefined, asyncContext: unknown): void;
}

/** Creates the bag, loading what `storageKey` holds (unreadable data counts as an empty bag). */
export function createPersistedPropertyBag(options: PropertyBagOptions): PersistedPropertyBag {
  const values = new Map<string, unknown>(
    Object.entries(readSaved(options.storage, options.storageKey))
  );
  return {
    get: (name) => values.get(name),
    set(name, value) {
      values.set(String(name), value);
    },
    remove(name) {
      values.delete(String(name));
    },
    getAll: () => Object.fromEntries(values),
    save(callback, asyncContext) {
      const all = Object.fromEntries(values);
      const json = JSON.stringify(all);
      const size = options.measure ? options.measure(all) : json.length;
      if (size > options.maxChars) {
        deliver(options.schedule, callback, failed(options.tooLargeError, asyncContext));
        return;
      }
      try {
        options.storage.setItem(options.storageKey, json);
      } catch {
        deliver(
          options.schedule,
          callback,
          failed(OfficeErrors.genericSettingsError, asyncContext)
        );
        return;
      }
      deliver(options.schedule, callback, succeeded(undefined, asyncContext));
    },
  };
}

function readSaved(storage: KeyValueStorage, key: string): Record<string, unknown> {
  const saved = storage.getItem(key);
  if (saved === null) {
    return {};
  }
  try {
    const parsed: unknown = JSON.parse(saved);
    if (typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)) {
      return parsed as Record<string, unknown>;
    }
  } catch {
    // fall through: corrupt data behaves like an empty bag, as a fresh mailbox would.
  }
  console.warn(`Outlook preview: ignoring unreadable data in storage key "${key}".`);
  return {};
}
