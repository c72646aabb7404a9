/**
 * What the preview page remembers across reloads (which message, theme, display language, emulated
 * client), so a reload comes back to the same state. An opened .eml is kept too when it is small
 * enough for localStorage. The page's URL can set the theme and language
 * (`/preview.html?lang=de-DE&theme=dark`), so an e2e test or a shared link opens the pane that way.
 */
import { base64ToBytes, bytesToBase64 } from "./base64";
import { DEFAULT_DISPLAY_LANGUAGE, PREVIEW_THEMES } from "./host-model";
import type { MailboxMode, PreviewTheme } from "./host-model";
import type { KeyValueStorage } from "./storage";

export const PREVIEW_STATE_KEY = "outlookPreview.state";
export const OPENED_EML_KEY = "outlookPreview.openedEml";
/** localStorage holds about 5 M characters per origin; base64 of 2 MB is 2.7 M. */
export const MAX_PERSISTED_EML_BYTES = 2 * 1024 * 1024;

export type PreviewSelection =
  { readonly kind: "sample"; readonly id: string } | { readonly kind: "eml" };

export interface PersistedPreviewState {
  readonly selection: PreviewSelection | null;
  readonly theme: PreviewTheme;
  readonly mailboxMode: MailboxMode;
  /** Office's display language the pane starts with, a BCP 47 tag. */
  readonly displayLanguage: string;
}

const DEFAULT_STATE: PersistedPreviewState = {
  selection: null,
  theme: "light",
  mailboxMode: "modern",
  displayLanguage: DEFAULT_DISPLAY_LANGUAGE,
};

export function loadPreviewState(storage: KeyValueStorage): PersistedPreviewState {
  try {
    const parsed = JSON.parse(
      storage.getItem(PREVIEW_STATE_KEY) ?? "null"
    ) as Partial<PersistedPreviewState> | null;
    if (!parsed) {
      return DEFAULT_STATE;
    }
    const selection = parsed.selection;
    return {
      selection:
        selection?.kind === "eml" ||
        (selection?.kind === "sample" && typeof selection.id === "string")
          ? selection
          : null,
      theme: PREVIEW_THEMES.find((theme) => theme === parsed.theme) ?? "light",
      mailboxMode: parsed.mailboxMode === "onPremises15" ? "onPremises15" : "modern",
      displayLanguage:
        typeof parsed.displayLanguage === "string"
          ? (canonicalLanguageTag(parsed.displayLanguage) ?? DEFAULT_DISPLAY_LANGUAGE)
          : DEFAULT_DISPLAY_LANGUAGE,
    };
  } catch {
    return DEFAULT_STATE;
  }
}

export function savePreviewState(storage: KeyValueStorage, state: PersistedPreviewState): void {
  try {
    storage.setItem(PREVIEW_STATE_KEY, JSON.stringify(state));
  } catch (error) {
    console.warn("Outlook preview: could not save the preview state", error);
  }
}

/** The URL query parameters the preview page reads: `?lang=de-DE&theme=dark`. */
export const LANGUAGE_PARAM = "lang";
export const THEME_PARAM = "theme";

/** What the page's URL asks for; `problems` says, in plain words, what was ignored and why. */
export interface PreviewQuery {
  readonly displayLanguage?: string;
  readonly theme?: PreviewTheme;
  readonly problems: readonly string[];
}

/**
 * Reads `lang` (any BCP 47 tag, e.g. de-DE; tags the pane has no strings for show its English
 * fallback) and `theme` (light, dark, highContrast; case and dashes don't matter) from a URL
 * query string. Values that aren't valid are left out and named in `problems`.
 */
export function readPreviewQuery(search: string): PreviewQuery {
  const params = new URLSearchParams(search);
  const problems: string[] = [];
  const lang = params.get(LANGUAGE_PARAM);
  const themeValue = params.get(THEME_PARAM);
  let displayLanguage: string | undefined;
  let theme: PreviewTheme | undefined;
  if (lang !== null) {
    displayLanguage = canonicalLanguageTag(lang) ?? undefined;
    if (!displayLanguage) {
      problems.push(
        `?${LANGUAGE_PARAM}=${lang} is not a language tag; use one like en-US, de-DE or fr-FR.`
      );
    }
  }
  if (themeValue !== null) {
    const wanted = themeValue.replace(/[-_\s]/g, "").toLowerCase();
    theme = PREVIEW_THEMES.find((candidate) => candidate.toLowerCase() === wanted);
    if (!theme) {
      problems.push(
        `?${THEME_PARAM}=${themeValue} is not a theme; use ${PREVIEW_THEMES.join(", ")}.`
      );
    }
  }
  return {
    ...(displayLanguage ? { displayLanguage } : {}),
    ...(theme ? { theme } : {}),
    problems,
  };
}

/** The saved state with what the URL asks for laid over it (the URL wins). */
export function withPreviewQuery(
  state: PersistedPreviewState,
  query: PreviewQuery
): PersistedPreviewState {
  return {
    ...state,
    displayLanguage: query.displayLanguage ?? state.displayLanguage,
    theme: query.theme ?? state.theme,
  };
}

/**
 * The query string kept in step with the toolbar: `lang` and `theme`, where the URL has them, take
 * the current values (so a reload shows what the user chose last, not what the URL first said);
 * other parameters stay as they are. Returns `search` itself when nothing changes.
 */
export function syncedPreviewQuery(
  search: string,
  current: { readonly displayLanguage: string; readonly theme: PreviewTheme }
): string {
  const params = new URLSearchParams(search);
  let changed = false;
  for (const [name, value] of [
    [LANGUAGE_PARAM, current.displayLanguage],
    [THEME_PARAM, current.theme],
  ] as const) {
    if (params.has(name) && params.get(name) !== value) {
      params.set(name, value);
      changed = true;
    }
  }
  return changed ? `?${params.toString()}` : search;
}

/** `tag` in its canonical form ("de-de" → "de-DE"); null when it isn't a BCP 47 language tag. */
export function canonicalLanguageTag(tag: string): string | null {
  try {
    return Intl.getCanonicalLocales(tag.trim())[0] ?? null;
  } catch {
    return null; // RangeError: not a well-formed tag
  }
}

/** Keeps an opened .eml for the next reload; false when it is too large (or storage refuses it). */
export function saveOpenedEml(storage: KeyValueStorage, bytes: Uint8Array): boolean {
  storage.removeItem(OPENED_EML_KEY);
  if (bytes.byteLength > MAX_PERSISTED_EML_BYTES) {
    return false;
  }
  try {
    storage.setItem(OPENED_EML_KEY, bytesToBase64(bytes));
    return true;
  } catch {
    return false;
  }
}

export function loadOpenedEml(storage: KeyValueStorage): Uint8Array | null {
  const saved = storage.getItem(OPENED_EML_KEY);
  if (saved === null) {
    return null;
  }
  try {
    return base64ToBytes(saved);
  } catch {
    return null;
  }
}
