/**
 * The add-in's own signer and Jira client, set up for a terminal: signed over Jira's URL and sent
 * straight to it (in Node the relay base is Jira's URL itself), with a recording fetch so the
 * commands can show what Jira answered. Nothing here is admin-specific logic: the checks run the
 * exact code the task pane runs.
 */
import { createJiraClient } from "../jira/create-jira-client";
import type { JiraClient } from "../jira/create-jira-client";
import type { JiraLogger } from "../jira/jira-transport";
import { createOAuthSigner } from "../oauth/oauth-signer";
import type { RsaOAuthSigner } from "../oauth/oauth-signer";
import type { OAuthSigner, TokenCredentials } from "../oauth/oauth-signer-types";
import { createRecordingFetch } from "./recording-fetch";
import type { RecordedExchange } from "./recording-fetch";

/** Options of {@link connectToJira}. */
export interface JiraConnectionOptions {
  /** Jira's base URL (normalised): signatures cover it. */
  jiraUrl: string;
  /** Where requests go; default `jiraUrl`. The add-in host's relay for the relay check. */
  sendTo?: string;
  consumerKey: string;
  /**
   * The private key block (never printed). Undefined: requests carry no OAuth at all, for
   * serverInfo, which Jira answers anonymously; signed, Jira would judge the consumer key first.
   */
  privateKeyPem?: string;
  /** The access token REST calls are signed with; none: signed without a token. */
  token?: string;
  /** Per-request time limit (ms). */
  timeoutMs?: number;
  /** Attempts per request; default 1 (a diagnosis should show the first failure, not hide it). */
  attempts?: number;
  logger?: JiraLogger;
}

/** A client and what it last exchanged with Jira. */
export interface JiraConnection {
  client: JiraClient;
  /** The add-in's signer; the anonymous one without a private key. */
  signer: RsaOAuthSigner | OAuthSigner;
  /** The last request's answer or network error. */
  lastExchange(): RecordedExchange | undefined;
}

/**
 * Creates the signer (reading the key) and the client.
 *
 * @throws {ConfigError} the signer's private-key codes
 */
export async function connectToJira(options: JiraConnectionOptions): Promise<JiraConnection> {
  const signer =
    options.privateKeyPem === undefined
      ? ANONYMOUS
      : await createOAuthSigner({
          consumerKey: options.consumerKey,
          privateKeyPem: options.privateKeyPem,
        });
  const recording = createRecordingFetch({
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    fetch: withoutEmptyAuthorization,
  });
  const token: TokenCredentials | undefined =
    options.token === undefined ? undefined : { token: options.token, secret: "" };
  const client = createJiraClient({
    baseUrl: options.jiraUrl,
    relayBase: options.sendTo ?? options.jiraUrl,
    signer,
    fetch: recording.fetch,
    accessToken: () => token,
    retry: { attempts: options.attempts ?? 1 },
    ...(options.logger ? { logger: options.logger } : {}),
  });
  return { client, signer, lastExchange: recording.last };
}

/** Signs nothing: its empty header is dropped by {@link withoutEmptyAuthorization}. */
const ANONYMOUS: OAuthSigner = {
  consumerKey: "",
  authorizationHeader: async () => "",
  getClockOffsetSeconds: () => 0,
  setClockOffsetSeconds: () => undefined,
};

/** The transport always sets Authorization; for the anonymous signer it is empty and left out. */
function withoutEmptyAuthorization(input: RequestInfo | URL, init?: RequestInit) {
  const headers = new Headers(init?.headers);
  if (headers.get("authorization") === "") {
    headers.delete("authorization");
  }
  return globalThis.fetch(input, { ...init, headers });
}
