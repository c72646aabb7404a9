/**
 * The address of Jira's authorize page for a request token: step 2 of the OAuth 1.0a dance, the
 * page where the user chooses Allow or Deny (developer.atlassian.com/server/jira/platform/oauth/).
 *
 * Its own module, with nothing but the percent-encoder, because two bundles need it: the Jira
 * client, and the callback page in the sign-in dialog, which must stay small (it must not pull in
 * the client, the signer or jsrsasign just to build one URL).
 */
import { encodeRfc3986 } from "./rfc3986";

/**
 * `{jiraBaseUrl}/plugins/servlet/oauth/authorize?oauth_token=…`, the token RFC 3986 encoded like
 * every query the client builds (`%20`, never `+`).
 *
 * @param jiraBaseUrl Jira's base URL (trailing slashes are dropped); must be http(s): the callback
 *   page sends the browser there, so anything else (`javascript:`, `data:`) is refused.
 * @throws {TypeError} when `jiraBaseUrl` is not an absolute http(s) URL.
 */
export function jiraAuthorizeUrl(jiraBaseUrl: string, requestToken: string): string {
  const base = jiraBaseUrl.replace(/\/+$/, "");
  let protocol: string;
  try {
    protocol = new URL(base).protocol;
  } catch {
    throw new TypeError(`Jira's base URL must be an absolute http(s) URL, not "${base}".`);
  }
  if (protocol !== "https:" && protocol !== "http:") {
    throw new TypeError(`Jira's base URL must be an http(s) URL, not a ${protocol} one.`);
  }
  return `${base}/plugins/servlet/oauth/authorize?oauth_token=${encodeRfc3986(requestToken)}`;
}
