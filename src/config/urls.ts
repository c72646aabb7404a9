/**
 * The two URLs every deployment is configured with, validated once for the server, the build and
 * the admin tools alike: Jira's base URL and the add-in's own URL. Both come back without a
 * trailing slash, so paths can be appended; messages name the setting and never repeat a password.
 */
import { ConfigError } from "./config-error";

/**
 * Validates Jira's base URL and drops trailing slashes, so the relay can append `/rest/...` to it.
 *
 * @throws {ConfigError} `jira_url_invalid`
 */
export function normaliseJiraUrl(rawValue: string, name = "JIRA_URL"): string {
  const value = redactCredentials(rawValue);
  const url = parseAbsoluteUrl(
    rawValue,
    "jira_url_invalid",
    `${name} "${value}" is not an absolute URL: use Jira's base URL (Administration > System > Base URL), e.g. https://jira.example.com or http://127.0.0.1:8080/jira.`
  );
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new ConfigError("jira_url_invalid", `${name} "${value}" must be an http or https URL.`);
  }
  // A query or fragment cannot be part of a base URL; credentials must never live in the relay.
  if (url.search || url.hash || rawValue.includes("?") || rawValue.includes("#")) {
    throw new ConfigError(
      "jira_url_invalid",
      `${name} "${value}" must not contain a query string or fragment.`
    );
  }
  if (url.username || url.password) {
    throw new ConfigError(
      "jira_url_invalid",
      `${name} must not contain credentials: the relay adds none, each user signs in to Jira from the add-in.`
    );
  }
  return url.href.replace(/\/+$/, "");
}

/**
 * Validates the add-in's URL (where dist/ is served; Outlook loads add-ins only over HTTPS).
 *
 * @throws {ConfigError} `addin_url_invalid`
 */
export function normaliseAddinUrl(rawValue: string): string {
  const value = redactCredentials(rawValue);
  const url = parseAbsoluteUrl(
    rawValue,
    "addin_url_invalid",
    `ADDIN_URL "${value}" is not an absolute URL: use the https address the add-in is served from, e.g. https://outlook-addin.example.com.`
  );
  // Outlook loads add-ins only over HTTPS.
  if (url.protocol !== "https:") {
    throw new ConfigError(
      "addin_url_invalid",
      `ADDIN_URL "${value}" must use https: Outlook loads add-ins only over HTTPS.`
    );
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new ConfigError(
      "addin_url_invalid",
      `ADDIN_URL "${value}" must not contain a query, fragment or credentials.`
    );
  }
  return url.href.replace(/\/+$/, "");
}

function parseAbsoluteUrl(rawValue: string, code: string, message: string): URL {
  try {
    return new URL(rawValue);
  } catch (cause) {
    throw new ConfigError(code, message, { cause });
  }
}

/** Error messages end up in logs: never repeat a password given inside a URL. */
function redactCredentials(value: string): string {
  return value.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#]*@/i, "$1***@");
}
