/**
 * What Jira's refusals mean for the admin who set up the application link, and what to change:
 * the doctor's checks and the login command explain every failure with these. The pane says the
 * same things to its users in its own words (src/session/session-notices.ts); here the reader is
 * the one who can fix them.
 */
import { JiraHttpError, JiraNetworkError, OAuthProblem } from "../jira/jira-errors";
import { decodeFormComponent } from "../oauth/rfc3986";
import { explainNetworkFailure } from "./network-failure";
import type { Explanation } from "./network-failure";

/** What the explanations may mention. */
export interface LinkContext {
  jiraUrl: string;
  consumerKey: string;
  privateKeyFile: string;
}

/** The URL Jira says it verified the signature over (from `oauth_signature_base_string`), if it said. */
export function signedUrlSeenByJira(problem: OAuthProblem): string | undefined {
  const baseString = problem.parameters.oauth_signature_base_string;
  const uri = baseString?.split("&")[1];
  if (!uri) {
    return undefined;
  }
  try {
    return decodeFormComponent(uri);
  } catch {
    return undefined;
  }
}

/** Explains Jira's refusal of a request signed with the consumer key (request-token, a REST call). */
export function explainOAuthProblem(problem: OAuthProblem, context: LinkContext): Explanation {
  switch (problem.code) {
    case "consumer_key_unknown":
      return {
        problem: `Jira has no incoming application link with consumer key "${context.consumerKey}" (consumer_key_unknown)`,
        fix:
          "create the link in Jira (Administration › Applications › Application links, incoming, with the values " +
          "the keys command printed), or correct --consumer-key / JIRA_CONSUMER_KEY",
      };
    case "signature_invalid": {
      const seen = signedUrlSeenByJira(problem);
      if (seen !== undefined && !seen.startsWith(`${context.jiraUrl}/`)) {
        return {
          problem: `Jira verified the signature over ${seen}, not over ${context.jiraUrl} (signature_invalid)`,
          fix: "give --jira exactly Jira's Base URL (Administration › System), including http/https, port and context path",
        };
      }
      return {
        problem: `the public key in Jira doesn't match this private key (signature_invalid)`,
        fix:
          `paste the public key that belongs to ${context.privateKeyFile} into the link's incoming authentication ` +
          "(the keys command wrote it beside the private key), or use the private key whose public half is there",
      };
    }
    case "signature_method_rejected":
      return {
        problem: "Jira refused RSA-SHA1 signatures for this consumer (signature_method_rejected)",
        fix: "set up the link's incoming authentication with a Public Key (RSA), not a shared secret",
      };
    case "timestamp_refused":
      return {
        problem: `Jira refused the request's time even after correcting for Jira's clock (timestamp_refused${window(problem)})`,
        fix: "set the clocks of this computer and of Jira's server right (NTP), then try again",
      };
    case "nonce_used":
      return {
        problem: "Jira says it has seen this request before (nonce_used)",
        fix: "run the command again; if it repeats, something in between replays requests",
      };
    case "parameter_absent":
      return {
        problem: `Jira says OAuth parameters are missing (parameter_absent${listed(problem.parameters.oauth_parameters_absent)})`,
        fix: "a proxy in front of Jira removes the Authorization header: let it through unchanged",
      };
    case "parameter_rejected":
    case "version_rejected":
      return {
        problem: `Jira rejected OAuth parameters (${problem.code}${listed(problem.parameters.oauth_parameters_rejected)})`,
        fix: "a proxy in front of Jira may change the Authorization header or the query: let them through unchanged",
      };
    case "token_rejected":
    case "token_expired":
      return {
        problem: `Jira no longer accepts this access token (${problem.code})`,
        fix: "sign in again with the login command (tokens end when revoked, expired, or when the link was recreated)",
      };
    case "permission_unknown":
      return {
        problem: "the request token was not approved yet (permission_unknown)",
        fix: "choose Allow on Jira's page first, then enter the verification code it shows",
      };
    case "permission_denied":
      return {
        problem: "Deny was chosen on Jira's page (permission_denied)",
        fix: "run login again and choose Allow",
      };
    default:
      return {
        problem: `Jira refused the request (oauth_problem=${problem.code})`,
        fix: problem.message,
      };
  }
}

/** Explains any failure of a request to Jira: OAuth refusal, error answer, or no answer. */
export function explainJiraFailure(error: unknown, context: LinkContext, url: string): Explanation {
  if (error instanceof OAuthProblem) {
    return explainOAuthProblem(error, context);
  }
  if (error instanceof JiraNetworkError) {
    return explainNetworkFailure(error, url, "Jira");
  }
  if (error instanceof JiraHttpError) {
    return explainJiraHttpError(error, context);
  }
  return {
    problem: error instanceof Error ? error.message : String(error),
    fix: "run the command again; if it repeats, report it with this message",
  };
}

/** Explains an error answer of Jira (or of something answering in its place). */
export function explainJiraHttpError(error: JiraHttpError, context: LinkContext): Explanation {
  const where = `${context.jiraUrl}${error.path}`;
  switch (error.code) {
    case "sso_login_page":
      return {
        problem: `a login page answered ${where} instead of Jira (a single sign-on gateway or proxy intercepts it)`,
        fix: "let OAuth-signed requests to /rest/ and /plugins/servlet/oauth/ through to Jira without a browser login",
      };
    case "http_404":
      return {
        problem: `nothing of Jira's at ${where} (404)`,
        fix: "give --jira exactly Jira's Base URL, including its context path (e.g. https://host/jira)",
      };
    case "unexpected_html":
    case "invalid_response":
      return {
        problem: `${where} answered ${error.status} with something that is not Jira's answer (${error.code})`,
        fix: "give --jira exactly Jira's Base URL, including its context path; a proxy may answer in Jira's place",
      };
    default:
      if (error.status >= 500) {
        return {
          problem: `Jira answered ${error.status} to ${error.method} ${error.path}`,
          fix: "Jira (or a proxy in front of it) has a problem: check that it is up, and its logs",
        };
      }
      return { problem: error.message, fix: "check the URL and the link's settings" };
  }
}

function window(problem: OAuthProblem): string {
  const accepted = problem.parameters.oauth_acceptable_timestamps;
  return accepted ? `, Jira accepts ${accepted}` : "";
}

function listed(names: string | undefined): string {
  return names ? `: ${names}` : "";
}
