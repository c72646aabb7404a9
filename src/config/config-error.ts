/**
 * A configuration value is missing or wrong. The message names the setting to fix and how;
 * `code` lets callers and tests tell the cases apart without parsing text.
 */
export class ConfigError extends Error {
  override readonly name = "ConfigError";

  constructor(
    readonly code: string,
    message: string,
    options?: { cause?: unknown }
  ) {
    super(message, options);
  }
}
