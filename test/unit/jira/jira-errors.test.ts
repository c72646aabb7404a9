/**
 * Error mapping from recorded Jira / relay / SSO answers, and the proof that no credential
 * survives in any error kind's string, message, JSON or cause.
 */
import {
  JiraHttpError,
  JiraNetworkError,
  JiraValidationError,
  OAuthProblem,
  errorFromResponse,
  htmlError,
  isNotJiraAnswer,
  redirectError,
} from "../../../src/jira/jira-errors";

const REQUEST = { method: "POST", path: "/rest/api/2/issue" };

function answer(
  status: number,
  body: string,
  headers: Record<string, string> = {},
  redirected = false
) {
  return errorFromResponse(REQUEST, {
    status,
    headers: new Headers(headers),
    bodyText: body,
    redirected,
  });
}

describe("errorFromResponse", () => {
  it("401 with an OAuth problem in WWW-Authenticate → OAuthProblem with its code and parameters", () => {
    const error = answer(401, "oauth_problem=token_rejected", {
      "WWW-Authenticate": 'OAuth realm="http%3A%2F%2Fjira", oauth_problem="token_rejected"',
      "Content-Type": "text/plain",
    });

    expect(error).toBeInstanceOf(OAuthProblem);
    expect(error).toMatchObject({ code: "token_rejected", status: 401 });
    expect(error.message).toMatch(/Sign in to Jira again/);
  });

  it("401 with the problem only in the body → OAuthProblem", () => {
    expect(
      answer(401, "oauth_problem=timestamp_refused&oauth_acceptable_timestamps=1-601")
    ).toMatchObject({
      name: "OAuthProblem",
      code: "timestamp_refused",
      parameters: { oauth_acceptable_timestamps: "1-601" },
    });
  });

  it("400 with field errors → JiraValidationError (also a JiraHttpError)", () => {
    const error = answer(
      400,
      JSON.stringify({
        errorMessages: [],
        errors: { customfield_10100: "Service type is required." },
      }),
      { "Content-Type": "application/json;charset=UTF-8" }
    );

    expect(error).toBeInstanceOf(JiraValidationError);
    expect(error).toBeInstanceOf(JiraHttpError);
    expect(error).toMatchObject({
      name: "JiraValidationError",
      code: "jira_validation",
      status: 400,
      errors: { customfield_10100: "Service type is required." },
      errorMessages: [],
    });
    expect(error.message).toMatch(/customfield_10100: Service type is required/);
  });

  it.each([
    [
      400,
      '{"errorMessages":["The value \'NOPE\' does not exist for the field \'project\'."],"errors":{}}',
      {},
      "http_400",
      /does not exist for the field/,
    ],
    [
      403,
      "XSRF check failed",
      { "Content-Type": "text/plain" },
      "xsrf_check_failed",
      /X-Atlassian-Token: no-check/,
    ],
    [403, '{"errorMessages":["You do not have permission"]}', {}, "http_403", /permission/],
    [
      404,
      '{"errorMessages":["Issue Does Not Exist"],"errors":{}}',
      {},
      "http_404",
      /Issue Does Not Exist/,
    ],
    [
      413,
      '{"errorMessages":["The attachment is too large"]}',
      {},
      "payload_too_large",
      /smaller file/,
    ],
    [429, "", { "Retry-After": "5" }, "rate_limited", /wait/],
    [500, '{"errorMessages":["Internal server error"]}', {}, "http_500", /try again later/],
    [
      401,
      '{"errorMessages":["You are not authenticated."]}',
      {},
      "http_401",
      /sign in to Jira again/,
    ],
  ])("%i %s → JiraHttpError %s", (status, body, headers, code, message) => {
    const error = answer(status, body, headers);

    expect(error).toBeInstanceOf(JiraHttpError);
    expect(error).not.toBeInstanceOf(JiraValidationError);
    expect(error).toMatchObject({
      name: "JiraHttpError",
      code,
      status,
      method: "POST",
      path: "/rest/api/2/issue",
    });
    expect(error.message).toMatch(message);
  });

  it.each([
    [502, "ECONNREFUSED", "jira_unreachable", /Nothing accepts connections at Jira's address/],
    [502, "ECONNRESET", "jira_unreachable", /failed or broke off/],
    [502, "EHOSTUNREACH", "jira_unreachable", /failed or broke off/],
    [504, "ETIMEDOUT", "http_504", /did not answer the add-in's server in time/],
    [502, "ESOCKETTIMEDOUT", "http_502", /in time/],
    [502, "INVALID_CA", "jira_tls_error", /JIRA_CA_FILE/],
    [413, "REQUEST_TOO_LARGE", "payload_too_large", /smaller file.*RELAY_MAX_BODY_MB/],
    [405, "METHOD_NOT_ALLOWED", "relay_refused", /bug of the add-in/],
    [400, "UPGRADE_REFUSED", "relay_refused", /refused to pass the request on/],
    [501, "TRANSFER_CODING_UNSUPPORTED", "relay_refused", /refused/],
    [502, "ENOTFOUND", "jira_host_not_found", /host name in JIRA_URL/],
    [502, "EAI_AGAIN", "jira_host_not_found", /DNS/],
    [502, "DEPTH_ZERO_SELF_SIGNED_CERT", "jira_tls_error", /JIRA_CA_FILE/],
    [502, "SELF_SIGNED_CERT_IN_CHAIN", "jira_tls_error", /JIRA_CA_FILE/],
    [502, "UNABLE_TO_VERIFY_LEAF_SIGNATURE", "jira_tls_error", /JIRA_CA_FILE/],
    [502, "UNABLE_TO_GET_ISSUER_CERT_LOCALLY", "jira_tls_error", /JIRA_CA_FILE/],
    [502, "CERT_HAS_EXPIRED", "jira_tls_error", /JIRA_CA_FILE/],
    [502, "ERR_TLS_CERT_ALTNAME_INVALID", "jira_tls_error", /name on the certificate in JIRA_URL/],
    [502, "EPROTO", "jira_tls_error", /certificate/],
    [503, "JIRA_NOT_CONFIGURED", "relay_not_configured", /JIRA_URL/],
    [400, "INVALID_PATH", "relay_invalid_path", /plain paths/],
  ])("the relay's %i X-Relay-Error %s → %s", (status, relayError, code, message) => {
    const bodies: Record<string, string> = {
      JIRA_NOT_CONFIGURED: "The add-in server has no Jira to relay to: set JIRA_URL.",
      INVALID_PATH: "The add-in server relays only plain paths below /jira/ to Jira.",
    };
    const body =
      bodies[relayError] ?? `The add-in server could not reach Jira at http://jira: ${relayError}.`;

    const error = answer(status, JSON.stringify({ errorMessages: [body] }), {
      "X-Relay-Error": relayError,
      "Content-Type": "application/json",
    });

    expect(error).toMatchObject({ name: "JiraHttpError", code, status, relayError });
    expect(error.message).toMatch(message);
  });

  it("an SSO login page (password field) → sso_login_page, whatever the status", () => {
    const page =
      '<!DOCTYPE html><html><head><title>Sign in - Contoso SSO</title></head><body><form method="post">' +
      '<input type="text" name="user"><input type="password" name="pw"></form></body></html>';

    for (const status of [200, 401, 403]) {
      const error = htmlError(REQUEST, {
        status,
        headers: new Headers({ "Content-Type": "text/html" }),
        bodyText: page,
      });
      expect(error).toMatchObject({ code: "sso_login_page", status });
      expect(error.message).toMatch(/login page \("Sign in - Contoso SSO"\).*single sign-on/s);
    }
  });

  it("HTML after a redirect → sso_login_page; HTML otherwise → unexpected_html or http_<status>", () => {
    const html = "<html><head><title>Welcome</title></head><body>Log In</body></html>";
    const headers = new Headers({ "Content-Type": "text/html;charset=UTF-8" });

    expect(
      htmlError(REQUEST, { status: 200, headers, bodyText: html, redirected: true }).code
    ).toBe("sso_login_page");
    expect(htmlError(REQUEST, { status: 200, headers, bodyText: html }).code).toBe(
      "unexpected_html"
    );
    const notFound = answer(
      404,
      "<html><head><title>HTTP Status 404 – Not Found</title></head></html>",
      {
        "Content-Type": "text/html",
      }
    );
    expect(notFound).toMatchObject({ code: "http_404" });
    expect(notFound.message).toMatch(/HTML page.*context path/s);
  });
});

describe("a Jira URL that doesn't lead to Jira", () => {
  it.each([
    [
      "an HTML 404 at request-token",
      "POST",
      "/plugins/servlet/oauth/request-token",
      404,
      "<html><title>Not Found</title></html>",
      "text/html",
    ],
    [
      "another app's JSON 404 at myself",
      "GET",
      "/rest/api/2/myself",
      404,
      '{"timestamp":1,"status":404,"error":"Not Found"}',
      "application/json",
    ],
    [
      "a 405 at access-token",
      "POST",
      "/plugins/servlet/oauth/access-token",
      405,
      "Method Not Allowed",
      "text/plain",
    ],
    ["an empty 404 at serverInfo", "GET", "/rest/api/2/serverInfo", 404, "", "text/plain"],
  ])(
    "%s → http_<status> saying so and naming jiraBaseUrl",
    (_label, method, path, status, body, type) => {
      const error = errorFromResponse(
        { method, path },
        { status, headers: new Headers({ "Content-Type": type }), bodyText: body }
      ) as JiraHttpError;

      expect(error).toMatchObject({ name: "JiraHttpError", code: `http_${status}`, status });
      expect(error.message).toMatch(
        /does not lead to Jira.*jiraBaseUrl in addin-config\.json.*JIRA_URL/s
      );
      expect(isNotJiraAnswer(error)).toBe(true);
    }
  );

  it("a 404 in Jira's own shape, or at an issue's address, is Jira's", () => {
    const jiraSays = errorFromResponse(
      { method: "GET", path: "/rest/api/2/myself" },
      {
        status: 404,
        headers: new Headers({ "Content-Type": "application/json" }),
        bodyText: JSON.stringify({ errorMessages: ["User does not exist"], errors: {} }),
      }
    ) as JiraHttpError;
    const issue = errorFromResponse(
      { method: "GET", path: "/rest/api/2/issue/SUP-99" },
      { status: 404, headers: new Headers(), bodyText: "" }
    ) as JiraHttpError;

    expect(isNotJiraAnswer(jiraSays)).toBe(false);
    expect(jiraSays.message).not.toMatch(/does not lead to Jira/);
    expect(isNotJiraAnswer(issue)).toBe(false);
    expect(issue.code).toBe("http_404");
  });
});

describe("redirectError", () => {
  it("names where Node saw the redirect go (without its query), and what to check", () => {
    const error = redirectError(REQUEST, {
      status: 302,
      headers: new Headers({ Location: "https://sso.example.com/adfs/ls?SAMLRequest=abc" }),
    });
    expect(error).toMatchObject({ code: "jira_redirect", status: 302 });
    expect(error.message).toMatch(
      /redirect to https:\/\/sso\.example\.com\/adfs\/ls instead of data/
    );
    expect(error.message).not.toContain("SAMLRequest");
    expect(error.message).toMatch(/single sign-on.*Base URL.*JIRA_URL/s);
  });

  it("says it without a place for a browser's opaque redirect", () => {
    const error = redirectError(REQUEST, { status: 0, headers: new Headers() });
    expect(error).toMatchObject({ code: "jira_redirect", status: 0 });
    expect(error.message).toMatch(
      /answered POST \/rest\/api\/2\/issue with a redirect instead of data/
    );
  });
});

describe("no credential survives in any error", () => {
  const TOKEN = "T0kenValue9f8e7d6c";
  const SIGNATURE = "c2lnbmF0dXJlU2VjcmV0";
  const VERIFIER = "V3rifierValue55";
  const TOKEN_SECRET = "TokenSecret12345";
  const authorization = `OAuth oauth_consumer_key="ck", oauth_token="${TOKEN}", oauth_signature="${SIGNATURE}"`;
  const leaky = `Authorization: ${authorization} oauth_verifier=${VERIFIER}&oauth_token_secret=${TOKEN_SECRET}`;

  const errors: Array<[string, Error]> = [
    [
      "OAuthProblem (signature_invalid with Jira's base string)",
      errorFromResponse(REQUEST, {
        status: 401,
        headers: new Headers({
          "WWW-Authenticate": `OAuth oauth_problem="signature_invalid", oauth_signature_base_string="${encodeURIComponent(
            `POST&http%3A%2F%2Fjira%2Frest&oauth_token%3D${TOKEN}%26oauth_verifier%3D${VERIFIER}`
          )}", oauth_token="${TOKEN}"`,
        }),
        bodyText: `oauth_problem=signature_invalid&oauth_token=${TOKEN}`,
      }),
    ],
    [
      "JiraValidationError",
      errorFromResponse(REQUEST, {
        status: 400,
        headers: new Headers(),
        bodyText: JSON.stringify({ errorMessages: [leaky], errors: { description: leaky } }),
      }),
    ],
    [
      "JiraHttpError",
      errorFromResponse(REQUEST, {
        status: 500,
        headers: new Headers(),
        bodyText: JSON.stringify({ errorMessages: [leaky] }),
      }),
    ],
    [
      "JiraHttpError from the relay",
      errorFromResponse(REQUEST, {
        status: 502,
        headers: new Headers({ "X-Relay-Error": "ECONNRESET" }),
        bodyText: JSON.stringify({ errorMessages: [leaky] }),
      }),
    ],
    [
      "JiraNetworkError",
      new JiraNetworkError(
        REQUEST,
        new TypeError(`fetch failed ${leaky}`, {
          cause: Object.assign(
            new Error(
              `socket hang up; headers: {"authorization":"${authorization.replace(/"/g, '\\"')}"}`
            ),
            {
              code: "ECONNRESET",
            }
          ),
        })
      ),
    ],
  ];

  it.each(errors)("%s", (_label, error) => {
    const cause = (error as { cause?: unknown }).cause;
    const causeChain: string[] = [];
    for (let current: unknown = cause; current instanceof Error; current = current.cause) {
      causeChain.push(
        String(current),
        current.message,
        current.stack ?? "",
        JSON.stringify(current)
      );
    }
    const texts = [
      String(error),
      error.message,
      error.stack ?? "",
      JSON.stringify(error),
      JSON.stringify({ ...error }),
      String(cause ?? ""),
      ...causeChain,
    ];

    for (const text of texts) {
      for (const secret of [TOKEN, SIGNATURE, VERIFIER, TOKEN_SECRET]) {
        expect(text).not.toContain(secret);
      }
    }
    expect(JSON.parse(JSON.stringify(error))).toHaveProperty("code");
  });

  it("keeps the network cause's code for diagnosis", () => {
    const error = errors[4][1] as JiraNetworkError;
    expect(error).toMatchObject({ name: "JiraNetworkError", code: "network_error" });
    expect((error.cause as Error).cause).toMatchObject({ code: "ECONNRESET" });
    expect(error.message).toMatch(/got no answer \(fetch failed.*socket hang up.*ECONNRESET\)/s);
  });
});
