/**
 * Outlook's 32 KB of roaming settings, kept by the add-in rather than discovered by a failed save.
 *
 * Outlook refuses a save whose settings are too large (9057; Outlook on the web reports 9019) and
 * writes nothing, so the sign-in just obtained would be lost with the pane. This wrapper weighs the
 * settings the way office.js does before it calls `saveAsync`, and when they don't fit:
 * 1. it drops the add-in's expendable memories first ({@link EXPENDABLE_SETTINGS}: where emails
 *    went, which only shapes suggestions), never a Jira sign-in to make room for them;
 * 2. if they still don't fit, it refuses the save itself, before Outlook is asked, with a
 *    {@link SettingsTooLargeError} that names the largest entries (what to remove).
 *
 * Office.js has no documented way to list the settings. Outlook's own object has one
 * (`getSettingsData()`, office-js src/api/Settings.ts: the live name → value map its get/set use),
 * which the Office adapter passes in as `allEntries` where it exists; without it the wrapper weighs
 * the entries this pane has read or written, and Outlook's own refusal still ends in the same notice.
 */
import type { SettingsStorage } from "./session-ports";
import { TOKEN_SETTING_PREFIX } from "./token-store";

/** Outlook's limit: characters of the serialized settings (office-js saveSettingsRequest.ts, `32 * 1024`). */
export const ROAMING_SETTINGS_LIMIT = 32 * 1024;

/**
 * Settings the add-in may drop to make room, in that order: the destination memory
 * (`jira-destinations`, src/ui/new-issue/destination-memory.ts), a convenience that starts over.
 */
export const EXPENDABLE_SETTINGS: readonly string[] = ["jira-destinations"];

/** One entry and what it weighs. */
export interface SettingWeight {
  name: string;
  /** Characters it adds to the serialized settings. */
  chars: number;
}

/** A save refused before Outlook was asked: the settings would exceed its 32 KB. */
export class SettingsTooLargeError extends Error {
  override readonly name = "SettingsTooLargeError";
  readonly code = "settings_too_large";

  constructor(
    /** Characters the settings would take. */
    readonly chars: number,
    /** Outlook's limit. */
    readonly limit: number,
    /** The largest entries, largest first (at most three). */
    readonly largest: readonly SettingWeight[]
  ) {
    super(
      `The add-in's mailbox settings would take ${chars} characters, more than Outlook's ${limit}; ` +
        `the largest: ${largest.map((entry) => `"${entry.name}" (${entry.chars})`).join(", ")}.`
    );
  }
}

/** Options of {@link withSettingsBudget}. */
export interface SettingsBudgetOptions {
  /** Default {@link ROAMING_SETTINGS_LIMIT}. */
  limit?: number;
  /** Names that may be removed to make room, in that order. Default {@link EXPENDABLE_SETTINGS}. */
  expendable?: readonly string[];
  /**
   * Every name and value the host holds now, where it can tell (Outlook's `getSettingsData`);
   * undefined: only the entries seen through this wrapper are weighed.
   */
  allEntries?: () => Readonly<Record<string, unknown>> | undefined;
  /** Told what was dropped to make room. */
  log?: (message: string) => void;
}

/**
 * How many characters office.js counts for these settings: each value is serialized on its own
 * (`SettingsManager.serializeSettings`), then the name → JSON-text map is serialized again and its
 * length compared with the limit, so quotes inside values count twice.
 */
export function serializedSettingsLength(entries: Readonly<Record<string, unknown>>): number {
  const serialized: Record<string, string> = {};
  for (const [name, value] of Object.entries(entries)) {
    const text = JSON.stringify(value);
    // office.js leaves out what JSON can't hold (undefined, functions): so does the count.
    if (text !== undefined) serialized[name] = text;
  }
  return JSON.stringify(serialized).length;
}

/** True for a Jira sign-in entry (token-store.ts): never dropped to make room. */
export function isSignInSetting(name: string): boolean {
  return name.startsWith(TOKEN_SETTING_PREFIX);
}

/**
 * `inner` with Outlook's limit kept before every save (see the module comment). get/set/remove
 * pass through; `save` may drop expendable memories first, and rejects with a
 * {@link SettingsTooLargeError} (nothing saved, nothing dropped) when even that doesn't make room.
 */
export function withSettingsBudget(
  inner: SettingsStorage,
  options: SettingsBudgetOptions = {}
): SettingsStorage {
  const limit = options.limit ?? ROAMING_SETTINGS_LIMIT;
  const expendable = (options.expendable ?? EXPENDABLE_SETTINGS).filter(
    (name) => !isSignInSetting(name)
  );
  // The names this pane has met: what it weighs when the host can't list its settings.
  const seen = new Set<string>();

  function entries(): Record<string, unknown> {
    const all = options.allEntries?.();
    if (all) return { ...all };
    const known: Record<string, unknown> = {};
    for (const name of seen) {
      const value = inner.get(name);
      if (value !== undefined) known[name] = value;
    }
    return known;
  }

  return {
    get(name) {
      const value = inner.get(name);
      if (value !== undefined) seen.add(name);
      return value;
    },
    set(name, value) {
      seen.add(name);
      inner.set(name, value);
    },
    remove(name) {
      seen.delete(name);
      inner.remove(name);
    },
    async save() {
      const current = entries();
      let chars = serializedSettingsLength(current);
      if (chars > limit) {
        const dropped: Array<[string, unknown]> = [];
        for (const name of expendable) {
          if (chars <= limit) break;
          if (!(name in current)) continue;
          dropped.push([name, current[name]]);
          delete current[name];
          chars = serializedSettingsLength(current);
        }
        if (chars > limit) {
          // Nothing is saved: the memories stay as they were, and so does the mailbox.
          throw new SettingsTooLargeError(chars, limit, largestOf(current));
        }
        for (const [name] of dropped) {
          inner.remove(name);
          seen.delete(name);
        }
        options.log?.(
          `settings: dropped ${dropped.map(([name]) => name).join(", ")} to stay within Outlook's ${limit} characters`
        );
      }
      await inner.save();
    },
  };
}

function largestOf(entries: Readonly<Record<string, unknown>>): SettingWeight[] {
  return Object.keys(entries)
    .map((name) => ({
      name,
      // What removing it would save: its name, its serialized value, quotes, colon, comma.
      chars: serializedSettingsLength({ [name]: entries[name] }) - 2,
    }))
    .sort((a, b) => b.chars - a.chars)
    .slice(0, 3);
}
