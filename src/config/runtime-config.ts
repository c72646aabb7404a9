/**
 * The runtime configuration of one deployment: which Jira the pane talks to and with which
 * application-link consumer. It is a JSON file served beside the add-in's pages
 * (`addin-config.json` next to taskpane.html), not baked into the bundle, so one build serves many
 * organisations. `npm start` serves it from the built-in simulator (or JIRA_URL, JIRA_CONSUMER_KEY,
 * JIRA_PRIVATE_KEY_FILE); in production the admin writes the file (docs/security.md says what
 * it means that the private key in it reaches every client).
 *
 * The file (formatVersion 1):
 * ```json
 * {
 *   "formatVersion": 1,
 *   "jiraBaseUrl": "https://jira.example.com",
 *   "consumerKey": "jira-for-outlook",
 *   "privateKeyPem": "-----BEGIN PRIVATE KEY-----\n…\n-----END PRIVATE KEY-----\n",
 *   "relayUrl": "jira"
 * }
 * ```
 */
import { ConfigError } from "./config-error";
import { normaliseJiraUrl } from "./urls";

/** The file name, resolved against the page that reads it (the pane and the callback page sit side by side). */
export const RUNTIME_CONFIG_FILE = "addin-config.json";

/** The only format this code reads; a later format gets a migration, never a silent misread. */
export const RUNTIME_CONFIG_FORMAT_VERSION = 1;

/** The validated configuration. */
export interface RuntimeConfig {
  formatVersion: 1;
  /** Jira's base URL (its "Base URL" setting), normalised without trailing slash. Signatures cover it; the sign-in window opens its authorize page. */
  jiraBaseUrl: string;
  /** The Consumer Key on Jira's incoming application link. */
  consumerKey: string;
  /** The consumer's RSA private key, PEM (PKCS#8 or PKCS#1), unencrypted. */
  privateKeyPem: string;
  /**
   * Absolute URL of the relay to Jira (`/jira` on the add-in's origin), resolved from the file's
   * optional `relayUrl` against the URL the file was loaded from. Default: `jira` beside the file.
   */
  relayUrl: string;
}

/** What the file's fields are, for messages; never the key itself. */
const FILE_HELP = `${RUNTIME_CONFIG_FILE} holds {"formatVersion": 1, "jiraBaseUrl": …, "consumerKey": …, "privateKeyPem": …} (README "Configuration")`;

/**
 * Validates the parsed contents of addin-config.json. Unknown extra keys are ignored, so a later
 * add-in can add optional fields without breaking this one.
 *
 * @param value the parsed JSON
 * @param loadedFrom absolute URL the file was loaded from; `relayUrl` is resolved against it
 *   (a TypeError when it is not absolute: that is the caller's mistake, not the file's)
 * @throws {ConfigError} `runtime_config_version` (formatVersion missing or not 1),
 *   `runtime_config_invalid` (the message names the field and what to put there; never the key)
 */
export function parseRuntimeConfig(value: unknown, loadedFrom: string): RuntimeConfig {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new ConfigError(
      "runtime_config_invalid",
      `${RUNTIME_CONFIG_FILE} must hold a JSON object, not ${describeType(value)}: ${FILE_HELP}.`
    );
  }
  const fields = value as Record<string, unknown>;

  // The version first: a file of another format has other fields, so naming one of them as
  // "wrong" would send the administrator the wrong way.
  const { formatVersion } = fields;
  if (formatVersion !== RUNTIME_CONFIG_FORMAT_VERSION) {
    const found =
      formatVersion === undefined
        ? "has no formatVersion"
        : typeof formatVersion === "number"
          ? `has formatVersion ${formatVersion}`
          : `has a formatVersion that is ${describeType(formatVersion)}`;
    throw new ConfigError(
      "runtime_config_version",
      `${RUNTIME_CONFIG_FILE} ${found}; this add-in reads formatVersion ${RUNTIME_CONFIG_FORMAT_VERSION} only. ` +
        `Write the file for this version ("formatVersion": ${RUNTIME_CONFIG_FORMAT_VERSION}), or deploy the add-in version the file was written for.`
    );
  }

  const jiraBaseUrl = readJiraBaseUrl(fields.jiraBaseUrl);

  const { consumerKey } = fields;
  if (typeof consumerKey !== "string" || consumerKey.trim() === "") {
    throw new ConfigError(
      "runtime_config_invalid",
      `consumerKey in ${RUNTIME_CONFIG_FILE} must be a non-empty string: the Consumer Key of Jira's incoming application link for this add-in.`
    );
  }

  const { privateKeyPem } = fields;
  // Only a sanity check: config must not depend on oauth/, and the signer reads the key properly
  // (with messages for every way a key can be wrong) when it first signs.
  if (
    typeof privateKeyPem !== "string" ||
    privateKeyPem.trim() === "" ||
    !privateKeyPem.includes("PRIVATE KEY")
  ) {
    throw new ConfigError(
      "runtime_config_invalid",
      `privateKeyPem in ${RUNTIME_CONFIG_FILE} must be a non-empty string holding the consumer's unencrypted RSA private key in PEM ` +
        `("-----BEGIN PRIVATE KEY-----\\n…\\n-----END PRIVATE KEY-----\\n", line breaks written as \\n), ` +
        "the private half of the public key on Jira's incoming application link."
    );
  }

  return {
    formatVersion: RUNTIME_CONFIG_FORMAT_VERSION,
    jiraBaseUrl,
    consumerKey,
    privateKeyPem,
    relayUrl: resolveRelayUrl(fields.relayUrl, loadedFrom),
  };
}

/** Options of {@link loadRuntimeConfig}. */
export interface LoadRuntimeConfigOptions {
  /** Absolute URL of addin-config.json, e.g. `new URL(RUNTIME_CONFIG_FILE, location.href).href`. */
  url: string;
  /** Default: the global fetch. */
  fetch?: typeof fetch;
}

/**
 * Fetches addin-config.json and validates it with {@link parseRuntimeConfig}.
 *
 * @throws {ConfigError} `runtime_config_missing` (404), `runtime_config_unreachable` (another
 *   non-2xx answer or a network failure), `runtime_config_invalid` (not JSON, or a field is wrong),
 *   `runtime_config_version`
 */
export async function loadRuntimeConfig(options: LoadRuntimeConfigOptions): Promise<RuntimeConfig> {
  const { url } = options;
  // Taken out of `options` first: calling the browser's fetch as a method of another object
  // throws "Illegal invocation".
  const fetchFunction: typeof fetch =
    options.fetch ?? ((input, init) => globalThis.fetch(input, init));

  let response: Response;
  try {
    response = await fetchFunction(url, {
      // An administrator's change must take effect on the next pane load, never after a cache expires.
      cache: "no-store",
      credentials: "same-origin",
      headers: { Accept: "application/json" },
    });
  } catch (cause) {
    throw new ConfigError(
      "runtime_config_unreachable",
      `The add-in's configuration ${url} could not be loaded (${describeError(cause)}). Check the network connection and that the add-in host is up, then reopen the add-in.`,
      { cause }
    );
  }

  if (response.status === 404) {
    throw new ConfigError(
      "runtime_config_missing",
      `The add-in host serves no ${RUNTIME_CONFIG_FILE} at ${url} (404 Not Found), so the add-in does not know which Jira to use. ` +
        `The administrator must place ${RUNTIME_CONFIG_FILE} beside taskpane.html; README "Configuration" explains its fields.`
    );
  }
  if (!response.ok) {
    throw new ConfigError(
      "runtime_config_unreachable",
      `The add-in host answered ${response.status}${response.statusText ? ` ${response.statusText}` : ""} for ${url}. ` +
        "Try again later; if it persists, the administrator should check the add-in host's logs."
    );
  }

  let text: string;
  try {
    text = await response.text();
  } catch (cause) {
    throw new ConfigError(
      "runtime_config_unreachable",
      `The add-in's configuration ${url} could not be read to the end (${describeError(cause)}). Reopen the add-in to try again.`,
      { cause }
    );
  }

  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // No cause and no parser message: V8 quotes the text around the error, which may be the key.
    const looksLikeHtml = /^\s*</.test(text);
    throw new ConfigError(
      "runtime_config_invalid",
      `${url} is not JSON` +
        (looksLikeHtml
          ? ": it is an HTML page, which hosts send for files they don't have. The administrator must place " +
            `${RUNTIME_CONFIG_FILE} beside taskpane.html (README "Configuration" explains its fields).`
          : `: the administrator should check ${RUNTIME_CONFIG_FILE} with a JSON validator (a missing comma or quote, or a line break inside privateKeyPem instead of \\n).`)
    );
  }
  return parseRuntimeConfig(value, url);
}

/** What {@link runtimeConfigDocument} writes. */
export interface RuntimeConfigDocumentInput {
  jiraBaseUrl: string;
  consumerKey: string;
  privateKeyPem: string;
  /** Where the relay is, relative to the file or absolute on the add-in's origin; omitted: `jira` beside the file. */
  relayUrl?: string;
}

/**
 * The JSON object of addin-config.json for these values, `formatVersion` first so a reader sees
 * at once which format it is. Writes the values as given: validate them before (the server and the
 * admin tools do), or read the result back with {@link parseRuntimeConfig}.
 */
export function runtimeConfigDocument(input: RuntimeConfigDocumentInput): Record<string, unknown> {
  return {
    formatVersion: RUNTIME_CONFIG_FORMAT_VERSION,
    jiraBaseUrl: input.jiraBaseUrl,
    consumerKey: input.consumerKey,
    privateKeyPem: input.privateKeyPem,
    ...(input.relayUrl === undefined ? {} : { relayUrl: input.relayUrl }),
  };
}

function readJiraBaseUrl(value: unknown): string {
  const name = `jiraBaseUrl in ${RUNTIME_CONFIG_FILE}`;
  // normaliseJiraUrl quotes the value it rejects: a key pasted into the wrong field must not be.
  if (typeof value !== "string" || value.trim() === "" || looksLikeKey(value)) {
    throw new ConfigError(
      "runtime_config_invalid",
      `${name} must be Jira's base URL as a string (Administration > System > Base URL), e.g. "https://jira.example.com".`
    );
  }
  try {
    return normaliseJiraUrl(value.trim(), name);
  } catch (cause) {
    if (cause instanceof ConfigError) {
      // One code for every wrong field of the file: the pane has one explanation for all of them.
      throw new ConfigError("runtime_config_invalid", cause.message, { cause });
    }
    throw cause;
  }
}

function resolveRelayUrl(value: unknown, loadedFrom: string): string {
  const name = `relayUrl in ${RUNTIME_CONFIG_FILE}`;
  const howTo = `Leave it out to use "jira" beside ${RUNTIME_CONFIG_FILE}, or give a path on the add-in's own origin such as "/jira".`;
  if (
    value !== undefined &&
    (typeof value !== "string" || value.trim() === "" || looksLikeKey(value))
  ) {
    throw new ConfigError("runtime_config_invalid", `${name} must be a non-empty string. ${howTo}`);
  }
  const given = value ?? "jira";
  const base = new URL(loadedFrom);
  let relay: URL;
  try {
    relay = new URL(given, base);
  } catch (cause) {
    throw new ConfigError("runtime_config_invalid", `${name} "${given}" is not a URL. ${howTo}`, {
      cause,
    });
  }
  // The pane may only talk to its own origin: the relay is what spares it Jira's missing CORS
  // headers, and the signed requests must not go anywhere the add-in host doesn't control.
  if (relay.origin !== base.origin) {
    throw new ConfigError(
      "runtime_config_invalid",
      `${name} "${given}" points to ${relay.origin}, but the add-in may only talk to its own origin ${base.origin}. ${howTo}`
    );
  }
  if (relay.search || relay.hash || relay.username || relay.password) {
    throw new ConfigError(
      "runtime_config_invalid",
      `${name} "${given}" must not contain a query, fragment or credentials: requests append Jira's paths to it. ${howTo}`
    );
  }
  return relay.href.replace(/\/+$/, "");
}

function looksLikeKey(value: string): boolean {
  return /PRIVATE KEY|-----BEGIN/.test(value);
}

function describeType(value: unknown): string {
  if (value === null) {
    return "null";
  }
  if (Array.isArray(value)) {
    return "an array";
  }
  const type = typeof value;
  return type === "object" ? "an object" : `a ${type}`;
}

function describeError(error: unknown): string {
  // Not `instanceof Error`: fetch's errors may come from another realm (Node's fetch under jest).
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === "string" && message !== "" ? message : String(error);
}
