/**
 * `Office.context.roamingSettings` (learn.microsoft.com/javascript/api/outlook/office.roamingsettings):
 * per add-in and per user, loaded when the add-in starts, changed in memory by `set`/`remove`, written
 * only by `saveAsync`, and limited to 32 KB in total (Outlook rejects a larger save; nothing is written).
 * Outlook keeps them in the mailbox; the preview keeps them in one storage key. Two stand-ins over
 * the same key are two Outlook clients of one mailbox: neither sees the other's saves until it is
 * created again (Outlook loads the settings once, when the add-in starts), and the last save wins.
 */
import type { KeyValueStorage } from "../storage";
import { parseAsyncArgs } from "./async-result";
import type { Schedule } from "./async-result";
import { OfficeErrors } from "./errors";
import { createPersistedPropertyBag } from "./persisted-property-bag";

export const ROAMING_SETTINGS_STORAGE_KEY = "outlookPreview.roamingSettings";

/** 32 KB, counted as office.js counts them ({@link officeSettingsLength}). */
export const ROAMING_SETTINGS_MAX_CHARS = 32 * 1024;

export interface RoamingSettingsStandIn {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  remove(name: string): void;
  saveAsync(...args: unknown[]): void;
  /**
   * Every setting held now: office.js's Settings object has this method too (not documented;
   * office-js src/api/Settings.ts), and the add-in reads it, where it exists, to weigh a save first.
   */
  getSettingsData(): Record<string, unknown>;
}

/**
 * The size Outlook checks before a save (office-js src/methods/saveSettingsRequest.ts): each value
 * serialized on its own, then the map of those texts serialized again, its length against 32 KB.
 * Quotes inside values count twice.
 */
export function officeSettingsLength(values: Readonly<Record<string, unknown>>): number {
  const serialized: Record<string, string> = {};
  for (const [name, value] of Object.entries(values)) {
    const text = JSON.stringify(value);
    if (text !== undefined) serialized[name] = text;
  }
  return JSON.stringify(serialized).length;
}

export interface RoamingSettingsOptions {
  readonly storage: KeyValueStorage;
  readonly schedule: Schedule;
  readonly storageKey?: string;
}

/** Loads the saved settings once (as Outlook does at add-in start) and returns the settings object. */
export function createRoamingSettings(options: RoamingSettingsOptions): RoamingSettingsStandIn {
  const bag = createPersistedPropertyBag({
    storage: options.storage,
    schedule: options.schedule,
    storageKey: options.storageKey ?? ROAMING_SETTINGS_STORAGE_KEY,
    maxChars: ROAMING_SETTINGS_MAX_CHARS,
    measure: officeSettingsLength,
    tooLargeError: OfficeErrors.roamingSettingsTooLarge,
  });
  return {
    get: bag.get,
    set: bag.set,
    remove: bag.remove,
    getSettingsData: bag.getAll,
    saveAsync(...args) {
      const { callback, asyncContext } = parseAsyncArgs<undefined>(args);
      bag.save(callback, asyncContext);
    },
  };
}
