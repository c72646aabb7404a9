/**
 * The Jira version the simulator pretends to be (settings.version, e.g. "9.12.2"), read per
 * request because it can change at run time. It decides which createmeta form exists:
 * the per-project form from 8.4, the old `createmeta?expand=…` form only before 9.0
 * (JRASERVER-69898 deprecated it in 8.4, Jira 9 removed it).
 */

/** `"9.12.2"` → `[9, 12, 2]` (missing or non-numeric parts are 0). */
export function versionNumbers(version: string): [number, number, number] {
  const parts = version.split(".").map((part) => Number.parseInt(part, 10));
  const at = (index: number) => {
    const value = parts[index];
    return value !== undefined && Number.isFinite(value) ? value : 0;
  };
  return [at(0), at(1), at(2)];
}

/** Whether `version` ≥ `major.minor`. */
export function versionAtLeast(version: string, major: number, minor: number): boolean {
  const [actualMajor, actualMinor] = versionNumbers(version);
  return actualMajor > major || (actualMajor === major && actualMinor >= minor);
}
