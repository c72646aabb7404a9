/**
 * Test kit: the real Jira simulator on 127.0.0.1 with one consumer, and the add-in's own signer and
 * client against it. Sign-in runs the real three-legged dance through the client; only the
 * browser's part (Allow on Jira's authorize page) is done by the reference client's helper.
 */
import { createJiraClient } from "../../../src/jira/create-jira-client";
import type {
  AccessToken,
  JiraClient,
  JiraClientOptions,
} from "../../../src/jira/create-jira-client";
import { createOAuthSigner } from "../../../src/oauth/oauth-signer";
import type { OAuthSignerOptions, RsaOAuthSigner } from "../../../src/oauth/oauth-signer";
import type { OAuthSigner, TokenCredentials } from "../../../src/oauth/oauth-signer-types";
import { startJiraSimulator } from "../../../src/simulator/create-jira-simulator";
import type {
  JiraSimulatorOptions,
  RunningJiraSimulator,
} from "../../../src/simulator/create-jira-simulator";
import { approveRequestToken, generateConsumerKeyPair } from "../../support/reference-oauth-client";

export const CONSUMER_KEY = "jira-for-outlook";
export const CALLBACK = "https://addin.example.com/callback.html";

/** One key pair per test run (never committed). */
export const consumerKeys = generateConsumerKeyPair();

export interface SimulatorKit {
  sim: RunningJiraSimulator;
  signer: RsaOAuthSigner;
  jira: JiraClient;
  /** The waits the client asked for (retries run without really waiting). */
  sleeps: number[];
  /** The access token requests are signed with; set by {@link signIn}. */
  token: { current: TokenCredentials | undefined };
  /** A second client over the same simulator with its own signer options (wrong key, fixed nonce…). */
  clientWith(signer: OAuthSigner, options?: Partial<JiraClientOptions>): JiraClient;
  signerWith(options: Partial<OAuthSignerOptions>): Promise<RsaOAuthSigner>;
  close(): Promise<void>;
}

/** Starts a simulator that knows the add-in's consumer, and a client for it. */
export async function startSimulatorKit(
  options: { simulator?: JiraSimulatorOptions; client?: Partial<JiraClientOptions> } = {}
): Promise<SimulatorKit> {
  const sim = await startJiraSimulator({
    port: 0,
    consumers: [
      {
        consumerKey: CONSUMER_KEY,
        publicKeyPem: consumerKeys.publicKeyPem,
        name: "Jira for Outlook",
      },
    ],
    ...options.simulator,
  });
  const sleeps: number[] = [];
  const token: { current: TokenCredentials | undefined } = { current: undefined };
  const signerWith = (overrides: Partial<OAuthSignerOptions>) =>
    createOAuthSigner({
      consumerKey: CONSUMER_KEY,
      privateKeyPem: consumerKeys.privateKeyPem,
      ...overrides,
    });
  const contextPath = new URL(sim.settings.baseUrl).pathname.replace(/\/$/, "");
  const clientWith = (signer: OAuthSigner, overrides: Partial<JiraClientOptions> = {}) =>
    createJiraClient({
      baseUrl: sim.settings.baseUrl,
      relayBase: `${sim.url}${contextPath}`,
      signer,
      accessToken: () => token.current,
      retry: {
        sleep: async (ms) => {
          sleeps.push(ms);
        },
      },
      ...options.client,
      ...overrides,
    });
  const signer = await signerWith({});
  return {
    sim,
    signer,
    jira: clientWith(signer),
    sleeps,
    token,
    clientWith,
    signerWith,
    close: () => sim.close(),
  };
}

/**
 * The kit for a test file, from jest's hooks: started before and closed after each test
 * (`lifetime: "test"`, for tests of the dance itself) or once for the whole file (`"file"`).
 * `signedIn` runs {@link signIn} right after the start. The returned view reads the running kit on
 * every access, which is why it can be held in a `const` before the first hook has run.
 */
export function setUpSimulatorKit(options: {
  lifetime: "test" | "file";
  signedIn?: boolean;
}): SimulatorKit {
  let kit: SimulatorKit | undefined;
  const current = (): SimulatorKit => {
    if (!kit)
      throw new Error("The simulator kit starts in a jest hook: use it in tests and hooks.");
    return kit;
  };
  const start = async () => {
    kit = await startSimulatorKit();
    if (options.signedIn) await signIn(kit);
  };
  const stop = async () => {
    await kit?.close();
    kit = undefined;
  };
  if (options.lifetime === "test") {
    beforeEach(start);
    afterEach(stop);
  } else {
    beforeAll(start);
    afterAll(stop);
  }
  return {
    get sim() {
      return current().sim;
    },
    get signer() {
      return current().signer;
    },
    get jira() {
      return current().jira;
    },
    get sleeps() {
      return current().sleeps;
    },
    get token() {
      return current().token;
    },
    clientWith: (signer, clientOptions) => current().clientWith(signer, clientOptions),
    signerWith: (signerOptions) => current().signerWith(signerOptions),
    close: () => current().close(),
  };
}

/** The whole dance through the client, approved by Jane Doe; the access token becomes the kit's. */
export async function signIn(kit: SimulatorKit, jira: JiraClient = kit.jira): Promise<AccessToken> {
  const requestToken = await jira.getRequestToken(CALLBACK);
  const outcome = await approveRequestToken(kit.sim, requestToken.token);
  if (!outcome.verifier) {
    throw new Error(`No verifier after Allow (${outcome.status}): ${outcome.html}`);
  }
  const accessToken = await jira.getAccessToken(requestToken, outcome.verifier);
  kit.token.current = accessToken;
  return accessToken;
}

/** The rejection of `promise` (fails the test if it resolves). */
export async function rejectionOf(
  promise: Promise<unknown>
): Promise<Error & Record<string, unknown>> {
  try {
    await promise;
  } catch (error) {
    return error as Error & Record<string, unknown>;
  }
  throw new Error("Expected a rejection, but the call succeeded.");
}
