/**
 * OAuth problems as Jira reports them: the `oauth_problem` names of the OAuth Problem Reporting
 * extension that Jira's application links use, always HTTP 401 with the same parameters in the
 * `WWW-Authenticate` header and, form-encoded, in a text/plain body
 * (../shared/docs/jira-and-office-facts.md, "Jira as OAuth 1.0a provider").
 */
import type { Response } from "express";
import { formEncode, oauthPercentEncode } from "./percent-encoding";

/** Every `oauth_problem` the simulator reports. */
export type OAuthProblemName =
  | "parameter_absent"
  | "parameter_rejected"
  | "version_rejected"
  | "signature_method_rejected"
  | "consumer_key_unknown"
  | "timestamp_refused"
  | "nonce_used"
  | "signature_invalid"
  | "token_rejected"
  | "token_expired"
  | "permission_unknown"
  | "permission_denied";

/** A refused OAuth request; `parameters` are the extra `oauth_*` parameters reported with the problem. */
export class OAuthProblem extends Error {
  override readonly name = "OAuthProblem";

  constructor(
    readonly problem: OAuthProblemName,
    readonly parameters: Readonly<Record<string, string>> = {},
    message: string = problem
  ) {
    super(message);
  }

  /** The problem and its parameters, in the order they are reported. */
  get reportedParameters(): [string, string][] {
    return [["oauth_problem", this.problem], ...Object.entries(this.parameters)];
  }
}

/**
 * Answers a request with `problem`: 401, `WWW-Authenticate: OAuth realm="<baseUrl>",
 * oauth_problem="…"[, …]`, and the same parameters as a form-encoded text/plain body.
 * Values in the header are percent-encoded (RFC 5849 §3.5.1, and what net.oauth, the library under
 * Jira's provider, does), so header and body decode to the same values. The realm is the base URL
 * as is, as the facts document shows it (net.oauth would percent-encode it too: read it decoded).
 */
export function sendOAuthProblem(res: Response, realm: string, problem: OAuthProblem): void {
  const header = [
    `OAuth realm="${realm.replace(/["\\]/g, "")}"`,
    ...problem.reportedParameters.map(
      ([name, value]) => `${oauthPercentEncode(name)}="${oauthPercentEncode(value)}"`
    ),
  ].join(", ");
  res
    .status(401)
    .set("WWW-Authenticate", header)
    .type("text/plain; charset=utf-8")
    .send(formEncode(problem.reportedParameters));
}
