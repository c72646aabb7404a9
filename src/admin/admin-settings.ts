/**
 * The settings every admin command shares, each from its flag or else from its environment
 * variable (flags win), validated once: a missing one is named with both spellings, so the admin
 * knows what to add. Empty variables count as unset (`JIRA_URL=` in a .env file means "not set").
 */
import { readFile } from "node:fs/promises";
import { createPrivateKey } from "node:crypto";
import { ConfigError } from "../config/config-error";
import { normaliseAddinUrl, normaliseJiraUrl } from "../config/urls";
import { readPrivateKeyPem } from "../oauth/private-key-pem";
import { AdminError } from "./admin-error";

/** One shared setting: its flag, its environment variable, and what it is (for help and errors). */
export interface SettingSpec {
  /** Commander's flag syntax, e.g. `--jira <url>`. */
  flag: string;
  env: string;
  description: string;
}

/** The shared settings, in the words the help and the error messages use. */
export const SETTINGS = {
  jira: {
    flag: "--jira <url>",
    env: "JIRA_URL",
    description:
      "Jira's base URL (Administration › System › Base URL), e.g. https://jira.example.com or https://host/jira",
  },
  consumerKey: {
    flag: "--consumer-key <key>",
    env: "JIRA_CONSUMER_KEY",
    description: "the Consumer Key on Jira's incoming application link for the add-in",
  },
  privateKey: {
    flag: "--private-key <file>",
    env: "JIRA_PRIVATE_KEY_FILE",
    description: "PEM file of the consumer's RSA private key (made by the keys command)",
  },
  token: {
    flag: "--token <token>",
    env: "JIRA_TOKEN",
    description: "an access token (the login command prints one)",
  },
  addinUrl: {
    flag: "--addin-url <url>",
    env: "ADDIN_URL",
    description: "the https URL the add-in is served from, e.g. https://outlook-addin.example.com",
  },
} as const satisfies Record<string, SettingSpec>;

/** `--jira <url>` → `--jira`. */
export function flagName(spec: SettingSpec): string {
  return spec.flag.split(" ")[0];
}

/** How messages name a setting: `--jira (JIRA_URL)`. */
export function settingLabel(spec: SettingSpec): string {
  return `${flagName(spec)} (${spec.env})`;
}

/** The value, trimmed; undefined when absent or blank. */
export function optionalSetting(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === "" ? undefined : trimmed;
}

/**
 * The value, trimmed.
 *
 * @throws {AdminError} `option_missing`, naming the flag and the environment variable
 */
export function requiredSetting(value: string | undefined, spec: SettingSpec): string {
  const given = optionalSetting(value);
  if (given === undefined) {
    throw new AdminError(
      "option_missing",
      `Missing ${spec.flag}: give it, or set ${spec.env}. It is ${spec.description}.`
    );
  }
  return given;
}

/** The settings that reach Jira as the add-in: which Jira, which link, which key file. */
export interface ConnectionSettings {
  /** Normalised, without trailing slash. */
  jiraUrl: string;
  consumerKey: string;
  /** As given (relative to the working folder). */
  privateKeyFile: string;
}

/** Raw option values as commander hands them over (the environment already applied). */
export interface ConnectionOptions {
  jira?: string;
  consumerKey?: string;
  privateKey?: string;
}

/**
 * Reads and checks `--jira`, `--consumer-key` and `--private-key` (or their variables).
 *
 * @throws {AdminError} `option_missing`; {@link ConfigError} `jira_url_invalid`
 */
export function connectionSettings(options: ConnectionOptions): ConnectionSettings {
  return {
    jiraUrl: jiraUrlSetting(requiredSetting(options.jira, SETTINGS.jira)),
    consumerKey: requiredSetting(options.consumerKey, SETTINGS.consumerKey),
    privateKeyFile: requiredSetting(options.privateKey, SETTINGS.privateKey),
  };
}

/**
 * Jira's base URL, normalised (no trailing slash).
 *
 * @throws {ConfigError} `jira_url_invalid`, naming `--jira (JIRA_URL)`
 */
export function jiraUrlSetting(value: string): string {
  return normaliseJiraUrl(value, settingLabel(SETTINGS.jira));
}

/**
 * The add-in's URL, normalised (https, no trailing slash).
 *
 * @throws {ConfigError} `addin_url_invalid`
 */
export function addinUrlSetting(value: string): string {
  return normaliseAddinUrl(value);
}

/** A private key read from its file and checked. */
export interface PrivateKeyFile {
  /** The private key block alone, re-wrapped (never printed). */
  pem: string;
  format: "pkcs8" | "pkcs1";
  /** RSA modulus length in bits. */
  bits: number;
}

/**
 * Reads the consumer's private key file and checks that it is an unencrypted RSA private key.
 *
 * @throws {ConfigError} `private_key_unreadable`, or private-key-pem.ts's codes; each message
 *   starts with `--private-key <file> (JIRA_PRIVATE_KEY_FILE):` and says what to fix
 */
export async function readPrivateKeyFile(file: string): Promise<PrivateKeyFile> {
  const prefix = `${flagName(SETTINGS.privateKey)} ${file} (${SETTINGS.privateKey.env}): `;
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (cause) {
    throw new ConfigError(
      "private_key_unreadable",
      `${prefix}cannot be read (${(cause as NodeJS.ErrnoException).code ?? (cause as Error).message}). ` +
        "Give the path of the private key PEM file the keys command wrote, readable by you.",
      { cause }
    );
  }
  try {
    const key = readPrivateKeyPem(text);
    const details = createPrivateKey(key.pem).asymmetricKeyDetails;
    return { pem: key.pem, format: key.format, bits: details?.modulusLength ?? 0 };
  } catch (cause) {
    if (cause instanceof ConfigError) {
      throw new ConfigError(cause.code, `${prefix}${cause.message}`, { cause });
    }
    // node:crypto could not read what looked like a key: say so without quoting the key.
    throw new ConfigError(
      "private_key_malformed",
      `${prefix}the key could not be read (${(cause as Error).message}). Make a new key pair with the keys command.`,
      { cause }
    );
  }
}
