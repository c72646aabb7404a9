import {
  accountFromUser,
  createTokenStore,
  isStoredTokenExpired,
  parseStoredToken,
  storedTokenFrom,
  tokenSettingName,
} from "../../../src/session/token-store";
import type { StoredToken } from "../../../src/session/token-store";
import { createMemorySettings } from "./session-fakes";

const JIRA = "https://jira.example.com/jira";
const NOW = Date.parse("2025-03-01T10:00:00.000Z");
// Jira's tokens are 32 characters; the secret too.
const TOKEN = "Qm9uZ1ZhbHVlT2ZBbkFjY2Vzc1Rva2Vu";
const SECRET = "U2VjcmV0T2ZUaGVBY2Nlc3NUb2tlbjEy";

function entry(overrides: Partial<StoredToken> = {}): StoredToken {
  return {
    formatVersion: 1,
    token: TOKEN,
    secret: SECRET,
    user: { name: "jane", key: "JIRAUSER10100", displayName: "Jane Doe" },
    obtainedAt: "2025-03-01T10:00:00.000Z",
    expiresAt: "2030-03-01T10:00:00.000Z",
    authorizationExpiresAt: null,
    ...overrides,
  };
}

function storeWith(values: Record<string, unknown> = {}, logger?: { debug(line: string): void }) {
  const settings = createMemorySettings(values);
  const store = createTokenStore({
    settings,
    jiraBaseUrl: JIRA,
    consumerKey: "jira-for-outlook",
    ...(logger ? { logger } : {}),
  });
  return { settings, store };
}

describe("the token store (one roaming-settings entry per Jira and application link)", () => {
  it("names the entry after Jira's base URL and the consumer key", () => {
    expect(tokenSettingName(JIRA, "jira-for-outlook")).toBe(
      "jira-token:https://jira.example.com/jira jira-for-outlook"
    );
    expect(tokenSettingName(`${JIRA}/`, "k")).toBe("jira-token:https://jira.example.com/jira k");
    expect(storeWith().store.settingName).toBe(tokenSettingName(JIRA, "jira-for-outlook"));
  });

  it("writes, reads back and removes an entry; only save persists", async () => {
    const { settings, store } = storeWith();
    expect(store.read()).toBeUndefined();
    store.write(entry());
    expect(store.read()).toEqual(entry());
    expect(settings.persisted).toEqual({});
    await store.save();
    expect(settings.persisted).toEqual({ [store.settingName]: entry() });
    store.remove();
    expect(store.read()).toBeUndefined();
    await store.save();
    expect(settings.persisted).toEqual({});
  });

  it("keeps entries of another Jira or consumer apart", () => {
    const other = tokenSettingName("https://other.example.com", "jira-for-outlook");
    const { store } = storeWith({ [other]: entry() });
    expect(store.read()).toBeUndefined();
  });

  it.each<[string, unknown]>([
    ["another formatVersion", { ...entry(), formatVersion: 2 }],
    ["no formatVersion", { ...entry(), formatVersion: undefined }],
    ["a string", "token"],
    ["an array", [entry()]],
    ["null", null],
    ["a token that is a number", { ...entry(), token: 42 }],
    ["an empty token", { ...entry(), token: "" }],
    ["a missing secret", { ...entry(), secret: undefined }],
    ["a user without displayName", { ...entry(), user: { name: "jane" } }],
    ["an obtainedAt that is no date", { ...entry(), obtainedAt: "yesterday" }],
    ["an expiresAt that is a number", { ...entry(), expiresAt: 1234 }],
  ])("ignores (never throws on) an entry with %s", (_case, value) => {
    const lines: string[] = [];
    const { store } = storeWith(
      { [tokenSettingName(JIRA, "jira-for-outlook")]: value },
      { debug: (line) => lines.push(line) }
    );
    expect(store.read()).toBeUndefined();
    expect(parseStoredToken(value)).toBeUndefined();
    // Why it was ignored is logged, never the token or the secret in it.
    expect(lines.join("\n")).not.toContain(TOKEN);
    expect(lines.join("\n")).not.toContain(SECRET);
  });

  it("hands out a copy with the known fields only, never the stored object and what else is in it", () => {
    const hostile = JSON.parse(
      JSON.stringify({
        ...entry(),
        redirect: "https://evil.example.com",
        user: { ...entry().user, isAdmin: true, avatarUrls: { "48x48": "x".repeat(20_000) } },
      }).replace('"redirect"', '"__proto__"')
    ) as unknown;
    const { store } = storeWith({ [tokenSettingName(JIRA, "jira-for-outlook")]: hostile });
    const read = store.read();
    expect(read).toEqual(entry());
    expect(Object.keys(read ?? {}).sort()).toEqual(Object.keys(entry()).sort());
    expect(Object.keys(read?.user ?? {}).sort()).toEqual(["displayName", "key", "name"]);
    expect(Object.getPrototypeOf(read)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).redirect).toBeUndefined();
  });

  it("reads nothing when the settings themselves throw", () => {
    const store = createTokenStore({
      settings: {
        get: () => {
          throw new Error("settings not loaded");
        },
        set: () => undefined,
        remove: () => undefined,
        save: async () => undefined,
      },
      jiraBaseUrl: JIRA,
      consumerKey: "k",
    });
    expect(store.read()).toBeUndefined();
  });

  it("builds the entry from Jira's answer: expiry dates from oauth_expires_in, the user reduced to four fields", () => {
    const account = accountFromUser({
      self: `${JIRA}/rest/api/2/user?username=jane`,
      name: "jane",
      key: "JIRAUSER10100",
      displayName: "Jane Doe",
      emailAddress: "jane.doe@example.com",
      active: true,
      timeZone: "Europe/Berlin",
      avatarUrls: { "48x48": `${JIRA}/secure/useravatar?avatarId=10122` },
    });
    expect(account).toEqual({
      name: "jane",
      key: "JIRAUSER10100",
      displayName: "Jane Doe",
      emailAddress: "jane.doe@example.com",
    });
    const stored = storedTokenFrom(
      {
        token: TOKEN,
        secret: SECRET,
        expiresInSeconds: 157_680_000,
        authorizationExpiresInSeconds: 157_680_000,
        sessionHandle: "handle-never-stored",
      },
      account,
      NOW
    );
    expect(stored).toEqual({
      formatVersion: 1,
      token: TOKEN,
      secret: SECRET,
      user: account,
      obtainedAt: "2025-03-01T10:00:00.000Z",
      expiresAt: "2030-02-28T10:00:00.000Z",
      authorizationExpiresAt: "2030-02-28T10:00:00.000Z",
    });
    expect(JSON.stringify(stored)).not.toContain("handle-never-stored");
    expect(storedTokenFrom({ token: TOKEN, secret: SECRET }, account, NOW)).toMatchObject({
      expiresAt: null,
      authorizationExpiresAt: null,
    });
  });

  it("keeps only strings from /myself, so the entry it writes reads back at the next start", () => {
    // Jira's answer as it arrives over the wire: nulls where the type says string or absent.
    const account = accountFromUser({
      name: "jane",
      key: null,
      displayName: null,
      emailAddress: null,
    } as unknown as Parameters<typeof accountFromUser>[0]);
    expect(account).toEqual({ name: "jane", displayName: "jane" });
    const stored = storedTokenFrom({ token: TOKEN, secret: SECRET }, account, NOW);
    expect(parseStoredToken(JSON.parse(JSON.stringify(stored)))).toEqual(stored);
  });

  it("writes no expiry date for a lifetime no date can hold, rather than failing", () => {
    const account = { name: "jane", displayName: "Jane Doe" };
    const stored = storedTokenFrom(
      { token: TOKEN, secret: SECRET, expiresInSeconds: 1e20, authorizationExpiresInSeconds: 60 },
      account,
      NOW
    );
    expect(stored).toMatchObject({
      expiresAt: null,
      authorizationExpiresAt: "2025-03-01T10:01:00.000Z",
    });
    expect(parseStoredToken(stored)).toEqual(stored);
  });

  it("stays far under the 32 KB of roaming settings: a realistic entry is under 2 KB of JSON", () => {
    const stored = storedTokenFrom(
      { token: TOKEN, secret: SECRET, expiresInSeconds: 157_680_000 },
      {
        name: "jane.doe-with-a-long-username@corp.example.com",
        key: "JIRAUSER10100",
        displayName: "Jane Alexandra Doe-Montgomery (Customer Support, EMEA)",
        emailAddress: "jane.alexandra.doe-montgomery@customer-support.emea.example.com",
      },
      NOW
    );
    const name = tokenSettingName("https://jira.internal.example.com/jira", "jira-for-outlook");
    expect(new TextEncoder().encode(name + JSON.stringify(stored)).length).toBeLessThan(2048);
  });

  it("tells an expired entry by expiresAt; null never expires", () => {
    expect(isStoredTokenExpired(entry({ expiresAt: "2025-03-01T09:59:59.000Z" }), NOW)).toBe(true);
    expect(isStoredTokenExpired(entry({ expiresAt: "2025-03-01T10:00:01.000Z" }), NOW)).toBe(false);
    expect(isStoredTokenExpired(entry({ expiresAt: null }), NOW)).toBe(false);
  });
});
