/** The languages the pane speaks; anything else gets English. */
export const SUPPORTED_LANGUAGES = ["en", "de", "fr"] as const;
export type Language = (typeof SUPPORTED_LANGUAGES)[number];

/**
 * The pane's language for Office's display language (a BCP 47 tag such as "de-AT" or "fr-CA",
 * Office.context.displayLanguage): its primary subtag when supported, else English.
 */
export function languageFor(displayLanguage: string | undefined | null): Language {
  const primary = (displayLanguage ?? "").trim().split(/[-_]/)[0].toLowerCase();
  return (SUPPORTED_LANGUAGES as readonly string[]).includes(primary)
    ? (primary as Language)
    : "en";
}
