/**
 * `login`: the three-legged OAuth dance in a terminal, with `oauth_callback=oob`: Jira shows the
 * verification code on its page instead of redirecting, and the admin types (or pipes) it in.
 * Prints the access token, which identifies a sign-in (like a session id) and is what `request
 * --token` needs; the token secret only on request: RSA-SHA1 signatures don't use it.
 */
import type { Readable } from "node:stream";
import { AdminError } from "./admin-error";
import { connectToJira } from "./jira-connection";
import { explainJiraFailure } from "./link-explanations";
import type { LinkContext } from "./link-explanations";
import { readOneLine } from "./read-line";

/** Options of {@link runLogin}. */
export interface LoginOptions extends LinkContext {
  privateKeyPem: string;
  showSecret: boolean;
  input: Readable;
  out: (line: string) => void;
}

/**
 * Runs the dance. Resolves when signed in; rejects with an {@link AdminError} that explains the
 * failure (`login_failed`, `verifier_missing`, `login_denied`).
 */
export async function runLogin(options: LoginOptions): Promise<void> {
  const { client } = await connectToJira({
    jiraUrl: options.jiraUrl,
    consumerKey: options.consumerKey,
    privateKeyPem: options.privateKeyPem,
  });
  const fail = (error: unknown, url: string): never => {
    const { problem, fix } = explainJiraFailure(error, options, url);
    throw new AdminError("login_failed", `${problem} — ${fix}`, { cause: error });
  };

  const requestToken = await client
    .getRequestToken("oob")
    .catch((error: unknown) =>
      fail(error, `${options.jiraUrl}/plugins/servlet/oauth/request-token`)
    );
  options.out(
    [
      "Open this address in a browser, sign in to Jira as the user to act as, and choose Allow:",
      "",
      `  ${client.authorizeUrl(requestToken)}`,
      "",
      "Then type the verification code Jira shows and press Enter (it is valid for 10 minutes):",
    ].join("\n")
  );
  const line = await readOneLine(options.input);
  const verifier = line?.trim();
  if (!verifier) {
    throw new AdminError(
      "verifier_missing",
      "No verification code was read from standard input: run login again and enter the code Jira shows after Allow."
    );
  }
  if (verifier === "denied") {
    throw new AdminError(
      "login_denied",
      "Deny was chosen on Jira's page: run login again and choose Allow."
    );
  }

  const accessToken = await client
    .getAccessToken(requestToken, verifier)
    .catch((error: unknown) =>
      fail(error, `${options.jiraUrl}/plugins/servlet/oauth/access-token`)
    );
  const signedIn = await connectToJira({
    jiraUrl: options.jiraUrl,
    consumerKey: options.consumerKey,
    privateKeyPem: options.privateKeyPem,
    token: accessToken.token,
  });
  const user = await signedIn.client
    .myself()
    .catch((error: unknown) => fail(error, `${options.jiraUrl}/rest/api/2/myself`));

  const expires =
    accessToken.expiresInSeconds === undefined
      ? ""
      : ` (Jira says it expires in ${Math.round(accessToken.expiresInSeconds / 86_400)} days)`;
  options.out(
    [
      "",
      `Signed in as ${user.displayName} (${user.name}${user.emailAddress ? `, ${user.emailAddress}` : ""}).`,
      `Access token: ${accessToken.token}${expires}`,
      ...(options.showSecret ? [`Token secret: ${accessToken.secret}`] : []),
      "",
      "Use it with the request command, e.g.:",
      `  JIRA_TOKEN=${accessToken.token} npm run admin -- request GET /rest/api/2/myself`,
      "Users see and revoke their tokens in Jira at " +
        `${options.jiraUrl}/plugins/servlet/oauth/users/access-tokens (path unverified on Jira 9/10).`,
    ].join("\n")
  );
}
