import { ConfigError } from "../../../src/config/config-error";
import { activateLanguage } from "../../../src/i18n/translate";
import {
  JiraHttpError,
  JiraNetworkError,
  OAuthProblem,
  errorFromResponse,
  redirectError,
} from "../../../src/jira/jira-errors";
import { SettingsTooLargeError } from "../../../src/session/settings-budget";
import {
  connectionEndedNotice,
  noticeForError,
  revokeTokensUrl,
  saveFailedNotice,
  signedOutNotice,
  storedTokenExpiredNotice,
} from "../../../src/session/session-notices";
import { SessionError } from "../../../src/session/session-types";
import type { SessionErrorCode, SessionNotice } from "../../../src/session/session-types";
import { officeError } from "./session-fakes";

const JIRA = "https://jira.example.com";
// A token the pane holds, and one that travels in a parameter of an error message.
const HELD_TOKEN = "HeldAccessTokenValue0123456789ab";
const LEAKED_TOKEN = "LeakedRequestTokenValue987654321";
const context = { jiraBaseUrl: JIRA, secrets: [HELD_TOKEN] };

// Every code, checked by the compiler against SessionErrorCode in both directions.
const SESSION_ERROR_CODES = Object.keys({
  sign_in_required: true,
  other_user_signed_in: true,
  dialog_already_open: true,
  dialog_closed: true,
  popup_blocked: true,
  dialog_untrusted: true,
  dialog_failed: true,
  permission_denied: true,
  callback_mismatch: true,
  callback_wrong_origin: true,
  callback_malformed: true,
  callback_not_confirmed: true,
  authorize_start_failed: true,
} satisfies Record<SessionErrorCode, true>) as SessionErrorCode[];

const OAUTH_PROBLEMS = [
  "consumer_key_unknown",
  "signature_invalid",
  "signature_method_rejected",
  "timestamp_refused",
  "nonce_used",
  "token_rejected",
  "token_expired",
  "permission_unknown",
  "permission_denied",
  "parameter_absent",
  "parameter_rejected",
  "version_rejected",
  "something_new",
];

/** The relay's answer when it can't get to Jira (src/server/jira-relay.ts). */
function relayAnswer(relayError: string, status = 502): JiraHttpError {
  return errorFromResponse(
    { method: "GET", path: "/rest/api/2/myself" },
    {
      status,
      headers: new Headers({ "X-Relay-Error": relayError }),
      bodyText: JSON.stringify({ errorMessages: [`The add-in server could not reach Jira.`] }),
    }
  ) as JiraHttpError;
}

afterEach(async () => {
  await activateLanguage("en-US");
});

function expectReadable(notice: SessionNotice): void {
  expect(notice.title.length).toBeGreaterThan(3);
  // Short enough for a banner's heading.
  expect(notice.title.length).toBeLessThanOrEqual(40);
  expect(notice.message.length).toBeGreaterThan(20);
  expect(["info", "success", "warning", "error"]).toContain(notice.intent);
  const text = JSON.stringify(notice);
  expect(text).not.toContain(HELD_TOKEN);
  expect(text).not.toContain(LEAKED_TOKEN);
}

describe("noticeForError", () => {
  it.each(SESSION_ERROR_CODES)("explains SessionError %s with a title and what to do", (code) => {
    const error = new SessionError(
      code,
      `Failed with oauth_token=${LEAKED_TOKEN} while holding ${HELD_TOKEN}.`
    );
    const notice = noticeForError(error, context);
    expect(notice.code).toBe(code);
    expectReadable(notice);
  });

  it.each<[SessionErrorCode, RegExp]>([
    ["dialog_already_open", /another one is open.*Close it and/i],
    ["dialog_closed", /The sign-in window was closed before Jira finished/],
    ["popup_blocked", /Allow pop-ups for Outlook/],
    ["permission_denied", /You chose Deny on Jira's page.*Sign in again and choose Allow/],
    ["callback_mismatch", /refused it: it could be a forgery.*Sign in again/],
    ["callback_wrong_origin", /outside the add-in.*refused/],
    ["callback_malformed", /could not read/],
    [
      "callback_not_confirmed",
      /did not confirm.*Jira administrator of https:\/\/jira\.example\.com/,
    ],
  ])("says for %s what happened and what to do", (code, text) => {
    expect(noticeForError(new SessionError(code, "detail"), context).message).toMatch(text);
  });

  it("quotes the callback page's reason when Jira's page could not be opened", () => {
    const notice = noticeForError(
      new SessionError("authorize_start_failed", "Could not open Jira's sign-in page: 404."),
      context
    );
    expect(notice).toMatchObject({
      code: "authorize_start_failed",
      title: "Couldn't open Jira's sign-in page",
      message: expect.stringContaining("Could not open Jira's sign-in page: 404."),
    });
  });

  it.each(OAUTH_PROBLEMS)("explains Jira's oauth_problem %s", (problem) => {
    const error = new OAuthProblem(problem, {
      status: 401,
      parameters: { oauth_signature_base_string: `POST&x&oauth_token%3D${LEAKED_TOKEN}` },
    });
    const notice = noticeForError(error, context);
    expect(notice.code).toBe(problem);
    expect(notice.message).toContain(problem);
    expectReadable(notice);
  });

  it("sends the user to the right person for the application link's problems", () => {
    const say = (code: string) => noticeForError(new OAuthProblem(code, { status: 401 })).message;
    expect(say("consumer_key_unknown")).toMatch(
      /application link for this add-in is missing in Jira: ask your Jira administrator/
    );
    expect(say("signature_invalid")).toMatch(
      /Jira administrator to check that the public key on the add-in's application link matches/
    );
    expect(say("timestamp_refused")).toMatch(/this computer's clock/);
    expect(say("permission_denied")).toMatch(/choose Allow/);
    expect(say("token_rejected")).toMatch(/Sign in to Jira again/);
  });

  it.each<[string, JiraHttpError, RegExp]>([
    [
      "relay_not_configured",
      new JiraHttpError({
        code: "relay_not_configured",
        status: 503,
        message: "relay",
        request: { method: "GET", path: "/rest/api/2/myself" },
        relayError: "JIRA_NOT_CONFIGURED",
      }),
      /no Jira to pass requests to.*administrator/,
    ],
    [
      "jira_unreachable",
      new JiraHttpError({
        code: "jira_unreachable",
        status: 502,
        message: "relay",
        request: { method: "GET", path: "/rest/api/2/myself" },
        relayError: "ECONNREFUSED",
      }),
      /could not reach Jira \(https:\/\/jira\.example\.com\) \(ECONNREFUSED\).*try again later/,
    ],
    [
      "sso_login_page",
      new JiraHttpError({
        code: "sso_login_page",
        status: 200,
        message:
          "Jira answered with a login page: a single sign-on gateway intercepts the requests.",
        request: { method: "POST", path: "/plugins/servlet/oauth/request-token" },
      }),
      /single sign-on gateway/,
    ],
    [
      "http_503",
      new JiraHttpError({
        code: "http_503",
        status: 503,
        message: "Jira answered 503",
        request: { method: "GET", path: "/rest/api/2/myself" },
      }),
      /answered with an error \(503\)\. Try again later/,
    ],
    [
      "http_403",
      new JiraHttpError({
        code: "http_403",
        status: 403,
        message: `Jira answered 403 to GET /x?oauth_token=${LEAKED_TOKEN}. Your Jira account may lack the permission.`,
        request: { method: "GET", path: "/x" },
      }),
      /lack the permission/,
    ],
    [
      "jira_timeout",
      relayAnswer("ETIMEDOUT", 504),
      /waited too long for Jira \(https:\/\/jira\.example\.com\) \(ETIMEDOUT\).*firewall/,
    ],
    [
      "jira_host_not_found",
      relayAnswer("ENOTFOUND"),
      /can't find the host of Jira.*host name in the server's JIRA_URL/,
    ],
    [
      "jira_tls_error",
      relayAnswer("UNABLE_TO_VERIFY_LEAF_SIGNATURE"),
      /refused the certificate of Jira.*\(UNABLE_TO_VERIFY_LEAF_SIGNATURE\).*JIRA_CA_FILE/,
    ],
    [
      "jira_redirect",
      redirectError(
        { method: "POST", path: "/plugins/servlet/oauth/request-token" },
        { status: 0, headers: new Headers() }
      ),
      /answered with a redirect instead of data.*single sign-on gateway.*Base URL/,
    ],
    [
      "invalid_response",
      new JiraHttpError({
        code: "invalid_response",
        status: 200,
        message: "no oauth_token",
        request: { method: "POST", path: "/plugins/servlet/oauth/request-token" },
      }),
      /something that is not Jira's data.*Base URL/,
    ],
    [
      "not_jira",
      errorFromResponse(
        { method: "POST", path: "/plugins/servlet/oauth/request-token" },
        {
          status: 404,
          headers: new Headers({ "Content-Type": "text/html" }),
          bodyText: "<html><title>Welcome to nginx</title></html>",
        }
      ) as JiraHttpError,
      /is not Jira: it answered 404.*jiraBaseUrl in addin-config\.json.*JIRA_URL/,
    ],
  ])("explains JiraHttpError %s", (code, error, text) => {
    const notice = noticeForError(error, context);
    expect(notice.code).toBe(code);
    expect(notice.message).toMatch(text);
    expectReadable(notice);
  });

  it("explains a network failure", () => {
    const notice = noticeForError(
      new JiraNetworkError(
        { method: "GET", path: "/rest/api/2/myself" },
        new TypeError("fetch failed")
      ),
      context
    );
    expect(notice).toMatchObject({ code: "network_error", title: "No connection to Jira" });
    expect(notice.message).toMatch(/Check your network connection/);
    expectReadable(notice);
  });

  it("passes a configuration error's code and message on to the administrator", () => {
    const error = new ConfigError(
      "runtime_config_missing",
      "The add-in host serves no addin-config.json at https://addin.example.com/addin-config.json (404 Not Found)."
    );
    const notice = noticeForError(error, {});
    expect(notice).toMatchObject({ code: "runtime_config_missing", intent: "error" });
    expect(notice.message).toMatch(/administrator fixes the add-in's configuration/);
    expect(notice.message).toContain(error.message);
    expectReadable(notice);
  });

  it.each<[number, string, RegExp]>([
    [9057, "settings_full", /32 KB of mailbox settings are full, error 9057/],
    [12007, "dialog_already_open", /another one is open/],
    [12011, "popup_blocked", /Allow pop-ups/],
    [12004, "dialog_untrusted", /HTTPS/],
    [12006, "dialog_closed", /closed before Jira finished/],
    [5001, "office_error", /Internal error, error 5001/],
  ])("explains Office's error %d", (code, noticeCode, text) => {
    const notice = noticeForError(officeError(code, "Internal error"), context);
    expect(notice.code).toBe(noticeCode);
    expect(notice.message).toMatch(text);
    expectReadable(notice);
  });

  it("redacts anything else it has to quote", () => {
    const notice = noticeForError(
      new Error(
        `boom at /callback?oauth_token=${LEAKED_TOKEN}&oauth_verifier=123456 with ${HELD_TOKEN}`
      ),
      context
    );
    expect(notice.code).toBe("unexpected_error");
    expect(notice.message).toContain("oauth_token=[REDACTED]");
    expect(notice.message).not.toContain("123456");
    expectReadable(notice);
  });
});

describe("settings over Outlook's 32 KB", () => {
  const tooLarge = new SettingsTooLargeError(33_500, 32_768, [
    { name: "notes-of-an-old-version", chars: 30_000 },
    { name: "jira-token:https://old-jira.example.com jira-for-outlook", chars: 700 },
    { name: "jira-destinations", chars: 2_000 },
  ]);

  it("after sign-in: signed in for now, what takes the room, who removes it, and Try again", () => {
    const notice = saveFailedNotice(tooLarge, "sign_in", context);
    expect(notice).toMatchObject({ code: "token_not_saved", canRetrySave: true });
    expect(notice.message).toMatch(
      /^You are signed in, but the sign-in was not saved to your mailbox: .*32 KB.*taken by the setting "notes-of-an-old-version" \(29 KB\), a sign-in to https:\/\/old-jira\.example\.com \(700 bytes\), and the memory of where your emails went \(2 KB\)\. .*administrator.*Try again/
    );
    expectReadable(notice);
  });

  it("anywhere else: nothing was saved, and what takes the room", () => {
    const notice = noticeForError(tooLarge, context);
    expect(notice).toMatchObject({ code: "settings_too_large", title: "Mailbox settings full" });
    expect(notice.message).toMatch(/nothing was saved.*"notes-of-an-old-version"/);
    expectReadable(notice);
  });
});

describe("in German and French", () => {
  it("says the session's notices in the user's language, Jira's and the server's names untouched", async () => {
    await activateLanguage("de-DE");
    const tls = noticeForError(relayAnswer("DEPTH_ZERO_SELF_SIGNED_CERT"), context);
    expect(tls.title).toBe("Zertifikat von Jira nicht vertraut");
    expect(tls.message).toMatch(
      /^Der Server des Add-Ins hat das Zertifikat von Jira \(https:\/\/jira\.example\.com\) abgelehnt \(DEPTH_ZERO_SELF_SIGNED_CERT\)\..*JIRA_CA_FILE/
    );
    const config = noticeForError(new ConfigError("runtime_config_invalid", "consumerKey …"), {});
    expect(config.message).toBe(
      "Jira for Outlook kann keine Verbindung zu Jira herstellen, bis sein Administrator die Konfiguration des Add-Ins korrigiert. " +
        "Sagen Sie ihm: Die Konfiguration des Add-Ins (addin-config.json) ist ungültig. Bitten Sie Ihren Administrator, sie zu korrigieren."
    );

    await activateLanguage("fr-FR");
    const ended = connectionEndedNotice(new OAuthProblem("token_rejected", { status: 401 }));
    expect(ended.title).toBe("Votre connexion à Jira a pris fin");
    const signature = noticeForError(new OAuthProblem("signature_invalid", { status: 401 }));
    expect(signature.title).toBe("Jira refuse la clé du complément");
    expect(signature.message).toMatch(/^Jira a refusé la signature du complément\..*clé publique/);
  });
});

describe("the session's own notices", () => {
  it("after sign-out: what was forgotten, with the link to revoke the token in Jira", () => {
    expect(revokeTokensUrl(`${JIRA}/`)).toBe(`${JIRA}/plugins/servlet/oauth/users/access-tokens`);
    const notice = signedOutNotice(JIRA);
    expect(notice).toMatchObject({
      code: "signed_out",
      intent: "info",
      link: {
        label: "Revoke the token in Jira",
        url: `${JIRA}/plugins/servlet/oauth/users/access-tokens`,
      },
    });
    expect(notice.message).toMatch(/forgot your Jira sign-in on this mailbox/);
    expect(notice.message).toMatch(/revoke it in Jira/);
    expectReadable(notice);
  });

  it("a save that failed after sign-in: still signed in, Try again, and why (9057: settings full)", () => {
    const notice = saveFailedNotice(officeError(9057, "Settings too large"), "sign_in", context);
    expect(notice).toMatchObject({
      code: "token_not_saved",
      canRetrySave: true,
      intent: "warning",
    });
    expect(notice.message).toMatch(/Outlook could not save the sign-in to your mailbox/);
    expect(notice.message).toMatch(/32 KB of mailbox settings are full/);
    expect(notice.message).toMatch(/sign in again next time unless Try again succeeds/);
    expectReadable(notice);
    const other = saveFailedNotice(
      officeError(9019, "Settings could not be saved"),
      "sign_in",
      context
    );
    expect(other.message).toMatch(/Settings could not be saved, error 9019/);
  });

  it("a save that failed after sign-out: Try again, or revoke in Jira", () => {
    const notice = saveFailedNotice(officeError(9019, "Save failed"), "sign_out", context);
    expect(notice).toMatchObject({
      code: "sign_out_not_saved",
      canRetrySave: true,
      link: { url: `${JIRA}/plugins/servlet/oauth/users/access-tokens` },
    });
    expectReadable(notice);
  });

  it("the connection ended: sign in again, nothing typed is lost; token_expired says so", () => {
    const rejected = connectionEndedNotice(
      new OAuthProblem("token_rejected", { status: 401 }),
      context
    );
    expect(rejected).toMatchObject({
      code: "connection_ended",
      title: "Your Jira connection ended",
    });
    expect(rejected.message).toMatch(/revoked, it expired, or the application link was changed/);
    expect(rejected.message).toMatch(/Sign in again to continue\.$/);
    const expired = connectionEndedNotice(
      new OAuthProblem("token_expired", { status: 401 }),
      context
    );
    expect(expired.code).toBe("connection_ended");
    expect(expired.message).toMatch(/it has expired \(token_expired\)/);
    expectReadable(expired);
  });

  it("a stored token that expired", () => {
    const notice = storedTokenExpiredNotice("2024-12-31T23:00:00.000Z");
    expect(notice).toMatchObject({ code: "token_expired_stored", intent: "info" });
    expect(notice.message).toMatch(/expired on Dec 31, 2024\. Sign in to Jira again/);
    expectReadable(notice);
  });
});
