/**
 * What the UI needs from its surroundings, as interfaces. src/taskpane/ builds the concrete
 * adapters (src/office/ for Outlook) and hands them in; components never touch globals, so they
 * run against any implementation, e.g. a fake host in a unit test.
 */
import type { MailMessage } from "../mail/mail-message";

export type ThemeName = "light" | "dark";
export type Unsubscribe = () => void;

/** The email the pane is looking at. */
export interface MailboxPort {
  /** The selected email, or null when none is (a pinned pane between selections). */
  currentMessage(): MailMessage | null;
  /** Called when the user selects another item while the pane is pinned. */
  subscribeToMessageChanges(listener: () => void, onError: (error: Error) => void): Unsubscribe;
}

/** Office's theme, when the host tells it. */
export interface ThemePort {
  /** null when the host doesn't say: the UI then follows the operating system. */
  current(): ThemeName | null;
  subscribe(listener: (theme: ThemeName) => void, onError: (error: Error) => void): Unsubscribe;
}
