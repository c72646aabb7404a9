/**
 * The signature base string of RFC 5849 §3.4.1, rebuilt the way Jira does it: over Jira's own base
 * URL (its "Base URL" setting), never the Host the request arrived at, so a request relayed or
 * proxied to the simulator verifies exactly when it would verify on the Jira it names.
 */
import { oauthPercentEncode } from "./percent-encoding";

/**
 * RFC 5849 §3.4.1.2: scheme and host in lowercase, the port only when it is not the scheme's
 * default (80 for http, 443 for https), then the request path as received; no query, no fragment.
 * `baseUrl` supplies scheme, host and port; its own path is already part of the received path.
 */
export function baseStringUri(baseUrl: string, receivedPath: string): string {
  // WHATWG URL lowercases scheme and host and drops a default port, which is what §3.4.1.2 asks.
  const { protocol, host } = new URL(baseUrl);
  return `${protocol}//${host}${receivedPath === "" ? "/" : receivedPath}`;
}

/**
 * RFC 5849 §3.4.1.3.2: encode every name and value (§3.6), sort by encoded name, then by encoded
 * value (plain code-unit order, which is byte order for the ASCII an encoded string is made of),
 * join each pair with `=` and the pairs with `&`. `oauth_signature` must already be left out.
 */
export function normaliseParameters(
  parameters: readonly { name: string; value: string }[]
): string {
  return parameters
    .map(({ name, value }) => [oauthPercentEncode(name), oauthPercentEncode(value)] as const)
    .sort(([nameA, valueA], [nameB, valueB]) =>
      nameA === nameB ? compare(valueA, valueB) : compare(nameA, nameB)
    )
    .map(([name, value]) => `${name}=${value}`)
    .join("&");
}

/** RFC 5849 §3.4.1.1: `METHOD&encoded(base string URI)&encoded(normalised parameters)`. */
export function signatureBaseString(
  method: string,
  uri: string,
  parameters: readonly { name: string; value: string }[]
): string {
  return [
    oauthPercentEncode(method.toUpperCase()),
    oauthPercentEncode(uri),
    oauthPercentEncode(normaliseParameters(parameters)),
  ].join("&");
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
