/**
 * Sizes, dates and lists formatted for the active locale by the platform (Intl), so German sees
 * "3,1 MB" and "04.12.2026" without any hand-written rules.
 */
import { currentLocale, t } from "./translate";

const SIZE_UNITS = ["common.kilobytes", "common.megabytes", "common.gigabytes"] as const;

/**
 * A size as people read it: "512 bytes", "24 KB", "3.1 MB" (1024-based, as Jira counts its limit:
 * 10485760 bytes is "10 MB"). One decimal below 10 (3.1 MB), none above (24 KB, 120 MB), none for
 * kilobytes at all. A size that isn't a finite, positive number reads as 0 bytes.
 */
export function formatFileSize(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 1024) {
    return t("common.bytes", { count: Math.max(0, Math.round(bytes || 0)) });
  }
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < SIZE_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1;
  const size = new Intl.NumberFormat(currentLocale(), { maximumFractionDigits: digits }).format(
    value
  );
  return t(SIZE_UNITS[unit], { size });
}

/** A date and time, e.g. "Dec 4, 2026, 11:07 PM" / "04.12.2026, 23:07". */
export function formatDateTime(date: Date, options?: Intl.DateTimeFormatOptions): string {
  return new Intl.DateTimeFormat(
    currentLocale(),
    options ?? { dateStyle: "medium", timeStyle: "short" }
  ).format(date);
}

/** A list joined for the locale: "a, b and c" / "a, b und c" / "a, b et c". */
export function formatList(items: readonly string[]): string {
  return new Intl.ListFormat(currentLocale(), { style: "long", type: "conjunction" }).format(items);
}
