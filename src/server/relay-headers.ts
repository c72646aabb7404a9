/**
 * Which headers the `/jira` relay passes on, each way. Everything end-to-end passes unchanged
 * (`Authorization` above all: the OAuth signature must reach Jira as the pane made it), except:
 *
 * - hop-by-hop headers (RFC 9110 §7.6.1): they describe one connection, not the request, so each
 *   hop sets its own. Both ways.
 * - cookies: the add-in origin's never go to Jira, and Jira's `Set-Cookie` never reaches the pane
 *   (a Jira session cookie would become the add-in origin's, and make Jira treat later requests as
 *   cookie-authenticated instead of OAuth-signed).
 * - headers a browser applies to the whole origin a response comes from: on a relayed response that
 *   is the add-in's origin, whose transport, storage and CORS rules are the add-in server's to set.
 * - forwarding headers from the client: the relay adds none, and passes on no claim about another
 *   host or client that Jira (or a proxy in front of it) might believe.
 */
import type { IncomingHttpHeaders, OutgoingHttpHeaders } from "node:http";

/** Hop-by-hop headers (RFC 9110 §7.6.1, plus the non-standard Keep-Alive and Proxy-Connection). */
export const HOP_BY_HOP_HEADERS: ReadonlySet<string> = new Set([
  "connection",
  "keep-alive",
  "proxy-authenticate",
  "proxy-authorization",
  "proxy-connection",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
  "http2-settings",
]);

/** Request headers never passed to Jira, besides the hop-by-hop ones. */
const NOT_TO_JIRA: ReadonlySet<string> = new Set([
  // Set by the relay: Jira's own host, as in its base URL.
  "host",
  // The add-in origin's cookies, in both generations of the cookie standard.
  "cookie",
  "cookie2",
  // Answered by the add-in server itself (Node sends "100 Continue" before the body is read).
  "expect",
  // Claims about other hosts and clients (RFC 7239 and its de-facto predecessors).
  "forwarded",
  "x-forwarded-for",
  "x-forwarded-host",
  "x-forwarded-proto",
  "x-forwarded-port",
  "x-forwarded-prefix",
  "x-forwarded-server",
  "x-real-ip",
]);

/** Response headers never passed to the pane, besides the hop-by-hop ones. */
const NOT_TO_PANE: ReadonlySet<string> = new Set([
  "set-cookie",
  "set-cookie2",
  // Would pin the add-in's host (often localhost) to HTTPS for every other server on it.
  "strict-transport-security",
  // Jira's logout page could wipe the add-in origin's storage (the pane's drafts).
  "clear-site-data",
  // Would send the browser to another port or protocol for the add-in's origin.
  "alt-svc",
  // Origin-wide reporting policies (Network Error Logging) pointing at Jira's endpoints.
  "nel",
  "report-to",
  "reporting-endpoints",
]);

/** The names a `Connection` header lists: hop-by-hop for that message too (RFC 9110 §7.6.1). */
function connectionOptions(headers: IncomingHttpHeaders): Set<string> {
  const value = headers.connection;
  return new Set(
    (value ?? "")
      .split(",")
      .map((name) => name.trim().toLowerCase())
      .filter((name) => name !== "")
  );
}

/**
 * The headers of the request to Jira: the pane's, less the ones above, with `Host` set to
 * `jiraHost` (`host[:port]` of Jira's base URL). The body keeps its framing whatever `Connection`
 * names: the same `Content-Length`, or, for a body that came without a length (`chunkedBody`), the
 * relay's own chunked `Transfer-Encoding` (not the client's, which may name other codings). A body
 * sent without either would let its bytes pass for the next request on the pooled connection.
 */
export function headersForJira(
  incoming: IncomingHttpHeaders,
  jiraHost: string,
  chunkedBody: boolean
): OutgoingHttpHeaders {
  const named = connectionOptions(incoming);
  const outgoing: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(incoming)) {
    if (
      value === undefined ||
      name === "content-length" ||
      HOP_BY_HOP_HEADERS.has(name) ||
      NOT_TO_JIRA.has(name) ||
      named.has(name)
    ) {
      continue;
    }
    outgoing[name] = value;
  }
  outgoing.host = jiraHost;
  if (incoming["content-length"] !== undefined) {
    outgoing["content-length"] = incoming["content-length"];
  } else if (chunkedBody) {
    outgoing["transfer-encoding"] = "chunked";
  }
  return outgoing;
}

/**
 * The headers of Jira's answer as the pane gets them: Jira's, less the ones above and CORS
 * headers (the pane calls the relay from its own origin and needs none; Jira's allowlist must not
 * become the add-in origin's), and less any header `alreadySet` on the response by the add-in server
 * (its security headers: on the add-in's origin, its policy wins over Jira's).
 */
export function headersForPane(
  upstream: IncomingHttpHeaders,
  alreadySet: (name: string) => boolean
): OutgoingHttpHeaders {
  const named = connectionOptions(upstream);
  const outgoing: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(upstream)) {
    if (
      value === undefined ||
      HOP_BY_HOP_HEADERS.has(name) ||
      NOT_TO_PANE.has(name) ||
      name.startsWith("access-control-") ||
      named.has(name) ||
      alreadySet(name)
    ) {
      continue;
    }
    outgoing[name] = value;
  }
  return outgoing;
}
