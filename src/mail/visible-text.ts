/**
 * Text from an email on one line with only what a reader can see: zero-width characters and
 * bidirectional controls removed. Those are invisible, yet they change what a text looks like: a
 * right-to-left override makes "invoice\u202Efdp.exe" read as "invoiceexe.pdf"
 * (https://unicode.org/reports/tr36/#Bidirectional_Text_Spoofing, CVE-2021-42574 "Trojan
 * Source"), a zero-width space hides a prefix ("\u200BRE:") or splits a word. The one place that
 * knows which characters those are: summaries, file names, the description's header block and the
 * pane's display of the email all use it.
 */

/**
 * Control characters (C0, DEL, C1), zero-width space/joiners and the marks LRM/RLM
 * (U+200B–U+200F), bidi embeddings and overrides (U+202A–U+202E), word joiner, invisible operators
 * and bidi isolates (U+2060–U+2069), the Arabic letter mark (U+061C) and the byte order mark /
 * zero-width no-break space (U+FEFF).
 */
const INVISIBLE = /[\p{Cc}\u200B-\u200F\u202A-\u202E\u2060-\u2069\u061C\uFEFF]/gu;

/** Whitespace runs, line breaks and tabs included; U+FEFF is no space but an invisible character. */
const WHITESPACE_RUN = /[^\S\uFEFF]+/gu;

/**
 * `text` with its invisible characters removed (see {@link INVISIBLE}) and every run of
 * whitespace, line breaks and tabs included, as one space: "\u200BRE:\r\n\tInvoice\u202E" becomes
 * "RE: Invoice". Not trimmed. Line breaks become spaces before the other control characters go, so
 * "a\nb" is "a b", not "ab".
 */
export function visibleSingleLine(text: string): string {
  return text.replace(WHITESPACE_RUN, " ").replace(INVISIBLE, "").replace(WHITESPACE_RUN, " ");
}
