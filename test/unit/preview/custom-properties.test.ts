import { createMemoryStorage } from "../../../src/preview/storage";
import {
  CUSTOM_PROPERTIES_MAX_CHARS,
  customPropertiesKey,
  loadCustomProperties,
} from "../../../src/preview/office-standin/custom-properties";
import type { StandInAsyncResult } from "../../../src/preview/office-standin/async-result";
import { callbackResult } from "./fakes";

const schedule = (task: () => void) => setTimeout(task, 0);

describe("item custom properties stand-in", () => {
  it("persists per item: another item doesn't see them, a reload of the same item does", async () => {
    const storage = createMemoryStorage();
    const properties = loadCustomProperties({ storage, schedule, itemId: "item-1" });
    properties.set("jiraIssue", "SUP-2");
    const result = await callbackResult<StandInAsyncResult<undefined>>((callback) =>
      properties.saveAsync(callback, "ctx")
    );
    expect(result).toMatchObject({ status: "succeeded", asyncContext: "ctx" });

    expect(loadCustomProperties({ storage, schedule, itemId: "item-1" }).get("jiraIssue")).toBe(
      "SUP-2"
    );
    expect(
      loadCustomProperties({ storage, schedule, itemId: "item-2" }).get("jiraIssue")
    ).toBeUndefined();
    expect(loadCustomProperties({ storage, schedule, itemId: "item-1" }).getAll()).toEqual({
      jiraIssue: "SUP-2",
    });
  });

  it("throws past 2,500 characters of JSON, as office.js does, and keeps the saved properties", () => {
    const storage = createMemoryStorage({
      [customPropertiesKey("item-1")]: JSON.stringify({ before: 1 }),
    });
    const properties = loadCustomProperties({ storage, schedule, itemId: "item-1" });
    properties.set("big", "x".repeat(CUSTOM_PROPERTIES_MAX_CHARS));
    const callback = jest.fn();
    expect(() => properties.saveAsync(callback)).toThrow(
      expect.objectContaining({
        name: "Sys.ArgumentOutOfRangeException",
        message: expect.stringContaining("Parameter name: customProperties"),
      })
    );
    expect(callback).not.toHaveBeenCalled();
    expect(JSON.parse(storage.getItem(customPropertiesKey("item-1"))!)).toEqual({ before: 1 });
  });

  it("saves exactly 2,500 characters", async () => {
    const storage = createMemoryStorage();
    const properties = loadCustomProperties({ storage, schedule, itemId: "item-1" });
    properties.set("v", "x".repeat(CUSTOM_PROPERTIES_MAX_CHARS - JSON.stringify({ v: "" }).length));
    const result = await callbackResult<StandInAsyncResult<undefined>>((callback) =>
      properties.saveAsync(callback)
    );
    expect(result.status).toBe("succeeded");
    properties.remove("v");
    expect(properties.getAll()).toEqual({});
  });
});
