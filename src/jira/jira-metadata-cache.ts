/**
 * A bounded, expiring cache of Jira metadata (projects, create meta, attachment settings) in Web
 * Storage: the pane's localStorage, so a pane reopened (a new page load) builds its New issue form
 * from what the last one learnt instead of asking Jira five times again. Plain TypeScript over a
 * small storage port, so Node tests pass a memory store.
 *
 * - **Namespaced** by Jira base URL + user key + consumer key ({@link metadataNamespace}): what one
 *   Jira user may create is not what another may, and a reconfigured add-in starts afresh.
 * - **Expiring**: every entry carries the time it was stored and when it goes stale; a stale entry
 *   is never returned (the caller asks Jira again). A clock set back makes entries stale too.
 * - **Bounded**: at most {@link MAX_METADATA_CHARS} characters (about 1.5 MB of UTF-16) in storage,
 *   the oldest evicted first; one entry above half of that is kept in memory only. The drafts
 *   (src/taskpane/local-storage-drafts.ts, at most 2 MB) share the origin's quota (5 MB in most
 *   browsers), and a cache must never be the reason a draft can't be saved.
 * - **Failures are ignored**: a refused `setItem` (quota, storage disabled) or a damaged entry only
 *   means Jira is asked again; the value still serves from memory while the pane lives.
 *
 * The stored text of an entry is `<storedAt>;<expiresAt>;<JSON>`: the times can be read (to sweep
 * and evict) without parsing the JSON of every entry.
 */

/** The part of Web Storage the cache uses (localStorage satisfies it). */
export type MetadataStorage = Pick<
  Storage,
  "getItem" | "setItem" | "removeItem" | "key" | "length"
>;

/** Every key of this cache, any format version: older formats are swept when found. */
const KEY_FAMILY = "jira-for-outlook.jira-meta";
/** The keys of this format; bump the version when the stored shapes change. */
export const METADATA_KEY_PREFIX = `${KEY_FAMILY}.v1:`;
/** Characters of keys and values kept in storage (~1.5 MB as UTF-16). */
export const MAX_METADATA_CHARS = 750_000;
/** Entries stored up to this far in the future still count (another pane's clock a little ahead). */
const CLOCK_TOLERANCE_MS = 60_000;

/** Whose metadata it is: one Jira, one user, one application link. */
export interface MetadataOwner {
  jiraBaseUrl: string;
  /** Jira's user key (stable across renames), else the username. */
  userKey: string;
  consumerKey: string;
}

/** The namespace of an owner's entries: each part URI-encoded, so the separators can't occur in them. */
export function metadataNamespace(owner: MetadataOwner): string {
  return [owner.jiraBaseUrl.replace(/\/+$/, ""), owner.userKey, owner.consumerKey]
    .map(encodeURIComponent)
    .join(" ");
}

/** The cache. Values are JSON data; treat what `read` returns as read-only. */
export interface JiraMetadataCache {
  /** The value stored under `entry` of `namespace` while fresh; undefined when absent or stale. */
  read<T>(namespace: string, entry: string): T | undefined;
  /** Keeps `value` for `ttlMs` (never call it with an error: failures are not cached). */
  write(namespace: string, entry: string, value: unknown, ttlMs: number): void;
  /** Forgets one entry. */
  remove(namespace: string, entry: string): void;
  /** Forgets every entry of `namespace` (sign-out, "Refresh"). */
  clear(namespace: string): void;
}

/** Options of {@link createJiraMetadataCache}. */
export interface JiraMetadataCacheOptions {
  /** ms since the epoch (tests). Default Date.now. */
  now?: () => number;
  /** Storage budget in characters (keys + values). Default {@link MAX_METADATA_CHARS}. */
  maxChars?: number;
  /** Told once when storage refuses a write or can't be read. Default console.warn. */
  warn?: (message: string, error: unknown) => void;
}

interface Held {
  storedAt: number;
  expiresAt: number;
  value: unknown;
  chars: number;
}

interface Indexed {
  storedAt: number;
  expiresAt: number;
  chars: number;
}

/**
 * The cache over `storage`; null (storage unavailable) keeps entries in memory only, for as long
 * as the pane lives.
 */
export function createJiraMetadataCache(
  storage: MetadataStorage | null,
  options: JiraMetadataCacheOptions = {}
): JiraMetadataCache {
  const now = options.now ?? Date.now;
  const maxChars = options.maxChars ?? MAX_METADATA_CHARS;
  const warnOnce = onlyOnce(options.warn ?? ((message, error) => console.warn(message, error)));
  // Parsed values, also of entries storage refused; bounded by the same budget.
  const memory = new Map<string, Held>();
  // What storage holds, built on the first write (reads need no index).
  let index: Map<string, Indexed> | undefined;

  const isFresh = (entry: { storedAt: number; expiresAt: number }, at: number) =>
    entry.storedAt <= at + CLOCK_TOLERANCE_MS && at < entry.expiresAt;

  function attempt<T>(action: () => T): T | undefined {
    try {
      return action();
    } catch (error) {
      warnOnce("The pane's storage failed; Jira's lists are kept in memory only.", error);
      return undefined;
    }
  }

  function storageKeys(): string[] {
    if (!storage) return [];
    return (
      attempt(() => {
        const keys: string[] = [];
        for (let i = 0; i < storage.length; i++) {
          const key = storage.key(i);
          if (key?.startsWith(KEY_FAMILY)) keys.push(key);
        }
        return keys;
      }) ?? []
    );
  }

  function dropStored(key: string): void {
    index?.delete(key);
    if (storage) attempt(() => storage.removeItem(key));
  }

  /** Reads what earlier panes left: older formats, damaged and stale entries are dropped. */
  function ensureIndex(): Map<string, Indexed> {
    if (index) return index;
    const built = new Map<string, Indexed>();
    index = built;
    const at = now();
    for (const key of storageKeys()) {
      const text = key.startsWith(METADATA_KEY_PREFIX)
        ? attempt(() => storage?.getItem(key))
        : undefined;
      const header = typeof text === "string" ? parseHeader(text) : undefined;
      if (!header || !isFresh(header, at)) dropStored(key);
      else built.set(key, { ...header, chars: key.length + (text?.length ?? 0) });
    }
    return built;
  }

  function hold(key: string, held: Held): void {
    memory.delete(key);
    memory.set(key, held);
    let total = 0;
    for (const entry of memory.values()) total += entry.chars;
    // Map order is insertion order: the least recently held go first.
    for (const [oldKey, entry] of memory) {
      if (total <= maxChars || oldKey === key) break;
      memory.delete(oldKey);
      total -= entry.chars;
    }
  }

  /** Makes room for `chars` more: stale entries first, then the oldest. */
  function evictFor(key: string, chars: number): void {
    const known = ensureIndex();
    const at = now();
    let total = 0;
    for (const [other, entry] of known) if (other !== key) total += entry.chars;
    const candidates = [...known.entries()]
      .filter(([other]) => other !== key)
      .sort(
        ([, a], [, b]) => Number(isFresh(a, at)) - Number(isFresh(b, at)) || a.storedAt - b.storedAt
      );
    for (const [other, entry] of candidates) {
      if (total + chars <= maxChars) break;
      dropStored(other);
      total -= entry.chars;
    }
  }

  function persist(key: string, text: string, held: Held): void {
    if (!storage) return;
    const chars = key.length + text.length;
    if (chars > maxChars / 2) {
      // Too big to share the budget: this pane keeps it in memory; no older copy stays behind.
      dropStored(key);
      return;
    }
    evictFor(key, chars);
    try {
      storage.setItem(key, text);
      ensureIndex().set(key, { storedAt: held.storedAt, expiresAt: held.expiresAt, chars });
    } catch (error) {
      // Quota or storage disabled: the next pane asks Jira again, nothing else is lost.
      warnOnce(
        "Jira's lists could not be kept in the pane's storage; they are asked again.",
        error
      );
    }
  }

  return {
    read<T>(namespace: string, entry: string): T | undefined {
      const key = storageKeyOf(namespace, entry);
      const at = now();
      const held = memory.get(key);
      if (held && isFresh(held, at)) return held.value as T;
      if (held) memory.delete(key);
      if (!storage) return undefined;
      const text = attempt(() => storage.getItem(key));
      if (typeof text !== "string") return undefined;
      const header = parseHeader(text);
      const value =
        header && isFresh(header, at) ? parseJson(text.slice(header.bodyStart)) : undefined;
      if (!header || value === undefined) {
        dropStored(key); // stale or damaged: worth nothing, and it takes room
        return undefined;
      }
      hold(key, {
        storedAt: header.storedAt,
        expiresAt: header.expiresAt,
        value,
        chars: text.length,
      });
      return value as T;
    },

    write(namespace, entry, value, ttlMs) {
      const key = storageKeyOf(namespace, entry);
      const storedAt = now();
      let json: string | undefined;
      try {
        json = JSON.stringify(value);
      } catch {
        json = undefined;
      }
      if (json === undefined) return;
      const text = `${storedAt};${storedAt + ttlMs};${json}`;
      // The held copy is parsed back from the JSON: what the caller changes later is not cached.
      const held: Held = {
        storedAt,
        expiresAt: storedAt + ttlMs,
        value: JSON.parse(json) as unknown,
        chars: text.length,
      };
      hold(key, held);
      persist(key, text, held);
    },

    remove(namespace, entry) {
      const key = storageKeyOf(namespace, entry);
      memory.delete(key);
      dropStored(key);
    },

    clear(namespace) {
      const prefix = storageKeyOf(namespace, "");
      for (const key of [...memory.keys()]) if (key.startsWith(prefix)) memory.delete(key);
      for (const key of storageKeys()) if (key.startsWith(prefix)) dropStored(key);
    },
  };
}

function storageKeyOf(namespace: string, entry: string): string {
  return `${METADATA_KEY_PREFIX}${namespace}|${entry}`;
}

/** The times in front of an entry's JSON, and where the JSON starts; undefined when malformed. */
function parseHeader(
  text: string
): { storedAt: number; expiresAt: number; bodyStart: number } | undefined {
  const first = text.indexOf(";");
  const second = first < 0 ? -1 : text.indexOf(";", first + 1);
  if (second < 0) return undefined;
  const storedAt = Number(text.slice(0, first));
  const expiresAt = Number(text.slice(first + 1, second));
  if (!Number.isFinite(storedAt) || !Number.isFinite(expiresAt) || first === 0) return undefined;
  return { storedAt, expiresAt, bodyStart: second + 1 };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function onlyOnce(
  warn: (message: string, error: unknown) => void
): (message: string, error: unknown) => void {
  let warned = false;
  return (message, error) => {
    if (warned) return;
    warned = true;
    warn(message, error);
  };
}
