/**
 * The Jira session as the UI sees it: whether the pane is connected to Jira, as whom, and what to
 * tell the user. Plain data; `createJiraSession` (jira-session.ts) produces it.
 */
import type { JiraClient } from "../jira/create-jira-client";

/** The Jira user the pane acts as (from /rest/api/2/myself). */
export interface JiraAccount {
  /** Username (`name`), what Jira 8/9 identify users by in REST. */
  name: string;
  /** Jira's user key. */
  key?: string;
  displayName: string;
  emailAddress?: string;
}

/** Something the pane should tell the user, with a way on. */
export interface SessionNotice {
  /** Stable id of the case, e.g. `permission_denied`, `dialog_closed`, `token_not_saved` (tests and docs use it). */
  code: string;
  intent: "info" | "success" | "warning" | "error";
  title: string;
  /** Plain text: what happened and what to do. */
  message: string;
  /** Optional link, e.g. Jira's page to revoke tokens. */
  link?: { label: string; url: string };
  /** Offer "Try again" for a failed save of the settings (`JiraSession.retrySave`). */
  canRetrySave?: boolean;
}

/** Where the session is. */
export type SessionState =
  /** Reading the configuration and the stored token. */
  | { status: "starting" }
  /** The add-in host's configuration is missing or wrong (admin's job); nothing can be signed. */
  | { status: "not_configured"; notice: SessionNotice }
  /** Connected to nobody: the pane offers "Sign in to Jira". */
  | { status: "signed_out"; jiraBaseUrl: string; notice?: SessionNotice }
  /**
   * The sign-in dialog is open or the token exchange runs. `reconnecting`: the user was signed in
   * and the connection ended; their work stays on screen and waits.
   */
  | { status: "signing_in"; jiraBaseUrl: string; reconnecting: boolean; account?: JiraAccount }
  /** Connected. `notice`, e.g. the token could not be saved to the mailbox. */
  | { status: "signed_in"; jiraBaseUrl: string; account: JiraAccount; notice?: SessionNotice }
  /**
   * Jira refused the token (revoked, expired, link deleted) during work. Operations started with
   * `withJira` wait for a new sign-in and then continue; the user's typed work stays as it is.
   */
  | {
      status: "ended";
      jiraBaseUrl: string;
      account: JiraAccount;
      notice: SessionNotice;
      /** How many operations wait for the sign-in to continue. */
      waitingOperations: number;
    };

/** The session: state, sign-in/out, and the one door to Jira for the rest of the pane. */
export interface JiraSession {
  getState(): SessionState;
  /** Called after every state change; returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
  /**
   * Loads the configuration and any stored token. Never rejects: the outcome is in the state.
   * Called again it returns the same run, except after `not_configured`: then it starts over
   * (Try again, once the administrator fixed the configuration), through `starting`.
   */
  start(): Promise<void>;
  /** Runs the OAuth dance in the dialog. Never rejects: the outcome (or its notice) is in the state. Ignored while one runs. */
  signIn(): Promise<void>;
  /** Forgets the token (roaming settings) and rejects waiting operations with `sign_in_required`. Never rejects. */
  signOut(): Promise<void>;
  /** Retries the last failed save of the roaming settings (after sign-in or sign-out). Never rejects. */
  retrySave(): Promise<void>;
  /** Drops the notice shown with the current state. */
  dismissNotice(): void;
  /**
   * Runs `operation` with a client signed with the user's token. When Jira rejects the token
   * (`token_rejected`, `token_expired`, `permission_unknown`), the session ends and the operation
   * waits: after the next successful sign-in it runs again from the start; after sign-out or
   * `cancelWaiting` it rejects with a SessionError `sign_in_required`. Other errors pass through.
   * Rejects at once with `sign_in_required` when nobody is signed in. Work still running when the
   * user signs out never runs again under a later sign-in (perhaps another Jira user): if Jira
   * then rejects its old token, it rejects with `sign_in_required` too.
   */
  withJira<T>(operation: (client: JiraClient) => Promise<T>): Promise<T>;
  /** Rejects every operation waiting for a sign-in with `sign_in_required`. */
  cancelWaiting(): void;
}

/** Codes of {@link SessionError}. */
export type SessionErrorCode =
  | "sign_in_required"
  | "other_user_signed_in"
  | "dialog_already_open"
  | "dialog_closed"
  | "popup_blocked"
  | "dialog_untrusted"
  | "dialog_failed"
  | "permission_denied"
  | "callback_mismatch"
  | "callback_wrong_origin"
  | "callback_malformed"
  | "callback_not_confirmed"
  | "authorize_start_failed";

/** A sign-in or session failure of the pane itself (Jira's refusals stay OAuthProblem / JiraHttpError). */
export class SessionError extends Error {
  override readonly name = "SessionError";

  constructor(
    readonly code: SessionErrorCode,
    message: string,
    options?: { cause?: unknown }
  ) {
    super(message, options);
  }
}
