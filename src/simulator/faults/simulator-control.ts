/**
 * The simulator's controls, in process (tests) and over HTTP (`/__sim/*`, control-routes.ts):
 * settings, injected faults, token revocation, consumers, reset and a look at the whole state.
 */
import type { SimulatorSettings } from "../simulator-contract";
import { InvalidConsumerError } from "../oauth/consumer-registry";
import type { JiraSimulatorConsumer } from "../oauth/consumer-registry";
import type { OAuthProvider } from "../oauth/create-oauth-provider";
import type { TokenCounts } from "../oauth/token-store";
import { describeFault } from "./fault-queue";
import type { FaultQueue, FaultSpec, PendingFault } from "./fault-queue";
import { validateSettingsPatch } from "./settings-patch";
import type { SimulatorSettingsPatch } from "./settings-patch";
import { SimulatorInputError } from "./simulator-input-error";

/** The Jira data as the controls see it (JiraData from data/jira-data.ts satisfies it). */
export interface ResettableData {
  reset(): void;
  /** JSON-able. */
  snapshot(): unknown;
}

/** A consumer as the state shows it (never the key material). */
export interface ConsumerSummary {
  consumerKey: string;
  name: string;
}

/** Everything `GET /__sim/state` shows. */
export interface SimulatorState {
  settings: SimulatorSettings;
  consumers: ConsumerSummary[];
  tokens: TokenCounts;
  faults: PendingFault[];
  data: unknown;
}

/** In-process controls with the same operations as `/__sim/*`. Invalid input throws SimulatorInputError. */
export interface SimulatorControl {
  /** Revokes every access token (their users must sign in again); returns how many there were. */
  revokeAllTokens(): number;
  /** Changes settings (all but baseUrl) at once; returns the new settings. */
  updateSettings(patch: SimulatorSettingsPatch): SimulatorSettings;
  /** The next `count` matching Jira responses fail with `status`. */
  failNext(fault: FaultSpec): PendingFault;
  clearFaults(): void;
  /** Data, tokens, nonces, faults and settings back to their start values (consumers stay). */
  reset(): void;
  state(): SimulatorState;
  /** Registers an incoming application link (replaces one with the same key). */
  addConsumer(consumer: JiraSimulatorConsumer): ConsumerSummary;
}

/** The parts the controls act on. */
export interface SimulatorControlParts {
  /** The live settings object (mutated in place, so every reader sees changes). */
  settings: SimulatorSettings;
  oauth: OAuthProvider;
  faults: FaultQueue;
  data: ResettableData;
  log: (line: string) => void;
}

/** Creates the controls; the settings as they are now are what `reset()` returns to. */
export function createSimulatorControl(parts: SimulatorControlParts): SimulatorControl {
  // baseUrl is not a run-time setting (and startJiraSimulator fills it in after listening).
  const startSettings: Partial<SimulatorSettings> = { ...parts.settings };
  delete startSettings.baseUrl;
  return {
    revokeAllTokens() {
      const revoked = parts.oauth.tokens.revokeAllTokens();
      parts.log(`Control: revoked ${revoked} access token(s)`);
      return revoked;
    },
    updateSettings(patch) {
      Object.assign(parts.settings, validateSettingsPatch(patch));
      parts.log(`Control: settings ${JSON.stringify(patch)}`);
      return { ...parts.settings };
    },
    failNext(fault) {
      const pending = parts.faults.add(fault);
      parts.log(
        `Control: next ${pending.remaining} matching response(s) fail with ${describeFault(pending)}`
      );
      return pending;
    },
    clearFaults() {
      parts.faults.clear();
    },
    reset() {
      parts.data.reset();
      parts.oauth.reset();
      parts.faults.clear();
      Object.assign(parts.settings, startSettings);
      parts.log("Control: reset");
    },
    state() {
      return {
        settings: { ...parts.settings },
        consumers: parts.oauth.consumers
          .list()
          .map(({ consumerKey, name }) => ({ consumerKey, name })),
        tokens: parts.oauth.tokens.counts(),
        faults: parts.faults.list(),
        data: parts.data.snapshot(),
      };
    },
    addConsumer(consumer) {
      if (typeof consumer !== "object" || consumer === null) {
        throw new SimulatorInputError("consumer", "send {consumerKey, publicKeyPem, name}");
      }
      try {
        const { consumerKey, name } = parts.oauth.consumers.add(consumer);
        parts.log(`Control: consumer ${consumerKey} (${name})`);
        return { consumerKey, name };
      } catch (error) {
        if (error instanceof InvalidConsumerError) {
          throw new SimulatorInputError(error.field, error.problem);
        }
        throw error;
      }
    },
  };
}
