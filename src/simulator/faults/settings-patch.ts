/**
 * Validation of run-time settings changes (`PATCH /__sim/settings`, SimulatorControl.updateSettings,
 * CLI flags). Every field is checked on its own so the error names the one to fix.
 */
import type { SimulatorSettings } from "../simulator-contract";
import { SimulatorInputError } from "./simulator-input-error";

/** The settings that can change at run time: all but baseUrl, which signatures are verified over. */
export type SimulatorSettingsPatch = Partial<Omit<SimulatorSettings, "baseUrl">>;

/** Longest latency accepted: long enough for any timeout test, short enough not to hang a suite. */
export const MAX_LATENCY_MS = 120_000;

type Check = (value: unknown) => string | undefined;

const integerAtLeast =
  (min: number, max = Number.MAX_SAFE_INTEGER): Check =>
  (value) =>
    typeof value === "number" && Number.isInteger(value) && value >= min && value <= max
      ? undefined
      : `must be a whole number from ${min} to ${max}`;

const boolean: Check = (value) =>
  typeof value === "boolean" ? undefined : "must be true or false";

const CHECKS: Record<keyof SimulatorSettingsPatch, Check> = {
  version: (value) =>
    typeof value === "string" && /^\d+\.\d+\.\d+$/.test(value)
      ? undefined
      : 'must be a Jira version like "9.12.2"',
  uploadLimitBytes: integerAtLeast(0),
  attachmentsEnabled: boolean,
  twoLeggedOAuth: boolean,
  clockSkewSeconds: integerAtLeast(-Number.MAX_SAFE_INTEGER),
  latencyMs: integerAtLeast(0, MAX_LATENCY_MS),
};

/** Checks a settings patch; throws {@link SimulatorInputError} naming the first bad field. */
export function validateSettingsPatch(input: unknown): SimulatorSettingsPatch {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    throw new SimulatorInputError("settings", "send a JSON object of the settings to change");
  }
  const patch: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(input)) {
    if (field === "baseUrl") {
      throw new SimulatorInputError(
        "baseUrl",
        "can't change at run time (signatures are verified over it); restart with --base-url"
      );
    }
    if (!Object.hasOwn(CHECKS, field)) {
      throw new SimulatorInputError(
        field,
        `is not a setting; known: ${Object.keys(CHECKS).join(", ")}`
      );
    }
    const problem = CHECKS[field as keyof SimulatorSettingsPatch](value);
    if (problem) {
      throw new SimulatorInputError(field, `${problem} (got ${JSON.stringify(value)})`);
    }
    patch[field] = value;
  }
  return patch as SimulatorSettingsPatch;
}
