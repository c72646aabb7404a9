/**
 * The errors the Jira client throws, each with `name`, a `code` to branch on, `cause`, and a
 * message a user or admin can act on (octokit's RequestError is the model). Every message and
 * cause is redacted (../oauth/redact.ts); `toJSON` shows only safe fields.
 *
 * - {@link OAuthProblem}: Jira refused the OAuth credentials (401 + `oauth_problem`).
 * - {@link JiraValidationError}: 400 with field `errors` (a create/comment Jira won't accept).
 * - {@link JiraHttpError}: any other answer ≥ 400, the relay's own errors, HTML where JSON was due.
 * - {@link JiraNetworkError}: no answer at all (fetch threw).
 */
import { OAuthProblem, parseOAuthProblem } from "../oauth/oauth-problem";
import { isErrorLike, redactSecrets, redactValues, redactedError } from "../oauth/redact";

/** Re-exported so callers find every error the client throws in one module. */
export { OAuthProblem };

/** Which request failed: method and path only (the query may hold JQL with customer data). */
export interface FailedRequest {
  method: string;
  path: string;
}

/** Jira answered with an error status, or with something the client can't use. */
export class JiraHttpError extends Error {
  override readonly name: string = "JiraHttpError";
  /** `http_<status>`, or a specific case: `xsrf_check_failed`, `payload_too_large`, `rate_limited`,
   * `sso_login_page`, `jira_redirect`, `unexpected_html`, `invalid_response`, and the
   * relay's: `jira_unreachable`, `jira_host_not_found`, `jira_tls_error`, `relay_not_configured`,
   * `relay_invalid_path`, `relay_refused` (see {@link relayFailure}). */
  readonly code: string;
  /** HTTP status (2xx for `sso_login_page` / `unexpected_html` / `invalid_response` after a 200). */
  readonly status: number;
  /** Jira's `errorMessages`. */
  readonly errorMessages: string[];
  /** Jira's field `errors` (field id → message). */
  readonly errors: Record<string, string>;
  readonly method: string;
  readonly path: string;
  /** The relay's `X-Relay-Error` code (e.g. `ECONNREFUSED`), when the relay answered instead of Jira. */
  readonly relayError?: string;

  constructor(options: {
    code: string;
    status: number;
    message: string;
    request: FailedRequest;
    errorMessages?: string[];
    errors?: Record<string, string>;
    relayError?: string;
    cause?: unknown;
  }) {
    super(
      redactSecrets(options.message),
      options.cause === undefined ? undefined : { cause: redactedError(options.cause) }
    );
    this.code = options.code;
    this.status = options.status;
    this.errorMessages = (options.errorMessages ?? []).map((message) => redactSecrets(message));
    this.errors = redactValues(options.errors ?? {});
    this.method = options.request.method;
    this.path = options.request.path;
    if (options.relayError !== undefined) {
      this.relayError = options.relayError;
    }
  }

  /** What `JSON.stringify` shows: no stack, nothing secret. */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      code: this.code,
      status: this.status,
      message: this.message,
      method: this.method,
      path: this.path,
      errorMessages: this.errorMessages,
      errors: this.errors,
      ...(this.relayError === undefined ? {} : { relayError: this.relayError }),
    };
  }
}

/** Jira refused the input (400 with field errors, e.g. a required custom field left empty). */
export class JiraValidationError extends JiraHttpError {
  override readonly name = "JiraValidationError";
}

/** No HTTP answer: the relay (or Jira) could not be reached, or the connection broke. */
export class JiraNetworkError extends Error {
  override readonly name = "JiraNetworkError";
  readonly code = "network_error";
  readonly method: string;
  readonly path: string;

  constructor(request: FailedRequest, cause: unknown) {
    // Redacted before it is embedded, so a redaction can't swallow the advice after it.
    const reason = redactSecrets(isErrorLike(cause) ? describeNetworkCause(cause) : String(cause));
    super(
      redactSecrets(
        `${request.method} ${request.path} got no answer (${reason}). Check the network connection; ` +
          "if it persists, the add-in's server or Jira may be down."
      ),
      { cause: redactedError(cause) }
    );
    this.method = request.method;
    this.path = request.path;
  }

  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      code: this.code,
      message: this.message,
      method: this.method,
      path: this.path,
    };
  }
}

/** undici says "fetch failed" and keeps the reason (ECONNREFUSED…) in `cause`. */
function describeNetworkCause(error: Error): string {
  const inner = isErrorLike(error.cause) ? error.cause : undefined;
  const code =
    (inner as { code?: unknown } | undefined)?.code ?? (error as { code?: unknown }).code;
  return [error.message, inner?.message, typeof code === "string" ? code : undefined]
    .filter((part, index, all) => part && all.indexOf(part) === index)
    .join(": ");
}

/** An HTTP answer to turn into an error. */
export interface ErrorResponse {
  status: number;
  headers: Headers;
  bodyText: string;
  /** fetch's `redirected`: true when the answer came after a redirect (an SSO gateway's, typically). */
  redirected?: boolean;
}

/** Jira's `{errorMessages, errors}` error body, if the body is one. */
export function parseJiraErrorBody(bodyText: string): {
  errorMessages: string[];
  errors: Record<string, string>;
} {
  try {
    const body = JSON.parse(bodyText) as {
      errorMessages?: unknown;
      errors?: unknown;
      message?: unknown;
    };
    const errorMessages = Array.isArray(body.errorMessages)
      ? body.errorMessages.filter((message): message is string => typeof message === "string")
      : typeof body.message === "string"
        ? [body.message]
        : [];
    const errors =
      body.errors && typeof body.errors === "object"
        ? Object.fromEntries(
            Object.entries(body.errors as Record<string, unknown>).map(([field, message]) => [
              field,
              String(message),
            ])
          )
        : {};
    return { errorMessages, errors };
  } catch {
    return { errorMessages: [], errors: {} };
  }
}

/** Maps an error answer (status ≥ 400) to the error the caller sees. */
export function errorFromResponse(
  request: FailedRequest,
  response: ErrorResponse
): OAuthProblem | JiraHttpError {
  const { status, headers, bodyText } = response;
  const problem = parseOAuthProblem(headers.get("www-authenticate"), bodyText);
  if (problem) {
    return new OAuthProblem(problem.problem, { status, parameters: problem.parameters });
  }
  const { errorMessages, errors } = parseJiraErrorBody(bodyText);
  const what = `${request.method} ${request.path}`;
  const relayError = headers.get("x-relay-error") ?? undefined;
  if (relayError !== undefined) {
    const { code, advice } = relayFailure(relayError, status);
    return new JiraHttpError({
      code,
      status,
      request,
      errorMessages,
      relayError,
      message: `${what}: the add-in's server could not pass the request to Jira (${relayError}). ${advice}${
        errorMessages.length > 0 ? ` The server says: ${errorMessages.join(" ")}` : ""
      }`,
    });
  }
  if (isNotJira(request, status, errorMessages, errors)) {
    // Still `http_<status>`: the admin tools and the create/comment-once rules key on it.
    return new JiraHttpError({
      code: `http_${status}`,
      status,
      request,
      errorMessages,
      errors,
      message:
        `The add-in's Jira URL does not lead to Jira: ${what} answered ${status}, and Jira always has that address. ` +
        `${CHECK_JIRA_URL}`,
    });
  }
  if (isHtml(headers, bodyText)) {
    return htmlError(request, response);
  }
  const details = [
    ...errorMessages,
    ...Object.entries(errors).map(([field, message]) => `${field}: ${message}`),
  ];
  const jiraSays = details.length > 0 ? ` Jira says: ${details.join("; ")}` : "";
  if (status === 400 && Object.keys(errors).length > 0) {
    return new JiraValidationError({
      code: "jira_validation",
      status,
      request,
      errorMessages,
      errors,
      message: `Jira did not accept ${what}: correct the fields it names and try again.${jiraSays}`,
    });
  }
  const { code, advice } = classify(status, bodyText);
  return new JiraHttpError({
    code,
    status,
    request,
    errorMessages,
    errors,
    message:
      `Jira answered ${status} to ${what}.${jiraSays || plainText(bodyText)} ${advice}`.trim(),
  });
}

/** What an administrator checks when the configured address is not Jira's. */
const CHECK_JIRA_URL =
  "The add-in's administrator must set jiraBaseUrl in addin-config.json, and the add-in server's JIRA_URL, " +
  "to Jira's Base URL (Administration > System > Base URL), including any context path such as /jira.";

/**
 * Paths every Jira Server/DC answers (the OAuth servlets, serverInfo, myself): a 404 or 405 there,
 * not in Jira's `{errorMessages, errors}` shape, comes from something else at the configured URL.
 */
const ALWAYS_THERE = /^\/(plugins\/servlet\/oauth\/|rest\/api\/2\/(serverInfo|myself)$)/;

function isNotJira(
  request: FailedRequest,
  status: number,
  errorMessages: readonly string[],
  errors: Readonly<Record<string, string>>
): boolean {
  const jiraShaped = errorMessages.length > 0 || Object.keys(errors).length > 0;
  return (status === 404 || status === 405) && !jiraShaped && ALWAYS_THERE.test(request.path);
}

/**
 * True when `error` says the configured Jira URL leads to something that isn't Jira: a 404 or 405
 * not in Jira's error shape at an address every Jira has (its OAuth servlets, serverInfo, myself).
 */
export function isNotJiraAnswer(error: JiraHttpError): boolean {
  return isNotJira(error, error.status, error.errorMessages, error.errors);
}

/** The pane's code for the relay's `X-Relay-Error`, and what to do about it. */
export interface RelayFailure {
  /**
   * `relay_not_configured`, `relay_invalid_path`, `relay_refused`, `payload_too_large` (the
   * relay's body cap), `jira_tls_error`, `jira_host_not_found`, `jira_unreachable`, or
   * `http_<status>` for a timeout (see {@link relayFailure}).
   */
  code: string;
  advice: string;
}

// Node's TLS verification codes (nodejs.org/api/errors.html#openssl-error-codes and
// #err_tls_cert_altname_invalid): DEPTH_ZERO_SELF_SIGNED_CERT, SELF_SIGNED_CERT_IN_CHAIN,
// UNABLE_TO_VERIFY_LEAF_SIGNATURE, UNABLE_TO_GET_ISSUER_CERT(_LOCALLY), CERT_HAS_EXPIRED,
// INVALID_CA, ERR_TLS_CERT_ALTNAME_INVALID, …; EPROTO / ERR_SSL_* for a handshake that failed outright.
const TLS_ERROR =
  /CERT|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|^INVALID_CA$|^ERR_TLS_|^ERR_SSL_|^EPROTO$/;
const DNS_ERROR = new Set(["ENOTFOUND", "EAI_AGAIN", "EAI_NONAME", "EAI_FAIL"]);
/** Timeouts of the relay's connection to Jira (the relay answers 504 `ETIMEDOUT` when it gave up). */
export const RELAY_TIMEOUT_ERRORS: ReadonlySet<string> = new Set([
  "ETIMEDOUT",
  "ESOCKETTIMEDOUT",
  "ETIME",
  "UND_ERR_CONNECT_TIMEOUT",
]);
/** Requests the relay refuses to pass on (src/server/relay-request-rules.ts): a bug of the caller. */
const RELAY_REFUSALS = new Set([
  "METHOD_NOT_ALLOWED",
  "UPGRADE_REFUSED",
  "TRANSFER_CODING_UNSUPPORTED",
]);

/**
 * Reads the relay's `X-Relay-Error` (src/server/relay-errors.ts: Node's error code when it can't
 * reach Jira, 504 `ETIMEDOUT` when Jira didn't answer in time, 503 `JIRA_NOT_CONFIGURED`, 413
 * `REQUEST_TOO_LARGE`, 400/405/501 for requests it refuses). Certificate and host-name failures
 * are the administrator's to fix and never pass by themselves (the transport doesn't retry them).
 *
 * Failures that can come after Jira got the request keep a code the create/comment/upload-once
 * logic treats as uncertain: a reset connection stays `jira_unreachable`, a timeout the gateway
 * status (`http_504`; the session's notice calls it `jira_timeout`).
 */
export function relayFailure(relayError: string, status = 502): RelayFailure {
  if (relayError === "JIRA_NOT_CONFIGURED") {
    return {
      code: "relay_not_configured",
      advice:
        "The add-in's server has no Jira to relay to: its administrator must set JIRA_URL to Jira's Base URL.",
    };
  }
  if (relayError === "INVALID_PATH") {
    return {
      code: "relay_invalid_path",
      advice: "The add-in's server relays only plain paths to Jira: this is a bug of the add-in.",
    };
  }
  if (relayError === "REQUEST_TOO_LARGE") {
    return {
      code: "payload_too_large",
      advice:
        "The request is larger than the add-in's server passes to Jira: attach a smaller file, or ask the add-in's administrator to raise RELAY_MAX_BODY_MB.",
    };
  }
  if (RELAY_REFUSALS.has(relayError) || (status >= 400 && status < 500)) {
    return {
      code: "relay_refused",
      advice:
        "The add-in's server refused to pass the request on to Jira: this is a bug of the add-in. Reload it; if it repeats, tell its administrator.",
    };
  }
  if (TLS_ERROR.test(relayError)) {
    return {
      code: "jira_tls_error",
      advice: /ALTNAME/.test(relayError)
        ? "Jira's certificate is not issued for the host name in JIRA_URL: the add-in server's administrator must use the name on the certificate in JIRA_URL (or get Jira a certificate for that name)."
        : "The add-in's server does not trust Jira's certificate: when it comes from a private CA, the administrator must give the add-in server that CA's certificate (PEM) as JIRA_CA_FILE and restart it.",
    };
  }
  if (DNS_ERROR.has(relayError)) {
    return {
      code: "jira_host_not_found",
      advice:
        "The add-in's server can't find Jira's host name: its administrator must check the host name in JIRA_URL and the server's DNS.",
    };
  }
  if (RELAY_TIMEOUT_ERRORS.has(relayError)) {
    return {
      code: `http_${status}`,
      advice:
        "Jira did not answer the add-in's server in time: Jira may be overloaded, or a firewall drops the connection. Try again later; if it persists, the administrator must check that the add-in server can reach JIRA_URL.",
    };
  }
  return {
    code: "jira_unreachable",
    advice:
      relayError === "ECONNREFUSED"
        ? "Nothing accepts connections at Jira's address: Jira is down or restarting, or JIRA_URL names the wrong port. Try again later; if it persists, tell the add-in's administrator."
        : "The connection to Jira failed or broke off: Jira may be down or restarting. Try again later; if it persists, tell the add-in's administrator.",
  };
}

/** True when the relay answered because Jira didn't answer it in time (its whole timeout has passed). */
export function isRelayTimeout(error: unknown): boolean {
  const relayError = (error as { relayError?: unknown } | null | undefined)?.relayError;
  return typeof relayError === "string" && RELAY_TIMEOUT_ERRORS.has(relayError);
}

/**
 * A redirect where data was due (the transport refuses to follow one in the pane): a single sign-on
 * gateway sending the request to its login page, or a Jira URL that isn't the Base URL (http where
 * Jira redirects to https, a missing context path). A browser hides where it pointed
 * (an opaque redirect); Node shows it.
 */
export function redirectError(
  request: FailedRequest,
  response: { status: number; headers: Headers }
): JiraHttpError {
  const location = response.headers.get("location");
  const target = location ? ` to ${location.split("?")[0]}` : "";
  return new JiraHttpError({
    code: "jira_redirect",
    status: response.status,
    request,
    message:
      `Jira's address answered ${request.method} ${request.path} with a redirect${target} instead of data: a single ` +
      "sign-on gateway or proxy in front of Jira sends the add-in's requests to a login page, or the Jira URL is " +
      "not Jira's Base URL (http instead of https, a missing context path). Jira's administrator must let " +
      `OAuth-signed requests to /rest/ and /plugins/servlet/oauth/ through to Jira without a browser login. ${CHECK_JIRA_URL}`,
  });
}

function classify(status: number, bodyText: string): { code: string; advice: string } {
  if (status === 403 && /XSRF check failed/i.test(bodyText)) {
    return {
      code: "xsrf_check_failed",
      advice:
        "Jira's XSRF protection refused the request (a form or upload without `X-Atlassian-Token: no-check`, " +
        "or a proxy that removed that header).",
    };
  }
  switch (status) {
    case 401:
      return {
        code: "http_401",
        advice:
          "Jira did not take the request as signed in: sign in to Jira again from the add-in.",
      };
    case 403:
      return { code: "http_403", advice: "Your Jira account may lack the permission for this." };
    case 404:
      return { code: "http_404", advice: "It doesn't exist, or your Jira account may not see it." };
    case 413:
      return {
        code: "payload_too_large",
        advice:
          "The upload is larger than Jira (or a proxy in front of it) accepts: attach a smaller file.",
      };
    case 429:
      return {
        code: "rate_limited",
        advice: "Jira is limiting requests: wait a moment and try again.",
      };
    default:
      return {
        code: `http_${status}`,
        advice:
          status >= 500
            ? "Jira had a problem answering: try again later; if it persists, Jira's administrator can check its logs."
            : "",
      };
  }
}

// A password field or a SAML/OIDC hand-off. Not "Log in" text: Jira's own error pages have a "Log In" link.
const LOGIN_PAGE =
  /<input[^>]+type=["']?password|SAMLRequest|SAMLResponse|openid-connect|\/oauth2\/authorize/i;

/**
 * HTML where JSON (or Jira's form-encoded token answer) was due: with a redirect or a login form it
 * is almost always a single sign-on gateway in front of Jira intercepting the request.
 */
export function htmlError(request: FailedRequest, response: ErrorResponse): JiraHttpError {
  const title = /<title[^>]*>([^<]*)<\/title>/i.exec(response.bodyText)?.[1]?.trim();
  const page = title ? ` ("${title.slice(0, 80)}")` : "";
  const what = `${request.method} ${request.path}`;
  if (response.redirected || LOGIN_PAGE.test(response.bodyText)) {
    return new JiraHttpError({
      code: "sso_login_page",
      status: response.status,
      request,
      message:
        `Jira answered ${what} with a login page${page} instead of data: a single sign-on gateway or proxy in front ` +
        "of Jira intercepts the add-in's requests. Jira's administrator must let OAuth-signed requests to " +
        "/rest/ and /plugins/servlet/oauth/ through to Jira without a browser login.",
    });
  }
  return new JiraHttpError({
    code: response.status >= 400 ? `http_${response.status}` : "unexpected_html",
    status: response.status,
    request,
    message:
      `Jira answered ${what} with ${response.status} and an HTML page${page} instead of data. Check that the ` +
      "add-in's Jira URL is Jira's Base URL (including any context path such as /jira).",
  });
}

/** True when the body is an HTML page (by Content-Type, or by its first characters). */
export function isHtml(headers: Headers, bodyText: string): boolean {
  return (
    /text\/html|application\/xhtml/i.test(headers.get("content-type") ?? "") ||
    /^\s*<(!doctype html|html)/i.test(bodyText)
  );
}

/** A short plain-text body (e.g. "XSRF check failed") is worth quoting; JSON and long pages aren't. */
function plainText(bodyText: string): string {
  const text = bodyText.trim();
  return text && text.length <= 200 && !text.startsWith("{") && !text.startsWith("<")
    ? ` Jira says: ${text}`
    : "";
}
