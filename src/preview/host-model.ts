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

export type PreviewTheme = "light" | "dark";

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
}

/** Raised to subscribers after the state changed. */
export type PreviewHostEvent =
  | { readonly type: "itemChanged" }
  | { readonly type: "themeChanged" }
  | { readonly type: "mailboxModeChanged" };

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
}

export interface CreatePreviewHostOptions {
  readonly initial: PreviewHostSnapshot;
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
  let snapshot = options.initial;
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
  };
}

/** Office theme colours close to Outlook's light and dark themes (`Office.context.officeTheme`). */
export function officeThemeColors(theme: PreviewTheme): OfficeThemeColors {
  return theme === "dark"
    ? {
        bodyBackgroundColor: "#292929",
        bodyForegroundColor: "#FFFFFF",
        controlBackgroundColor: "#1F1F1F",
        controlForegroundColor: "#FFFFFF",
        isDarkTheme: true,
      }
    : {
        bodyBackgroundColor: "#FFFFFF",
        bodyForegroundColor: "#242424",
        controlBackgroundColor: "#FFFFFF",
        controlForegroundColor: "#242424",
        isDarkTheme: false,
      };
}

/**
 * `Office.OfficeTheme` without `themeId`: @types/office-js declares `ThemeId` as a numeric enum whose
 * runtime values Outlook doesn't document, so the stand-in leaves it out rather than guess.
 */
export type OfficeThemeColors = Omit<Office.OfficeTheme, "themeId">;
