/**
 * What Jira hands back when it redirects the sign-in dialog to our callback page:
 * `oauth_token` (the request token the user decided on) and, after Allow, `oauth_verifier`.
 * Without a verifier the user did not approve (Deny, or Jira's page was left another way).
 */
export interface AuthorizationCallback {
  kind: "jira-authorization-callback";
  oauthToken: string;
  /** null when Jira sent no verifier: the user denied access. */
  oauthVerifier: string | null;
}

/** Reads the callback page's query string (`location.search`). */
export function readAuthorizationCallback(search: string): AuthorizationCallback {
  const params = new URLSearchParams(search);
  const verifier = params.get("oauth_verifier");
  return {
    kind: "jira-authorization-callback",
    oauthToken: params.get("oauth_token") ?? "",
    // Atlassian's OAuth provider redirects with oauth_verifier=denied after Deny (unverified on Jira 10);
    // the access-token call would then fail with permission_denied anyway.
    oauthVerifier: verifier && verifier !== "denied" ? verifier : null,
  };
}
