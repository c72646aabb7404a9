import type { englishCatalog } from "./catalog-en";

/** A message: one text, or plural forms chosen by Intl.PluralRules ("one", "other", "few" …). */
export type Message = string | Partial<Record<Intl.LDMLPluralRule, string>>;

/** Any language's strings: the areas of the English catalog, each a set of named messages. */
export type Catalog = { [Area in keyof typeof englishCatalog]: Record<string, Message> };

type EnglishCatalog = typeof englishCatalog;

/** Every message's key, "area.name", as written in the English resource files. */
export type MessageKey = {
  [Area in keyof EnglishCatalog]: `${Area & string}.${keyof EnglishCatalog[Area] & string}`;
}[keyof EnglishCatalog];

/** Values for a message's {placeholders}; a number named `count` also picks the plural form. */
export type MessageParams = Record<string, string | number>;
