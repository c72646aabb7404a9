/**
 * The pane's Jira session (session-types.ts is the contract): reads the runtime configuration and
 * the stored token, runs the OAuth 1.0a dance through the Office dialog, keeps the token in roaming
 * settings, and is the one door to Jira for the rest of the pane (`withJira`), where a token Jira
 * stops accepting ends the session without failing the work: it waits for a new sign-in.
 *
 * The dance (developer.atlassian.com/server/jira/platform/oauth/):
 * 1. request token, with `oauth_callback` = the add-in's callback.html;
 * 2. the Office dialog opens callback.html?authorize=<request token> (Office requires the first
 *    page on the add-in's own origin), which sends the window on to Jira's authorize page; after
 *    Allow, Jira redirects to callback.html with oauth_token + oauth_verifier, and the page hands
 *    them to the pane with messageParent;
 * 3. the pane checks the message (origin, shape, and that the token is the one it asked for: the
 *    CSRF check of OAuth 1.0a) and exchanges it for the access token, then asks /myself who it is.
 *
 * Only plain interfaces are touched (SettingsStorage, SignInDialogPort): no `Office` here.
 */
import type { RuntimeConfig } from "../config/runtime-config";
import { createJiraClient } from "../jira/create-jira-client";
import type { JiraClient, RequestToken } from "../jira/create-jira-client";
import type { JiraLogger } from "../jira/jira-transport";
import type { MultipartUploader } from "../jira/multipart-uploader";
import { parseDialogMessage } from "../oauth/authorization-callback";
import { OAuthProblem } from "../oauth/oauth-problem";
import { createOAuthSigner } from "../oauth/oauth-signer";
import type { OAuthSigner, TokenCredentials } from "../oauth/oauth-signer-types";
import { redactSecrets } from "../oauth/redact";
import {
  connectionEndedNotice,
  noticeForError,
  otherUserNotice,
  otherUserSignedInText,
  saveFailedNotice,
  signedOutNotice,
  storedTokenExpiredNotice,
} from "./session-notices";
import type { NoticeContext } from "./session-notices";
import type { OpenedSignInDialog, SettingsStorage, SignInDialogPort } from "./session-ports";
import { SessionError } from "./session-types";
import type { JiraAccount, JiraSession, SessionNotice, SessionState } from "./session-types";
import {
  accountFromUser,
  createTokenStore,
  isStoredTokenExpired,
  storedTokenFrom,
} from "./token-store";
import type { TokenStore } from "./token-store";

/** Options of {@link createJiraSession}. */
export interface JiraSessionOptions {
  /** The runtime configuration (addin-config.json); rejects with a ConfigError saying what to fix. */
  loadConfig(): Promise<RuntimeConfig>;
  /** Roaming settings: where the token is kept. */
  settings: SettingsStorage;
  /** The Office dialog the sign-in runs in. */
  dialog: SignInDialogPort;
  /** Absolute URL of callback.html beside the pane: Jira's `oauth_callback`, and the dialog's first page. */
  callbackUrl: string;
  /** The add-in's origin: the only one the dialog's messages are accepted from. */
  addinOrigin: string;
  /** Default: the global fetch. */
  fetch?: typeof fetch;
  /** WebCrypto to sign with; default `globalThis.crypto?.subtle`; null forces jsrsasign. */
  subtle?: SubtleCrypto | null;
  /** The clock, ms since the epoch (tests). Default `Date.now`. */
  now?: () => number;
  /** Sends attachments (the pane's XHR uploader, for progress). */
  uploader?: MultipartUploader;
  /** Redacted lines from the client and the session. */
  logger?: JiraLogger;
}

/** What start() built from the configuration. */
interface Setup {
  config: RuntimeConfig;
  signer: OAuthSigner;
  /** Signs without an access token: request-token and access-token (which pass their own). */
  dance: JiraClient;
  store: TokenStore;
}

/** One access token and what was built for it; replaced (never changed) by a new sign-in. */
interface Connection {
  credentials: TokenCredentials;
  account: JiraAccount;
  client: JiraClient;
}

/** An operation waiting for a sign-in. */
interface WaitingOperation {
  /** Runs it again from the start (or makes it wait again, or rejects it, as the state says). */
  resume(): void;
  reject(error: SessionError): void;
}

type StateOf<S extends SessionState["status"]> = Extract<SessionState, { status: S }>;

// Office's DialogEventReceived / displayDialogAsync codes
// (learn.microsoft.com/office/dev/add-ins/develop/dialog-api-in-office-add-ins#errors-and-events).
const DIALOG_CLOSED_BY_USER = 12006;
const DIALOG_IGNORED = 12009;
const DIALOG_ALREADY_OPEN = 12007;
const POPUP_BLOCKED = 12011;
const DIALOG_UNTRUSTED = [12004, 12005];
const DIALOG_EVENT_MEANING: Partial<Record<number, string>> = {
  12002: "the page in it could not be loaded",
  12003: "the page in it is not HTTPS",
};

/** Jira's answers that mean "this access token no longer works": the session ends, the work waits. */
const TOKEN_PROBLEMS = new Set(["token_rejected", "token_expired", "permission_unknown"]);

/** Creates the session; nothing happens until {@link JiraSession.start}. */
export function createJiraSession(options: JiraSessionOptions): JiraSession {
  const now = options.now ?? Date.now;
  const addinOrigin = originOf(options.addinOrigin);
  const listeners = new Set<() => void>();
  const waiting: WaitingOperation[] = [];

  let state: SessionState = { status: "starting" };
  let setup: Setup | undefined;
  let connection: Connection | undefined;
  let startRun: Promise<void> | undefined;
  // The last start() has finished: after not_configured, the next start() tries again.
  let startSettled = false;
  let signInRun: Promise<void> | undefined;
  // Bumped by every sign-in and by sign-out: a sign-in whose number is no longer current was
  // abandoned (signed out meanwhile) and must not touch the state when its awaits return.
  let signInAttempt = 0;
  let abandonDialog: (() => void) | undefined;
  // Bumped by every sign-out: work started before it never continues under a later sign-in (which
  // may be another Jira user); it ends with sign_in_required instead.
  let signOuts = 0;
  // The settings hold a change Outlook could not save yet (retrySave's job).
  let unsavedAfter: "sign_in" | "sign_out" | undefined;

  function setState(next: SessionState): void {
    state = next;
    for (const listener of [...listeners]) {
      try {
        listener();
      } catch (error) {
        // A subscriber's bug must not leave the session half-way through a transition.
        options.logger?.debug(
          redactSecrets(`session: a state listener threw: ${String(error)}`, secrets())
        );
      }
    }
  }

  /** Values no notice or log line may show. */
  function secrets(extra: Array<string | undefined> = []): string[] {
    return [connection?.credentials.token, connection?.credentials.secret, ...extra].filter(
      (value): value is string => typeof value === "string" && value !== ""
    );
  }

  function noticeContext(extra: Array<string | undefined> = []): NoticeContext {
    return { ...(setup ? { jiraBaseUrl: setup.config.jiraBaseUrl } : {}), secrets: secrets(extra) };
  }

  function clientFor(
    config: RuntimeConfig,
    signer: OAuthSigner,
    credentials: TokenCredentials | undefined
  ): JiraClient {
    return createJiraClient({
      baseUrl: config.jiraBaseUrl,
      relayBase: config.relayUrl,
      signer,
      accessToken: () => credentials,
      // In the pane a redirect is a login gateway or a wrong Jira URL, never the way to Jira's data.
      redirects: "refuse",
      ...(options.fetch ? { fetch: options.fetch } : {}),
      ...(options.uploader ? { uploader: options.uploader } : {}),
      ...(options.logger ? { logger: options.logger } : {}),
      ...(options.now ? { now: options.now } : {}),
    });
  }

  /** A connection for an access token: its own client, signed with it, over the session's one signer. */
  function connect(credentials: TokenCredentials, account: JiraAccount): Connection {
    if (!setup) {
      throw new Error("The session connects only after start().");
    }
    const own = { token: credentials.token, secret: credentials.secret };
    return { credentials: own, account, client: clientFor(setup.config, setup.signer, own) };
  }

  async function runStart(): Promise<void> {
    try {
      const config = await options.loadConfig();
      // One signer for the session: it keeps the clock offset learnt from Jira's timestamp_refused.
      const signer = await createOAuthSigner({
        consumerKey: config.consumerKey,
        privateKeyPem: config.privateKeyPem,
        ...(options.subtle === undefined ? {} : { subtle: options.subtle }),
        ...(options.now ? { now: options.now } : {}),
      });
      setup = {
        config,
        signer,
        dance: clientFor(config, signer, undefined),
        store: createTokenStore({
          settings: options.settings,
          jiraBaseUrl: config.jiraBaseUrl,
          consumerKey: config.consumerKey,
          ...(options.logger ? { logger: options.logger } : {}),
        }),
      };
    } catch (error) {
      setup = undefined;
      setState({ status: "not_configured", notice: noticeForError(error) });
      return;
    }
    const { store } = setup;
    const { jiraBaseUrl } = setup.config;
    const entry = store.read();
    if (!entry) {
      setState({ status: "signed_out", jiraBaseUrl });
    } else if (entry.expiresAt !== null && isStoredTokenExpired(entry, now())) {
      setState({
        status: "signed_out",
        jiraBaseUrl,
        notice: storedTokenExpiredNotice(entry.expiresAt),
      });
    } else {
      // Trusted without asking Jira: a rejected token shows on the first call (withJira ends the
      // session then), and the pane opens without a round trip.
      connection = connect(entry, entry.user);
      setState({ status: "signed_in", jiraBaseUrl, account: entry.user });
    }
  }

  async function runSignIn(current: Setup, attempt: number): Promise<void> {
    const before = state as StateOf<"signed_out"> | StateOf<"ended">;
    const ended = before.status === "ended" ? before : undefined;
    const { store, dance } = current;
    const { jiraBaseUrl } = current.config;
    const abandoned = () => attempt !== signInAttempt;
    setState({
      status: "signing_in",
      jiraBaseUrl,
      reconnecting: ended !== undefined,
      ...(ended ? { account: ended.account } : {}),
    });
    // Every credential this attempt handles: no notice or log line about it may show one. The
    // request token and the verifier stay listed after the exchange: an answer of Jira's (or of a
    // proxy) that echoes them must not put them on screen, where they could be copied into a ticket.
    const attemptSecrets: string[] = [];
    try {
      const requestToken: RequestToken = await dance.getRequestToken(options.callbackUrl);
      attemptSecrets.push(requestToken.token, requestToken.secret);
      if (abandoned()) return;
      if (!requestToken.callbackConfirmed) {
        throw new SessionError(
          "callback_not_confirmed",
          "Jira answered the request token without oauth_callback_confirmed=true: it would not redirect back to the add-in."
        );
      }
      const verifier = await authorizeInDialog(requestToken.token);
      attemptSecrets.push(verifier);
      if (abandoned()) return;
      // The request token is exchanged once, here; a later answer for it finds the dialog settled.
      const accessToken = await dance.getAccessToken(requestToken, verifier);
      attemptSecrets.push(accessToken.token, accessToken.secret);
      if (abandoned()) return;
      // Who the token acts for, asked with the token itself: it also proves the token works.
      const unnamed = connect(accessToken, { name: "", displayName: "" });
      const account = accountFromUser(await unnamed.client.myself());
      if (abandoned()) return;
      const next: Connection = { ...unnamed, account };
      store.write(storedTokenFrom(accessToken, account, now()));
      let notice: SessionNotice | undefined;
      try {
        await store.save();
        unsavedAfter = undefined;
      } catch (error) {
        unsavedAfter = "sign_in";
        notice = saveFailedNotice(error, "sign_in", noticeContext(attemptSecrets));
      }
      if (abandoned()) return;
      connection = next;
      // Work interrupted as one Jira user never continues as another (a shared computer, an SSO
      // session of someone else): it is handed back to the views, which keep their drafts.
      const otherUser = ended !== undefined && ended.account.name !== account.name;
      if (otherUser) {
        notice ??= otherUserNotice(ended.account, account);
        rejectWaiting(
          new SessionError("other_user_signed_in", otherUserSignedInText(ended.account, account))
        );
      }
      setState({ status: "signed_in", jiraBaseUrl, account, ...(notice ? { notice } : {}) });
      if (!otherUser) resumeWaiting();
    } catch (error) {
      if (abandoned()) return;
      const notice = noticeForError(error, noticeContext(attemptSecrets));
      if (ended) {
        setState({ ...ended, notice, waitingOperations: waiting.length });
      } else {
        setState({ status: "signed_out", jiraBaseUrl, notice });
      }
    }
  }

  /**
   * Opens the dialog on callback.html?authorize=<token> and resolves with the verifier of the
   * answer for exactly that token. Every other outcome rejects with a SessionError; the dialog is
   * closed on any answer (a window left open would make the next sign-in fail with 12007).
   */
  function authorizeInDialog(requestToken: string): Promise<string> {
    return new Promise<string>((resolve, reject) => {
      let settled = false;
      let opened: OpenedSignInDialog | undefined;
      let closeWhenOpened = false;
      const settle = (outcome: { verifier: string } | { error: unknown }, close: boolean) => {
        if (settled) return;
        settled = true;
        abandonDialog = undefined;
        if (close) {
          if (opened) opened.close();
          else closeWhenOpened = true;
        }
        if ("error" in outcome) reject(outcome.error);
        else resolve(outcome.verifier);
      };
      abandonDialog = () =>
        settle(
          { error: new SessionError("dialog_closed", "The sign-in was abandoned: signed out.") },
          true
        );
      const separator = options.callbackUrl.includes("?") ? "&" : "?";
      const url = `${options.callbackUrl}${separator}authorize=${encodeURIComponent(requestToken)}`;
      options.dialog
        .open(url, {
          onMessage(message, origin) {
            settle(readDialogAnswer(message, origin, requestToken), true);
          },
          onClosed(code) {
            settle({ error: closedError(code) }, false);
          },
        })
        .then(
          (dialog) => {
            opened = dialog;
            if (closeWhenOpened) dialog.close();
          },
          (error: unknown) => settle({ error: openError(error) }, false)
        );
    });
  }

  function readDialogAnswer(
    message: string,
    origin: string | undefined,
    requestToken: string
  ): { verifier: string } | { error: SessionError } {
    // DialogOrigin 1.1 reports the sender; older hosts don't (then the token check below is the guard).
    if (origin !== undefined && originOf(origin) !== addinOrigin) {
      return {
        error: new SessionError(
          "callback_wrong_origin",
          `The sign-in window's answer came from ${redactSecrets(origin)}, not from the add-in (${addinOrigin}).`
        ),
      };
    }
    const answer = parseDialogMessage(message);
    if (!answer) {
      return {
        error: new SessionError(
          "callback_malformed",
          "The sign-in window sent a message that is not a sign-in answer."
        ),
      };
    }
    if (answer.kind === "jira-authorization-start-failed") {
      const text = redactSecrets(answer.message, [requestToken]).slice(0, 500);
      return { error: new SessionError("authorize_start_failed", text) };
    }
    if (answer.oauthToken !== requestToken) {
      // OAuth 1.0a's CSRF guard: only the request token this pane obtained is ever exchanged.
      return {
        error: new SessionError(
          "callback_mismatch",
          "The sign-in window answered for a request token this pane did not ask for; it was not exchanged."
        ),
      };
    }
    if (answer.oauthVerifier === null) {
      return {
        error: new SessionError(
          "permission_denied",
          "Access was denied on Jira's authorization page (no oauth_verifier)."
        ),
      };
    }
    return { verifier: answer.oauthVerifier };
  }

  function resumeWaiting(): void {
    for (const operation of waiting.splice(0)) {
      operation.resume();
    }
  }

  function rejectWaiting(reason: SessionError = signInRequired()): void {
    for (const operation of waiting.splice(0)) {
      operation.reject(reason);
    }
  }

  /** The state's waitingOperations, after the queue changed. */
  function countWaiting(): void {
    if (state.status === "ended" && state.waitingOperations !== waiting.length) {
      setState({ ...state, waitingOperations: waiting.length });
    }
  }

  function endSession(ending: Connection, error: unknown): void {
    setState({
      status: "ended",
      jiraBaseUrl: setup?.config.jiraBaseUrl ?? "",
      account: ending.account,
      notice: connectionEndedNotice(error, noticeContext()),
      waitingOperations: waiting.length,
    });
  }

  function isWaitingForSignIn(): boolean {
    return state.status === "ended" || (state.status === "signing_in" && state.reconnecting);
  }

  const session: JiraSession = {
    getState: () => state,

    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },

    start() {
      if (startRun && startSettled && state.status === "not_configured") {
        // Try again: the administrator may have fixed the configuration (loadConfig fetches afresh).
        startRun = undefined;
        setState({ status: "starting" });
      }
      if (!startRun) {
        startSettled = false;
        startRun = runStart()
          .catch((error: unknown) => {
            // runStart handles what it expects; anything else still lands in the state.
            setState({ status: "not_configured", notice: noticeForError(error) });
          })
          .finally(() => {
            startSettled = true;
          });
      }
      return startRun;
    },

    signIn() {
      if (signInRun) return signInRun;
      const current = setup;
      if (!current || (state.status !== "signed_out" && state.status !== "ended")) {
        return Promise.resolve();
      }
      const run = runSignIn(current, ++signInAttempt).catch((error: unknown) => {
        options.logger?.debug(redactSecrets(`session: sign-in failed: ${String(error)}`));
      });
      signInRun = run;
      void run.then(() => {
        if (signInRun === run) signInRun = undefined;
      });
      return run;
    },

    async signOut() {
      const current = setup;
      if (!current || state.status === "starting" || state.status === "not_configured") {
        return;
      }
      // A sign-in in progress is abandoned: its dialog closes and its result is ignored.
      signInAttempt++;
      signOuts++;
      signInRun = undefined;
      abandonDialog?.();
      connection = undefined;
      current.store.remove();
      const { jiraBaseUrl } = current.config;
      const signedOut: SessionState = {
        status: "signed_out",
        jiraBaseUrl,
        notice: signedOutNotice(jiraBaseUrl),
      };
      setState(signedOut);
      rejectWaiting();
      try {
        await current.store.save();
        unsavedAfter = undefined;
      } catch (error) {
        unsavedAfter = "sign_out";
        if (state === signedOut) {
          setState({
            ...signedOut,
            notice: saveFailedNotice(error, "sign_out", noticeContext()),
          });
        }
      }
    },

    async retrySave() {
      const current = setup;
      const after = unsavedAfter;
      if (!current || !after) return;
      try {
        await current.store.save();
        unsavedAfter = undefined;
        if (
          (state.status === "signed_in" || state.status === "signed_out") &&
          state.notice?.canRetrySave
        ) {
          setState(withoutNotice(state));
        }
      } catch (error) {
        if (
          (state.status === "signed_in" || state.status === "signed_out") &&
          state.notice?.canRetrySave
        ) {
          setState({ ...state, notice: saveFailedNotice(error, after, noticeContext()) });
        }
      }
    },

    dismissNotice() {
      if ((state.status === "signed_in" || state.status === "signed_out") && state.notice) {
        setState(withoutNotice(state));
      }
    },

    withJira<T>(operation: (client: JiraClient) => Promise<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        const startedBefore = signOuts;
        const waitForSignIn = () => {
          waiting.push({ resume: attempt, reject });
          countWaiting();
        };
        function attempt(): void {
          if (signOuts !== startedBefore) {
            // Signed out since it started: a later sign-in must not run it (as another user, maybe).
            reject(signInRequired());
            return;
          }
          if (isWaitingForSignIn()) {
            waitForSignIn();
            return;
          }
          const used = connection;
          if (state.status !== "signed_in" || !used) {
            reject(signInRequired());
            return;
          }
          let result: Promise<T>;
          try {
            result = operation(used.client);
          } catch (error) {
            reject(error);
            return;
          }
          Promise.resolve(result).then(resolve, (error: unknown) => {
            if (!isTokenProblem(error)) {
              reject(error);
            } else if (used === connection && state.status === "signed_in") {
              // The first failure with the current token ends the session; it waits with the rest.
              waiting.push({ resume: attempt, reject });
              endSession(used, error);
            } else {
              // Failed with an older token: wait if the session ended, run again with the token
              // of the sign-in that followed (attempt() rejects when a sign-out came between).
              attempt();
            }
          });
        }
        attempt();
      });
    },

    cancelWaiting() {
      rejectWaiting();
      countWaiting();
    },
  };
  return session;
}

function withoutNotice(state: StateOf<"signed_in"> | StateOf<"signed_out">): SessionState {
  const copy = { ...state };
  delete copy.notice;
  return copy;
}

function isTokenProblem(error: unknown): boolean {
  return error instanceof OAuthProblem && TOKEN_PROBLEMS.has(error.code);
}

function signInRequired(): SessionError {
  return new SessionError("sign_in_required", "Sign in to Jira to continue.");
}

/** `displayDialogAsync` failed: Office's code says why. */
function openError(error: unknown): SessionError {
  const code = (error as { code?: unknown } | null | undefined)?.code;
  const reason = redactSecrets(error instanceof Error ? error.message : String(error));
  const options = { cause: error };
  if (code === DIALOG_ALREADY_OPEN) {
    return new SessionError(
      "dialog_already_open",
      `Another add-in dialog is open (${reason}).`,
      options
    );
  }
  if (code === POPUP_BLOCKED) {
    return new SessionError(
      "popup_blocked",
      `The browser blocked the sign-in window (${reason}).`,
      options
    );
  }
  if (typeof code === "number" && DIALOG_UNTRUSTED.includes(code)) {
    return new SessionError(
      "dialog_untrusted",
      `Outlook refused to open the sign-in page (${reason}).`,
      options
    );
  }
  if (code === DIALOG_IGNORED) {
    // The user dismissed Office's "allow the dialog" prompt: the same as closing the window.
    return new SessionError(
      "dialog_closed",
      `The sign-in window was not opened (${reason}).`,
      options
    );
  }
  return new SessionError(
    "dialog_failed",
    `Outlook could not open the sign-in window (${reason}${typeof code === "number" ? `, error ${code}` : ""}).`,
    options
  );
}

/** The dialog went away without our code closing it. */
function closedError(code: number): SessionError {
  if (code === DIALOG_CLOSED_BY_USER || code === DIALOG_IGNORED) {
    return new SessionError(
      "dialog_closed",
      `The sign-in window was closed before Jira finished (Office code ${code}).`
    );
  }
  const meaning = DIALOG_EVENT_MEANING[code] ?? "it stopped";
  return new SessionError(
    "dialog_failed",
    `The sign-in window failed: ${meaning} (error ${code}).`
  );
}

/** `https://host:port` of a URL or origin; the text itself when it is neither. */
function originOf(value: string): string {
  try {
    return new URL(value).origin;
  } catch {
    return value;
  }
}
