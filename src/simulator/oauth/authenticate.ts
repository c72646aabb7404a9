/**
 * Authentication of every Jira route other than the OAuth servlets: decides which user the request
 * runs as (`res.locals.jiraUser`, see SimulatorLocals) or refuses it with Jira's OAuth 401.
 *
 * - no OAuth at all (no `Authorization: OAuth`, no `oauth_*` parameter; also `Authorization: Basic`)
 *   → anonymous: the route decides whether that's enough;
 * - signed with an access token → the user who approved it;
 * - signed without a token, or with an empty one (2-legged: facts, "An empty token is 2-legged")
 *   → SERVICE_USER when settings.twoLeggedOAuth is on, else anonymous;
 * - anything invalid → 401 `oauth_problem`; the route never runs.
 */
import type { NextFunction, Request, RequestHandler, Response } from "express";
import { SERVICE_USER } from "../simulator-contract";
import type { SimulatorLocals, SimulatorUser } from "../simulator-contract";
import { OAuthProblem, sendOAuthProblem } from "./oauth-problem";
import { looksLikeOAuth } from "./request-parameters";
import type { RequestParameter } from "./request-parameters";
import type { TokenStore } from "./token-store";
import {
  readParameters,
  receivedPath,
  requestParts,
  verifyOAuthRequest,
} from "./verify-oauth-request";
import type { OAuthVerifierContext, VerifiedOAuthRequest } from "./verify-oauth-request";

/** What authentication needs. */
export interface AuthenticateContext extends OAuthVerifierContext {
  tokens: TokenStore;
  log: (line: string) => void;
}

/** The middleware; the form body must have been read by formBodyParser before it. */
export function createAuthenticate(context: AuthenticateContext): RequestHandler {
  return (req, res, next) => {
    const locals = res.locals as SimulatorLocals;
    locals.jiraUser = undefined;
    const parts = requestParts(req);
    let parameters: RequestParameter[];
    try {
      parameters = readParameters(parts);
    } catch (error) {
      if (!/^\s*OAuth(\s|$)/i.test(parts.authorization ?? "")) {
        next(); // a malformed query on an unsigned request is the route's business
        return;
      }
      refuseOAuthRequest(context, req, res, next, error);
      return;
    }
    if (!looksLikeOAuth(parts, parameters)) {
      next();
      return;
    }
    try {
      const verified = verifyOAuthRequest(context, {
        method: req.method,
        path: receivedPath(req),
        parameters,
      });
      locals.jiraUser = userOf(context, verified);
      next();
    } catch (error) {
      refuseOAuthRequest(context, req, res, next, error);
    }
  };
}

/**
 * Answers a request refused with an OAuthProblem with Jira's 401, and logs why (the client only
 * sees the problem name); any other error is a bug and goes on to Express's error handler.
 */
export function refuseOAuthRequest(
  context: Pick<AuthenticateContext, "settings" | "log">,
  req: Request,
  res: Response,
  next: NextFunction,
  error: unknown
): void {
  if (!(error instanceof OAuthProblem)) {
    next(error);
    return;
  }
  context.log(
    `OAuth: 401 ${error.problem} for ${req.method} ${receivedPath(req)}: ${error.message}`
  );
  sendOAuthProblem(res, context.settings.baseUrl, error);
}

function userOf(
  context: AuthenticateContext,
  verified: VerifiedOAuthRequest
): SimulatorUser | undefined {
  if (!verified.token) {
    return context.settings.twoLeggedOAuth ? SERVICE_USER : undefined;
  }
  const token = context.tokens.find(verified.token);
  if (!token) {
    throw new OAuthProblem("token_rejected", {}, "oauth_token is unknown or was revoked.");
  }
  if (token.kind !== "access") {
    throw new OAuthProblem(
      "token_rejected",
      {},
      "oauth_token is a request token, not an access token."
    );
  }
  if (token.consumerKey !== verified.consumer.consumerKey) {
    throw new OAuthProblem("token_rejected", {}, "oauth_token belongs to another consumer.");
  }
  if (context.tokens.isExpired(token)) {
    throw new OAuthProblem("token_expired", {}, "The access token expired.");
  }
  return token.user;
}
