import { englishCatalog } from "../../../src/i18n/catalog-en";
import type { Catalog } from "../../../src/i18n/catalog-types";
import { entriesOf, placeholdersOf } from "./catalog-entries";
import germanCatalog from "../../../src/i18n/catalog-de";
import frenchCatalog from "../../../src/i18n/catalog-fr";

const english = entriesOf(englishCatalog);

describe.each([
  ["German", germanCatalog],
  ["French", frenchCatalog],
])("the %s strings", (_language, catalog) => {
  const translated = entriesOf(catalog);

  test("translate every English message, and nothing else", () => {
    expect([...translated.keys()].sort()).toEqual([...english.keys()].sort());
  });

  test("use the same placeholders as the English message", () => {
    const mismatches = [...english].flatMap(([key, message]) => {
      const translation = translated.get(key);
      if (translation === undefined) return [];
      const want = placeholdersOf(message);
      const got = placeholdersOf(translation);
      return JSON.stringify(want) === JSON.stringify(got) ? [] : [{ key, want, got }];
    });
    expect(mismatches).toEqual([]);
  });

  test("give plural messages an 'other' form, as English does", () => {
    const missing = [...translated]
      .filter(([, message]) => typeof message !== "string" && message.other === undefined)
      .map(([key]) => key);
    expect(missing).toEqual([]);
    for (const [key, message] of english) {
      expect([key, typeof translated.get(key)]).toEqual([key, typeof message]);
    }
  });

  test("are not left empty", () => {
    const empty = [...translated]
      .filter(([, message]) =>
        (typeof message === "string" ? [message] : Object.values(message)).some(
          (text) => text.trim() === ""
        )
      )
      .map(([key]) => key);
    expect(empty).toEqual([]);
  });
});

describe("typography", () => {
  const textsOf = (catalog: Catalog) =>
    [...entriesOf(catalog)].flatMap(([key, message]) =>
      (typeof message === "string" ? [message] : Object.values(message)).map(
        (text) => [key, text] as const
      )
    );

  test("French keeps : ; ? ! and » on the line of the word before (no-break spaces)", () => {
    const breakable = textsOf(frenchCatalog)
      .filter(([, text]) => / [:;?!»]|« /.test(text))
      .map(([key]) => key);
    expect(breakable).toEqual([]);
  });

  test("German and French quote with their own quotation marks", () => {
    const straight = [...textsOf(germanCatalog), ...textsOf(frenchCatalog)]
      .filter(([, text]) => text.includes('"'))
      .map(([key]) => key);
    expect(straight).toEqual([]);
  });
});
