/**
 * `Office.context.roamingSettings` (learn.microsoft.com/javascript/api/outlook/office.roamingsettings):
 * per add-in and per user, loaded when the add-in starts, changed in memory by `set`/`remove`, written
 * only by `saveAsync`, and limited to 32 KB in total (Outlook rejects a larger save; nothing is written).
 * Outlook keeps them in the mailbox; the preview keeps them in one storage key.
 */
import type { KeyValueStorage } from "../storage";
import { parseAsyncArgs } from "./async-result";
import type { Schedule } from "./async-result";
import { OfficeErrors } from "./errors";
import { createPersistedPropertyBag } from "./persisted-property-bag";

export const ROAMING_SETTINGS_STORAGE_KEY = "outlookPreview.roamingSettings";

/** 32 KB, counted in characters of the JSON of all settings. */
export const ROAMING_SETTINGS_MAX_CHARS = 32 * 1024;

export interface RoamingSettingsStandIn {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  remove(name: string): void;
  saveAsync(...args: unknown[]): void;
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
    tooLargeError: OfficeErrors.roamingSettingsTooLarge,
  });
  return {
    get: bag.get,
    set: bag.set,
    remove: bag.remove,
    saveAsync(...args) {
      const { callback, asyncContext } = parseAsyncArgs<undefined>(args);
      bag.save(callback, asyncContext);
    },
  };
}
