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

/**
 * The verifier of an approval, or null when there is none: missing, empty, or `denied`, which
 * Atlassian's OAuth provider redirects with after Deny (unverified on Jira 10). The callback page
 * and the pane both read it this way, so a denial is never sent to Jira's access-token endpoint.
 */
function approvedVerifier(verifier: string | null | undefined): string | null {
  return verifier && verifier !== "denied" ? verifier : null;
}

/** Reads the callback page's query string (`location.search`). */
export function readAuthorizationCallback(search: string): AuthorizationCallback {
  const params = new URLSearchParams(search);
  return {
    kind: "jira-authorization-callback",
    oauthToken: params.get("oauth_token") ?? "",
    oauthVerifier: approvedVerifier(params.get("oauth_verifier")),
  };
}

/**
 * The callback page could not send the dialog on to Jira's authorize page (no configuration, a
 * bad `authorize` parameter…): it tells the pane instead of leaving the user before a dead window.
 */
export interface AuthorizationStartFailed {
  kind: "jira-authorization-start-failed";
  /** What went wrong, for the user (never the request token the page was opened with). */
  message: string;
}

/** Every message the callback page sends the pane with `messageParent`. */
export type DialogMessage = AuthorizationCallback | AuthorizationStartFailed;

/**
 * Reads a message from the sign-in dialog. Anything but the exact shapes above (not JSON, another
 * `kind`, a missing or non-string token, extra fields) is undefined: the message crossed a window
 * boundary, and the pane exchanges only tokens it can read without guessing. A verifier that
 * {@link approvedVerifier} doesn't take for an approval (`""`, `denied`) reads as null.
 */
export function parseDialogMessage(text: string): DialogMessage | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return undefined;
  }
  const fields = value as Record<string, unknown>;
  const keys = Object.keys(fields).sort().join(",");
  if (fields.kind === "jira-authorization-callback") {
    const { oauthToken, oauthVerifier } = fields;
    if (
      keys === "kind,oauthToken,oauthVerifier" &&
      typeof oauthToken === "string" &&
      (typeof oauthVerifier === "string" || oauthVerifier === null)
    ) {
      return {
        kind: "jira-authorization-callback",
        oauthToken,
        oauthVerifier: approvedVerifier(oauthVerifier),
      };
    }
    return undefined;
  }
  if (fields.kind === "jira-authorization-start-failed") {
    const { message } = fields;
    if (keys === "kind,message" && typeof message === "string") {
      return { kind: "jira-authorization-start-failed", message };
    }
  }
  return undefined;
}
