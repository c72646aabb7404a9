/**
 * The Jira metadata cache over Web Storage, with a fake clock: entries expire, are namespaced per
 * Jira + user + consumer, stay within their budget (oldest and stale first), and storage failures
 * (quota, disabled, damaged entries) never reach the caller.
 */
import {
  METADATA_KEY_PREFIX,
  createJiraMetadataCache,
  metadataNamespace,
} from "../../../src/jira/jira-metadata-cache";
import type { JiraMetadataCacheOptions } from "../../../src/jira/jira-metadata-cache";
import { MemoryWebStorage } from "../../support/memory-web-storage";

const HOUR = 60 * 60 * 1000;
const JANE = metadataNamespace({
  jiraBaseUrl: "https://jira.example.com/",
  userKey: "jane",
  consumerKey: "jira-for-outlook",
});
const JOHN = metadataNamespace({
  jiraBaseUrl: "https://jira.example.com",
  userKey: "john",
  consumerKey: "jira-for-outlook",
});

function setup(options: JiraMetadataCacheOptions = {}, storage = new MemoryWebStorage()) {
  const clock = { now: Date.UTC(2026, 3, 1, 9) };
  const warnings: string[] = [];
  // Each open() is a new page load over the same storage.
  const open = (overrides: JiraMetadataCacheOptions = {}) =>
    createJiraMetadataCache(storage, {
      now: () => clock.now,
      warn: (message) => warnings.push(message),
      ...options,
      ...overrides,
    });
  return { storage, clock, warnings, open, cache: open() };
}

const projects = [{ id: "10000", key: "SUP", name: "Customer Support" }];

describe("metadataNamespace", () => {
  it("names Jira (without trailing slash), user and consumer, each encoded so none can pose as another", () => {
    expect(JANE).toBe("https%3A%2F%2Fjira.example.com jane jira-for-outlook");
    expect(
      metadataNamespace({ jiraBaseUrl: "https://j", userKey: "a b", consumerKey: "c" })
    ).not.toBe(metadataNamespace({ jiraBaseUrl: "https://j", userKey: "a", consumerKey: "b c" }));
  });
});

describe("createJiraMetadataCache", () => {
  it("gives back what was written, also to the next page load, until the entry's time is up", () => {
    const { cache, open, clock, storage } = setup();
    cache.write(JANE, "projects", projects, HOUR);
    expect(cache.read(JANE, "projects")).toEqual(projects);
    expect([...storage.items.keys()]).toEqual([`${METADATA_KEY_PREFIX}${JANE}|projects`]);

    clock.now += HOUR - 1;
    expect(open().read(JANE, "projects")).toEqual(projects);
    clock.now += 1;
    expect(open().read(JANE, "projects")).toBeUndefined();
    expect(cache.read(JANE, "projects")).toBeUndefined();
    // A stale entry is worth nothing: it is gone from storage.
    expect(storage.items.size).toBe(0);
  });

  it("treats entries from the future as stale (the clock was set back)", () => {
    const { cache, open, clock } = setup();
    cache.write(JANE, "projects", projects, 24 * HOUR);
    clock.now -= 2 * HOUR;
    expect(open().read(JANE, "projects")).toBeUndefined();
  });

  it("keeps a copy: changing the written object later doesn't change the cached value", () => {
    const { cache } = setup();
    const written = [{ ...projects[0] }];
    cache.write(JANE, "projects", written, HOUR);
    written[0].name = "Changed";
    expect(cache.read(JANE, "projects")).toEqual(projects);
  });

  it("keeps each user's entries apart, and clear forgets only that user's", () => {
    const { cache, open, storage } = setup();
    cache.write(JANE, "projects", projects, HOUR);
    cache.write(JANE, "fields/SUP/10001", [{ fieldId: "summary" }], HOUR);
    cache.write(JOHN, "projects", [], HOUR);
    expect(cache.read(JOHN, "projects")).toEqual([]);

    cache.clear(JANE);
    expect(cache.read(JANE, "projects")).toBeUndefined();
    expect(open().read(JANE, "fields/SUP/10001")).toBeUndefined();
    expect(open().read(JOHN, "projects")).toEqual([]);
    expect(storage.items.size).toBe(1);
  });

  it("remove forgets one entry", () => {
    const { cache, open } = setup();
    cache.write(JANE, "projects", projects, HOUR);
    cache.write(JANE, "attachment-meta", { enabled: true, uploadLimit: 10 }, HOUR);
    cache.remove(JANE, "projects");
    expect(open().read(JANE, "projects")).toBeUndefined();
    expect(open().read(JANE, "attachment-meta")).toEqual({ enabled: true, uploadLimit: 10 });
  });

  it("stays within its budget: the oldest entries go first", () => {
    const { cache, open, clock, storage } = setup({ maxChars: 1000 });
    const value = "x".repeat(200);
    for (const name of ["a", "b", "c", "d", "e", "f"]) {
      cache.write(JANE, name, value, HOUR);
      clock.now += 1000;
    }
    expect(storage.usedChars()).toBeLessThanOrEqual(1000);
    const later = open();
    expect(later.read(JANE, "a")).toBeUndefined();
    expect(later.read(JANE, "f")).toBe(value);
    expect(later.read(JANE, "e")).toBe(value);
  });

  it("evicts stale entries before fresh ones, and sweeps what an earlier page load left", () => {
    const { open, clock, storage } = setup({ maxChars: 1000 });
    const first = open();
    first.write(JANE, "old-but-long-lived", "x".repeat(300), 24 * HOUR);
    clock.now += 1000;
    first.write(JANE, "newer-short-lived", "y".repeat(300), HOUR);
    clock.now += 2 * HOUR;
    // A new page load: the stale entry goes, the older fresh one stays.
    open().write(JANE, "new", "z".repeat(300), HOUR);
    expect([...storage.items.keys()].map((key) => key.split("|")[1])).toEqual([
      "old-but-long-lived",
      "new",
    ]);

    // Within one page load too: when room is needed, the stale entry goes before the older one.
    const one = setup({ maxChars: 1000 });
    one.cache.write(JOHN, "long", "l".repeat(250), 24 * HOUR);
    one.clock.now += 1000;
    one.cache.write(JOHN, "short", "s".repeat(250), HOUR);
    one.clock.now += 2 * HOUR;
    one.cache.write(JOHN, "more", "m".repeat(250), HOUR);
    expect([...one.storage.items.keys()].map((key) => key.split("|")[1])).toEqual(["long", "more"]);
  });

  it("keeps an entry bigger than half the budget in memory only", () => {
    const { cache, open, storage } = setup({ maxChars: 1000 });
    cache.write(JANE, "small", "s", HOUR);
    cache.write(JANE, "big", "b".repeat(600), HOUR);
    expect(cache.read(JANE, "big")).toBe("b".repeat(600));
    expect(open().read(JANE, "big")).toBeUndefined();
    expect(open().read(JANE, "small")).toBe("s");
    expect(storage.items.size).toBe(1);
  });

  it("ignores a full storage (quota): the value serves this page load, the next one asks again", () => {
    const { cache, open, storage, warnings } = setup();
    storage.quota = 100;
    cache.write(JANE, "fields/SUP/10001", "f".repeat(500), HOUR);
    cache.write(JANE, "fields/SUP/10002", "g".repeat(500), HOUR);
    expect(cache.read(JANE, "fields/SUP/10001")).toBe("f".repeat(500));
    expect(open().read(JANE, "fields/SUP/10001")).toBeUndefined();
    expect(warnings).toEqual([
      "Jira's lists could not be kept in the pane's storage; they are asked again.",
    ]);
  });

  it("ignores a storage that refuses every write, or throws on every read", () => {
    const storage = new MemoryWebStorage();
    storage.failWrites = true;
    const { cache } = setup({}, storage);
    expect(() => cache.write(JANE, "projects", projects, HOUR)).not.toThrow();
    expect(cache.read(JANE, "projects")).toEqual(projects);

    const broken = {
      get length(): number {
        throw new Error("storage disabled");
      },
      key: () => null,
      getItem: () => {
        throw new Error("storage disabled");
      },
      setItem: () => {
        throw new Error("storage disabled");
      },
      removeItem: () => {
        throw new Error("storage disabled");
      },
    };
    const failing = createJiraMetadataCache(broken, { warn: () => undefined });
    expect(failing.read(JANE, "projects")).toBeUndefined();
    failing.write(JANE, "projects", projects, HOUR);
    expect(failing.read(JANE, "projects")).toEqual(projects);
    expect(() => failing.clear(JANE)).not.toThrow();
    expect(failing.read(JANE, "projects")).toBeUndefined();
  });

  it("drops damaged entries and entries of another format, and never returns them", () => {
    const storage = new MemoryWebStorage();
    storage.items.set(`${METADATA_KEY_PREFIX}${JANE}|projects`, "not an entry");
    storage.items.set(`${METADATA_KEY_PREFIX}${JANE}|fields/SUP/1`, "1;9999999999999;{broken");
    storage.items.set(`jira-for-outlook.jira-meta.v0:${JANE}|projects`, "1;2;[]");
    storage.items.set("jira-for-outlook.draft:new-issue:1", "kept");
    const { cache } = setup({}, storage);
    expect(cache.read(JANE, "projects")).toBeUndefined();
    expect(cache.read(JANE, "fields/SUP/1")).toBeUndefined();
    cache.write(JANE, "attachment-meta", { enabled: true, uploadLimit: 1 }, HOUR);
    expect([...storage.items.keys()]).toEqual([
      "jira-for-outlook.draft:new-issue:1",
      `${METADATA_KEY_PREFIX}${JANE}|attachment-meta`,
    ]);
  });

  it("works without storage, in memory, within the same budget", () => {
    const cache = createJiraMetadataCache(null, { maxChars: 1000 });
    cache.write(JANE, "a", "a".repeat(400), HOUR);
    cache.write(JANE, "b", "b".repeat(400), HOUR);
    cache.write(JANE, "c", "c".repeat(400), HOUR);
    expect(cache.read(JANE, "a")).toBeUndefined();
    expect(cache.read(JANE, "c")).toBe("c".repeat(400));
  });
});
