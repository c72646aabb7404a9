import { createRoamingSettingsStorage } from "../../../src/office/roaming-settings-storage";
import { createMemoryStorage } from "../../../src/preview/storage";
import {
  ROAMING_SETTINGS_STORAGE_KEY,
  createRoamingSettings,
} from "../../../src/preview/office-standin/roaming-settings";
import { SettingsTooLargeError } from "../../../src/session/settings-budget";
import { installOfficeEnums, removeOfficeGlobal } from "../../support/fake-office-global";

type SaveCallback = (result: Office.AsyncResult<void>) => void;

/**
 * Office's roamingSettings as Outlook behaves: an in-memory bag, saveAsync answering later through
 * the callback. `missing` is what `get` answers for an unknown name (null on the web).
 */
function fakeRoamingSettings(options: {
  missing?: null | undefined;
  save?: (callback: SaveCallback) => void;
}) {
  const values = new Map<string, unknown>();
  const saved: Array<Record<string, unknown>> = [];
  const roamingSettings = {
    get: (name: string) => (values.has(name) ? values.get(name) : options.missing),
    set: (name: string, value: unknown) => values.set(name, value),
    remove: (name: string) => values.delete(name),
    saveAsync: (callback: SaveCallback) => {
      if (options.save) {
        options.save(callback);
        return;
      }
      saved.push(Object.fromEntries(values));
      setTimeout(() =>
        callback({ status: "succeeded", value: undefined } as unknown as Office.AsyncResult<void>)
      );
    },
  };
  installOfficeEnums({ context: { roamingSettings } });
  return { values, saved };
}

function failedWith(code: number, name: string, message: string): Office.AsyncResult<void> {
  return {
    status: "failed",
    value: undefined,
    error: { code, name, message },
  } as unknown as Office.AsyncResult<void>;
}

afterEach(removeOfficeGlobal);

describe("createRoamingSettingsStorage", () => {
  it("reads, sets and removes values in Office's in-memory settings", () => {
    const { values } = fakeRoamingSettings({});
    const storage = createRoamingSettingsStorage();

    storage.set("jira.token", { token: "t", secret: "s" });
    expect(storage.get("jira.token")).toEqual({ token: "t", secret: "s" });
    expect(values.get("jira.token")).toEqual({ token: "t", secret: "s" });

    storage.remove("jira.token");
    expect(values.has("jira.token")).toBe(false);
  });

  it.each([
    ["null (Outlook on the web)", null],
    ["undefined (other clients)", undefined],
  ])("answers undefined for a missing name when Office answers %s", (_label, missing) => {
    fakeRoamingSettings({ missing });

    expect(createRoamingSettingsStorage().get("nothing.here")).toBeUndefined();
  });

  it("keeps falsy stored values as they are", () => {
    fakeRoamingSettings({ missing: null });
    const storage = createRoamingSettingsStorage();
    storage.set("zero", 0);
    storage.set("empty", "");
    storage.set("no", false);

    expect([storage.get("zero"), storage.get("empty"), storage.get("no")]).toEqual([0, "", false]);
  });

  it("save persists through saveAsync and resolves once Office confirms", async () => {
    const { saved } = fakeRoamingSettings({});
    const storage = createRoamingSettingsStorage();
    storage.set("jira.account", "jane");

    await expect(storage.save()).resolves.toBeUndefined();

    expect(saved).toEqual([{ "jira.account": "jane" }]);
  });

  it.each([
    [9057, "RoamingSettingsSizeExceeded", "Roaming settings can't exceed the 32 KB size limit."],
    [9019, "GenericSettingsError", "The settings couldn't be saved."],
  ])("save rejects with an OfficeError %i when Office reports it", async (code, name, message) => {
    fakeRoamingSettings({
      save: (callback) => setTimeout(() => callback(failedWith(code, name, message))),
    });

    await expect(createRoamingSettingsStorage().save()).rejects.toMatchObject({
      name: "OfficeError",
      code,
      message,
    });
  });

  it("save rejects (does not throw) when Office throws synchronously", async () => {
    fakeRoamingSettings({
      save: () => {
        throw new Error("Roaming settings exceed the size limit.");
      },
    });
    const storage = createRoamingSettingsStorage();

    let saving: Promise<void> | undefined;
    expect(() => {
      saving = storage.save();
    }).not.toThrow();
    await expect(saving).rejects.toMatchObject({
      name: "OfficeError",
      code: 0,
      message: "Roaming settings exceed the size limit.",
    });
  });

  describe("within Outlook's 32 KB", () => {
    // The preview's stand-in for Office's settings object: it has Outlook's getSettingsData too.
    function standInOver(saved: Record<string, unknown>) {
      // officeCall reads Office.AsyncResultStatus; the settings object is handed in.
      installOfficeEnums();
      const storage = createMemoryStorage({
        [ROAMING_SETTINGS_STORAGE_KEY]: JSON.stringify(saved),
      });
      const roamingSettings = createRoamingSettings({
        storage,
        schedule: (task) => setTimeout(task, 0),
      });
      const saveAsync = jest.spyOn(roamingSettings, "saveAsync");
      const storageApi = createRoamingSettingsStorage({
        roamingSettings: () => roamingSettings as unknown as Office.RoamingSettings,
      });
      return { storage, saveAsync, storageApi };
    }

    it("refuses a save that can't fit before calling saveAsync, naming an entry it never read", async () => {
      const { storage, saveAsync, storageApi } = standInOver({
        "old-notes": "x".repeat(32 * 1024 - 20),
      });
      storageApi.set("jira-token:https://jira.example.com key", { token: "t", secret: "s" });

      const error = await storageApi.save().then(
        () => undefined,
        (caught: unknown) => caught
      );

      expect(error).toBeInstanceOf(SettingsTooLargeError);
      expect((error as SettingsTooLargeError).largest[0]?.name).toBe("old-notes");
      expect(saveAsync).not.toHaveBeenCalled();
      expect(Object.keys(JSON.parse(storage.getItem(ROAMING_SETTINGS_STORAGE_KEY)!))).toEqual([
        "old-notes",
      ]);
    });

    it("drops the destination memory to keep a sign-in, then saves through saveAsync", async () => {
      const { storage, saveAsync, storageApi } = standInOver({
        "old-notes": "x".repeat(32 * 1024 - 120),
        "jira-destinations": { formatVersion: 1, conversations: [], senders: [] },
      });
      storageApi.set("jira-token:https://jira.example.com key", { token: "t", secret: "s" });

      await storageApi.save();

      expect(saveAsync).toHaveBeenCalledTimes(1);
      expect(Object.keys(JSON.parse(storage.getItem(ROAMING_SETTINGS_STORAGE_KEY)!))).toEqual([
        "old-notes",
        "jira-token:https://jira.example.com key",
      ]);
      expect(storageApi.get("jira-destinations")).toBeUndefined();
    });

    it("weighs only what it has seen on an Office without getSettingsData", async () => {
      const { saved } = fakeRoamingSettings({});
      const storage = createRoamingSettingsStorage();
      storage.set("big", "x".repeat(32 * 1024));
      await expect(storage.save()).rejects.toMatchObject({ code: "settings_too_large" });
      expect(saved).toEqual([]);
    });
  });
});
