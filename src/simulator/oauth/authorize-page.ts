/**
 * `{ctx}/plugins/servlet/oauth/authorize`: the browser step of the dance. GET shows the page for a
 * request token; its form POSTs back Allow or Deny with the user to act as. The outcome goes to the
 * consumer's callback (302 with `oauth_token` and `oauth_verifier`, the callback's own query kept),
 * or for `oob` onto a page showing the verifier.
 */
import type { RequestHandler, Response } from "express";
import { JANE_DOE, SIMULATOR_USERS } from "../simulator-contract";
import {
  renderAuthorizeErrorPage,
  renderAuthorizePage,
  renderDeniedPage,
  renderVerifierPage,
} from "./authorize-html";
import type { ConsumerRegistry } from "./consumer-registry";
import { formEncode } from "./percent-encoding";
import type { RequestToken, TokenStore } from "./token-store";

/** Jira's verifier value when the user clicked Deny (sent to the callback like a real verifier). */
export const DENIED_VERIFIER = "denied";

/** What the authorize handlers need. */
export interface AuthorizeContext {
  consumers: ConsumerRegistry;
  tokens: TokenStore;
  log: (line: string) => void;
}

/** GET: the authorize page; `?user=<name>` preselects another user. */
export function createShowAuthorizePage(context: AuthorizeContext): RequestHandler {
  return (req, res) => {
    const token = pendingRequestToken(context, res, stringParam(req.query["oauth_token"]));
    if (!token) {
      return;
    }
    const preselected = SIMULATOR_USERS.find(
      (user) => user.name === stringParam(req.query["user"])
    );
    sendHtml(
      res,
      200,
      renderAuthorizePage({
        consumerName: consumerName(context, token),
        requestToken: token.token,
        currentUser: preselected ?? JANE_DOE,
        users: SIMULATOR_USERS,
      })
    );
  };
}

/** POST: Allow or Deny, as the user chosen on the page. */
export function createDecideAuthorization(context: AuthorizeContext): RequestHandler {
  return (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const token = pendingRequestToken(context, res, stringParam(body["oauth_token"]));
    if (!token) {
      return;
    }
    const userName = stringParam(body["user"]) ?? JANE_DOE.name;
    const user = SIMULATOR_USERS.find((candidate) => candidate.name === userName);
    if (!user) {
      sendError(res, 400, "parameter_rejected", `Jira has no user named "${userName}".`);
      return;
    }
    const approve = body["approve"] !== undefined;
    const deny = body["deny"] !== undefined;
    if (!approve && !deny) {
      sendError(res, 400, "parameter_absent", "Choose Allow or Deny.");
      return;
    }
    const name = consumerName(context, token);
    if (deny) {
      context.tokens.deny(token, user);
      context.log(`OAuth: ${user.name} denied ${name} (request token ${shortToken(token)})`);
      finish(res, token, DENIED_VERIFIER, () => renderDeniedPage(name));
      return;
    }
    const verifier = context.tokens.approve(token, user);
    context.log(`OAuth: ${user.name} allowed ${name} (request token ${shortToken(token)})`);
    finish(res, token, verifier, () => renderVerifierPage(name, verifier));
  };
}

/**
 * Appends `params` to a callback URL, keeping its own query and fragment byte for byte
 * (re-serialising it through URLSearchParams would turn `%20` into `+`).
 */
export function appendToCallback(callback: string, params: [string, string][]): string {
  const hashAt = callback.indexOf("#");
  const base = hashAt === -1 ? callback : callback.slice(0, hashAt);
  const fragment = hashAt === -1 ? "" : callback.slice(hashAt);
  const separator = !base.includes("?") ? "?" : /[?&]$/.test(base) ? "" : "&";
  return `${base}${separator}${formEncode(params)}${fragment}`;
}

function finish(res: Response, token: RequestToken, verifier: string, oobPage: () => string): void {
  if (token.callback === "oob") {
    sendHtml(res, 200, oobPage());
    return;
  }
  res.redirect(
    302,
    appendToCallback(token.callback, [
      ["oauth_token", token.token],
      ["oauth_verifier", verifier],
    ])
  );
}

/** The request token if it can still be authorized; otherwise answers with an error page. */
function pendingRequestToken(
  context: AuthorizeContext,
  res: Response,
  value: string | undefined
): RequestToken | undefined {
  if (!value) {
    sendError(
      res,
      400,
      "parameter_absent",
      "The oauth_token parameter is missing from this address."
    );
    return undefined;
  }
  const token = context.tokens.find(value);
  if (!token || token.kind !== "request") {
    sendError(
      res,
      401,
      "token_rejected",
      "Jira doesn't know this request token (it may come from another Jira, or from before a restart)."
    );
    return undefined;
  }
  if (token.state !== "pending") {
    sendError(res, 401, "token_rejected", `This request token was already ${token.state}.`);
    return undefined;
  }
  if (context.tokens.isExpired(token)) {
    sendError(
      res,
      401,
      "token_expired",
      "This request token has expired: they are valid for 10 minutes."
    );
    return undefined;
  }
  return token;
}

function consumerName(context: AuthorizeContext, token: RequestToken): string {
  return context.consumers.get(token.consumerKey)?.name ?? token.consumerKey;
}

function sendError(res: Response, status: number, problem: string, message: string): void {
  sendHtml(res, status, renderAuthorizeErrorPage(problem, message));
}

function sendHtml(res: Response, status: number, html: string): void {
  res
    .status(status)
    .set({
      "Cache-Control": "no-store",
      // Jira's pages refuse framing (facts: "Jira pages forbid framing").
      "X-Frame-Options": "SAMEORIGIN",
      "Content-Security-Policy": "frame-ancestors 'self'",
    })
    .type("html")
    .send(html);
}

function stringParam(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

function shortToken(token: RequestToken): string {
  return `${token.token.slice(0, 6)}…`;
}
