/**
 * Sizes, dates and lists formatted for the active locale by the platform (Intl), so German sees
 * "3,1 MB" and "04.12.2026" without any hand-written rules.
 */
import { currentLocale, t } from "./translate";

const SIZE_UNITS = ["common.kilobytes", "common.megabytes", "common.gigabytes"] as const;

// Building an Intl formatter costs far more than using one (locale data is resolved each time:
// the email card's date alone took ~2 ms of the pane's start on a slow CPU), so each is made once
// per locale and options and reused.
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.ListFormat>();

function reused<F extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.ListFormat>(
  kind: string,
  options: object,
  create: (locale: string) => F
): F {
  const locale = currentLocale();
  const key = `${kind}|${locale}|${JSON.stringify(options)}`;
  let formatter = formatters.get(key) as F | undefined;
  if (!formatter) {
    formatter = create(locale);
    formatters.set(key, formatter);
  }
  return formatter;
}

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
  const options = { maximumFractionDigits: digits };
  const size = reused("number", options, (locale) => new Intl.NumberFormat(locale, options)).format(
    value
  );
  return t(SIZE_UNITS[unit], { size });
}

const DEFAULT_DATE_TIME: Intl.DateTimeFormatOptions = { dateStyle: "medium", timeStyle: "short" };

/** A date and time, e.g. "Dec 4, 2026, 11:07 PM" / "04.12.2026, 23:07". */
export function formatDateTime(date: Date, options?: Intl.DateTimeFormatOptions): string {
  const chosen = options ?? DEFAULT_DATE_TIME;
  return reused("date", chosen, (locale) => new Intl.DateTimeFormat(locale, chosen)).format(date);
}

const LIST_OPTIONS: Intl.ListFormatOptions = { style: "long", type: "conjunction" };

/** A list joined for the locale: "a, b and c" / "a, b und c" / "a, b et c". */
export function formatList(items: readonly string[]): string {
  return reused("list", LIST_OPTIONS, (locale) => new Intl.ListFormat(locale, LIST_OPTIONS)).format(
    items
  );
}
