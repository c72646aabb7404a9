/** Reading the catalogs as flat "area.key" → message tables, for the i18n tests. */
import type { Catalog, Message } from "../../../src/i18n/catalog-types";

/** Each "area.key" of a catalog with its message. */
export function entriesOf(catalog: Catalog): Map<string, Message> {
  const entries = new Map<string, Message>();
  for (const [area, messages] of Object.entries(catalog)) {
    for (const [key, message] of Object.entries(messages as Record<string, Message>)) {
      entries.set(`${area}.${key}`, message);
    }
  }
  return entries;
}

/** The {placeholders} a message uses, over all its plural forms. */
export function placeholdersOf(message: Message): string[] {
  const texts = typeof message === "string" ? [message] : Object.values(message);
  const names = new Set<string>();
  for (const text of texts) for (const [, name] of text.matchAll(/\{(\w+)\}/g)) names.add(name);
  return [...names].sort();
}
