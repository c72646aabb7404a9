/**
 * The block that opens a description made from an email: who wrote it, when, to whom, about what,
 * like the header Outlook puts above a forwarded message. Every value comes from the email, so
 * every value is escaped: a display name like `[evil|javascript:…]` or `*x*` stays text. Zero-width
 * characters and bidi controls go first (visible-text.ts): a right-to-left override in a name or
 * the subject would make Jira show it reordered, "Bob‮exe.pdf" as "Bobfdp.exe".
 */
import type { EmailAddress, MailMessage } from "./mail-message";
import { visibleSingleLine } from "./visible-text";
import { escapeWikiInline } from "./wiki-escape";

/** Where and how to show the date. */
export interface HeaderBlockOptions {
  /** BCP 47 language for the date, e.g. "en-US", "de-DE". */
  locale: string;
  /** IANA time zone, e.g. "Europe/Berlin"; default: the runtime's. */
  timeZone?: string;
}

/**
 * Wiki markup for the header block: `*From:*`, `*Sent:*`, `*To:*`, `*Cc:*` (only when there are Cc
 * recipients), `*Subject:*`, one line each, then a `----` rule. Lines without a value (no sender,
 * no date, no subject) are left out.
 */
export function headerBlock(message: MailMessage, options: HeaderBlockOptions): string {
  const lines: string[] = [];
  const add = (label: string, value: string): void => {
    const escaped = escapeWikiInline(visibleSingleLine(value));
    if (escaped !== "") {
      lines.push(`*${label}:* ${escaped}`);
    }
  };
  add("From", message.from === null ? "" : formatAddress(message.from));
  add("Sent", message.sentAt === null ? "" : formatSentDate(message.sentAt, options));
  add("To", formatAddresses(message.to));
  add("Cc", formatAddresses(message.cc));
  add("Subject", message.subject);
  lines.push("----");
  return lines.join("\n");
}

/**
 * "Name <address>", or the address alone when the name is empty or the address itself (compared
 * without invisible characters, which are dropped).
 */
export function formatAddress(address: EmailAddress): string {
  const name = visibleSingleLine(address.name).trim();
  const email = visibleSingleLine(address.address).trim();
  if (name === "" || name.toLowerCase() === email.toLowerCase()) {
    return email;
  }
  return email === "" ? name : `${name} <${email}>`;
}

/** Recipients separated by "; ", as Outlook lists them. */
export function formatAddresses(addresses: readonly EmailAddress[]): string {
  return addresses.map(formatAddress).join("; ");
}

/**
 * The date in the reader's language and time zone, e.g. "Tuesday, June 4, 2024 at 9:48 AM". An
 * unknown locale or time zone falls back to the runtime's rather than failing the whole form.
 */
export function formatSentDate(date: Date, options: HeaderBlockOptions): string {
  if (Number.isNaN(date.getTime())) {
    return "";
  }
  const style: Intl.DateTimeFormatOptions = { dateStyle: "full", timeStyle: "short" };
  const attempts: Array<[string | undefined, Intl.DateTimeFormatOptions]> = [
    [options.locale, { ...style, timeZone: options.timeZone }],
    [undefined, { ...style, timeZone: options.timeZone }],
    [undefined, style],
  ];
  for (const [locale, format] of attempts) {
    try {
      return new Intl.DateTimeFormat(locale, format).format(date);
    } catch {
      // RangeError: invalid locale or time zone; try the next, less specific format.
    }
  }
  return date.toISOString();
}
