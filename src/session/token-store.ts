/**
 * The user's Jira access token, kept in Office roaming settings: per add-in, per user, per
 * mailbox, so the sign-in follows the user to every Outlook client
 * (learn.microsoft.com/javascript/api/outlook/office.roamingsettings).
 *
 * - One entry per Jira base URL + consumer key (`jira-token:<base url> <consumer key>`): a token
 *   belongs to one application link of one Jira, and a reconfigured add-in must not sign with the
 *   old Jira's token.
 * - The roaming settings hold 32 KB in total, shared with everything else the add-in keeps (save
 *   fails with 9057 past it): an entry is a few hundred bytes, the user reduced to four fields.
 * - Microsoft: roaming settings are not secure storage (the mailbox owner and admins can read them
 *   through EWS/MAPI). An access token is worth the user's Jira access until it expires or is
 *   revoked; docs/security.md weighs that. It is never logged here.
 */
import type { AccessToken } from "../jira/create-jira-client";
import type { JiraUser } from "../jira/jira-types";
import type { JiraLogger } from "../jira/jira-transport";
import type { TokenCredentials } from "../oauth/oauth-signer-types";
import type { SettingsStorage } from "./session-ports";
import type { JiraAccount } from "./session-types";

/** The only entry format this code reads; another is ignored (the user signs in again), never misread. */
export const TOKEN_FORMAT_VERSION = 1;

/** The stored entry (JSON in roaming settings). */
export interface StoredToken extends TokenCredentials {
  formatVersion: typeof TOKEN_FORMAT_VERSION;
  /** Whom the token acts for (from /myself when it was obtained): shown at start without asking Jira. */
  user: JiraAccount;
  /** ISO 8601, when Jira issued it. */
  obtainedAt: string;
  /** ISO 8601, from `oauth_expires_in`; null when Jira said nothing. */
  expiresAt: string | null;
  /** ISO 8601, from `oauth_authorization_expires_in`; null when Jira said nothing. */
  authorizationExpiresAt: string | null;
}

/** The roaming-settings entry of one Jira + application link. */
export interface TokenStore {
  /** The setting's name. */
  readonly settingName: string;
  /** The stored entry, or undefined when there is none or it is of another format or malformed. Never throws. */
  read(): StoredToken | undefined;
  /** Changes the in-memory settings only; {@link save} persists. */
  write(entry: StoredToken): void;
  /** Changes the in-memory settings only; {@link save} persists. */
  remove(): void;
  /** Persists the settings (all of them: Office saves the whole set). Rejects with Office's error. */
  save(): Promise<void>;
}

/** Options of {@link createTokenStore}. */
export interface TokenStoreOptions {
  settings: SettingsStorage;
  jiraBaseUrl: string;
  consumerKey: string;
  /** Told why an entry was ignored (never its token or secret). */
  logger?: JiraLogger;
}

/** What every token entry's name starts with (the settings budget never drops one to make room). */
export const TOKEN_SETTING_PREFIX = "jira-token:";

/** `jira-token:<jiraBaseUrl> <consumerKey>`: the space can't occur in a URL, so the name is unambiguous. */
export function tokenSettingName(jiraBaseUrl: string, consumerKey: string): string {
  return `${TOKEN_SETTING_PREFIX}${jiraBaseUrl.replace(/\/+$/, "")} ${consumerKey}`;
}

/** The store for one Jira base URL and consumer key. */
export function createTokenStore(options: TokenStoreOptions): TokenStore {
  const { settings } = options;
  const settingName = tokenSettingName(options.jiraBaseUrl, options.consumerKey);
  const log = (message: string) => options.logger?.debug(`token store: ${message}`);
  return {
    settingName,
    read() {
      let value: unknown;
      try {
        value = settings.get(settingName);
      } catch (error) {
        log(`could not read ${settingName}: ${describeType(error)}`);
        return undefined;
      }
      if (value === undefined || value === null) {
        return undefined;
      }
      const entry = parseStoredToken(value);
      if (!entry) {
        // The reason names fields and types only: the value may hold a token.
        log(`ignored ${settingName}: ${whyNotStoredToken(value)}`);
      }
      return entry;
    },
    write(entry) {
      settings.set(settingName, entry);
    },
    remove() {
      settings.remove(settingName);
    },
    save: () => settings.save(),
  };
}

/** The entry for a token Jira just issued to `user`, `now` in ms since the epoch. */
export function storedTokenFrom(
  accessToken: AccessToken,
  user: JiraAccount,
  now: number
): StoredToken {
  // A lifetime past what a Date can hold (Jira's answer is digits of any length) is no expiry
  // date either: null, rather than a RangeError that would fail the whole sign-in.
  const at = (seconds: number | undefined) => {
    const date = seconds === undefined ? undefined : new Date(now + seconds * 1000);
    return date === undefined || Number.isNaN(date.getTime()) ? null : date.toISOString();
  };
  return {
    formatVersion: TOKEN_FORMAT_VERSION,
    token: accessToken.token,
    secret: accessToken.secret,
    user,
    obtainedAt: new Date(now).toISOString(),
    expiresAt: at(accessToken.expiresInSeconds),
    authorizationExpiresAt: at(accessToken.authorizationExpiresInSeconds),
  };
}

/**
 * The account fields worth keeping from /myself (not avatars, time zone…: the 32 KB are shared).
 * Only strings are kept: a `null` key or email address in Jira's answer would make the stored entry
 * one {@link parseStoredToken} refuses, and the sign-in would be gone at the next start.
 */
export function accountFromUser(user: JiraUser): JiraAccount {
  const name = stringOrUndefined(user.name) ?? "";
  const key = stringOrUndefined(user.key);
  const emailAddress = stringOrUndefined(user.emailAddress);
  return {
    name,
    displayName: stringOrUndefined(user.displayName) || name,
    ...(key === undefined ? {} : { key }),
    ...(emailAddress === undefined ? {} : { emailAddress }),
  };
}

/** True when the entry's `expiresAt` has passed at `now` (ms since the epoch). */
export function isStoredTokenExpired(entry: StoredToken, now: number): boolean {
  return entry.expiresAt !== null && Date.parse(entry.expiresAt) <= now;
}

/**
 * A stored value as a {@link StoredToken}, or undefined when it isn't one of format 1. The result is
 * a copy holding the known fields only: whatever else is in the stored object (put there by another
 * version, or by anyone who can write the mailbox's settings) goes no further.
 */
export function parseStoredToken(value: unknown): StoredToken | undefined {
  if (whyNotStoredToken(value) !== undefined) {
    return undefined;
  }
  const entry = value as StoredToken;
  return {
    formatVersion: TOKEN_FORMAT_VERSION,
    token: entry.token,
    secret: entry.secret,
    user: accountFromUser(entry.user),
    obtainedAt: entry.obtainedAt,
    expiresAt: entry.expiresAt,
    authorizationExpiresAt: entry.authorizationExpiresAt,
  };
}

/** Why `value` is no {@link StoredToken} (field names and types only), or undefined when it is one. */
function whyNotStoredToken(value: unknown): string | undefined {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return `not an object but ${describeType(value)}`;
  }
  const entry = value as Record<string, unknown>;
  if (entry.formatVersion !== TOKEN_FORMAT_VERSION) {
    return `formatVersion is ${typeof entry.formatVersion === "number" ? entry.formatVersion : describeType(entry.formatVersion)}, not ${TOKEN_FORMAT_VERSION}`;
  }
  for (const field of ["token", "secret"] as const) {
    if (typeof entry[field] !== "string" || (field === "token" && entry[field] === "")) {
      return `${field} is ${describeType(entry[field])}`;
    }
  }
  if (!isAccount(entry.user)) {
    return "user is not an account with name and displayName";
  }
  if (!isDate(entry.obtainedAt)) {
    return "obtainedAt is not an ISO date";
  }
  for (const field of ["expiresAt", "authorizationExpiresAt"] as const) {
    if (entry[field] !== null && !isDate(entry[field])) {
      return `${field} is neither null nor an ISO date`;
    }
  }
  return undefined;
}

function isAccount(value: unknown): value is JiraAccount {
  if (typeof value !== "object" || value === null) {
    return false;
  }
  const user = value as Record<string, unknown>;
  return (
    typeof user.name === "string" &&
    typeof user.displayName === "string" &&
    (user.key === undefined || typeof user.key === "string") &&
    (user.emailAddress === undefined || typeof user.emailAddress === "string")
  );
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

function isDate(value: unknown): boolean {
  return typeof value === "string" && !Number.isNaN(Date.parse(value));
}

function describeType(value: unknown): string {
  if (value === undefined) return "missing";
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (value instanceof Error) return value.name;
  if (value === "") return "an empty string";
  const type = typeof value;
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}
