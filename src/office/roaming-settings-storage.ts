import type { SettingsStorage } from "../session/session-ports";
import { withSettingsBudget } from "../session/settings-budget";
import { officeCall } from "./office-async";

/** Options of {@link createRoamingSettingsStorage}. */
export interface RoamingSettingsStorageOptions {
  /** The settings object; default `Office.context.roamingSettings`, read on every call (tests pass their own). */
  roamingSettings?: () => Office.RoamingSettings;
  /** Told what the 32 KB budget dropped to make room. */
  log?: (message: string) => void;
}

/**
 * The SettingsStorage over `Office.context.roamingSettings`
 * (learn.microsoft.com/javascript/api/outlook/office.roamingsettings): per add-in, per user, per
 * mailbox, loaded when the add-in starts. `set`/`remove` change Office's in-memory copy; only
 * `save` writes it to the mailbox.
 *
 * Saves are kept within Outlook's 32 KB before Outlook is asked (src/session/settings-budget.ts):
 * a save that can't fit rejects with a SettingsTooLargeError naming the largest entries. `save`
 * otherwise rejects with an OfficeError carrying Office's code: 9057 past the 32 KB limit (some
 * clients report it as 9019, the generic settings error, or throw synchronously: officeCall turns
 * the throw into a rejection too, so callers see one shape whatever the client does).
 */
export function createRoamingSettingsStorage(
  options: RoamingSettingsStorageOptions = {}
): SettingsStorage {
  // Read on every call rather than captured: the object exists only once Office is ready.
  const settings =
    options.roamingSettings ?? ((): Office.RoamingSettings => Office.context.roamingSettings);
  const office: SettingsStorage = {
    get(name) {
      // Outlook on the web answers null for a missing name, other clients undefined: one "absent".
      const value: unknown = settings().get(name);
      return value === null ? undefined : value;
    },
    set(name, value) {
      settings().set(name, value);
    },
    remove(name) {
      settings().remove(name);
    },
    save() {
      return officeCall<void>((callback) => settings().saveAsync(callback));
    },
  };
  return withSettingsBudget(office, {
    allEntries: () => settingsData(settings()),
    ...(options.log ? { log: options.log } : {}),
  });
}

/**
 * Every setting Outlook holds now, where its object can tell: office.js's Settings class keeps them
 * in `getSettingsData()` (office-js src/api/Settings.ts; the name survives minification as a
 * prototype method in every Outlook build of office.js). Not documented, so only trusted when it
 * answers a plain object; otherwise undefined, and the budget weighs the entries it has seen.
 */
function settingsData(settings: Office.RoamingSettings): Record<string, unknown> | undefined {
  const reader = (settings as { getSettingsData?: unknown }).getSettingsData;
  if (typeof reader !== "function") return undefined;
  try {
    const data: unknown = reader.call(settings);
    return typeof data === "object" && data !== null && !Array.isArray(data)
      ? (data as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
