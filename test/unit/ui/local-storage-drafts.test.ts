/**
 * The pane's DraftStore over localStorage: drafts with the time they were saved, expired ones
 * dropped at start, a cap on their number and size (oldest first), and storage failures (quota,
 * disabled) that never reach the UI: the drafts then live in memory.
 */
import {
  DRAFT_KEY_PREFIX,
  MAX_DRAFTS,
  MAX_DRAFT_AGE_MS,
  createLocalStorageDrafts,
} from "../../../src/taskpane/local-storage-drafts";
import type { DraftStorage } from "../../../src/taskpane/local-storage-drafts";

/** A small in-memory Storage; `quota` (characters) makes setItem throw like a full browser's. */
class MemoryStorage implements DraftStorage {
  readonly items = new Map<string, string>();
  quota = Infinity;

  get length(): number {
    return this.items.size;
  }
  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    const others = [...this.items].filter(([other]) => other !== key);
    const used = others.reduce((sum, [, text]) => sum + text.length, 0);
    if (used + value.length > this.quota) {
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    }
    this.items.set(key, String(value));
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}

const DAY = 24 * 60 * 60 * 1000;

function setup(storage = new MemoryStorage(), start = Date.UTC(2026, 11, 4)) {
  const clock = { now: start };
  const warnings: Array<[string, unknown]> = [];
  const open = () =>
    createLocalStorageDrafts(storage, {
      now: () => clock.now,
      warn: (message, error) => warnings.push([message, error]),
    });
  return { storage, clock, warnings, open, drafts: open() };
}

describe("createLocalStorageDrafts", () => {
  it("saves a draft with the time it was saved, and a pane opened later loads it back", () => {
    const { storage, drafts, open, clock } = setup();
    const draft = { summary: "Printer jams", description: "Line 1\nLine 2 ✓" };
    drafts.save("new-issue:item-1", draft);
    expect(JSON.parse(storage.items.get(`${DRAFT_KEY_PREFIX}new-issue:item-1`) ?? "")).toEqual({
      savedAt: clock.now,
      value: draft,
    });
    clock.now += 3 * DAY; // The pane was closed and opened again days later.
    expect(open().load("new-issue:item-1")).toEqual(draft);
  });

  it("loads undefined for a key never saved, and after remove", () => {
    const { drafts, open } = setup();
    expect(drafts.load("new-issue:none")).toBeUndefined();
    drafts.save("new-issue:item-1", { summary: "x" });
    drafts.remove("new-issue:item-1");
    expect(drafts.load("new-issue:item-1")).toBeUndefined();
    expect(open().load("new-issue:item-1")).toBeUndefined();
  });

  it("drops drafts older than 7 days when a pane starts, and leaves other keys alone", () => {
    const { storage, drafts, open, clock } = setup();
    storage.items.set("preview.settings", "{}");
    drafts.save("new-issue:old", { summary: "old" });
    clock.now += DAY;
    drafts.save("new-issue:recent", { summary: "recent" });
    clock.now += MAX_DRAFT_AGE_MS - DAY + 1;
    const reopened = open();
    expect(reopened.load("new-issue:old")).toBeUndefined();
    expect(storage.items.has(`${DRAFT_KEY_PREFIX}new-issue:old`)).toBe(false);
    expect(reopened.load("new-issue:recent")).toEqual({ summary: "recent" });
    expect(storage.items.get("preview.settings")).toBe("{}");
  });

  it(`keeps at most ${MAX_DRAFTS} drafts, dropping the oldest`, () => {
    const { storage, drafts, clock } = setup();
    for (let i = 1; i <= MAX_DRAFTS + 5; i++) {
      clock.now += 1000;
      drafts.save(`new-issue:${i}`, { summary: `draft ${i}` });
    }
    const keys = [...storage.items.keys()];
    expect(keys).toHaveLength(MAX_DRAFTS);
    expect(keys).not.toContain(`${DRAFT_KEY_PREFIX}new-issue:5`);
    expect(keys).toContain(`${DRAFT_KEY_PREFIX}new-issue:6`);
  });

  it("keeps the total size bounded: a few large drafts push the oldest out", () => {
    const { storage, drafts, clock } = setup();
    const large = "x".repeat(300_000);
    for (let i = 1; i <= 5; i++) {
      clock.now += 1000;
      drafts.save(`new-issue:${i}`, { description: large });
    }
    const total = [...storage.items.values()].reduce((sum, text) => sum + text.length, 0);
    expect(total).toBeLessThanOrEqual(1_000_000);
    expect(storage.items.has(`${DRAFT_KEY_PREFIX}new-issue:5`)).toBe(true);
    expect(storage.items.has(`${DRAFT_KEY_PREFIX}new-issue:1`)).toBe(false);
  });

  it("makes room when the storage is full by dropping older drafts, then saves", () => {
    const { storage, drafts, clock, warnings } = setup();
    storage.quota = 500;
    for (let i = 1; i <= 4; i++) {
      clock.now += 1000;
      drafts.save(`new-issue:${i}`, { description: "y".repeat(80) });
    }
    clock.now += 1000;
    drafts.save("new-issue:new", { description: "z".repeat(200) });
    expect(storage.items.has(`${DRAFT_KEY_PREFIX}new-issue:new`)).toBe(true);
    expect(storage.items.has(`${DRAFT_KEY_PREFIX}new-issue:1`)).toBe(false);
    expect(storage.items.has(`${DRAFT_KEY_PREFIX}new-issue:4`)).toBe(true);
    expect(warnings).toEqual([]);
  });

  it("keeps a draft the full storage refuses in memory, and warns instead of throwing", () => {
    const { storage, drafts, warnings } = setup();
    storage.quota = 10;
    expect(() => drafts.save("new-issue:item-1", { summary: "too much" })).not.toThrow();
    expect(drafts.load("new-issue:item-1")).toEqual({ summary: "too much" });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.[0]).toContain("kept only while the pane is open");
    expect((warnings[0]?.[1] as DOMException).name).toBe("QuotaExceededError");
  });

  it("drops an entry that isn't a stored draft when a pane starts", () => {
    const { storage, open, warnings } = setup();
    storage.items.set(`${DRAFT_KEY_PREFIX}new-issue:item-1`, "{not json");
    const drafts = open();
    expect(drafts.load("new-issue:item-1")).toBeUndefined();
    expect(storage.items.has(`${DRAFT_KEY_PREFIX}new-issue:item-1`)).toBe(false);
    expect(warnings).toEqual([]);
  });

  it("works in memory when the storage itself fails (storage disabled)", () => {
    const denied = () => {
      throw new DOMException("Access is denied", "SecurityError");
    };
    const broken: DraftStorage = {
      get length(): number {
        return denied();
      },
      key: denied,
      getItem: denied,
      setItem: denied,
      removeItem: denied,
    };
    const warnings: unknown[] = [];
    const drafts = createLocalStorageDrafts(broken, { warn: (message) => warnings.push(message) });
    expect(drafts.load("k")).toBeUndefined();
    expect(() => drafts.save("k", { a: 1 })).not.toThrow();
    expect(drafts.load("k")).toEqual({ a: 1 });
    expect(() => drafts.remove("k")).not.toThrow();
    expect(drafts.load("k")).toBeUndefined();
    expect(warnings.length).toBeGreaterThan(0);
  });

  it("keeps drafts in memory, silently, without a storage", () => {
    const drafts = createLocalStorageDrafts(null);
    drafts.save("k", { a: 1 });
    expect(drafts.load("k")).toEqual({ a: 1 });
  });

  it("hands out copies: changing a loaded draft doesn't change the kept one", () => {
    const { drafts } = setup();
    drafts.save("k", { list: [1] });
    (drafts.load("k") as { list: number[] }).list.push(2);
    expect(drafts.load("k")).toEqual({ list: [1] });
  });
});
