import { createMemoryStorage } from "../../../src/preview/storage";
import {
  createRoamingSettings,
  officeSettingsLength,
  ROAMING_SETTINGS_MAX_CHARS,
  ROAMING_SETTINGS_STORAGE_KEY,
} from "../../../src/preview/office-standin/roaming-settings";
import type { StandInAsyncResult } from "../../../src/preview/office-standin/async-result";
import { callbackResult, createManualSchedule } from "./fakes";

const immediate = (task: () => void) => setTimeout(task, 0);

describe("roamingSettings stand-in", () => {
  it("keeps set values in memory until saveAsync persists them", async () => {
    const storage = createMemoryStorage();
    const settings = createRoamingSettings({ storage, schedule: immediate });
    settings.set("jiraToken", { token: "t", secret: "s" });
    expect(settings.get("jiraToken")).toEqual({ token: "t", secret: "s" });
    expect(storage.getItem(ROAMING_SETTINGS_STORAGE_KEY)).toBeNull();

    const result = await callbackResult<StandInAsyncResult<undefined>>((callback) =>
      settings.saveAsync(callback)
    );
    expect(result.status).toBe("succeeded");
    expect(JSON.parse(storage.getItem(ROAMING_SETTINGS_STORAGE_KEY)!)).toEqual({
      jiraToken: { token: "t", secret: "s" },
    });
  });

  it("loads saved settings when created (add-in start), and remove takes effect on the next save", async () => {
    const storage = createMemoryStorage({
      [ROAMING_SETTINGS_STORAGE_KEY]: JSON.stringify({ a: 1, b: "two" }),
    });
    const settings = createRoamingSettings({ storage, schedule: immediate });
    expect(settings.get("a")).toBe(1);
    expect(settings.get("missing")).toBeUndefined();
    settings.remove("a");
    expect(settings.get("a")).toBeUndefined();
    await callbackResult((callback) => settings.saveAsync(callback));
    expect(createRoamingSettings({ storage, schedule: immediate }).get("a")).toBeUndefined();
    expect(createRoamingSettings({ storage, schedule: immediate }).get("b")).toBe("two");
  });

  it("fails with 9057 past 32 KB and persists nothing", async () => {
    const storage = createMemoryStorage({
      [ROAMING_SETTINGS_STORAGE_KEY]: JSON.stringify({ kept: true }),
    });
    const settings = createRoamingSettings({ storage, schedule: immediate });
    settings.set("big", "x".repeat(ROAMING_SETTINGS_MAX_CHARS));
    const result = await callbackResult<StandInAsyncResult<undefined>>((callback) =>
      settings.saveAsync(callback)
    );
    expect(result.status).toBe("failed");
    expect(result.error).toMatchObject({ code: 9057, message: expect.stringMatching(/32 KB/) });
    expect(JSON.parse(storage.getItem(ROAMING_SETTINGS_STORAGE_KEY)!)).toEqual({ kept: true });
  });

  it("counts as office.js does (each value serialized, then the whole again) and accepts exactly 32,768", async () => {
    // {"v":"\"xxx…\""}: the value's own quotes are escaped, so they count twice.
    const overhead = officeSettingsLength({ v: "" });
    expect(overhead).toBe(JSON.stringify({ v: JSON.stringify("") }).length);
    const fits = "x".repeat(ROAMING_SETTINGS_MAX_CHARS - overhead);
    expect(officeSettingsLength({ v: fits })).toBe(ROAMING_SETTINGS_MAX_CHARS);

    const storage = createMemoryStorage();
    const settings = createRoamingSettings({ storage, schedule: immediate });
    settings.set("v", fits);
    const saved = await callbackResult<StandInAsyncResult<undefined>>((callback) =>
      settings.saveAsync(callback)
    );
    expect(saved.status).toBe("succeeded");

    settings.set("v", `${fits}x`);
    const refused = await callbackResult<StandInAsyncResult<undefined>>((callback) =>
      settings.saveAsync(callback)
    );
    expect(refused.error).toMatchObject({ code: 9057 });
    expect(JSON.parse(storage.getItem(ROAMING_SETTINGS_STORAGE_KEY)!)).toEqual({ v: fits });
  });

  it("lists every setting it holds, as Outlook's getSettingsData does", () => {
    const storage = createMemoryStorage({
      [ROAMING_SETTINGS_STORAGE_KEY]: JSON.stringify({ a: 1 }),
    });
    const settings = createRoamingSettings({ storage, schedule: immediate });
    settings.set("b", { c: true });
    expect(settings.getSettingsData()).toEqual({ a: 1, b: { c: true } });
  });

  it("behaves as two Outlook clients of one mailbox over one store: each loaded once, the last save wins", async () => {
    const storage = createMemoryStorage();
    const first = createRoamingSettings({ storage, schedule: immediate });
    const second = createRoamingSettings({ storage, schedule: immediate });
    first.set("jira-token:https://jira.example.com key", { token: "first" });
    await callbackResult((callback) => first.saveAsync(callback));

    // The second client loaded before that save: it doesn't see the token, and its save drops it.
    expect(second.get("jira-token:https://jira.example.com key")).toBeUndefined();
    second.set("jira-destinations", { formatVersion: 1 });
    await callbackResult((callback) => second.saveAsync(callback));

    expect(JSON.parse(storage.getItem(ROAMING_SETTINGS_STORAGE_KEY)!)).toEqual({
      "jira-destinations": { formatVersion: 1 },
    });
    // The first client still holds its token in memory; its next save writes it back.
    expect(first.get("jira-token:https://jira.example.com key")).toEqual({ token: "first" });
    await callbackResult((callback) => first.saveAsync(callback));
    expect(JSON.parse(storage.getItem(ROAMING_SETTINGS_STORAGE_KEY)!)).toEqual({
      "jira-token:https://jira.example.com key": { token: "first" },
    });
  });

  it("answers saveAsync asynchronously", () => {
    const schedule = createManualSchedule();
    const settings = createRoamingSettings({ storage: createMemoryStorage(), schedule });
    const callback = jest.fn();
    settings.saveAsync(callback);
    expect(callback).not.toHaveBeenCalled();
    schedule.flush();
    expect(callback).toHaveBeenCalledWith(expect.objectContaining({ status: "succeeded" }));
  });

  it("treats unreadable stored settings as empty", () => {
    const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
    const storage = createMemoryStorage({ [ROAMING_SETTINGS_STORAGE_KEY]: "{not json" });
    expect(createRoamingSettings({ storage, schedule: immediate }).get("a")).toBeUndefined();
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });
});
