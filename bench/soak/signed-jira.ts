/**
 * The soak's Jira and its user: the built-in simulator in this process (it knows one consumer,
 * whose key pair is made for this run), and the add-in's own signer and client sending through the
 * relay, signed in by the real three-legged dance (only the browser's "Allow" is done by the
 * reference client's form filler, as in test/integration/jira-client/jira-client-kit.ts).
 */
import { Agent } from "undici";
import { createJiraClient } from "../../src/jira/create-jira-client";
import type { JiraClient } from "../../src/jira/create-jira-client";
import { createOAuthSigner } from "../../src/oauth/oauth-signer";
import type { OAuthSigner, TokenCredentials } from "../../src/oauth/oauth-signer-types";
import { startJiraSimulator } from "../../src/simulator/create-jira-simulator";
import type { RunningJiraSimulator } from "../../src/simulator/create-jira-simulator";
import { MEGABYTE } from "../../src/server/relay-settings";
import {
  approveRequestToken,
  generateConsumerKeyPair,
} from "../../test/support/reference-oauth-client";

const CONSUMER_KEY = "jira-for-outlook";
const CALLBACK = "https://addin.example.com/callback.html";

/** This run's consumer key pair (never stored). */
const keys = generateConsumerKeyPair();

/** The simulator, and a signed-in client of it through the relay. */
export interface SignedJira {
  sim: RunningJiraSimulator;
  /** Sends through the relay; no retries, so every failure counts. */
  jira: JiraClient;
  signer: OAuthSigner;
  token: TokenCredentials;
  /** A fetch that trusts the relay's certificate (undici, which Node's fetch is built on). */
  fetch: typeof fetch;
  close(): Promise<void>;
}

/** Starts the simulator (uploads up to `uploadLimitMb`). */
export async function startSimulator(uploadLimitMb: number): Promise<RunningJiraSimulator> {
  return startJiraSimulator({
    port: 0,
    consumers: [{ consumerKey: CONSUMER_KEY, publicKeyPem: keys.publicKeyPem, name: "Soak" }],
    settings: { uploadLimitBytes: uploadLimitMb * MEGABYTE },
  });
}

/**
 * Signs in to `sim` through the relay at `relayBaseUrl` (which serves `relayCertificate`) and
 * returns the client the load is sent with.
 */
export async function signInThroughRelay(
  sim: RunningJiraSimulator,
  relayBaseUrl: string,
  relayCertificate: string
): Promise<SignedJira> {
  // 200 TLS handshakes at once on a busy CI runner can take longer than undici's 10 s connect
  // timeout: allow a minute (a sanity bound, like every time limit of the soak).
  const dispatcher = new Agent({ connect: { ca: relayCertificate, timeout: 60_000 } });
  const trustingFetch: typeof fetch = (input, init) =>
    fetch(input, { ...init, dispatcher } as RequestInit);
  const signer = await createOAuthSigner({
    consumerKey: CONSUMER_KEY,
    privateKeyPem: keys.privateKeyPem,
  });
  const token: { current: TokenCredentials | undefined } = { current: undefined };
  const jira = createJiraClient({
    baseUrl: sim.settings.baseUrl,
    relayBase: `${relayBaseUrl}/jira`,
    signer,
    fetch: trustingFetch,
    accessToken: () => token.current,
    retry: { attempts: 1 },
  });
  const requestToken = await jira.getRequestToken(CALLBACK);
  const outcome = await approveRequestToken(sim, requestToken.token);
  if (!outcome.verifier) {
    throw new Error(`The simulator gave no verifier after Allow (${outcome.status}).`);
  }
  const accessToken = await jira.getAccessToken(requestToken, outcome.verifier);
  token.current = accessToken;
  return {
    sim,
    jira,
    signer,
    token: accessToken,
    fetch: trustingFetch,
    close: () => dispatcher.close(),
  };
}
