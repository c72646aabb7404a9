/**
 * JQL date values: periods relative to now (`-7d`, `-2h`, `-30m`, `-1w 2d`; units y, M, w, d, h,
 * m as in Jira), absolute dates (`2026-12-01`, `2026/12/01 14:30`, read in UTC: the simulator's
 * time zone), and the functions now(), startOfDay(), endOfDay() with an optional period argument.
 */
import { JqlError } from "./jql-error";

const UNIT_MS: Record<string, number> = {
  y: 365 * 86_400_000,
  M: 30 * 86_400_000,
  w: 7 * 86_400_000,
  d: 86_400_000,
  h: 3_600_000,
  m: 60_000,
};

/** Milliseconds of a Jira period like `-1w 2d` (undefined if it is not one). */
export function parsePeriod(text: string): number | undefined {
  const match = /^([-+]?)((?:\d+[yMwdhm]\s*)+)$/.exec(text.trim());
  if (!match) {
    return undefined;
  }
  let total = 0;
  for (const part of (match[2] as string).matchAll(/(\d+)([yMwdhm])/g)) {
    total += Number(part[1]) * (UNIT_MS[part[2] as string] as number);
  }
  return match[1] === "-" ? -total : total;
}

/** An absolute JQL date (`yyyy-MM-dd`, `yyyy/MM/dd`, optional ` HH:mm`) in UTC ms, or undefined. */
export function parseAbsoluteDate(text: string): number | undefined {
  const match = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:\s+(\d{1,2}):(\d{2}))?$/.exec(text.trim());
  if (!match) {
    return undefined;
  }
  const [, year, month, day, hour, minute] = match.map(Number) as number[];
  const ms = Date.UTC(year as number, (month as number) - 1, day, hour || 0, minute || 0);
  return Number.isNaN(ms) ? undefined : ms;
}

/** A JQL date value → UTC ms; throws Jira's "Date value … is invalid" message otherwise. */
export function resolveDateValue(text: string, field: string, now: number): number {
  const period = parsePeriod(text);
  if (period !== undefined) {
    return now + period;
  }
  const absolute = parseAbsoluteDate(text);
  if (absolute !== undefined) {
    return absolute;
  }
  throw new JqlError(
    `Date value '${text}' for field '${field}' is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.`
  );
}

/** The date functions: now(), startOfDay([period]), endOfDay([period]); undefined for others. */
export function resolveDateFunction(name: string, args: string[], now: number): number | undefined {
  const offset = args[0] === undefined ? 0 : parsePeriod(args[0]);
  if (offset === undefined) {
    throw new JqlError(`The function '${name}' received an invalid period '${args[0]}'.`);
  }
  const midnight = Math.floor(now / 86_400_000) * 86_400_000;
  switch (name.toLowerCase()) {
    case "now":
      return now;
    case "startofday":
      return midnight + offset;
    case "endofday":
      return midnight + 86_400_000 - 1 + offset;
    default:
      return undefined;
  }
}
