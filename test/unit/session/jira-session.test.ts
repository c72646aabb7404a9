/**
 * The session's state machine: the Office host faked (settings in memory, a scripted dialog whose
 * "browser" uses the simulator's real authorize page), Jira the real simulator on 127.0.0.1.
 */
import { ConfigError } from "../../../src/config/config-error";
import { loadRuntimeConfig } from "../../../src/config/runtime-config";
import type { RuntimeConfig } from "../../../src/config/runtime-config";
import type { JiraClient } from "../../../src/jira/create-jira-client";
import { createJiraSession } from "../../../src/session/jira-session";
import type { JiraSessionOptions } from "../../../src/session/jira-session";
import { tokenSettingName } from "../../../src/session/token-store";
import type { StoredToken } from "../../../src/session/token-store";
import type { RunningJiraSimulator } from "../../../src/simulator/create-jira-simulator";
import { rejectionOf } from "../../integration/jira-client/jira-client-kit";
import { approveRequestToken, getRequestToken } from "../../support/reference-oauth-client";
import {
  ADDIN_ORIGIN,
  CALLBACK_URL,
  CONSUMER_KEY,
  browserInDialog,
  createMemorySettings,
  createScriptedDialog,
  officeError,
  setUpSessionSimulator,
  stateReached,
} from "./session-fakes";
import type {
  DialogOpening,
  DialogScript,
  MemorySettings,
  TestPane,
  TestPaneOptions,
} from "./session-fakes";

const { keys, startSimulator, startPane } = setUpSessionSimulator();

const ACCESS_TOKEN_PATH = "POST /plugins/servlet/oauth/access-token";
const JANE = {
  name: "jane",
  key: "jane",
  displayName: "Jane Doe",
  emailAddress: "jane.doe@example.com",
};

type Kit = TestPane & { sim: RunningJiraSimulator };

/** A started session against a fresh simulator; the dialog's browser chooses `choice`. */
async function startKit(options: TestPaneOptions = {}): Promise<Kit> {
  const sim = await startSimulator();
  return { ...(await startPane(sim, options)), sim };
}

async function signedInKit(options: TestPaneOptions = {}): Promise<Kit> {
  const kit = await startKit(options);
  await kit.session.signIn();
  expect(kit.session.getState()).toMatchObject({ status: "signed_in" });
  return kit;
}

function storedEntry(settings: MemorySettings, kit: Kit): unknown {
  return settings.persisted[tokenSettingName(kit.config.jiraBaseUrl, CONSUMER_KEY)];
}

/** A dialog script that opens, then (as Office does, later) does `then`. */
function onceOpen(then: (opening: DialogOpening) => void): DialogScript {
  return async (opening) => {
    setTimeout(() => then(opening), 0);
  };
}

describe("start", () => {
  const NOW = Date.parse("2025-06-01T12:00:00.000Z");
  const config: RuntimeConfig = {
    formatVersion: 1,
    jiraBaseUrl: "https://jira.example.com",
    consumerKey: CONSUMER_KEY,
    privateKeyPem: keys.privateKeyPem,
    relayUrl: "https://addin.example.com/jira",
  };
  const name = tokenSettingName(config.jiraBaseUrl, CONSUMER_KEY);
  const entry: StoredToken = {
    formatVersion: 1,
    token: "stored-access-token-0123456789ab",
    secret: "stored-secret",
    user: JANE,
    obtainedAt: "2025-01-01T00:00:00.000Z",
    expiresAt: "2030-01-01T00:00:00.000Z",
    authorizationExpiresAt: null,
  };

  function sessionOver(settings: MemorySettings, overrides: Partial<JiraSessionOptions> = {}) {
    const requests: string[] = [];
    const session = createJiraSession({
      loadConfig: async () => config,
      settings,
      dialog: createScriptedDialog(),
      callbackUrl: CALLBACK_URL,
      addinOrigin: ADDIN_ORIGIN,
      now: () => NOW,
      fetch: async (input) => {
        requests.push(String(input));
        throw new Error("start() must not call Jira");
      },
      ...overrides,
    });
    return { session, requests };
  }

  it("is starting until start() has read the configuration and the settings", async () => {
    const { session } = sessionOver(createMemorySettings());
    expect(session.getState()).toEqual({ status: "starting" });
    await session.start();
    expect(session.getState()).toEqual({
      status: "signed_out",
      jiraBaseUrl: "https://jira.example.com",
    });
  });

  it("is signed in with a stored token, without asking Jira", async () => {
    const { session, requests } = sessionOver(createMemorySettings({ [name]: entry }));
    await session.start();
    expect(session.getState()).toEqual({
      status: "signed_in",
      jiraBaseUrl: "https://jira.example.com",
      account: JANE,
    });
    expect(requests).toEqual([]);
  });

  it("is signed out, saying so, when the stored token has expired", async () => {
    const { session } = sessionOver(
      createMemorySettings({ [name]: { ...entry, expiresAt: "2025-05-31T00:00:00.000Z" } })
    );
    await session.start();
    expect(session.getState()).toMatchObject({
      status: "signed_out",
      notice: { code: "token_expired_stored", message: expect.stringContaining("May 31, 2025") },
    });
  });

  it("ignores a stored entry of another format", async () => {
    const { session } = sessionOver(
      createMemorySettings({ [name]: { ...entry, formatVersion: 2 } })
    );
    await session.start();
    expect(session.getState()).toEqual({
      status: "signed_out",
      jiraBaseUrl: "https://jira.example.com",
    });
  });

  it("is not configured when addin-config.json is missing, naming what the admin must fix", async () => {
    const url = "https://addin.example.com/addin-config.json";
    const { session } = sessionOver(createMemorySettings(), {
      loadConfig: () =>
        loadRuntimeConfig({ url, fetch: async () => new Response("Not found", { status: 404 }) }),
    });
    await session.start();
    const state = session.getState();
    expect(state).toMatchObject({
      status: "not_configured",
      notice: { code: "runtime_config_missing", intent: "error" },
    });
    expect(state.status === "not_configured" && state.notice.message).toMatch(
      /administrator.*serves no addin-config\.json at https:\/\/addin\.example\.com\/addin-config\.json/
    );
  });

  it("tries again when start() is called after not_configured, fetching the configuration afresh", async () => {
    const answers = [
      () => Promise.reject(new ConfigError("runtime_config_missing", "No addin-config.json.")),
      () => Promise.resolve(config),
    ];
    let loads = 0;
    const { session } = sessionOver(createMemorySettings({ [name]: entry }), {
      loadConfig: () => answers[loads++]!(),
    });
    const history: string[] = [];
    session.subscribe(() => history.push(session.getState().status));

    await session.start();
    expect(session.getState()).toMatchObject({ status: "not_configured" });
    // Called again while it is configured, start() does nothing new.
    await session.start();
    expect(loads).toBe(2);
    expect(history).toEqual(["not_configured", "starting", "signed_in"]);
    await session.start();
    expect(loads).toBe(2);
  });

  it("is not configured when the private key is bad", async () => {
    const { session } = sessionOver(createMemorySettings(), {
      loadConfig: async () => ({
        ...config,
        privateKeyPem: "-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----\n",
      }),
    });
    await session.start();
    expect(session.getState()).toMatchObject({
      status: "not_configured",
      notice: { code: "private_key_malformed", message: expect.stringMatching(/private key/) },
    });
  });

  it("is not configured for any configuration error, and start() never rejects", async () => {
    const { session } = sessionOver(createMemorySettings(), {
      loadConfig: async () => {
        throw new ConfigError("runtime_config_version", "addin-config.json has formatVersion 2.");
      },
    });
    await expect(session.start()).resolves.toBeUndefined();
    expect(session.getState()).toMatchObject({
      status: "not_configured",
      notice: {
        code: "runtime_config_version",
        message: expect.stringContaining("formatVersion 2"),
      },
    });
    // Nothing to sign in to, sign out of, or call.
    await session.signIn();
    await session.signOut();
    expect(session.getState().status).toBe("not_configured");
    expect(await rejectionOf(session.withJira(async () => 1))).toMatchObject({
      code: "sign_in_required",
    });
  });

  it("keeps getState() the same object until the state changes, and stops calling after unsubscribe", async () => {
    const { session } = sessionOver(createMemorySettings({ [name]: entry }));
    const first = session.getState();
    expect(session.getState()).toBe(first);
    const calls: string[] = [];
    const unsubscribe = session.subscribe(() => calls.push(session.getState().status));
    await session.start();
    expect(session.getState()).not.toBe(first);
    expect(session.getState()).toBe(session.getState());
    unsubscribe();
    await session.signOut();
    expect(calls).toEqual(["signed_in"]);
  });
});

describe("signing in", () => {
  it("runs the dance through the dialog and is signed in as Jane Doe, the token in the mailbox", async () => {
    const kit = await startKit();
    await kit.session.signIn();
    expect(kit.session.getState()).toEqual({
      status: "signed_in",
      jiraBaseUrl: kit.config.jiraBaseUrl,
      account: JANE,
    });
    expect(kit.history.map((state) => state.status)).toEqual([
      "starting",
      "signed_out",
      "signing_in",
      "signed_in",
    ]);
    expect(kit.history[2]).toMatchObject({ reconnecting: false });
    // The dialog opened on the add-in's callback page with the request token, and was closed.
    const [opening] = kit.dialog.openings;
    expect(opening?.url).toMatch(
      /^https:\/\/addin\.example\.com\/callback\.html\?authorize=[^&]+$/
    );
    expect(opening?.closed).toBe(true);
    expect(kit.requests).toEqual([
      "POST /plugins/servlet/oauth/request-token",
      ACCESS_TOKEN_PATH,
      "GET /rest/api/2/myself",
    ]);
    expect(storedEntry(kit.settings, kit)).toMatchObject({
      formatVersion: 1,
      token: expect.any(String),
      secret: expect.any(String),
      user: JANE,
      obtainedAt: expect.any(String),
    });
    // The stored token works.
    await expect(kit.session.withJira((jira) => jira.myself())).resolves.toMatchObject({
      name: "jane",
    });
  });

  it("accepts the callback from a host that reports no origin (before DialogOrigin 1.1)", async () => {
    const kit = await signedInKit({ choice: { origin: undefined } });
    expect(kit.session.getState()).toMatchObject({ account: { displayName: "Jane Doe" } });
  });

  it("after Deny: signed out, permission_denied, nothing stored", async () => {
    const kit = await startKit({ choice: { deny: true } });
    await kit.session.signIn();
    expect(kit.session.getState()).toMatchObject({
      status: "signed_out",
      notice: {
        code: "permission_denied",
        message: expect.stringMatching(
          /You chose Deny on Jira's page.*Sign in again and choose Allow/
        ),
      },
    });
    expect(kit.requests).not.toContain(ACCESS_TOKEN_PATH);
    expect(kit.settings.persisted).toEqual({});
    expect(kit.dialog.openings[0]?.closed).toBe(true);
  });

  it.each([12006, 12009])("when the user closes the dialog (%d): dialog_closed", async (code) => {
    const kit = await startKit();
    kit.dialog.script = onceOpen((opening) => opening.handlers.onClosed(code));
    await kit.session.signIn();
    expect(kit.session.getState()).toMatchObject({
      status: "signed_out",
      notice: {
        code: "dialog_closed",
        message: expect.stringMatching(/closed before Jira finished/),
      },
    });
  });

  it("when the dialog's page fails to load (12002): dialog_failed", async () => {
    const kit = await startKit();
    kit.dialog.script = onceOpen((opening) => opening.handlers.onClosed(12002));
    await kit.session.signIn();
    expect(kit.session.getState()).toMatchObject({
      status: "signed_out",
      notice: {
        code: "dialog_failed",
        message: expect.stringMatching(/could not be loaded \(error 12002\)/),
      },
    });
  });

  it.each<[number, string, RegExp]>([
    [12007, "dialog_already_open", /Close it and/],
    [12011, "popup_blocked", /Allow pop-ups for Outlook/],
    [12004, "dialog_untrusted", /HTTPS/],
    [12005, "dialog_untrusted", /HTTPS/],
    [12009, "dialog_closed", /closed/],
    [
      5001,
      "dialog_failed",
      /Outlook could not open the sign-in window \(Internal error, error 5001\)/,
    ],
  ])("when Office can't open the dialog (%d): %s", async (code, noticeCode, text) => {
    const kit = await startKit();
    kit.dialog.script = async () => {
      throw officeError(code, "Internal error");
    };
    await kit.session.signIn();
    expect(kit.session.getState()).toMatchObject({
      status: "signed_out",
      notice: { code: noticeCode, message: expect.stringMatching(text) },
    });
  });

  it("refuses a callback for a request token the pane didn't ask for, and never exchanges the real one", async () => {
    const kit = await startKit();
    // The attacker's own request token, approved by the attacker: a classic OAuth 1.0a login CSRF.
    const attacker = await getRequestToken(kit.sim, {
      consumerKey: CONSUMER_KEY,
      privateKeyPem: keys.privateKeyPem,
      callback: CALLBACK_URL,
    });
    const approved = await approveRequestToken(kit.sim, attacker.token, { as: "john" });
    kit.dialog.script = browserInDialog(kit.sim, {
      tamper: () =>
        JSON.stringify({
          kind: "jira-authorization-callback",
          oauthToken: attacker.token,
          oauthVerifier: approved.verifier,
        }),
    });
    await kit.session.signIn();
    expect(kit.session.getState()).toMatchObject({
      status: "signed_out",
      notice: { code: "callback_mismatch", message: expect.stringMatching(/forgery/) },
    });
    expect(kit.requests).not.toContain(ACCESS_TOKEN_PATH);
    expect(kit.dialog.openings[0]?.closed).toBe(true);
    expect(kit.settings.persisted).toEqual({});
    // The pane's own request token (approved by the user) is forgotten: the next sign-in starts afresh.
    kit.dialog.script = browserInDialog(kit.sim);
    await kit.session.signIn();
    expect(kit.session.getState()).toMatchObject({ status: "signed_in", account: JANE });
    expect(kit.dialog.openings[1]?.requestToken).not.toBe(kit.dialog.openings[0]?.requestToken);
  });

  it("refuses a message from another origin", async () => {
    const kit = await startKit({ choice: { origin: "https://evil.example.com" } });
    await kit.session.signIn();
    expect(kit.session.getState()).toMatchObject({
      status: "signed_out",
      notice: { code: "callback_wrong_origin" },
    });
    expect(kit.requests).not.toContain(ACCESS_TOKEN_PATH);
    expect(kit.dialog.openings[0]?.closed).toBe(true);
  });

  it.each([
    "not json",
    '{"kind":"jira-authorization-callback","oauthToken":7,"oauthVerifier":"v"}',
  ])("refuses a malformed message: %s", async (message) => {
    const kit = await startKit({ choice: { tamper: () => message } });
    await kit.session.signIn();
    expect(kit.session.getState()).toMatchObject({
      status: "signed_out",
      notice: { code: "callback_malformed" },
    });
    expect(kit.requests).not.toContain(ACCESS_TOKEN_PATH);
  });

  it.each(["denied", ""])(
    "takes a verifier %j in the dialog's message for Deny and never exchanges it",
    async (verifier) => {
      const kit = await startKit({
        choice: {
          tamper: (message) => {
            const answer = JSON.parse(message) as Record<string, unknown>;
            return JSON.stringify({ ...answer, oauthVerifier: verifier });
          },
        },
      });
      await kit.session.signIn();
      expect(kit.session.getState()).toMatchObject({
        status: "signed_out",
        notice: { code: "permission_denied" },
      });
      expect(kit.requests).not.toContain(ACCESS_TOKEN_PATH);
    }
  );

  it("never shows the request token or the verifier when the exchange fails with an answer that echoes them", async () => {
    const echoed: string[] = [];
    const kit = await startKit({
      fetch: (inner) => async (input, init) => {
        const url = new URL(input instanceof Request ? input.url : String(input));
        if (!url.pathname.endsWith("/plugins/servlet/oauth/access-token")) {
          return inner(input, init);
        }
        // A proxy (or Jira) that quotes what it got, as plain text: not in `name=value` form.
        const authorization = new Headers(init?.headers).get("authorization") ?? "";
        const value = (name: string) =>
          decodeURIComponent(new RegExp(`${name}="([^"]*)"`).exec(authorization)?.[1] ?? "");
        const [token, verifier] = [value("oauth_token"), value("oauth_verifier")];
        echoed.push(token, verifier);
        return new Response(`Verifier ${verifier} was not issued for ${token}.`, {
          status: 400,
          headers: { "Content-Type": "text/plain" },
        });
      },
    });
    await kit.session.signIn();
    const state = kit.session.getState();
    expect(state).toMatchObject({ status: "signed_out", notice: { code: "http_400" } });
    expect(echoed).toHaveLength(2);
    for (const secret of echoed) {
      expect(secret.length).toBeGreaterThanOrEqual(8);
      expect(JSON.stringify(state)).not.toContain(secret);
    }
  });

  it("reports the callback page's failure to open Jira's page", async () => {
    const kit = await startKit();
    kit.dialog.script = onceOpen((opening) =>
      opening.handlers.onMessage(
        JSON.stringify({
          kind: "jira-authorization-start-failed",
          message: "Could not open Jira's sign-in page: addin-config.json answered 404.",
        }),
        ADDIN_ORIGIN
      )
    );
    await kit.session.signIn();
    expect(kit.session.getState()).toMatchObject({
      status: "signed_out",
      notice: {
        code: "authorize_start_failed",
        message: expect.stringContaining("addin-config.json answered 404."),
      },
    });
    expect(kit.dialog.openings[0]?.closed).toBe(true);
  });

  it("refuses to go on when Jira doesn't confirm the callback", async () => {
    const kit = await startKit({
      fetch: (inner) => async (input, init) => {
        const response = await inner(input, init);
        if (!String(input).endsWith("/request-token")) return response;
        const body = (await response.text()).replace("oauth_callback_confirmed=true", "");
        return new Response(body, {
          status: response.status,
          headers: { "Content-Type": "text/plain" },
        });
      },
    });
    await kit.session.signIn();
    expect(kit.session.getState()).toMatchObject({
      status: "signed_out",
      notice: { code: "callback_not_confirmed" },
    });
    expect(kit.dialog.openings).toEqual([]);
  });

  it("reports Jira's refusal with its own code (consumer_key_unknown)", async () => {
    const kit = await startKit();
    const session = createJiraSession({
      loadConfig: async () => ({ ...kit.config, consumerKey: "not-linked" }),
      settings: createMemorySettings(),
      dialog: kit.dialog,
      callbackUrl: CALLBACK_URL,
      addinOrigin: ADDIN_ORIGIN,
    });
    await session.start();
    await session.signIn();
    expect(session.getState()).toMatchObject({
      status: "signed_out",
      notice: {
        code: "consumer_key_unknown",
        message: expect.stringMatching(/ask your Jira administrator/),
      },
    });
    expect(kit.dialog.openings).toEqual([]);
  });

  it("ignores signIn() while one runs", async () => {
    const kit = await startKit();
    const first = kit.session.signIn();
    const second = kit.session.signIn();
    await Promise.all([first, second]);
    expect(kit.dialog.openings).toHaveLength(1);
    expect(kit.requests.filter((request) => request.endsWith("/request-token"))).toHaveLength(1);
    // …and while signed in.
    await kit.session.signIn();
    expect(kit.dialog.openings).toHaveLength(1);
  });

  it("ignores a late answer of an earlier sign-in's dialog, even an approved one, from a host that still delivers it", async () => {
    const kit = await startKit();
    // A host that forgets to drop messages after the dialog ended: the session's own guard counts.
    const raw: DialogOpening["handlers"][] = [];
    const scripted = kit.dialog.open.bind(kit.dialog);
    kit.dialog.open = (url, handlers) => {
      raw.push(handlers);
      return scripted(url, handlers);
    };
    kit.dialog.script = onceOpen((opening) => opening.handlers.onClosed(12006));
    await kit.session.signIn();
    expect(kit.session.getState()).toMatchObject({ notice: { code: "dialog_closed" } });
    const earlier = kit.dialog.openings[0]?.requestToken ?? "";
    const approved = await approveRequestToken(kit.sim, earlier, { as: "john" });

    kit.dialog.script = async () => undefined; // the second dialog stays open for now
    const second = kit.session.signIn();
    while (kit.dialog.openings.length < 2) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    raw[0]?.onMessage(
      JSON.stringify({
        kind: "jira-authorization-callback",
        oauthToken: earlier,
        oauthVerifier: approved.verifier,
      }),
      ADDIN_ORIGIN
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(kit.requests).not.toContain(ACCESS_TOKEN_PATH);
    expect(kit.session.getState()).toMatchObject({ status: "signing_in" });

    // The second sign-in still finishes with its own answer, as Jane.
    const opening = kit.dialog.openings[1];
    if (!opening) throw new Error("no second dialog");
    const outcome = await approveRequestToken(kit.sim, opening.requestToken);
    opening.handlers.onMessage(
      JSON.stringify({
        kind: "jira-authorization-callback",
        oauthToken: opening.requestToken,
        oauthVerifier: outcome.verifier,
      }),
      ADDIN_ORIGIN
    );
    await second;
    expect(kit.session.getState()).toMatchObject({ status: "signed_in", account: JANE });
    expect(kit.requests.filter((request) => request === ACCESS_TOKEN_PATH)).toHaveLength(1);
  });
});

describe("saving the token", () => {
  it("stays signed in when the save fails (9057), says so, and Try again saves it", async () => {
    const settings = createMemorySettings();
    settings.failNextSaves(officeError(9057, "The settings are too large."));
    const kit = await signedInKit({ settings });
    expect(kit.session.getState()).toMatchObject({
      status: "signed_in",
      account: JANE,
      notice: {
        code: "token_not_saved",
        canRetrySave: true,
        message: expect.stringMatching(
          /Outlook could not save the sign-in to your mailbox \(the add-in's 32 KB of mailbox settings are full, error 9057\).*sign in again next time unless Try again succeeds/
        ),
      },
    });
    expect(storedEntry(settings, kit)).toBeUndefined();
    // The token works for this session all the same.
    await expect(kit.session.withJira((jira) => jira.myself())).resolves.toMatchObject({
      name: "jane",
    });

    settings.failNextSaves(officeError(9019, "Still failing."));
    await kit.session.retrySave();
    expect(kit.session.getState()).toMatchObject({
      notice: {
        code: "token_not_saved",
        message: expect.stringContaining("Still failing, error 9019"),
      },
    });

    await kit.session.retrySave();
    expect(kit.session.getState()).toEqual({
      status: "signed_in",
      jiraBaseUrl: kit.config.jiraBaseUrl,
      account: JANE,
    });
    expect(storedEntry(settings, kit)).toMatchObject({ user: JANE });
  });

  it("retrySave does nothing when nothing is unsaved", async () => {
    const kit = await signedInKit();
    const saves = kit.settings.saves;
    await kit.session.retrySave();
    expect(kit.settings.saves).toBe(saves);
  });

  it("dismissNotice drops the notice", async () => {
    const settings = createMemorySettings();
    settings.failNextSaves(officeError(9057));
    const kit = await signedInKit({ settings });
    kit.session.dismissNotice();
    expect(kit.session.getState()).toEqual({
      status: "signed_in",
      jiraBaseUrl: kit.config.jiraBaseUrl,
      account: JANE,
    });
  });
});

describe("signing out", () => {
  it("removes the entry, saves, and offers the link to revoke the token in Jira", async () => {
    const kit = await signedInKit();
    expect(storedEntry(kit.settings, kit)).toBeDefined();
    await kit.session.signOut();
    expect(storedEntry(kit.settings, kit)).toBeUndefined();
    expect(kit.session.getState()).toEqual({
      status: "signed_out",
      jiraBaseUrl: kit.config.jiraBaseUrl,
      notice: {
        code: "signed_out",
        intent: "info",
        title: "Signed out of Jira",
        message: expect.stringMatching(
          /forgot your Jira sign-in on this mailbox.*revoke it in Jira/
        ),
        link: {
          label: "Revoke the token in Jira",
          url: `${kit.config.jiraBaseUrl}/plugins/servlet/oauth/users/access-tokens`,
        },
      },
    });
    expect(await rejectionOf(kit.session.withJira((jira) => jira.myself()))).toMatchObject({
      code: "sign_in_required",
      message: "Sign in to Jira to continue.",
    });
  });

  it("says so when the removal can't be saved, and Try again saves it", async () => {
    const kit = await signedInKit();
    kit.settings.failNextSaves(officeError(9019, "Save failed."));
    await kit.session.signOut();
    expect(kit.session.getState()).toMatchObject({
      status: "signed_out",
      notice: { code: "sign_out_not_saved", canRetrySave: true },
    });
    expect(storedEntry(kit.settings, kit)).toBeDefined();
    await kit.session.retrySave();
    expect(storedEntry(kit.settings, kit)).toBeUndefined();
    expect(kit.session.getState()).toEqual({
      status: "signed_out",
      jiraBaseUrl: kit.config.jiraBaseUrl,
    });
  });

  it("abandons a sign-in whose token exchange is under way: nothing is stored, the state stays signed out", async () => {
    let exchanging!: () => void;
    const exchangeStarted = new Promise<void>((resolve) => (exchanging = resolve));
    let finishExchange!: () => void;
    const exchangeMayFinish = new Promise<void>((resolve) => (finishExchange = resolve));
    const kit = await startKit({
      fetch: (inner) => async (input, init) => {
        const url = new URL(input instanceof Request ? input.url : String(input));
        if (url.pathname.endsWith("/plugins/servlet/oauth/access-token")) {
          exchanging();
          await exchangeMayFinish;
        }
        return inner(input, init);
      },
    });
    const signingIn = kit.session.signIn();
    await exchangeStarted;
    await kit.session.signOut();
    finishExchange();
    await signingIn;
    expect(kit.session.getState()).toMatchObject({
      status: "signed_out",
      notice: { code: "signed_out" },
    });
    expect(kit.requests).not.toContain("GET /rest/api/2/myself");
    expect(kit.settings.values).toEqual({});
    expect(kit.settings.persisted).toEqual({});
  });

  it("abandons a sign-in in progress and closes its dialog", async () => {
    const kit = await startKit();
    kit.dialog.script = async () => undefined; // stays open: the user hasn't decided yet
    const signingIn = kit.session.signIn();
    while (kit.dialog.openings.length === 0) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await kit.session.signOut();
    await signingIn;
    expect(kit.dialog.openings[0]?.closed).toBe(true);
    expect(kit.session.getState()).toMatchObject({
      status: "signed_out",
      notice: { code: "signed_out" },
    });
  });
});

describe("withJira: when Jira stops accepting the token", () => {
  it("ends the session, the work waits, and continues after a new sign-in", async () => {
    const kit = await signedInKit();
    kit.sim.control.revokeAllTokens();
    const first = kit.session.withJira((jira) => jira.myself());
    const ended = await stateReached(kit.session, (state) => state.status === "ended");
    expect(ended).toEqual({
      status: "ended",
      jiraBaseUrl: kit.config.jiraBaseUrl,
      account: JANE,
      notice: {
        code: "connection_ended",
        intent: "warning",
        title: "Your Jira connection ended",
        message: expect.stringMatching(
          /no longer accepts your sign-in: it was revoked, it expired, or the application link was changed.*Sign in again to continue/
        ),
      },
      waitingOperations: 1,
    });
    // Work started while the session is ended waits too.
    const second = kit.session.withJira((jira) => jira.projects());
    expect(kit.session.getState()).toMatchObject({ status: "ended", waitingOperations: 2 });

    await kit.session.signIn();
    expect(
      kit.history.find((state) => state.status === "signing_in" && state.reconnecting)
    ).toMatchObject({
      account: JANE,
    });
    expect(kit.session.getState()).toMatchObject({ status: "signed_in", account: JANE });
    await expect(first).resolves.toMatchObject({ displayName: "Jane Doe" });
    await expect(second).resolves.toEqual(
      expect.arrayContaining([expect.objectContaining({ key: expect.any(String) })])
    );
  });

  it("discovers a stored token Jira no longer knows on the first call", async () => {
    const kit = await signedInKit();
    // A new pane over the same mailbox, after the simulator forgot every token.
    kit.sim.control.revokeAllTokens();
    const { session: pane } = await startPane(kit.sim, {
      settings: createMemorySettings(kit.settings.persisted),
    });
    expect(pane.getState()).toMatchObject({ status: "signed_in", account: JANE });
    const work = pane.withJira((jira) => jira.myself());
    await stateReached(pane, (state) => state.status === "ended");
    await pane.signIn();
    await expect(work).resolves.toMatchObject({ name: "jane" });
  });

  it("ends once when several operations fail with the same token", async () => {
    const kit = await signedInKit();
    kit.sim.control.revokeAllTokens();
    const operations = [1, 2, 3].map(() => kit.session.withJira((jira) => jira.myself()));
    await stateReached(
      kit.session,
      (state) => state.status === "ended" && state.waitingOperations === 3
    );
    const transitions = kit.history.filter(
      (state, index) => state.status === "ended" && kit.history[index - 1]?.status !== "ended"
    );
    expect(transitions).toHaveLength(1);
    await kit.session.signIn();
    await expect(Promise.all(operations)).resolves.toHaveLength(3);
  });

  it("an operation that fails with an older token runs again with the new one, without ending the new session", async () => {
    const kit = await signedInKit();
    let releaseSlow!: () => void;
    const slowGate = new Promise<void>((resolve) => (releaseSlow = resolve));
    const clients: JiraClient[] = [];
    const slow = kit.session.withJira(async (jira) => {
      clients.push(jira);
      if (clients.length === 1) await slowGate;
      return jira.myself();
    });
    kit.sim.control.revokeAllTokens();
    const fast = kit.session.withJira((jira) => jira.myself());
    await stateReached(kit.session, (state) => state.status === "ended");
    await kit.session.signIn();
    await expect(fast).resolves.toMatchObject({ name: "jane" });
    const endings = kit.history.filter((state) => state.status === "ended").length;

    releaseSlow();
    await expect(slow).resolves.toMatchObject({ name: "jane" });
    expect(clients).toHaveLength(2);
    expect(clients[1]).not.toBe(clients[0]);
    expect(kit.session.getState()).toMatchObject({ status: "signed_in" });
    expect(kit.history.filter((state) => state.status === "ended")).toHaveLength(endings);
  });

  it("a failed re-sign-in goes back to ended with its notice; the work still waits", async () => {
    const kit = await signedInKit();
    kit.sim.control.revokeAllTokens();
    const work = kit.session.withJira((jira) => jira.myself());
    await stateReached(kit.session, (state) => state.status === "ended");
    kit.dialog.script = onceOpen((opening) => opening.handlers.onClosed(12006));
    await kit.session.signIn();
    expect(kit.session.getState()).toMatchObject({
      status: "ended",
      account: JANE,
      notice: { code: "dialog_closed" },
      waitingOperations: 1,
    });
    kit.dialog.script = browserInDialog(kit.sim);
    await kit.session.signIn();
    await expect(work).resolves.toMatchObject({ name: "jane" });
  });

  it("work in flight when the user signs out never continues under the next sign-in", async () => {
    const kit = await signedInKit();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const ranAs: string[] = [];
    const work = kit.session.withJira(async (jira) => {
      await gate;
      const user = await jira.myself();
      ranAs.push(user.name);
      return user;
    });
    await kit.session.signOut();
    // Jane's token stops working (revoked in Jira), and John signs in at the same pane.
    kit.sim.control.revokeAllTokens();
    kit.dialog.script = browserInDialog(kit.sim, { as: "john" });
    await kit.session.signIn();
    expect(kit.session.getState()).toMatchObject({
      status: "signed_in",
      account: { name: "john" },
    });

    release();
    expect(await rejectionOf(work)).toMatchObject({
      name: "SessionError",
      code: "sign_in_required",
    });
    expect(ranAs).toEqual([]);
    expect(kit.session.getState()).toMatchObject({ status: "signed_in" });
  });

  it("hands waiting work back instead of continuing it when another Jira user signs in again", async () => {
    const kit = await signedInKit();
    kit.sim.control.revokeAllTokens();
    const ranAs: string[] = [];
    const work = kit.session.withJira(async (jira) => {
      const user = await jira.myself();
      ranAs.push(user.name);
      return user;
    });
    await stateReached(kit.session, (state) => state.status === "ended");
    kit.dialog.script = browserInDialog(kit.sim, { as: "john" });
    await kit.session.signIn();

    expect(await rejectionOf(work)).toMatchObject({
      name: "SessionError",
      code: "other_user_signed_in",
      message: expect.stringMatching(/^Signed in as John Smith, not Jane Doe/),
    });
    expect(ranAs).toEqual([]);
    expect(kit.session.getState()).toMatchObject({
      status: "signed_in",
      account: { name: "john" },
      notice: { code: "signed_in_as_other_user", title: "Signed in as another Jira user" },
    });
  });

  it("cancelWaiting rejects the waiting work with sign_in_required", async () => {
    const kit = await signedInKit();
    kit.sim.control.revokeAllTokens();
    const work = kit.session.withJira((jira) => jira.myself());
    await stateReached(kit.session, (state) => state.status === "ended");
    kit.session.cancelWaiting();
    expect(await rejectionOf(work)).toMatchObject({
      name: "SessionError",
      code: "sign_in_required",
      message: "Sign in to Jira to continue.",
    });
    expect(kit.session.getState()).toMatchObject({ status: "ended", waitingOperations: 0 });
  });

  it("signOut rejects the waiting work with sign_in_required", async () => {
    const kit = await signedInKit();
    kit.sim.control.revokeAllTokens();
    const work = kit.session.withJira((jira) => jira.myself());
    await stateReached(kit.session, (state) => state.status === "ended");
    await kit.session.signOut();
    expect(await rejectionOf(work)).toMatchObject({ code: "sign_in_required" });
    expect(kit.session.getState()).toMatchObject({ status: "signed_out" });
  });

  it("rejects at once when nobody is signed in", async () => {
    const kit = await startKit();
    let ran = false;
    const error = await rejectionOf(
      kit.session.withJira(async () => {
        ran = true;
      })
    );
    expect(error).toMatchObject({
      code: "sign_in_required",
      message: "Sign in to Jira to continue.",
    });
    expect(ran).toBe(false);
  });

  it("passes other errors through and stays signed in", async () => {
    const kit = await signedInKit();
    const error = await rejectionOf(kit.session.withJira((jira) => jira.getIssue("NOPE-999")));
    expect(error).toMatchObject({ name: "JiraHttpError", code: "http_404" });
    expect(kit.session.getState()).toMatchObject({ status: "signed_in" });
    const thrown = await rejectionOf(
      kit.session.withJira(() => {
        throw new RangeError("the caller's own bug");
      })
    );
    expect(thrown).toBeInstanceOf(RangeError);
  });
});
