/**
 * Outlook's 32 KB of roaming settings kept before `saveAsync` is asked: memories dropped before a
 * sign-in ever is, a save that can't fit refused with the largest entries named, and the count
 * the same as office.js's (and the preview stand-in's).
 */
import { officeSettingsLength } from "../../../src/preview/office-standin/roaming-settings";
import {
  EXPENDABLE_SETTINGS,
  ROAMING_SETTINGS_LIMIT,
  SettingsTooLargeError,
  serializedSettingsLength,
  withSettingsBudget,
} from "../../../src/session/settings-budget";
import { tokenSettingName } from "../../../src/session/token-store";
import { DESTINATIONS_SETTING } from "../../../src/ui/new-issue/destination-memory";
import { createMemorySettings } from "./session-fakes";

const TOKEN = tokenSettingName("https://jira.example.com", "jira-for-outlook");
const OLD_TOKEN = tokenSettingName("https://old-jira.example.com", "jira-for-outlook");
const tokenEntry = { formatVersion: 1, token: "t".repeat(32), secret: "s".repeat(32) };
const memory = { formatVersion: 1, conversations: [["h".repeat(16), "SUP", "3", "SUP-1"]] };

/** A string value that makes the settings `chars` long together with `others`. */
function fillerFor(chars: number, others: Record<string, unknown>): string {
  const without = serializedSettingsLength({ ...others, filler: "" });
  return "x".repeat(chars - without);
}

describe("serializedSettingsLength", () => {
  it("counts as office.js: each value serialized, then the map of texts again (quotes twice)", () => {
    const settings = { a: 'q"uote', b: { c: [1, 2] }, gone: undefined };
    expect(serializedSettingsLength(settings)).toBe(
      JSON.stringify({ a: JSON.stringify('q"uote'), b: JSON.stringify({ c: [1, 2] }) }).length
    );
    // The preview's stand-in refuses by the same count.
    expect(serializedSettingsLength(settings)).toBe(officeSettingsLength(settings));
  });

  it("drops the destination memory first, and only it, among the add-in's own settings", () => {
    expect(EXPENDABLE_SETTINGS).toEqual([DESTINATIONS_SETTING]);
    expect(ROAMING_SETTINGS_LIMIT).toBe(32 * 1024);
  });
});

describe("withSettingsBudget", () => {
  it("saves as usual while the settings fit", async () => {
    const inner = createMemorySettings();
    const settings = withSettingsBudget(inner);
    settings.set(TOKEN, tokenEntry);
    settings.set(DESTINATIONS_SETTING, memory);
    await settings.save();
    expect(inner.saves).toBe(1);
    expect(inner.persisted).toEqual({ [TOKEN]: tokenEntry, [DESTINATIONS_SETTING]: memory });
  });

  it("drops the destination memory to make room for a sign-in, never the sign-in", async () => {
    // Everything else the mailbox holds leaves room for the sign-in, but not for it and the memory.
    const filler = fillerFor(ROAMING_SETTINGS_LIMIT - 10, { [TOKEN]: tokenEntry });
    expect(
      serializedSettingsLength({ filler, [TOKEN]: tokenEntry, [DESTINATIONS_SETTING]: memory })
    ).toBeGreaterThan(ROAMING_SETTINGS_LIMIT);
    const inner = createMemorySettings({ filler, [DESTINATIONS_SETTING]: memory });
    const log: string[] = [];
    const settings = withSettingsBudget(inner, {
      allEntries: () => inner.values,
      log: (line) => log.push(line),
    });

    settings.set(TOKEN, tokenEntry);
    await settings.save();

    expect(inner.persisted).toEqual({ filler, [TOKEN]: tokenEntry });
    expect(serializedSettingsLength(inner.persisted)).toBeLessThanOrEqual(ROAMING_SETTINGS_LIMIT);
    expect(log).toEqual([expect.stringMatching(/dropped jira-destinations/)]);
  });

  it("refuses before Outlook is asked when even that isn't enough, naming the largest entries; nothing changes", async () => {
    const filler = "x".repeat(ROAMING_SETTINGS_LIMIT - 100);
    const inner = createMemorySettings({
      filler,
      [OLD_TOKEN]: tokenEntry,
      [DESTINATIONS_SETTING]: memory,
    });
    const settings = withSettingsBudget(inner, { allEntries: () => inner.values });

    settings.set(TOKEN, tokenEntry);
    const refusal = await settings.save().then(
      () => undefined,
      (error: unknown) => error
    );

    expect(refusal).toBeInstanceOf(SettingsTooLargeError);
    const error = refusal as SettingsTooLargeError;
    expect(error).toMatchObject({ code: "settings_too_large", limit: ROAMING_SETTINGS_LIMIT });
    expect(error.chars).toBeGreaterThan(ROAMING_SETTINGS_LIMIT);
    expect(error.largest.map((entry) => entry.name)).toEqual(["filler", OLD_TOKEN, TOKEN]);
    expect(error.largest[0]?.chars).toBe(serializedSettingsLength({ filler }) - 2);
    expect(error.message).toMatch(/more than Outlook's 32768; the largest: "filler" \(\d+\)/);
    // saveAsync never ran, the mailbox is as it was, and the memory is still there.
    expect(inner.saves).toBe(0);
    expect(inner.values[DESTINATIONS_SETTING]).toEqual(memory);
    expect(inner.values[TOKEN]).toEqual(tokenEntry);
  });

  it("never drops a setting that isn't one of its memories, even one it was told is expendable", async () => {
    const filler = "x".repeat(ROAMING_SETTINGS_LIMIT);
    const inner = createMemorySettings({ [OLD_TOKEN]: filler });
    const settings = withSettingsBudget(inner, {
      allEntries: () => inner.values,
      expendable: [OLD_TOKEN],
    });
    await expect(settings.save()).rejects.toBeInstanceOf(SettingsTooLargeError);
    expect(inner.values[OLD_TOKEN]).toBe(filler);
  });

  it("weighs the entries it has seen when the host can't list its settings", async () => {
    const inner = createMemorySettings({ big: "x".repeat(ROAMING_SETTINGS_LIMIT) });
    const settings = withSettingsBudget(inner);

    settings.set(TOKEN, tokenEntry);
    await settings.save();
    // "big" was never read here, so Outlook is left to refuse it (9057) if it must.
    expect(inner.saves).toBe(1);

    expect(settings.get("big")).toBeDefined();
    await expect(settings.save()).rejects.toMatchObject({ code: "settings_too_large" });
    expect(inner.saves).toBe(1);

    settings.remove("big");
    await settings.save();
    expect(inner.saves).toBe(2);
  });

  it("passes Outlook's own refusal on unchanged", async () => {
    const inner = createMemorySettings();
    const full = Object.assign(new Error("Settings too large"), { code: 9057 });
    inner.failNextSaves(full);
    const settings = withSettingsBudget(inner);
    await expect(settings.save()).rejects.toBe(full);
  });
});
