import type { SettingsStorage } from "../session/session-ports";
import { officeCall } from "./office-async";

/**
 * The SettingsStorage over `Office.context.roamingSettings`
 * (learn.microsoft.com/javascript/api/outlook/office.roamingsettings): per add-in, per user, per
 * mailbox, loaded when the add-in starts. `set`/`remove` change Office's in-memory copy; only
 * `save` writes it to the mailbox.
 *
 * `save` rejects with an OfficeError carrying Office's code: 9057 past the 32 KB limit (some
 * clients report it as 9019, the generic settings error, or throw synchronously: officeCall turns
 * the throw into a rejection too, so callers see one shape whatever the client does).
 */
export function createRoamingSettingsStorage(): SettingsStorage {
  // Read on every call rather than captured: the object exists only once Office is ready.
  const settings = (): Office.RoamingSettings => Office.context.roamingSettings;
  return {
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
}
