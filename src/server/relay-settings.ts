/**
 * The `/jira` relay's limits: their defaults, and the readers the server configuration uses for
 * `RELAY_MAX_BODY_MB` (`--relay-max-body-mb`) and `RELAY_TIMEOUT_SECONDS` (`--relay-timeout`), which
 * throw a `ConfigError` naming the setting, like every other setting of server-config.ts.
 */
import { ConfigError } from "../config/config-error";

/** One megabyte as Jira counts it (Jira's default attachment limit, "10 MB", is 10,485,760 bytes). */
export const MEGABYTE = 1024 * 1024;

/**
 * Default cap on a relayed request body: 100 MB. Jira's own attachment limit defaults to 10 MB and
 * administrators raise it for mail with large attachments; the cap only has to stop a client from
 * streaming without end through the add-in server, while a 50 MB email with its attachments passes.
 */
export const DEFAULT_RELAY_MAX_BODY_BYTES = 100 * MEGABYTE;

/**
 * Default idle timeout towards Jira: 120 s without a byte moving either way (connecting, sending
 * the body, waiting for or receiving the answer). Long enough for a slow search or a large upload
 * Jira is still storing; short enough that a Jira that never answers doesn't hold requests forever.
 */
export const DEFAULT_RELAY_TIMEOUT_MS = 120_000;

/** Upper bounds that catch a unit mistake (bytes given as megabytes, milliseconds as seconds). */
const MAX_BODY_MB = 10_240;
const MAX_TIMEOUT_SECONDS = 3_600;

/**
 * Reads `RELAY_MAX_BODY_MB` (or its flag, named by `name`): whole megabytes from 1 to 10240.
 *
 * @returns the cap in bytes
 * @throws {ConfigError} `relay_max_body_invalid`
 */
export function parseRelayMaxBodyMb(value: string, name = "RELAY_MAX_BODY_MB"): number {
  const megabytes = /^\d{1,5}$/.test(value.trim()) ? Number(value.trim()) : NaN;
  if (!Number.isInteger(megabytes) || megabytes < 1 || megabytes > MAX_BODY_MB) {
    throw new ConfigError(
      "relay_max_body_invalid",
      `${name} "${value}" must be a whole number of megabytes from 1 to ${MAX_BODY_MB}, e.g. 100: ` +
        "the largest request (an email with its attachments) the add-in server passes to Jira."
    );
  }
  return megabytes * MEGABYTE;
}

/**
 * Reads `RELAY_TIMEOUT_SECONDS` (or its flag, named by `name`): whole seconds from 1 to 3600.
 *
 * @returns the timeout in milliseconds
 * @throws {ConfigError} `relay_timeout_invalid`
 */
export function parseRelayTimeoutSeconds(value: string, name = "RELAY_TIMEOUT_SECONDS"): number {
  const seconds = /^\d{1,4}$/.test(value.trim()) ? Number(value.trim()) : NaN;
  if (!Number.isInteger(seconds) || seconds < 1 || seconds > MAX_TIMEOUT_SECONDS) {
    throw new ConfigError(
      "relay_timeout_invalid",
      `${name} "${value}" must be a whole number of seconds from 1 to ${MAX_TIMEOUT_SECONDS}, e.g. 120: ` +
        "how long the add-in server waits for Jira to send or take a byte before it answers 504."
    );
  }
  return seconds * 1000;
}
