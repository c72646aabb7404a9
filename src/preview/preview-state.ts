/**
 * What the preview page remembers across reloads (which message, theme, emulated client), so a reload
 * comes back to the same state. An opened .eml is kept too when it is small enough for localStorage.
 */
import { base64ToBytes, bytesToBase64 } from "./base64";
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
}

const DEFAULT_STATE: PersistedPreviewState = {
  selection: null,
  theme: "light",
  mailboxMode: "modern",
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
      theme: parsed.theme === "dark" ? "dark" : "light",
      mailboxMode: parsed.mailboxMode === "onPremises15" ? "onPremises15" : "modern",
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
