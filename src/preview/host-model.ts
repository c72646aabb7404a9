/**
 * The preview host: the state Outlook would hold around the task pane (current item, Office theme,
 * the client's requirement sets) and the events it raises. The preview page creates one and publishes
 * it on `window[PREVIEW_HOST_PROPERTY]`; the Office stand-in inside the task pane iframe finds it
 * through `window.parent` (same origin) and binds `Office.context.mailbox` to it.
 *
 * Everything crossing this boundary is plain data or functions (see message-model.ts for why).
 */
import type { PreviewAddress, PreviewMessage } from "./message-model";

/** `window` property under which the preview page publishes its {@link PreviewHost}. */
export const PREVIEW_HOST_PROPERTY = "outlookPreviewHost";

/** Bump when the shape of {@link PreviewHost} changes incompatibly. */
export const PREVIEW_HOST_CONTRACT_VERSION = 1;

/**
 * Outlook's theme as the preview emulates it. "highContrast" stands for Windows high contrast
 * (a contrast theme): Office then reports black-and-white theme colours and the browser engine
 * reports `forced-colors: active`; the stand-in can only do the first (see officeThemeColors).
 */
export type PreviewTheme = "light" | "dark" | "highContrast";

/** The themes the preview offers, in the toolbar's order. */
export const PREVIEW_THEMES: readonly PreviewTheme[] = ["light", "dark", "highContrast"];

/**
 * The display languages the preview's toolbar offers (the pane's languages). Office's
 * displayLanguage can be any BCP 47 tag; the URL query accepts others too, to try the fallback.
 */
export const PREVIEW_LANGUAGES = ["en-US", "de-DE", "fr-FR"] as const;

export const DEFAULT_DISPLAY_LANGUAGE = "en-US";

/**
 * Which Outlook the preview emulates:
 * - "modern": Outlook on the web / new Outlook, Mailbox 1.1–1.14.
 * - "onPremises15": a client on an Exchange 2016/2019 on-premises mailbox, limited to Mailbox 1.5
 *   (learn.microsoft.com/javascript/api/requirement-sets/outlook/outlook-api-requirement-sets).
 */
export type MailboxMode = "modern" | "onPremises15";

/** What the host state is at one moment. */
export interface PreviewHostSnapshot {
  readonly item: PreviewMessage | null;
  readonly theme: PreviewTheme;
  readonly mailboxMode: MailboxMode;
  /**
   * Office's UI language (`Office.context.displayLanguage`), e.g. "de-DE". Office fixes it for the
   * session: the pane reads it once at start, so the preview page reloads the pane when it changes.
   */
  readonly displayLanguage: string;
}

/** Raised to subscribers after the state changed. */
export type PreviewHostEvent =
  | { readonly type: "itemChanged" }
  | { readonly type: "themeChanged" }
  | { readonly type: "mailboxModeChanged" }
  | { readonly type: "displayLanguageChanged" };

export type PreviewHostListener = (event: PreviewHostEvent) => void;

/** The contract between the preview page (owner) and the stand-ins (readers). */
export interface PreviewHost {
  readonly contractVersion: typeof PREVIEW_HOST_CONTRACT_VERSION;
  /** The signed-in user (`mailbox.userProfile`). */
  readonly userProfile: PreviewAddress;
  getSnapshot(): PreviewHostSnapshot;
  /** Returns the unsubscribe function. Listener errors are caught and logged, never propagated. */
  subscribe(listener: PreviewHostListener): () => void;
  setItem(item: PreviewMessage | null): void;
  setTheme(theme: PreviewTheme): void;
  setMailboxMode(mode: MailboxMode): void;
  setDisplayLanguage(displayLanguage: string): void;
}

export interface CreatePreviewHostOptions {
  /** The state to start with; the display language defaults to {@link DEFAULT_DISPLAY_LANGUAGE}. */
  readonly initial: Omit<PreviewHostSnapshot, "displayLanguage"> & {
    readonly displayLanguage?: string;
  };
  readonly userProfile?: PreviewAddress;
  /** Where listener errors go (a listener from a reloaded iframe can throw). Default: console.error. */
  readonly reportError?: (error: unknown) => void;
}

export const DEFAULT_USER_PROFILE: PreviewAddress = {
  displayName: "Alex Preview",
  emailAddress: "alex.preview@contoso.example",
};

/** Creates the host state; the preview page owns it, React reads it with `useSyncExternalStore`. */
export function createPreviewHost(options: CreatePreviewHostOptions): PreviewHost {
  let snapshot: PreviewHostSnapshot = {
    ...options.initial,
    displayLanguage: options.initial.displayLanguage ?? DEFAULT_DISPLAY_LANGUAGE,
  };
  const listeners = new Set<PreviewHostListener>();
  const reportError =
    options.reportError ??
    ((error: unknown) => console.error("Preview host listener failed", error));

  function update(next: PreviewHostSnapshot, event: PreviewHostEvent): void {
    snapshot = next;
    for (const listener of [...listeners]) {
      try {
        listener(event);
      } catch (error) {
        reportError(error);
      }
    }
  }

  return {
    contractVersion: PREVIEW_HOST_CONTRACT_VERSION,
    userProfile: options.userProfile ?? DEFAULT_USER_PROFILE,
    getSnapshot: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    setItem(item) {
      if (item !== snapshot.item) {
        update({ ...snapshot, item }, { type: "itemChanged" });
      }
    },
    setTheme(theme) {
      if (theme !== snapshot.theme) {
        update({ ...snapshot, theme }, { type: "themeChanged" });
      }
    },
    setMailboxMode(mailboxMode) {
      if (mailboxMode !== snapshot.mailboxMode) {
        update({ ...snapshot, mailboxMode }, { type: "mailboxModeChanged" });
      }
    },
    setDisplayLanguage(displayLanguage) {
      if (displayLanguage !== snapshot.displayLanguage) {
        update({ ...snapshot, displayLanguage }, { type: "displayLanguageChanged" });
      }
    },
  };
}

/**
 * Office theme colours close to Outlook's light, dark and high-contrast themes
 * (`Office.context.officeTheme`). High contrast: Office follows the Windows contrast theme with
 * pure black and white (the default "Night sky"/"Aquatic" themes have a black background). The
 * browser's `forced-colors: active` can't be set from a page; e2e tests emulate it through the
 * DevTools protocol (Emulation.setEmulatedMedia).
 */
export function officeThemeColors(theme: PreviewTheme): OfficeThemeColors {
  switch (theme) {
    case "dark":
      return {
        bodyBackgroundColor: "#292929",
        bodyForegroundColor: "#FFFFFF",
        controlBackgroundColor: "#1F1F1F",
        controlForegroundColor: "#FFFFFF",
        isDarkTheme: true,
      };
    case "highContrast":
      return {
        bodyBackgroundColor: "#000000",
        bodyForegroundColor: "#FFFFFF",
        controlBackgroundColor: "#000000",
        controlForegroundColor: "#FFFFFF",
        isDarkTheme: true,
      };
    case "light":
      return {
        bodyBackgroundColor: "#FFFFFF",
        bodyForegroundColor: "#242424",
        controlBackgroundColor: "#FFFFFF",
        controlForegroundColor: "#242424",
        isDarkTheme: false,
      };
  }
}

/**
 * `Office.OfficeTheme` without `themeId`: @types/office-js declares `ThemeId` as a numeric enum whose
 * runtime values Outlook doesn't document, so the stand-in leaves it out rather than guess.
 */
export type OfficeThemeColors = Omit<Office.OfficeTheme, "themeId">;
