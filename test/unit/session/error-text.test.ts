/**
 * Errors in the pane's language: their own English message in English; in German and French the
 * translation of their code followed by Jira's own (untranslated) words, and every code the pane
 * can show has an entry.
 */
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { ConfigError } from "../../../src/config/config-error";
import { englishCatalog } from "../../../src/i18n/catalog-en";
import { activateLanguage } from "../../../src/i18n/translate";
import {
  JiraHttpError,
  JiraNetworkError,
  OAuthProblem,
  errorFromResponse,
} from "../../../src/jira/jira-errors";
import { errorText, hasErrorText } from "../../../src/session/error-text";
import { SettingsTooLargeError } from "../../../src/session/settings-budget";
import { SessionError } from "../../../src/session/session-types";
import { problemText } from "../../../src/ui/problem-text";

const REQUEST = { method: "POST", path: "/rest/api/2/issue" };

afterEach(async () => {
  await activateLanguage("en-US");
});

describe("errorText", () => {
  it("says an error's own message in English, and problemText says the same", () => {
    const error = new JiraNetworkError(REQUEST, new TypeError("fetch failed"));
    expect(errorText(error)).toBe(error.message);
    expect(problemText(error)).toBe(error.message);
    expect(errorText("plain words")).toBe("plain words");
  });

  it("translates by code in German and French, with Jira's words after it untranslated", async () => {
    const error = errorFromResponse(REQUEST, {
      status: 400,
      headers: new Headers(),
      bodyText: JSON.stringify({ errorMessages: [], errors: { summary: "Summary is required." } }),
    });

    await activateLanguage("de-DE");
    expect(errorText(error)).toBe(
      "Jira hat die Eingaben nicht angenommen. Korrigieren Sie die genannten Felder und versuchen Sie es erneut. " +
        "Jira meldet: summary: Summary is required."
    );
    await activateLanguage("fr-FR");
    expect(problemText(error)).toBe(
      "Jira n'a pas accepté la saisie. Corrigez les champs indiqués et réessayez. " +
        "Jira indique : summary: Summary is required."
    );
  });

  it("keeps the relay's own English explanation out of a translation", async () => {
    const error = errorFromResponse(REQUEST, {
      status: 502,
      headers: new Headers({ "X-Relay-Error": "DEPTH_ZERO_SELF_SIGNED_CERT" }),
      bodyText: JSON.stringify({ errorMessages: ["The add-in server could not reach Jira."] }),
    });
    await activateLanguage("de-DE");
    expect(errorText(error)).toMatch(
      /^Der Server des Add-Ins vertraut dem Zertifikat .*JIRA_CA_FILE/
    );
    expect(errorText(error)).not.toContain("could not reach");
  });

  it("adds Jira's OAuth advice, and says other HTTP statuses generically", async () => {
    await activateLanguage("fr-FR");
    const problem = new OAuthProblem("token_rejected", {
      status: 401,
      parameters: { oauth_problem_advice: "The token was revoked by an administrator." },
    });
    expect(errorText(problem)).toBe(
      "Jira n'accepte plus votre connexion. Reconnectez-vous à Jira. " +
        "Jira indique : The token was revoked by an administrator."
    );
    const teapot = new JiraHttpError({
      code: "http_418",
      status: 418,
      request: REQUEST,
      message: "x",
    });
    expect(errorText(teapot)).toBe(
      "Jira a répondu par une erreur (418). Réessayez ; si cela se reproduit, contactez votre administrateur Jira."
    );
  });

  it("keeps the English message for a code without a translation", async () => {
    await activateLanguage("de-DE");
    const odd = Object.assign(new Error("Something only English knows."), { code: "brand_new" });
    expect(errorText(odd)).toBe("Something only English knows.");
    expect(hasErrorText("brand_new")).toBe(false);
  });

  it.each([
    [
      "a configuration error",
      new ConfigError("runtime_config_missing", "No file."),
      /addin-config\.json/,
    ],
    ["a sign-in failure", new SessionError("popup_blocked", "Blocked."), /Pop-ups/],
    ["a settings refusal", new SettingsTooLargeError(40_000, 32_768, []), /32 KB/],
  ])("translates %s", async (_label, error, german) => {
    await activateLanguage("de-DE");
    expect(errorText(error)).toMatch(german);
  });
});

describe("errors.json", () => {
  /** Every `code` string the pane's code can raise or show, as written in the source. */
  function codesInSource(): Set<string> {
    const roots = ["jira", "session", "office", "mail", "ui", "config", "oauth"].map((folder) =>
      path.join(__dirname, "../../../src", folder)
    );
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (/\.tsx?$/.test(entry.name)) files.push(full);
      }
    };
    roots.forEach(walk);
    const codes = new Set<string>();
    const patterns = [
      /\bcode(?:\s*=|:)\s*"([a-z][a-z0-9_]+)"/g,
      /new (?:ConfigError|SessionError|MailItemError|DescriptionConversionError|EmailLinkError)\(\s*"([a-z][a-z0-9_]+)"/g,
    ];
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      for (const pattern of patterns) {
        for (const match of text.matchAll(pattern)) codes.add(match[1]!);
      }
    }
    return codes;
  }

  // Codes of notices and step problems, not of errors: their texts come with them.
  const NOT_ERRORS = new Set([
    "connection_ended",
    "signed_in_as_other_user",
    "signed_out",
    "token_not_saved",
    "sign_out_not_saved",
    "token_expired_stored",
    "settings_full",
    "office_error",
    "unexpected_error",
    "not_jira",
    "jira_timeout",
    "issue_not_found",
    "interrupted",
    "error",
    "parsererror",
    // Raised only by the admin tools and the server, never in the pane.
    "private_key_missing",
    "private_key_exists",
    "private_key_unreadable",
    "addin_url_invalid",
  ]);

  it("has an entry for every code the pane can show", () => {
    const missing = [...codesInSource()].filter(
      (code) => !NOT_ERRORS.has(code) && !hasErrorText(code)
    );
    expect(missing).toEqual([]);
  });

  it("has an entry for every oauth_problem Jira reports", () => {
    for (const problem of [
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
    ]) {
      expect([problem, problem in englishCatalog.errors]).toEqual([problem, true]);
    }
  });
});
