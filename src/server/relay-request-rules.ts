/**
 * What the `/jira` relay refuses before it opens a connection to Jira: targets that could leave
 * Jira's base URL, methods Jira's REST API has no use for, connection upgrades, bodies in a coding
 * it cannot pass on, and bodies announced larger than its cap. Pure: the request's method, target
 * and headers in, a refusal (or none) out.
 */
import type { IncomingHttpHeaders } from "node:http";
import { bodyTooLarge } from "./relay-errors";
import type { RelayFailure } from "./relay-errors";
import { isPlainRelayPath } from "./relay-path";

/**
 * The methods relayed. Jira's REST API and OAuth servlets use GET, POST, PUT and DELETE (HEAD and
 * OPTIONS are harmless, PATCH is kept for apps that add it). TRACE would echo the request, its
 * `Authorization` included (cross-site tracing); CONNECT would ask for a tunnel (Node's server never
 * hands CONNECT to a request handler anyway: without a `connect` listener it closes the connection).
 */
export const RELAYED_METHODS: readonly string[] = [
  "GET",
  "HEAD",
  "POST",
  "PUT",
  "PATCH",
  "DELETE",
  "OPTIONS",
];

/** What a rule needs to know of a request. */
export interface RelayedRequestHead {
  method?: string;
  /** The target below the relay's mount point (Express' `req.url`). */
  url?: string;
  /** The target as received (Express' `req.originalUrl`). */
  originalUrl?: string;
  headers: IncomingHttpHeaders;
}

/** The refusal of a request the relay must not pass to Jira, or undefined to relay it. */
export function relayRefusal(
  req: RelayedRequestHead,
  maxBodyBytes: number
): RelayFailure | undefined {
  const originalUrl = req.originalUrl ?? req.url ?? "";
  if (!originalUrl.startsWith("/") || !isPlainRelayPath(req.url ?? "")) {
    return {
      status: 400,
      code: "INVALID_PATH",
      message: "The add-in server relays only plain paths below /jira/ to Jira.",
    };
  }
  const method = req.method ?? "";
  if (!RELAYED_METHODS.includes(method)) {
    return {
      status: 405,
      code: "METHOD_NOT_ALLOWED",
      message: `The add-in server does not relay ${method} requests to Jira.`,
      headers: { Allow: RELAYED_METHODS.join(", ") },
    };
  }
  // Browsers can't set Upgrade from a page (a forbidden header name): only WebSocket handshakes
  // and hand-made requests carry it. The relay passes plain HTTP exchanges, nothing longer-lived.
  if (req.headers.upgrade !== undefined) {
    return {
      status: 400,
      code: "UPGRADE_REFUSED",
      message:
        "The add-in server relays plain HTTP requests to Jira: it opens no WebSocket or other upgraded connection.",
      closeConnection: true,
    };
  }
  // Node's parser has already read "chunked" framing; another coding (gzip, chunked) would reach
  // Jira as bytes without the coding that gives them meaning. RFC 9112 §6.1: answer 501.
  const transferEncoding = req.headers["transfer-encoding"];
  if (transferEncoding !== undefined && transferEncoding.trim().toLowerCase() !== "chunked") {
    return {
      status: 501,
      code: "TRANSFER_CODING_UNSUPPORTED",
      message: `The add-in server relays request bodies sent as they are or chunked, not "${transferEncoding}".`,
      closeConnection: true,
    };
  }
  const contentLength = Number(req.headers["content-length"] ?? 0);
  if (contentLength > maxBodyBytes) {
    return bodyTooLarge(maxBodyBytes);
  }
  return undefined;
}
