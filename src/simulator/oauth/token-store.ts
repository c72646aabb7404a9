/**
 * Request and access tokens, in memory, on the simulator clock (so clock skew ages them).
 * Lifetimes are Jira's defaults (../shared/docs/jira-and-office-facts.md): request token 10 minutes,
 * access token 5 years.
 */
import { randomBytes } from "node:crypto";
import type { SimulatorClock, SimulatorUser } from "../simulator-contract";

/** Request token lifetime: 10 minutes. */
export const REQUEST_TOKEN_LIFETIME_MS = 10 * 60 * 1000;

/** Access token lifetime in seconds (5 years of 365 days), reported as `oauth_expires_in`. */
export const ACCESS_TOKEN_LIFETIME_SECONDS = 157_680_000;

/** Where a request token is in the dance. */
export type RequestTokenState = "pending" | "approved" | "denied" | "exchanged";

/** A temporary credential (RFC 5849 §2.1). */
export interface RequestToken {
  kind: "request";
  token: string;
  secret: string;
  consumerKey: string;
  /** `oob` or an absolute http(s) URL. */
  callback: string;
  createdAt: number;
  state: RequestTokenState;
  /** Set on approval. */
  verifier?: string;
  /** Who approved or denied it. */
  user?: SimulatorUser;
}

/** A token credential (RFC 5849 §2.3): acts as `user` for `consumerKey`. */
export interface AccessToken {
  kind: "access";
  token: string;
  secret: string;
  consumerKey: string;
  user: SimulatorUser;
  createdAt: number;
  expiresAt: number;
  sessionHandle: string;
}

/** How many tokens exist, for `/__sim/state`. */
export interface TokenCounts {
  /** Access tokens per user name. */
  accessTokensByUser: Record<string, number>;
  /** Request tokens not yet exchanged (pending, approved or denied). */
  openRequestTokens: number;
}

/** The token store. */
export interface TokenStore {
  issueRequestToken(consumerKey: string, callback: string): RequestToken;
  /** A request or access token by its `oauth_token` value. */
  find(token: string): RequestToken | AccessToken | undefined;
  isExpired(token: RequestToken | AccessToken): boolean;
  /** Marks a pending request token approved by `user`; returns the verifier. */
  approve(token: RequestToken, user: SimulatorUser): string;
  deny(token: RequestToken, user: SimulatorUser): void;
  /** Turns an approved request token into an access token; the request token can't be used again. */
  exchange(token: RequestToken): AccessToken;
  /** Deletes every access token (users "revoke access"); returns how many there were. */
  revokeAllTokens(): number;
  counts(): TokenCounts;
  /** Forgets every token. */
  reset(): void;
}

/** Creates an empty token store on `clock`. */
export function createTokenStore(clock: SimulatorClock): TokenStore {
  const tokens = new Map<string, RequestToken | AccessToken>();

  const isExpired = (token: RequestToken | AccessToken): boolean =>
    token.kind === "request"
      ? clock() > token.createdAt + REQUEST_TOKEN_LIFETIME_MS
      : clock() > token.expiresAt;

  /** Drops request tokens long past their lifetime so a long-running simulator doesn't grow. */
  const sweep = (): void => {
    for (const [key, token] of tokens) {
      if (token.kind === "request" && clock() > token.createdAt + 6 * REQUEST_TOKEN_LIFETIME_MS) {
        tokens.delete(key);
      }
    }
  };

  return {
    issueRequestToken(consumerKey, callback) {
      sweep();
      const token: RequestToken = {
        kind: "request",
        token: randomToken(),
        secret: randomToken(),
        consumerKey,
        callback,
        createdAt: clock(),
        state: "pending",
      };
      tokens.set(token.token, token);
      return token;
    },
    find: (token) => tokens.get(token),
    isExpired,
    approve(token, user) {
      token.state = "approved";
      token.user = user;
      // Jira's verifiers are short codes a person could type (the oob page asks them to).
      token.verifier = randomBytes(8).toString("base64url").slice(0, 10);
      return token.verifier;
    },
    deny(token, user) {
      token.state = "denied";
      token.user = user;
    },
    exchange(requestToken) {
      if (requestToken.state !== "approved" || !requestToken.user) {
        throw new Error(
          `Request token is ${requestToken.state}, not approved: it can't be exchanged.`
        );
      }
      requestToken.state = "exchanged";
      const createdAt = clock();
      const access: AccessToken = {
        kind: "access",
        token: randomToken(),
        secret: randomToken(),
        consumerKey: requestToken.consumerKey,
        user: requestToken.user,
        createdAt,
        expiresAt: createdAt + ACCESS_TOKEN_LIFETIME_SECONDS * 1000,
        sessionHandle: randomToken(),
      };
      tokens.set(access.token, access);
      return access;
    },
    revokeAllTokens() {
      let revoked = 0;
      for (const [key, token] of tokens) {
        if (token.kind === "access") {
          tokens.delete(key);
          revoked += 1;
        }
      }
      return revoked;
    },
    counts() {
      const counts: TokenCounts = { accessTokensByUser: {}, openRequestTokens: 0 };
      for (const token of tokens.values()) {
        if (token.kind === "access") {
          const name = token.user.name;
          counts.accessTokensByUser[name] = (counts.accessTokensByUser[name] ?? 0) + 1;
        } else if (token.state !== "exchanged") {
          counts.openRequestTokens += 1;
        }
      }
      return counts;
    },
    reset: () => tokens.clear(),
  };
}

/** 32 hex characters: only unreserved characters, so the token survives any encoding unchanged. */
function randomToken(): string {
  return randomBytes(16).toString("hex");
}
