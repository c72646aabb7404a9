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

/** Light or dark, as the host decides it (Office's theme, else the operating system's). */
export interface ThemePort {
  current(): ThemeName;
  subscribe(listener: (theme: ThemeName) => void, onError: (error: Error) => void): Unsubscribe;
}
