/**
 * The readers of the relay's two settings (RELAY_MAX_BODY_MB, RELAY_TIMEOUT_SECONDS): what they
 * accept, and the ConfigError naming the setting for what they don't. Pure functions; they live
 * beside the relay's integration tests which the server configuration (server-config.ts) uses.
 */
import { ConfigError } from "../../../src/config/config-error";
import {
  DEFAULT_RELAY_MAX_BODY_BYTES,
  DEFAULT_RELAY_TIMEOUT_MS,
  MEGABYTE,
  parseRelayMaxBodyMb,
  parseRelayTimeoutSeconds,
} from "../../../src/server/relay-settings";

describe("the relay's defaults", () => {
  it("let a 50 MB upload through and wait 120 s for a silent Jira", () => {
    expect(DEFAULT_RELAY_MAX_BODY_BYTES).toBe(100 * 1024 * 1024);
    expect(DEFAULT_RELAY_MAX_BODY_BYTES).toBeGreaterThan(50 * MEGABYTE);
    expect(DEFAULT_RELAY_TIMEOUT_MS).toBe(120_000);
  });
});

describe("parseRelayMaxBodyMb", () => {
  it.each([
    ["1", MEGABYTE],
    ["100", 100 * MEGABYTE],
    [" 250 ", 250 * MEGABYTE],
    ["10240", 10_240 * MEGABYTE],
  ])("reads %j as %d bytes", (value, bytes) => {
    expect(parseRelayMaxBodyMb(value)).toBe(bytes);
  });

  it.each(["0", "-5", "1.5", "1e3", "100MB", "", "10241", "104857600"])(
    "refuses %j, naming the setting",
    (value) => {
      expect(() => parseRelayMaxBodyMb(value, "--relay-max-body-mb")).toThrow(
        expect.objectContaining({
          name: "ConfigError",
          code: "relay_max_body_invalid",
          message: expect.stringMatching(
            /^--relay-max-body-mb ".*" must be a whole number of megabytes from 1 to 10240/
          ),
        })
      );
      expect(() => parseRelayMaxBodyMb(value)).toThrow(ConfigError);
    }
  );
});

describe("parseRelayTimeoutSeconds", () => {
  it.each([
    ["1", 1000],
    ["120", 120_000],
    ["3600", 3_600_000],
  ])("reads %j as %d ms", (value, ms) => {
    expect(parseRelayTimeoutSeconds(value)).toBe(ms);
  });

  it.each(["0", "120000", "2m", "1.5", "", "3601"])("refuses %j, naming the setting", (value) => {
    expect(() => parseRelayTimeoutSeconds(value)).toThrow(
      expect.objectContaining({
        code: "relay_timeout_invalid",
        message: expect.stringMatching(
          /^RELAY_TIMEOUT_SECONDS ".*" must be a whole number of seconds from 1 to 3600/
        ),
      })
    );
  });
});
