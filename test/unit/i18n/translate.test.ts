import { languageFor } from "../../../src/i18n/locale";
import type { MessageKey } from "../../../src/i18n/catalog-types";
import {
  activateLanguage,
  currentLanguage,
  currentLocale,
  setActiveCatalog,
  t,
} from "../../../src/i18n/translate";
import { formatFileSize, formatList } from "../../../src/i18n/format";

describe("languageFor", () => {
  test.each([
    ["de-DE", "de"],
    ["de-AT", "de"],
    ["fr-CA", "fr"],
    ["FR", "fr"],
    ["en-GB", "en"],
    ["es-ES", "en"],
    ["", "en"],
    [undefined, "en"],
  ])("%s → %s", (displayLanguage, language) => {
    expect(languageFor(displayLanguage)).toBe(language);
  });
});

describe("t", () => {
  afterEach(async () => {
    await activateLanguage("en-US");
  });

  test("picks the plural form with Intl.PluralRules and formats the count", async () => {
    expect(t("common.bytes", { count: 1 })).toBe("1 byte");
    expect(t("common.bytes", { count: 1000 })).toBe("1,000 bytes");
    await activateLanguage("fr-FR");
    expect(currentLanguage()).toBe("fr");
    // French: 0 and 1 take the singular form; numbers group with a narrow no-break space.
    expect(t("common.bytes", { count: 0 })).toBe("0 octet");
    expect(t("common.bytes", { count: 1500 })).toBe("1\u202f500 octets");
  });

  test("formats sizes and lists for the active locale", async () => {
    expect(formatFileSize(512)).toBe("512 bytes");
    expect(formatFileSize(2.5 * 1024)).toBe("3 KB");
    expect(formatFileSize(Number.NaN)).toBe("0 bytes");
    expect(formatFileSize(-5)).toBe("0 bytes");
    expect(formatFileSize(3.14 * 1024 * 1024)).toBe("3.1 MB");
    expect(formatList(["a", "b", "c"])).toBe("a, b, and c");
    await activateLanguage("de-DE");
    expect(currentLanguage()).toBe("de");
    expect(formatFileSize(3.14 * 1024 * 1024)).toBe("3,1 MB");
    expect(formatList(["a", "b", "c"])).toBe("a, b und c");
  });

  test("falls back to English for an unsupported language", async () => {
    await activateLanguage("es-ES");
    expect(currentLanguage()).toBe("en");
    expect(formatFileSize(24 * 1024)).toBe("24 KB");
  });
});

describe("the locale Intl formats with", () => {
  afterEach(async () => {
    await activateLanguage("en-US");
  });

  test("is English's own when the display language has no strings (no Japanese plurals on English words)", async () => {
    await activateLanguage("ja-JP");
    expect(currentLocale()).toBe("en-US");
    expect(t("common.bytes", { count: 1 })).toBe("1 byte");
    expect(formatList(["K", "L"])).toBe("K and L");
    await activateLanguage("es-ES");
    expect(formatList(["K", "L"])).toBe("K and L");
  });

  test("keeps a regional variant of a supported language", async () => {
    await activateLanguage("de-AT");
    expect(currentLocale()).toBe("de-AT");
    await activateLanguage("en-GB");
    expect(currentLocale()).toBe("en-GB");
  });

  test("accepts Office's underscore form and malformed tags", async () => {
    await activateLanguage("de_DE");
    expect(currentLanguage()).toBe("de");
    expect(currentLocale()).toBe("de-DE");
    expect(t("common.bytes", { count: 2 })).toBe("2 Byte");
    await activateLanguage("fr--");
    expect(currentLanguage()).toBe("fr");
    expect(currentLocale()).toBe("fr");
    await activateLanguage("");
    expect(currentLocale()).toBe("en-US");
  });
});

describe("looking up a message", () => {
  test("returns the key for a name that is not a message, even one on Object.prototype", () => {
    expect(t("errors.constructor" as MessageKey)).toBe("errors.constructor");
    expect(t("nothing.here" as MessageKey)).toBe("nothing.here");
  });

  test("falls back to English for a message a translation lacks", async () => {
    const german = (await import("../../../src/i18n/catalog-de")).default;
    setActiveCatalog("de", "de-DE", { ...german, common: {} });
    expect(t("common.bytes", { count: 3 })).toBe("3 bytes");
    await activateLanguage("en-US");
  });
});
