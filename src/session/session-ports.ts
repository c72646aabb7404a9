/**
 * What the Jira session needs from the host, as interfaces: src/office/ implements them over
 * Office.js (roaming settings, the dialog API); tests implement them in memory. The session never
 * touches the `Office` global.
 */

/**
 * Per-user, per-mailbox settings that follow the user to every Outlook client (Office
 * roamingSettings). `set`/`remove` change the in-memory copy; `save` persists it.
 */
export interface SettingsStorage {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  remove(name: string): void;
  /** Persists the settings. Rejects with an Error whose numeric `code` is Office's (e.g. 9057 over 32 KB). */
  save(): Promise<void>;
}

/** Callbacks of an open sign-in dialog. */
export interface SignInDialogHandlers {
  /**
   * The page in the dialog called `messageParent(message)`. `origin` is the sending page's
   * origin when the host reports it (DialogOrigin 1.1), else undefined.
   */
  onMessage(message: string, origin: string | undefined): void;
  /** The dialog ended without our code closing it; `code` is Office's (12006 closed by the user, 12002 page failed to load, …). */
  onClosed(code: number): void;
}

/** A dialog that is open. */
export interface OpenedSignInDialog {
  /** Closes it; no `onClosed` follows. Safe to call twice. */
  close(): void;
}

/** Opens the Office dialog for signing in (never in an iframe: Jira's pages forbid framing). */
export interface SignInDialogPort {
  /**
   * Opens `url` (https, on the add-in's own origin) in a dialog.
   * Rejects with an Error whose numeric `code` is Office's: 12004 untrusted domain, 12005 http,
   * 12007 a dialog is already open, 12009 the user ignored the dialog, 12011 popup blocked.
   */
  open(url: string, handlers: SignInDialogHandlers): Promise<OpenedSignInDialog>;
}
