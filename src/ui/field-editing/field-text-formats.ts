/**
 * The typed text of number, date and date-time editors read as Jira wants it. Kept as typed in the
 * draft (a half-typed "1." must survive a reload); read only when checking or sending.
 */

/** Jira's date format for date fields (`duedate`, date pickers): `yyyy-MM-dd`. */
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** What `<input type="datetime-local">` gives: `yyyy-MM-ddTHH:mm`, seconds and milliseconds optional. */
const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/;

// Decimal notation only: no hexadecimal ("0x10"), no "Infinity", no thousands separators.
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** The number in `text` (decimal notation, blanks around allowed), or undefined when it isn't one. */
export function parseDecimal(text: string): number | undefined {
  const trimmed = text.trim();
  if (!DECIMAL.test(trimmed)) return undefined;
  const number = Number(trimmed);
  return Number.isFinite(number) ? number : undefined;
}

/** True when the day exists (years 1–9999; 2026-02-29 doesn't). */
function isRealDay(year: number, month: number, day: number): boolean {
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  const date = new Date(0);
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0–99 as 1900–1999.
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1;
}

/** True when `text` is a real day written `YYYY-MM-DD` (blanks around allowed). */
export function isJiraDate(text: string): boolean {
  const match = DATE.exec(text.trim());
  return match !== null && isRealDay(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** A wall-clock date and time, without a time zone. */
export interface LocalDateTime {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

/** The parts of a `datetime-local` input's value, or undefined when it isn't a real date and time. */
export function parseLocalDateTime(text: string): LocalDateTime | undefined {
  const match = LOCAL_DATE_TIME.exec(text.trim());
  if (!match) return undefined;
  const [year, month, day, hour, minute] = match.slice(1, 6).map(Number);
  const second = match[6] === undefined ? 0 : Number(match[6]);
  const millisecond = match[7] === undefined ? 0 : Number(match[7].padEnd(3, "0"));
  if (!isRealDay(year, month, day) || hour > 23 || minute > 59 || second > 59) return undefined;
  return { year, month, day, hour, minute, second, millisecond };
}

/**
 * Where a wall-clock time falls: the time as the zone shows it (a time skipped by a daylight
 * saving change moves on) and the zone's offset from UTC then, in minutes (east positive).
 */
export type TimeZoneRule = (local: LocalDateTime) => {
  local: LocalDateTime;
  offsetMinutes: number;
};

/** This computer's time zone, through `Date`: the zone the person typing the time lives in. */
export const systemTimeZone: TimeZoneRule = (local) => {
  const date = new Date(
    local.year,
    local.month - 1,
    local.day,
    local.hour,
    local.minute,
    local.second,
    local.millisecond
  );
  // Date maps years 0–99 to 1900–1999; set the year again.
  if (local.year < 100) date.setFullYear(local.year, local.month - 1, local.day);
  return {
    local: {
      year: date.getFullYear(),
      month: date.getMonth() + 1,
      day: date.getDate(),
      hour: date.getHours(),
      minute: date.getMinutes(),
      second: date.getSeconds(),
      millisecond: date.getMilliseconds(),
    },
    offsetMinutes: -date.getTimezoneOffset(),
  };
};

const pad = (value: number, width = 2) => String(value).padStart(width, "0");

/**
 * A `datetime-local` value in Jira's REST date-time format, `yyyy-MM-dd'T'HH:mm:ss.SSSZ`
 * (e.g. `2026-03-31T14:05:00.000+0200`), with the offset the zone has at that time; undefined
 * when the text isn't a real date and time.
 */
export function toJiraDateTime(
  text: string,
  zone: TimeZoneRule = systemTimeZone
): string | undefined {
  const parsed = parseLocalDateTime(text);
  if (!parsed) return undefined;
  const { local, offsetMinutes } = zone(parsed);
  const sign = offsetMinutes < 0 ? "-" : "+";
  const offset = Math.abs(offsetMinutes);
  return (
    `${pad(local.year, 4)}-${pad(local.month)}-${pad(local.day)}` +
    `T${pad(local.hour)}:${pad(local.minute)}:${pad(local.second)}.${pad(local.millisecond, 3)}` +
    `${sign}${pad(Math.floor(offset / 60))}${pad(offset % 60)}`
  );
}
