/**
 * Removes OAuth credentials from text that may reach a log, an error message or an error report:
 * `Authorization` header values and the `oauth_token`, `oauth_token_secret`, `oauth_signature`
 * and `oauth_verifier` parameters, in every spelling they travel in (header `name="value"`,
 * query/form `name=value`, JSON `"name":"value"`, and percent-encoded inside a base string).
 * An access token is as good as the user's Jira password for as long as it lives (5 years by default).
 */

/** What replaces a secret. */
export const REDACTED = "[REDACTED]";

/** The OAuth parameters whose values are never shown. */
export const SECRET_OAUTH_PARAMETERS = [
  "oauth_token",
  "oauth_token_secret",
  "oauth_signature",
  "oauth_verifier",
] as const;

const NAMES = "oauth_token_secret|oauth_token|oauth_signature|oauth_verifier|oauth_session_handle";

// The value of an Authorization header: a quoted string (JSON), an `OAuth k="v", …` list, a
// `Bearer x` / `Basic x` credential, or else everything to the line end. An already redacted
// value is left alone, so redacting twice doesn't swallow the rest of the line.
const AUTHORIZATION_VALUE =
  /(authorization["']?\s*[:=]\s*)(\[REDACTED\]|"(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*'|OAuth\s+[a-z_]+="[^"]*"(?:\s*,\s*[a-z_]+="[^"]*")*|(?:Bearer|Basic|Digest)\s+[^\s,;]+|[^\r\n]+)/gi;
// A bare `OAuth oauth_consumer_key="…", …` header value seen without its name.
const OAUTH_HEADER_VALUE =
  /\bOAuth\s+(?:realm|oauth_)[a-z_]*="[^\r\n]*?"(?:\s*,\s*[a-z_]+="[^"]*")*/gi;
// Not preceded by a letter: `&oauth_token`, `%26oauth_token` and `"oauth_token` all match.
const NAME = `(?<![a-z_])(?:${NAMES})`;
// name="value", name='value', name=value, "name":"value", name: value.
const PARAMETER = new RegExp(`(${NAME}["']?\\s*[:=]\\s*["']?)([^&"'\\s,;}\\]<]*)`, "gi");
// Percent-encoded once (`oauth_token%3Dabc%26`) or twice (`oauth_token%253Dabc%2526`), as in base strings.
const ENCODED_PARAMETER = new RegExp(`(${NAME}%(?:25)?3D)(.*?)(?=%(?:25)?26|["'\\s&]|$)`, "gi");

/** `text` with every OAuth credential replaced by {@link REDACTED}; `extraSecrets` (e.g. a token value you hold) too. */
export function redactSecrets(text: string, extraSecrets: readonly string[] = []): string {
  let result = text
    .replace(AUTHORIZATION_VALUE, `$1${REDACTED}`)
    .replace(OAUTH_HEADER_VALUE, `OAuth ${REDACTED}`)
    .replace(ENCODED_PARAMETER, `$1${REDACTED}`)
    .replace(PARAMETER, `$1${REDACTED}`);
  for (const secret of extraSecrets) {
    // Short strings would blank out ordinary words; real tokens are 32 characters.
    if (secret.length >= 8) {
      result = result.split(secret).join(REDACTED);
    }
  }
  return result;
}

/**
 * A copy of `record` with every value passed through {@link redactSecrets}: for the name → text
 * maps an error keeps (Jira's field errors, `oauth_*` parameters), whose names are never secret.
 */
export function redactValues(record: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(record).map(([name, value]) => [name, redactSecrets(value)])
  );
}

/** A copy of `parameters` without the secret ones (for error objects that list Jira's parameters). */
export function withoutSecretParameters(
  parameters: Readonly<Record<string, string>>
): Record<string, string> {
  const secret = new Set<string>([...SECRET_OAUTH_PARAMETERS, "oauth_session_handle"]);
  return Object.fromEntries(Object.entries(parameters).filter(([name]) => !secret.has(name)));
}

/**
 * An error safe to keep as `cause`: the error itself when it holds no credential; otherwise a copy
 * with the same name, `code` (e.g. Node's ECONNREFUSED) and redacted message and stack. Its own
 * cause chain is treated the same way, a few levels deep.
 */
export function redactedError(error: unknown, depth = 0): unknown {
  if (typeof error === "string") {
    return redactSecrets(error);
  }
  if (!isErrorLike(error)) {
    return error;
  }
  const cause = depth < 4 ? redactedError(error.cause, depth + 1) : undefined;
  const message = redactSecrets(error.message);
  const stack = error.stack === undefined ? undefined : redactSecrets(error.stack);
  if (message === error.message && stack === error.stack && cause === error.cause) {
    return error;
  }
  const copy = new Error(message, cause === undefined ? undefined : { cause }) as Error & {
    code?: unknown;
  };
  copy.name = error.name;
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string" || typeof code === "number") {
    copy.code = code;
  }
  copy.stack = stack ?? `${copy.name}: ${message}`;
  return copy;
}

/**
 * True for Error objects of any realm: fetch's errors come from Node's own realm in a jest
 * sandbox (and from another frame in a browser), where `instanceof Error` is false.
 */
export function isErrorLike(value: unknown): value is Error {
  return (
    value instanceof Error ||
    (typeof value === "object" &&
      value !== null &&
      typeof (value as { message?: unknown }).message === "string" &&
      typeof (value as { name?: unknown }).name === "string")
  );
}
