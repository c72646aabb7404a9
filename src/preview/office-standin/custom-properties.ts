/**
 * Item custom properties (`item.loadCustomPropertiesAsync`, Mailbox 1.1;
 * learn.microsoft.com/javascript/api/outlook/office.customproperties): per item and per add-in,
 * changed in memory by `set`/`remove`, written by `saveAsync`; Outlook refuses more than 2,500
 * characters of JSON for all of an item's properties
 * (learn.microsoft.com/office/dev/add-ins/outlook/limits-for-activation-and-javascript-api-for-outlook-add-ins).
 *
 * Like office.js (outlook-web-16.01, saveCustomProperties), `saveAsync` checks the limit before
 * calling the host and THROWS a Sys.ArgumentOutOfRangeException; other failures (storage) arrive as
 * a failed AsyncResult. Adapters must handle both.
 */
import type { KeyValueStorage } from "../storage";
import type { AsyncCallback, Schedule } from "./async-result";
import { OfficeErrors, officeArgumentError } from "./errors";
import { createPersistedPropertyBag } from "./persisted-property-bag";

export const CUSTOM_PROPERTIES_STORAGE_PREFIX = "outlookPreview.customProperties.";
export const CUSTOM_PROPERTIES_MAX_CHARS = 2500;

export interface CustomPropertiesStandIn {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  remove(name: string): void;
  getAll(): Record<string, unknown>;
  /** `saveAsync(callback?, asyncContext?)`, Office's signature. */
  saveAsync(callback?: AsyncCallback<undefined>, asyncContext?: unknown): void;
}

export interface CustomPropertiesOptions {
  readonly storage: KeyValueStorage;
  readonly schedule: Schedule;
  readonly itemId: string;
}

/** Storage key of one item's properties. */
export function customPropertiesKey(itemId: string): string {
  return CUSTOM_PROPERTIES_STORAGE_PREFIX + itemId;
}

/** Reads an item's saved properties into a fresh CustomProperties object (what the load call returns). */
export function loadCustomProperties(options: CustomPropertiesOptions): CustomPropertiesStandIn {
  const bag = createPersistedPropertyBag({
    storage: options.storage,
    schedule: options.schedule,
    storageKey: customPropertiesKey(options.itemId),
    maxChars: CUSTOM_PROPERTIES_MAX_CHARS,
    tooLargeError: OfficeErrors.customPropertiesTooLarge,
  });
  return {
    get: bag.get,
    set: bag.set,
    remove: bag.remove,
    getAll: bag.getAll,
    saveAsync(callback, asyncContext) {
      if (JSON.stringify(bag.getAll()).length > CUSTOM_PROPERTIES_MAX_CHARS) {
        throw officeArgumentError(
          "ArgumentOutOfRangeException",
          "customProperties",
          "Specified argument was out of the range of valid values."
        );
      }
      bag.save(callback, asyncContext);
    },
  };
}
