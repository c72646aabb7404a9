/** The typed text of number, date and date-time editors, read the way Jira wants it. */
import {
  isJiraDate,
  parseDecimal,
  parseLocalDateTime,
  systemTimeZone,
  toJiraDateTime,
} from "../../../../src/ui/field-editing/field-text-formats";
import type { TimeZoneRule } from "../../../../src/ui/field-editing/field-text-formats";

describe("parseDecimal", () => {
  it("reads decimal notation with blanks around it", () => {
    expect(parseDecimal(" 42 ")).toBe(42);
    expect(parseDecimal("-0.25")).toBe(-0.25);
    expect(parseDecimal("+3")).toBe(3);
    expect(parseDecimal("2.5e2")).toBe(250);
  });

  it("refuses what Number() would take but a person didn't mean", () => {
    for (const text of ["", " ", "0x1F", "0b1", "Infinity", "1e400", "1_000", "1,000", "NaN"]) {
      expect(parseDecimal(text)).toBeUndefined();
    }
  });
});

describe("isJiraDate", () => {
  it("accepts real days written YYYY-MM-DD only", () => {
    expect(isJiraDate("2026-03-31")).toBe(true);
    expect(isJiraDate("2024-02-29")).toBe(true);
    expect(isJiraDate("0099-01-01")).toBe(true);
    for (const text of ["2026-02-29", "2026-13-01", "2026-00-10", "2026-04-31", "2026-4-1"]) {
      expect(isJiraDate(text)).toBe(false);
    }
    expect(isJiraDate("0000-01-01")).toBe(false);
    expect(isJiraDate("2026-03-31T10:00")).toBe(false);
  });
});

describe("parseLocalDateTime", () => {
  it("reads what a datetime-local input gives, seconds and milliseconds optional", () => {
    expect(parseLocalDateTime("2026-03-31T14:05")).toEqual({
      year: 2026,
      month: 3,
      day: 31,
      hour: 14,
      minute: 5,
      second: 0,
      millisecond: 0,
    });
    expect(parseLocalDateTime("2026-03-31T14:05:09.5")).toMatchObject({
      second: 9,
      millisecond: 500,
    });
  });

  it("refuses times and days that don't exist", () => {
    for (const text of [
      "2026-03-31T24:00",
      "2026-03-31T12:60",
      "2026-02-30T10:00",
      "2026-03-31 14:05",
      "2026-03-31",
    ]) {
      expect(parseLocalDateTime(text)).toBeUndefined();
    }
  });
});

describe("toJiraDateTime", () => {
  it("writes yyyy-MM-dd'T'HH:mm:ss.SSSZ with the zone's offset", () => {
    const zone: TimeZoneRule = (local) => ({ local, offsetMinutes: -210 });
    expect(toJiraDateTime("2026-01-02T03:04:05.006", zone)).toBe("2026-01-02T03:04:05.006-0330");
    expect(toJiraDateTime("not a time", zone)).toBeUndefined();
  });

  it("writes the time the zone moved a skipped wall-clock time to", () => {
    // A zone where 02:30 doesn't exist on that day (clocks jump to 03:00 at +0200).
    const springForward: TimeZoneRule = (local) => ({
      local: { ...local, hour: local.hour + 1 },
      offsetMinutes: 120,
    });
    expect(toJiraDateTime("2026-03-29T02:30", springForward)).toBe("2026-03-29T03:30:00.000+0200");
  });

  it("uses this computer's zone by default, for the same instant as Date", () => {
    const local = parseLocalDateTime("2026-11-03T23:15");
    if (!local) throw new Error("not parsed");
    const { offsetMinutes } = systemTimeZone(local);
    expect(offsetMinutes).toBe(-new Date(2026, 10, 3, 23, 15).getTimezoneOffset());
    expect(toJiraDateTime("2026-11-03T23:15")).toMatch(/^2026-11-03T23:15:00\.000[+-]\d{4}$/);
  });

  it("keeps years before 100 as typed", () => {
    const { local } = systemTimeZone({
      year: 42,
      month: 6,
      day: 1,
      hour: 12,
      minute: 0,
      second: 0,
      millisecond: 0,
    });
    expect(local.year).toBe(42);
  });
});
