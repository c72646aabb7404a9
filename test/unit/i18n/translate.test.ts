import { languageFor } from "../../../src/i18n/locale";
import { activateLanguage, currentLanguage, t } from "../../../src/i18n/translate";
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
