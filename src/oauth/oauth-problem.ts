/**
 * Jira's OAuth refusals (the OAuth Problem Reporting extension Atlassian's provider implements):
 * HTTP 401 with `WWW-Authenticate: OAuth realm="…", oauth_problem="token_rejected"` and the same
 * parameters form-encoded in the body. One error class with the problem name as `code`, and a
 * message per problem that says what the user or admin does next.
 */
import { decodeFormComponent, parseFormEncoded } from "./rfc3986";
import { redactSecrets, redactValues, withoutSecretParameters } from "./redact";

/** Jira refused a request's OAuth credentials. */
export class OAuthProblem extends Error {
  override readonly name = "OAuthProblem";
  /** The `oauth_problem` name, e.g. `token_rejected`, `timestamp_refused`. */
  readonly code: string;
  /** HTTP status of Jira's answer (401 as a rule). */
  readonly status: number;
  /** Jira's other `oauth_*` parameters, e.g. `oauth_acceptable_timestamps`, `oauth_parameters_absent` (secrets removed). */
  readonly parameters: Record<string, string>;

  constructor(
    code: string,
    options: {
      status: number;
      parameters?: Readonly<Record<string, string>>;
      /** Overrides the standard message for `code`. */
      message?: string;
      cause?: unknown;
    }
  ) {
    // Values are redacted too: Jira reports `oauth_signature_base_string` with signature_invalid,
    // and a base string contains the request's oauth_token.
    const parameters = redactValues(withoutSecretParameters(options.parameters ?? {}));
    super(
      redactSecrets(options.message ?? describeOAuthProblem(code, parameters)),
      options.cause === undefined ? undefined : { cause: options.cause }
    );
    this.code = code;
    this.status = options.status;
    this.parameters = parameters;
  }

  /** What `JSON.stringify` shows: no stack, nothing secret. */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      code: this.code,
      status: this.status,
      message: this.message,
      parameters: this.parameters,
    };
  }
}

/** The problem name and parameters of a refusal. */
export interface ParsedOAuthProblem {
  /** `oauth_problem`. */
  problem: string;
  /** Every `oauth_*` parameter of the answer except `oauth_problem` (unredacted: filter before showing). */
  parameters: Record<string, string>;
}

/**
 * Reads `oauth_problem` and its companions from Jira's answer: the `WWW-Authenticate` header
 * first, then a form-encoded body. Null when neither has an `oauth_problem` (a plain 401 for an
 * anonymous request, a JSON or HTML body).
 */
export function parseOAuthProblem(
  wwwAuthenticate: string | null,
  body: string | null
): ParsedOAuthProblem | null {
  return fromParameters(parseWwwAuthenticate(wwwAuthenticate)) ?? fromParameters(parseBody(body));
}

function fromParameters(parameters: Record<string, string>): ParsedOAuthProblem | null {
  const { oauth_problem: problem, ...rest } = parameters;
  return problem ? { problem, parameters: rest } : null;
}

/** `OAuth realm="http%3A%2F%2Fjira", oauth_problem="token_rejected"`: values are percent-encoded (RFC 5849 §3.5.1). */
function parseWwwAuthenticate(header: string | null): Record<string, string> {
  const parameters: Record<string, string> = {};
  if (!header) {
    return parameters;
  }
  for (const match of header.matchAll(
    /([A-Za-z_][\w-]*)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]*))/g
  )) {
    const name = match[1];
    if (!name.startsWith("oauth_")) {
      continue;
    }
    const raw = (match[2] ?? match[3] ?? "").replace(/\\(.)/g, "$1");
    parameters[name] = safeDecode(raw);
  }
  return parameters;
}

function parseBody(body: string | null): Record<string, string> {
  const text = body?.trim() ?? "";
  if (!text.includes("oauth_problem=") || text.startsWith("<") || text.startsWith("{")) {
    return {};
  }
  try {
    return Object.fromEntries(parseFormEncoded(text).filter(([name]) => name.startsWith("oauth_")));
  } catch {
    return {};
  }
}

function safeDecode(value: string): string {
  try {
    return decodeFormComponent(value);
  } catch {
    return value;
  }
}

/** The message for each problem Jira's provider reports; `parameters` fills in details. */
export function describeOAuthProblem(
  code: string,
  parameters: Readonly<Record<string, string>> = {}
): string {
  const advice = parameters.oauth_problem_advice
    ? ` Jira says: ${parameters.oauth_problem_advice}`
    : "";
  switch (code) {
    case "signature_invalid":
      return (
        "Jira rejected the request's signature (signature_invalid). Either the private key the add-in uses " +
        "doesn't match the public key on Jira's incoming application link, or the add-in signs a different " +
        "URL than Jira sees: its Jira URL must equal Jira's Base URL (Administration > System), including " +
        `http/https, host, port and context path.${signedUrl(parameters.oauth_signature_base_string)}${advice}`
      );
    case "consumer_key_unknown":
      return (
        "Jira doesn't know the add-in's consumer key (consumer_key_unknown). A Jira administrator must create " +
        "an application link with an incoming link whose Consumer Key is the one configured for the add-in, " +
        `or the add-in's consumer key must be corrected.${advice}`
      );
    case "timestamp_refused": {
      const window = parameters.oauth_acceptable_timestamps
        ? ` (Jira accepts ${parameters.oauth_acceptable_timestamps})`
        : "";
      return (
        `Jira refused the request's timestamp${window} (timestamp_refused): this computer's clock differs from ` +
        `Jira's by more than 5 minutes. Set the clock to the right time and time zone, then try again.${advice}`
      );
    }
    case "nonce_used":
      return `Jira has already seen this request's nonce (nonce_used): try again.${advice}`;
    case "token_rejected":
      return (
        "Jira no longer accepts the saved sign-in (token_rejected): it was revoked, or the application link " +
        `was recreated. Sign in to Jira again.${advice}`
      );
    case "token_expired":
      return `The Jira sign-in has expired (token_expired). Sign in to Jira again.${advice}`;
    case "permission_unknown":
      return (
        "Jira has not been told yet whether the add-in may act for you (permission_unknown): finish the " +
        `sign-in in the Jira window (Allow), then continue.${advice}`
      );
    case "permission_denied":
      return (
        "Access to Jira was denied (permission_denied): the request was refused on Jira's authorization page. " +
        `Sign in again and choose Allow to use the add-in.${advice}`
      );
    case "parameter_absent":
      return (
        `Jira says the request lacks OAuth parameters (parameter_absent${listed(parameters.oauth_parameters_absent)}). ` +
        `This is a bug in the add-in or a proxy that removes the Authorization header on the way to Jira.${advice}`
      );
    case "parameter_rejected":
      return (
        `Jira rejected OAuth parameters (parameter_rejected${listed(parameters.oauth_parameters_rejected)}), ` +
        `e.g. a callback URL that is not an absolute http(s) URL.${advice}`
      );
    case "signature_method_rejected":
      return `Jira accepts only RSA-SHA1 signatures on application links (signature_method_rejected).${advice}`;
    case "version_rejected":
      return `Jira rejected the OAuth version (version_rejected${listed(parameters.oauth_acceptable_versions)}).${advice}`;
    default:
      return `Jira refused the request's OAuth credentials (oauth_problem=${code}).${advice}`;
  }
}

/** net.oauth reports the base string it expected: its method and URI show a base URL mismatch at a glance. */
function signedUrl(baseString: string | undefined): string {
  const [method, uri] = baseString?.split("&") ?? [];
  if (!method || !uri) {
    return "";
  }
  return ` Jira checked the signature over ${method} ${safeDecode(uri)}.`;
}

function listed(names: string | undefined): string {
  return names ? `: ${names}` : "";
}
