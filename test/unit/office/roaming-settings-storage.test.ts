import { createRoamingSettingsStorage } from "../../../src/office/roaming-settings-storage";
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
});
