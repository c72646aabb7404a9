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

/** The Jira session (sign-in state and the door to Jira): src/session/ implements it. */
export type {
  JiraSession,
  SessionState,
  SessionNotice,
  JiraAccount,
} from "../session/session-types";

/**
 * Where the pane keeps what the user typed, so it survives failures, sign-out, re-sign-in and a
 * reload of the pane (sessionStorage in the pane; memory in tests). Keys are chosen by the views,
 * e.g. `new-issue:<itemId>` (src/ui/new-issue-item.ts).
 */
export interface DraftStore {
  load(key: string): unknown;
  save(key: string, value: unknown): void;
  remove(key: string): void;
}
