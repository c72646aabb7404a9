/**
 * Fakes of the Office host for the session's tests (never of the session itself): roaming settings
 * in memory with Office's set/save split, and a sign-in dialog that behaves like Office's — it
 * opens the callback page URL, and the "browser" in it goes through the simulator's real
 * authorize page over HTTP and back to the callback page, whose message it hands to the pane.
 * And the session on the real simulator through those fakes, as its tests start it.
 */
import type { RuntimeConfig } from "../../../src/config/runtime-config";
import { readAuthorizationCallback } from "../../../src/oauth/authorization-callback";
import { createJiraSession } from "../../../src/session/jira-session";
import type {
  OpenedSignInDialog,
  SettingsStorage,
  SignInDialogHandlers,
  SignInDialogPort,
} from "../../../src/session/session-ports";
import type { JiraSession, SessionState } from "../../../src/session/session-types";
import type { RunningJiraSimulator } from "../../../src/simulator/create-jira-simulator";
import { approveRequestToken, generateConsumerKeyPair } from "../../support/reference-oauth-client";
import { setUpSimulatorStarter } from "../../support/started-simulators";

export const CONSUMER_KEY = "jira-for-outlook";
export const ADDIN_ORIGIN = "https://addin.example.com";
export const CALLBACK_URL = `${ADDIN_ORIGIN}/callback.html`;

/** An Error carrying Office's numeric code, like OfficeError. */
export function officeError(
  code: number,
  message = `Office error ${code}`
): Error & { code: number } {
  return Object.assign(new Error(message), { code });
}

/** Roaming settings in memory: `values` is the in-memory copy, `persisted` what the last save wrote. */
export interface MemorySettings extends SettingsStorage {
  values: Record<string, unknown>;
  persisted: Record<string, unknown>;
  saves: number;
  /** The next saves reject with these errors, in order. */
  failNextSaves(...errors: Error[]): void;
}

export function createMemorySettings(initial: Record<string, unknown> = {}): MemorySettings {
  const failures: Error[] = [];
  const settings: MemorySettings = {
    values: structuredClone(initial),
    persisted: structuredClone(initial),
    saves: 0,
    get: (name) => (name in settings.values ? structuredClone(settings.values[name]) : undefined),
    set(name, value) {
      settings.values[name] = structuredClone(value);
    },
    remove(name) {
      delete settings.values[name];
    },
    async save() {
      settings.saves++;
      const failure = failures.shift();
      if (failure) throw failure;
      settings.persisted = structuredClone(settings.values);
    },
    failNextSaves(...errors) {
      failures.push(...errors);
    },
  };
  return settings;
}

/** One `open` call of the dialog port. */
export interface DialogOpening {
  url: string;
  /** The `authorize` parameter: the request token the pane wants approved. */
  requestToken: string;
  handlers: SignInDialogHandlers;
  /** Whether the session closed the dialog. */
  closed: boolean;
}

/** What the scripted dialog does when opened: resolve (the dialog is open) or reject (Office's error). */
export type DialogScript = (opening: DialogOpening) => Promise<void>;

export interface ScriptedDialog extends SignInDialogPort {
  openings: DialogOpening[];
  /** What the next `open` does; default: stays open and does nothing. */
  script: DialogScript;
}

/**
 * The dialog port: `open` records the call, runs `script` (which may reject like
 * displayDialogAsync), and resolves the opened dialog. Handlers called by the script after the
 * session closed the dialog are dropped, as Office does.
 */
export function createScriptedDialog(script: DialogScript = async () => undefined): ScriptedDialog {
  const port: ScriptedDialog = {
    openings: [],
    script,
    async open(url, handlers): Promise<OpenedSignInDialog> {
      const opening: DialogOpening = {
        url,
        requestToken: new URL(url).searchParams.get("authorize") ?? "",
        closed: false,
        handlers: {
          onMessage: (message, origin) => {
            if (!opening.closed) handlers.onMessage(message, origin);
          },
          onClosed: (code) => {
            if (!opening.closed) {
              opening.closed = true;
              handlers.onClosed(code);
            }
          },
        },
      };
      port.openings.push(opening);
      await port.script(opening);
      return {
        close() {
          opening.closed = true;
        },
      };
    },
  };
  return port;
}

/** What the "browser" in the dialog does on Jira's page. */
export interface BrowserChoice {
  deny?: boolean;
  /** The user to approve as (default Jane Doe). */
  as?: string;
  /** The origin the host reports with the message (default the add-in's; undefined: an old host that reports none). */
  origin?: string | undefined;
  /** Changes the callback page's message before it is sent (forgeries). */
  tamper?: (message: string) => string;
}

/**
 * A dialog script that behaves like the real thing once open: the callback page sends the window to
 * Jira's authorize page for the `authorize` token, the user chooses Allow (or Deny) there, Jira
 * redirects to the callback page, and the page's message reaches the pane — after `open` resolved,
 * as with Office.
 */
export function browserInDialog(
  sim: RunningJiraSimulator,
  choice: BrowserChoice = {}
): DialogScript {
  return async (opening) => {
    const origin = "origin" in choice ? choice.origin : ADDIN_ORIGIN;
    void (async () => {
      const outcome = await approveRequestToken(sim, opening.requestToken, {
        ...(choice.deny ? { deny: true } : {}),
        ...(choice.as ? { as: choice.as } : {}),
      });
      if (!outcome.location) {
        throw new Error(`Jira did not redirect to the callback page (${outcome.status}).`);
      }
      const message = JSON.stringify(readAuthorizationCallback(new URL(outcome.location).search));
      opening.handlers.onMessage(choice.tamper ? choice.tamper(message) : message, origin);
    })().catch((error: unknown) => {
      // Fails the test through the session's state (dialog_failed) rather than an unhandled rejection.
      opening.handlers.onClosed(12002);
      console.error(error);
    });
  };
}

/** The runtime configuration for a simulator (relay = the simulator itself, as in Node). */
export function configFor(sim: RunningJiraSimulator, privateKeyPem: string): RuntimeConfig {
  const contextPath = new URL(sim.settings.baseUrl).pathname.replace(/\/$/, "");
  return {
    formatVersion: 1,
    jiraBaseUrl: sim.settings.baseUrl,
    consumerKey: CONSUMER_KEY,
    privateKeyPem,
    relayUrl: `${sim.url}${contextPath}`,
  };
}

/** A fetch that records `METHOD path` of every request before passing it on. */
export function recordingFetch(): { fetch: typeof fetch; requests: string[] } {
  const requests: string[] = [];
  return {
    requests,
    fetch: (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      requests.push(`${init?.method ?? "GET"} ${url.pathname}`);
      return fetch(input, init);
    },
  };
}

/** Resolves once `predicate` holds for the session's state (checked on every change). */
export function stateReached<S>(
  session: { getState(): S; subscribe(listener: () => void): () => void },
  predicate: (state: S) => boolean,
  timeoutMs = 10_000
): Promise<S> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const state = session.getState();
      if (predicate(state)) {
        unsubscribe();
        clearTimeout(timer);
        resolve(state);
      }
    };
    const unsubscribe = session.subscribe(check);
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error(`State not reached; last: ${JSON.stringify(session.getState())}`));
    }, timeoutMs);
    check();
  });
}

/** A started session and the fake host around it. */
export interface TestPane {
  session: JiraSession;
  settings: MemorySettings;
  dialog: ScriptedDialog;
  config: RuntimeConfig;
  /** Every request the session sent, `METHOD path`. */
  requests: string[];
  /** Every state, in order, from before start(). */
  history: SessionState[];
}

/** Options of a {@link SessionSimulator}'s `startPane`. */
export interface TestPaneOptions {
  /** What the "browser" in the sign-in dialog does on Jira's page. */
  choice?: BrowserChoice;
  /** The mailbox's roaming settings; default empty. */
  settings?: MemorySettings;
  /** Wraps the recording fetch (to fail or delay requests). */
  fetch?: (inner: typeof fetch) => typeof fetch;
}

/** The session's tests against the real simulator: one consumer key pair for the test file. */
export interface SessionSimulator {
  keys: { privateKeyPem: string; publicKeyPem: string };
  /** A simulator that knows the consumer; closed after the test. */
  startSimulator(): Promise<RunningJiraSimulator>;
  /** A session on `sim` over the fake host (settings in memory, the scripted dialog), started. */
  startPane(sim: RunningJiraSimulator, options?: TestPaneOptions): Promise<TestPane>;
}

/** Call at the top level of a test file: registers the `afterEach` that closes the simulators. */
export function setUpSessionSimulator(): SessionSimulator {
  const keys = generateConsumerKeyPair();
  const startSimulator = setUpSimulatorStarter({
    port: 0,
    consumers: [
      { consumerKey: CONSUMER_KEY, publicKeyPem: keys.publicKeyPem, name: "Jira for Outlook" },
    ],
  });
  return {
    keys,
    startSimulator,
    async startPane(sim, options = {}) {
      const recorder = recordingFetch();
      const settings = options.settings ?? createMemorySettings();
      const dialog = createScriptedDialog(browserInDialog(sim, options.choice));
      const config = configFor(sim, keys.privateKeyPem);
      const session = createJiraSession({
        loadConfig: async () => config,
        settings,
        dialog,
        callbackUrl: CALLBACK_URL,
        addinOrigin: ADDIN_ORIGIN,
        fetch: options.fetch ? options.fetch(recorder.fetch) : recorder.fetch,
      });
      const history: SessionState[] = [session.getState()];
      session.subscribe(() => history.push(session.getState()));
      await session.start();
      return { session, settings, dialog, config, requests: recorder.requests, history };
    },
  };
}
