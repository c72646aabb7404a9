/**
 * The simulator's OAuth 1.0a provider, like the incoming side of a Jira application link: the three
 * `plugins/servlet/oauth/*` endpoints, the authentication of every other Jira route, and the
 * consumers, tokens and nonces behind them.
 */
import express from "express";
import type { Request, RequestHandler, Response, Router } from "express";
import type { SimulatorClock, SimulatorSettings } from "../simulator-contract";
import { createAuthenticate, refuseOAuthRequest } from "./authenticate";
import { createDecideAuthorization, createShowAuthorizePage } from "./authorize-page";
import { createConsumerRegistry } from "./consumer-registry";
import type { ConsumerRegistry, JiraSimulatorConsumer } from "./consumer-registry";
import { createNonceStore } from "./nonce-store";
import type { NonceStore } from "./nonce-store";
import { issueAccessToken, issueRequestToken } from "./token-endpoints";
import type { TokenEndpointContext } from "./token-endpoints";
import { createTokenStore } from "./token-store";
import type { TokenStore } from "./token-store";
import { TIMESTAMP_WINDOW_SECONDS } from "./verify-oauth-request";

/** Where Jira's OAuth servlets live, below the context path. */
export const OAUTH_SERVLET_PATH = "/plugins/servlet/oauth";

/** Options of {@link createOAuthProvider}. */
export interface OAuthProviderOptions {
  /** The simulator's settings object (read on every request: baseUrl, twoLeggedOAuth). */
  settings: SimulatorSettings;
  clock: SimulatorClock;
  consumers?: readonly JiraSimulatorConsumer[];
  log?: (line: string) => void;
}

/** The provider's parts. */
export interface OAuthProvider {
  /** request-token, authorize, access-token; mount at the context path, before {@link authenticate}. Expects form bodies already parsed (formBodyParser). */
  servlets: Router;
  /** Sets `res.locals.jiraUser` or answers 401; put it in front of every other Jira route. */
  authenticate: RequestHandler;
  consumers: ConsumerRegistry;
  tokens: TokenStore;
  nonces: NonceStore;
  /** Forgets all tokens and nonces (consumers stay: they are the link's configuration). */
  reset(): void;
}

/** Creates the provider. Throws if an initial consumer is invalid (the message names the field). */
export function createOAuthProvider(options: OAuthProviderOptions): OAuthProvider {
  const log = options.log ?? (() => undefined);
  const consumers = createConsumerRegistry(options.consumers ?? []);
  const tokens = createTokenStore(options.clock);
  const nonces = createNonceStore(options.clock, TIMESTAMP_WINDOW_SECONDS);
  const context: TokenEndpointContext = {
    settings: options.settings,
    clock: options.clock,
    consumers,
    nonces,
    tokens,
    log,
  };

  const servlets = express.Router();
  servlets.post(`${OAUTH_SERVLET_PATH}/request-token`, tokenEndpoint(context, issueRequestToken));
  servlets.post(`${OAUTH_SERVLET_PATH}/access-token`, tokenEndpoint(context, issueAccessToken));
  // Jira's token servlets answer only POST (facts); a servlet's default for other methods is 405.
  servlets.all(
    [`${OAUTH_SERVLET_PATH}/request-token`, `${OAUTH_SERVLET_PATH}/access-token`],
    (req, res) => {
      res
        .status(405)
        .set("Allow", "POST")
        .type("text/plain")
        .send(`HTTP method ${req.method} is not supported by this URL`);
    }
  );
  const authorizeContext = { consumers, tokens, log };
  servlets.get(`${OAUTH_SERVLET_PATH}/authorize`, createShowAuthorizePage(authorizeContext));
  servlets.post(`${OAUTH_SERVLET_PATH}/authorize`, createDecideAuthorization(authorizeContext));

  return {
    servlets,
    authenticate: createAuthenticate(context),
    consumers,
    tokens,
    nonces,
    reset() {
      tokens.reset();
      nonces.reset();
    },
  };
}

function tokenEndpoint(
  context: TokenEndpointContext,
  issue: (context: TokenEndpointContext, req: Request) => string
): RequestHandler {
  return (req: Request, res: Response, next) => {
    try {
      const body = issue(context, req);
      res.status(200).type("text/plain; charset=utf-8").set("Cache-Control", "no-store").send(body);
    } catch (error) {
      refuseOAuthRequest(context, req, res, next, error);
    }
  };
}
