/**
 * The pane's strings in the user's language: `t("newIssue.create")`.
 *
 * One active language per page: Office fixes the display language for the life of the pane, so
 * the composition root activates it once before the first render (activateLanguage) and every
 * module, React or not, reads the same strings. Plurals and numbers are done by the platform
 * (Intl.PluralRules, Intl.NumberFormat), never by string tricks.
 */
import { englishCatalog } from "./catalog-en";
import type { Catalog, Message, MessageKey, MessageParams } from "./catalog-types";
import type { Language } from "./locale";
import { languageFor } from "./locale";

interface ActiveStrings {
  language: Language;
  /** The BCP 47 tag given to Intl (the display language itself, e.g. "de-AT"). */
  locale: string;
  catalog: Catalog;
}

let active: ActiveStrings = { language: "en", locale: "en-US", catalog: englishCatalog };
// Made once per language, not per message: a pane formats hundreds of counts while it renders.
let pluralRules = new Intl.PluralRules(active.locale);
let numberFormat = new Intl.NumberFormat(active.locale);

const loaders: Record<Exclude<Language, "en">, () => Promise<{ default: Catalog }>> = {
  de: () => import(/* webpackChunkName: "strings-de" */ "./catalog-de"),
  fr: () => import(/* webpackChunkName: "strings-fr" */ "./catalog-fr"),
};

/**
 * Makes the language for `displayLanguage` the active one, loading its strings (a small chunk)
 * when it isn't English. A failed load keeps English rather than leaving the pane blank.
 */
export async function activateLanguage(displayLanguage: string): Promise<Language> {
  const language = languageFor(displayLanguage);
  if (language !== "en") {
    try {
      const { default: catalog } = await loaders[language]();
      setActiveCatalog(language, intlLocaleFor(displayLanguage, language), catalog);
      return language;
    } catch (error) {
      console.warn(
        `The ${language} strings could not be loaded; the pane stays in English.`,
        error
      );
    }
  }
  setActiveCatalog("en", intlLocaleFor(displayLanguage, "en"), englishCatalog);
  return "en";
}

/**
 * The locale Intl formats with: the display language itself when its strings are the ones shown
 * ("de-AT" keeps Austrian dates), else plain US English — English words with Japanese plural
 * rules or Spanish list words ("1 steps", "K y K") would be wrong in both languages. Office may
 * write "de_DE", which Intl refuses, hence the canonicalisation.
 */
export function intlLocaleFor(displayLanguage: string, language: Language): string {
  try {
    const [canonical] = Intl.getCanonicalLocales(displayLanguage.trim().replace(/_/g, "-"));
    if (canonical && canonical.split("-")[0].toLowerCase() === language) return canonical;
  } catch {
    // Not a well-formed language tag: use the language's default below.
  }
  return language === "en" ? "en-US" : language;
}

/** Uses `catalog` as the active strings (tests, and languages already loaded). */
export function setActiveCatalog(language: Language, locale: string, catalog: Catalog): void {
  active = { language, locale, catalog };
  pluralRules = new Intl.PluralRules(locale);
  numberFormat = new Intl.NumberFormat(locale);
}

/** The active language ("en", "de", "fr"). */
export function currentLanguage(): Language {
  return active.language;
}

/** The active BCP 47 locale, for Intl formatters. */
export function currentLocale(): string {
  return active.locale;
}

/**
 * The message `key` in the active language (English when the translation lacks it), with
 * {placeholders} filled from `params`. Numbers are formatted for the locale (grouped: pass
 * years or ids as strings); a `count` picks the plural form.
 */
export function t(key: MessageKey, params?: MessageParams): string {
  const message = lookUp(active.catalog, key) ?? lookUp(englishCatalog, key);
  if (message === undefined) return key;
  const text = typeof message === "string" ? message : pluralForm(message, params?.count);
  return params ? fill(text, params) : text;
}

function lookUp(catalog: Catalog, key: string): Message | undefined {
  const dot = key.indexOf(".");
  const areaName = key.slice(0, dot);
  const name = key.slice(dot + 1);
  // Own properties only: a code such as "constructor" must not find Object.prototype's.
  if (!Object.hasOwn(catalog, areaName)) return undefined;
  const area = catalog[areaName as keyof Catalog] as Record<string, Message>;
  return Object.hasOwn(area, name) ? area[name] : undefined;
}

function pluralForm(
  forms: Partial<Record<Intl.LDMLPluralRule, string>>,
  count: string | number | undefined
): string {
  const rule = typeof count === "number" ? pluralRules.select(count) : "other";
  return forms[rule] ?? forms.other ?? Object.values(forms)[0] ?? "";
}

function fill(text: string, params: MessageParams): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === "number" ? numberFormat.format(value) : value;
  });
}
