/** The pane's DraftStore over Web Storage: JSON in, JSON out, and storage failures never reach the UI. */
import {
  DRAFT_KEY_PREFIX,
  createSessionStorageDrafts,
} from "../../../src/taskpane/session-storage-drafts";
import type { DraftStorage } from "../../../src/taskpane/session-storage-drafts";

/** A small in-memory Storage, optionally full (setItem throws like a browser over its quota). */
class MemoryStorage implements DraftStorage {
  readonly items = new Map<string, string>();
  full = false;

  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    if (this.full) {
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    }
    this.items.set(key, String(value));
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}

function setup() {
  const storage = new MemoryStorage();
  const warnings: Array<[string, unknown]> = [];
  const drafts = createSessionStorageDrafts(storage, {
    warn: (message, error) => warnings.push([message, error]),
  });
  return { storage, warnings, drafts };
}

describe("createSessionStorageDrafts", () => {
  it("saves a draft as JSON under a prefixed key and loads it back", () => {
    const { storage, drafts } = setup();
    const draft = { summary: "Printer jams", description: "Line 1\nLine 2 ✓" };
    drafts.save("new-issue:item-1", draft);
    expect(storage.items.get(`${DRAFT_KEY_PREFIX}new-issue:item-1`)).toBe(JSON.stringify(draft));
    expect(drafts.load("new-issue:item-1")).toEqual(draft);
  });

  it("loads undefined for a key never saved, and after remove", () => {
    const { drafts } = setup();
    expect(drafts.load("new-issue:none")).toBeUndefined();
    drafts.save("new-issue:item-1", { summary: "x" });
    drafts.remove("new-issue:item-1");
    expect(drafts.load("new-issue:item-1")).toBeUndefined();
  });

  it("keeps drafts of different emails apart", () => {
    const { drafts } = setup();
    drafts.save("new-issue:a", { summary: "A" });
    drafts.save("new-issue:b", { summary: "B" });
    expect(drafts.load("new-issue:a")).toEqual({ summary: "A" });
    expect(drafts.load("new-issue:b")).toEqual({ summary: "B" });
  });

  it("warns instead of throwing when the storage is full, and keeps the last saved draft", () => {
    const { storage, warnings, drafts } = setup();
    drafts.save("new-issue:item-1", { summary: "saved" });
    storage.full = true;
    expect(() => drafts.save("new-issue:item-1", { summary: "too much" })).not.toThrow();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.[0]).toContain("could not be saved");
    expect((warnings[0]?.[1] as DOMException).name).toBe("QuotaExceededError");
    expect(drafts.load("new-issue:item-1")).toEqual({ summary: "saved" });
  });

  it("warns and loads undefined for an entry that isn't JSON", () => {
    const { storage, warnings, drafts } = setup();
    storage.items.set(`${DRAFT_KEY_PREFIX}new-issue:item-1`, "{not json");
    expect(drafts.load("new-issue:item-1")).toBeUndefined();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.[1]).toBeInstanceOf(SyntaxError);
  });

  it("warns instead of throwing when the storage itself fails (storage disabled)", () => {
    const broken: DraftStorage = {
      getItem: () => {
        throw new DOMException("Access is denied", "SecurityError");
      },
      setItem: () => {
        throw new DOMException("Access is denied", "SecurityError");
      },
      removeItem: () => {
        throw new DOMException("Access is denied", "SecurityError");
      },
    };
    const warnings: unknown[] = [];
    const drafts = createSessionStorageDrafts(broken, {
      warn: (message) => warnings.push(message),
    });
    expect(drafts.load("k")).toBeUndefined();
    expect(() => drafts.save("k", { a: 1 })).not.toThrow();
    expect(() => drafts.remove("k")).not.toThrow();
    expect(warnings).toHaveLength(3);
  });

  it("keeps nothing, silently, without a storage", () => {
    const drafts = createSessionStorageDrafts(null);
    drafts.save("k", { a: 1 });
    expect(drafts.load("k")).toBeUndefined();
    expect(() => drafts.remove("k")).not.toThrow();
  });

  it("warns on the console by default", () => {
    const storage = new MemoryStorage();
    storage.full = true;
    const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
    try {
      createSessionStorageDrafts(storage).save("k", { a: 1 });
      expect(warn).toHaveBeenCalledTimes(1);
    } finally {
      warn.mockRestore();
    }
  });
});
