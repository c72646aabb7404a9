import { createMemoryStorage } from "../../../src/preview/storage";
import {
  createRoamingSettings,
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

  it("accepts exactly 32,768 characters of JSON", async () => {
    const storage = createMemoryStorage();
    const settings = createRoamingSettings({ storage, schedule: immediate });
    const overhead = JSON.stringify({ v: "" }).length;
    settings.set("v", "x".repeat(ROAMING_SETTINGS_MAX_CHARS - overhead));
    const result = await callbackResult<StandInAsyncResult<undefined>>((callback) =>
      settings.saveAsync(callback)
    );
    expect(result.status).toBe("succeeded");
    expect(storage.getItem(ROAMING_SETTINGS_STORAGE_KEY)).toHaveLength(ROAMING_SETTINGS_MAX_CHARS);
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
