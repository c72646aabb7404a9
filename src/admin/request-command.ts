/**
 * `request`: one signed REST call through the add-in's client (`client.request`), as a user's
 * access token: prints the status line and the body (JSON pretty-printed). The token and every
 * signature stay out of the output; on HTTP >= 400 it also says Jira's oauth_problem, if any.
 */
import { JiraHttpError, OAuthProblem } from "../jira/jira-errors";
import type { JiraLogger } from "../jira/jira-transport";
import { redactSecrets } from "../oauth/redact";
import { connectToJira } from "./jira-connection";
import { explainJiraFailure } from "./link-explanations";
import type { LinkContext } from "./link-explanations";
import type { RequestTarget } from "./request-target";

/** Options of {@link runRequest}. */
export interface RequestOptions extends LinkContext {
  privateKeyPem: string;
  token: string;
  target: RequestTarget;
  /** Send to this relay (the add-in host's /jira) instead of straight to Jira; still signed over Jira's URL. */
  via?: string;
  out: (text: string) => void;
  err: (text: string) => void;
  logger?: JiraLogger;
}

/** Sends the request and prints the answer. Resolves with the exit code: 0 for an answer below 400. */
export async function runRequest(options: RequestOptions): Promise<number> {
  const connection = await connectToJira({
    jiraUrl: options.jiraUrl,
    consumerKey: options.consumerKey,
    privateKeyPem: options.privateKeyPem,
    token: options.token,
    ...(options.via === undefined ? {} : { sendTo: options.via }),
    // As the pane does: GETs are retried on 502/503/504, writes never.
    attempts: 3,
    ...(options.logger ? { logger: options.logger } : {}),
  });
  const { target } = options;
  let body: unknown;
  let failure: unknown;
  try {
    body = await connection.client.request<unknown>({
      method: target.method,
      path: target.path,
      query: target.query,
      ...(target.json === undefined ? {} : { json: target.json }),
    });
  } catch (error) {
    failure = error;
  }

  const answer = connection.lastExchange()?.response;
  if (answer) {
    options.out(`HTTP ${answer.status}${answer.statusText ? ` ${answer.statusText}` : ""}`);
    // An error answer may quote the request (signature_invalid's base string holds oauth_token).
    const text =
      failure === undefined
        ? pretty(body, answer.bodyText)
        : redactSecrets(prettyText(answer.bodyText), [options.token]);
    if (text !== "") {
      options.out(text);
    }
  }
  if (failure === undefined) {
    return 0;
  }
  if (failure instanceof OAuthProblem) {
    options.err(`oauth_problem: ${failure.code}`);
  }
  if (failure instanceof JiraHttpError && failure.code !== "sso_login_page") {
    // An answer of the resource itself (404, 400 with field errors…): Jira's words say it.
    options.err(failure.message);
    return 1;
  }
  const { problem, fix } = explainJiraFailure(failure, options, `${options.jiraUrl}${target.path}`);
  options.err(`${problem} — ${fix}`);
  return 1;
}

function pretty(body: unknown, raw: string): string {
  return body === undefined ? raw.trim() : JSON.stringify(body, null, 2);
}

function prettyText(raw: string): string {
  try {
    return JSON.stringify(JSON.parse(raw), null, 2);
  } catch {
    return raw.trim();
  }
}
