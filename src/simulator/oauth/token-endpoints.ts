/**
 * The two token endpoints of the dance (RFC 5849 §2.1, §2.3), as Jira answers them: form-encoded
 * text/plain bodies, POST only. Each returns the body to send or throws {@link OAuthProblem}.
 */
import type { Request } from "express";
import { OAuthProblem } from "./oauth-problem";
import { formEncode } from "./percent-encoding";
import type { TokenStore } from "./token-store";
import { ACCESS_TOKEN_LIFETIME_SECONDS } from "./token-store";
import {
  readParameters,
  receivedPath,
  requestParts,
  verifyOAuthRequest,
} from "./verify-oauth-request";
import type { OAuthVerifierContext } from "./verify-oauth-request";
import { DENIED_VERIFIER } from "./authorize-page";

/** What the token endpoints need. */
export interface TokenEndpointContext extends OAuthVerifierContext {
  tokens: TokenStore;
  log: (line: string) => void;
}

/**
 * `POST {ctx}/plugins/servlet/oauth/request-token`: a signed request with `oauth_callback`
 * (`oob` or an absolute http(s) URL) → `oauth_token`, `oauth_token_secret`, `oauth_callback_confirmed`.
 */
export function issueRequestToken(context: TokenEndpointContext, req: Request): string {
  const verified = verifyOAuthRequest(context, signedRequest(req), ["oauth_callback"]);
  const callback = verified.oauth.get("oauth_callback") ?? "";
  if (!isAcceptableCallback(callback)) {
    throw new OAuthProblem(
      "parameter_rejected",
      { oauth_parameters_rejected: "oauth_callback" },
      `oauth_callback must be "oob" or an absolute http(s) URL, not "${callback}".`
    );
  }
  const token = context.tokens.issueRequestToken(verified.consumer.consumerKey, callback);
  context.log(`OAuth: request token for ${verified.consumer.consumerKey} (callback ${callback})`);
  return formEncode([
    ["oauth_token", token.token],
    ["oauth_token_secret", token.secret],
    ["oauth_callback_confirmed", "true"],
  ]);
}

/**
 * `POST {ctx}/plugins/servlet/oauth/access-token`: the approved request token and its verifier →
 * an access token. Checked in the order of Atlassian's provider: the token (known, this consumer's,
 * not used, not expired), the user's decision, then the verifier. A request token is single-use.
 */
export function issueAccessToken(context: TokenEndpointContext, req: Request): string {
  const verified = verifyOAuthRequest(context, signedRequest(req), ["oauth_token"]);
  const token = context.tokens.find(verified.token ?? "");
  if (!token || token.kind !== "request") {
    throw new OAuthProblem("token_rejected", {}, "oauth_token is not a request token Jira issued.");
  }
  if (token.consumerKey !== verified.consumer.consumerKey) {
    throw new OAuthProblem("token_rejected", {}, "The request token belongs to another consumer.");
  }
  if (token.state === "exchanged") {
    throw new OAuthProblem("token_rejected", {}, "The request token was already exchanged.");
  }
  if (context.tokens.isExpired(token)) {
    throw new OAuthProblem("token_expired", {}, "The request token expired (10 minutes).");
  }
  if (token.state === "denied") {
    throw new OAuthProblem("permission_denied", {}, "The user denied access.");
  }
  if (token.state === "pending") {
    throw new OAuthProblem(
      "permission_unknown",
      {},
      "The user has not approved the request token yet."
    );
  }
  const verifier = verified.oauth.get("oauth_verifier");
  if (verifier === undefined) {
    throw new OAuthProblem(
      "parameter_absent",
      { oauth_parameters_absent: "oauth_verifier" },
      "oauth_verifier is required (OAuth 1.0a)."
    );
  }
  if (verifier === DENIED_VERIFIER || verifier !== token.verifier) {
    throw new OAuthProblem(
      "token_rejected",
      {},
      "oauth_verifier does not match the request token."
    );
  }
  const access = context.tokens.exchange(token);
  context.log(`OAuth: access token for ${access.user.name} via ${access.consumerKey}`);
  return formEncode([
    ["oauth_token", access.token],
    ["oauth_token_secret", access.secret],
    ["oauth_expires_in", String(ACCESS_TOKEN_LIFETIME_SECONDS)],
    ["oauth_session_handle", access.sessionHandle],
    ["oauth_authorization_expires_in", String(ACCESS_TOKEN_LIFETIME_SECONDS)],
  ]);
}

function signedRequest(req: Request) {
  return {
    method: req.method,
    path: receivedPath(req),
    parameters: readParameters(requestParts(req)),
  };
}

function isAcceptableCallback(callback: string): boolean {
  if (callback === "oob") {
    return true;
  }
  try {
    const url = new URL(callback);
    // new URL also accepts "http:x"; require the "//" authority form of an absolute URL.
    return (
      (url.protocol === "http:" || url.protocol === "https:") && /^https?:\/\//i.test(callback)
    );
  } catch {
    return false;
  }
}
