import {
  canonicalLanguageTag,
  loadOpenedEml,
  loadPreviewState,
  MAX_PERSISTED_EML_BYTES,
  OPENED_EML_KEY,
  readPreviewQuery,
  saveOpenedEml,
  savePreviewState,
  syncedPreviewQuery,
  withPreviewQuery,
} from "../../../src/preview/preview-state";
import { createMemoryStorage } from "../../../src/preview/storage";

describe("preview state persistence", () => {
  it("round-trips selection, theme, mode and display language", () => {
    const storage = createMemoryStorage();
    expect(loadPreviewState(storage)).toEqual({
      selection: null,
      theme: "light",
      mailboxMode: "modern",
      displayLanguage: "en-US",
    });
    savePreviewState(storage, {
      selection: { kind: "sample", id: "reply-sup-2" },
      theme: "highContrast",
      mailboxMode: "onPremises15",
      displayLanguage: "fr-FR",
    });
    expect(loadPreviewState(storage)).toEqual({
      selection: { kind: "sample", id: "reply-sup-2" },
      theme: "highContrast",
      mailboxMode: "onPremises15",
      displayLanguage: "fr-FR",
    });
  });

  it("keeps an opened .eml under 2 MB and refuses a larger one", () => {
    const storage = createMemoryStorage();
    const small = new Uint8Array([70, 114, 111, 109, 58, 0xff]);
    expect(saveOpenedEml(storage, small)).toBe(true);
    expect(loadOpenedEml(storage)).toEqual(small);
    expect(saveOpenedEml(storage, new Uint8Array(MAX_PERSISTED_EML_BYTES + 1))).toBe(false);
    expect(storage.getItem(OPENED_EML_KEY)).toBeNull();
  });

  it("falls back to defaults on garbage", () => {
    const storage = createMemoryStorage({
      "outlookPreview.state":
        '{"theme":"purple","selection":{"kind":"x"},"displayLanguage":"not a language!"}',
    });
    expect(loadPreviewState(storage)).toEqual({
      selection: null,
      theme: "light",
      mailboxMode: "modern",
      displayLanguage: "en-US",
    });
  });
});

describe("the preview page's URL query", () => {
  const saved = {
    selection: null,
    theme: "light",
    mailboxMode: "onPremises15",
    displayLanguage: "en-US",
  } as const;

  it("reads ?lang= and ?theme= and lays them over the saved state", () => {
    const query = readPreviewQuery("?lang=de-DE&theme=dark");
    expect(query).toEqual({ displayLanguage: "de-DE", theme: "dark", problems: [] });
    expect(withPreviewQuery(saved, query)).toEqual({
      ...saved,
      displayLanguage: "de-DE",
      theme: "dark",
    });
  });

  it.each([
    ["highContrast", "highContrast"],
    ["high-contrast", "highContrast"],
    ["HIGH_CONTRAST", "highContrast"],
    ["Light", "light"],
  ])("takes theme=%s as %s", (value, theme) => {
    expect(readPreviewQuery(`?theme=${value}`).theme).toBe(theme);
  });

  it("canonicalizes the language tag and accepts languages the pane has no strings for", () => {
    expect(readPreviewQuery("?lang=fr-fr").displayLanguage).toBe("fr-FR");
    expect(readPreviewQuery("?lang=es-ES").displayLanguage).toBe("es-ES");
    expect(canonicalLanguageTag(" de-at ")).toBe("de-AT");
  });

  it("leaves the saved state alone without a query", () => {
    const query = readPreviewQuery("");
    expect(query).toEqual({ problems: [] });
    expect(withPreviewQuery(saved, query)).toEqual(saved);
  });

  it("names what it ignored and how to write it", () => {
    const query = readPreviewQuery("?lang=!!&theme=purple");
    expect(query.displayLanguage).toBeUndefined();
    expect(query.theme).toBeUndefined();
    expect(query.problems).toEqual([
      "?lang=!! is not a language tag; use one like en-US, de-DE or fr-FR.",
      "?theme=purple is not a theme; use light, dark, highContrast.",
    ]);
  });

  it("follows the toolbar: parameters the URL has take the current values, others are not added", () => {
    expect(
      syncedPreviewQuery("?lang=de-DE&theme=dark&x=1", {
        displayLanguage: "fr-FR",
        theme: "highContrast",
      })
    ).toBe("?lang=fr-FR&theme=highContrast&x=1");
    expect(syncedPreviewQuery("?lang=de-DE", { displayLanguage: "de-DE", theme: "dark" })).toBe(
      "?lang=de-DE"
    );
    expect(syncedPreviewQuery("", { displayLanguage: "fr-FR", theme: "dark" })).toBe("");
  });
});
