/**
 * The doctor's unit of output: one check, one line. `OK`/`WARN` pass, `FAIL` fails the run, `SKIP`
 * marks a check that could not run because an earlier one failed (so it fails nothing itself).
 */

export type CheckStatus = "ok" | "warn" | "fail" | "skip";

/** One check's outcome. */
export interface CheckResult {
  /** Stable id for --json: `private-key`, `jira`, `clock`, `consumer`, `two-legged`, `addin-page`, `addin-config`, `relay`. */
  id: string;
  /** What the line calls it. */
  name: string;
  status: CheckStatus;
  /** What was found (OK) or what is wrong (FAIL/WARN). */
  detail: string;
  /** What to do, for FAIL and WARN. */
  fix?: string;
}

const LABELS: Record<CheckStatus, string> = { ok: "OK", warn: "WARN", fail: "FAIL", skip: "SKIP" };

/** `OK   Jira: 9.12.2 at …` / `FAIL consumer key: what is wrong — the fix`. */
export function formatCheck(result: CheckResult): string {
  const fix = result.fix ? ` — ${result.fix}` : "";
  return `${LABELS[result.status].padEnd(4)} ${result.name}: ${result.detail}${fix}`;
}

/** True when no check failed. */
export function allPassed(results: readonly CheckResult[]): boolean {
  return results.every((result) => result.status !== "fail");
}
