/**
 * The same-origin relay `/jira/*` → Jira.
 *
 * Why it exists: the task pane runs on the add-in's origin, and Jira's OAuth servlets
 * (`/plugins/servlet/oauth/*`) send no CORS headers, so the pane cannot call Jira directly
 * (see ../shared/docs/jira-and-office-facts.md, "CORS"). The pane signs each request over Jira's
 * own URL; the relay passes it through unchanged, so the signature still matches what Jira sees.
 *
 * What it must never do: forward to a host taken from the request (the target is fixed at
 * startup), buffer bodies (attachments can be tens of MB), add credentials, or leak the add-in
 * origin's cookies to Jira.
 */
import http from "node:http";
import https from "node:https";
import type { Socket } from "node:net";
import tls from "node:tls";
import express from "express";
import type { Router } from "express";
import { createProxyMiddleware } from "http-proxy-middleware";

/** Where the relay is mounted on the add-in server. */
export const JIRA_RELAY_PATH = "/jira";

/** Receives the relay's error log lines. */
export interface RelayLogger {
  error(message: string): void;
}

/** Options of {@link createJiraRelay}. */
export interface JiraRelayOptions {
  /** Jira's base URL without trailing slash (see `normaliseJiraUrl`); undefined: every request answers 503. */
  jiraUrl: string | undefined;
  /** Extra PEM CA certificate(s) to trust for Jira's certificate (JIRA_CA_FILE), on top of Node's defaults. */
  ca?: string;
  logger?: RelayLogger;
}

/** The relay: an Express router to mount at {@link JIRA_RELAY_PATH}, and its connection pool to close. */
export interface JiraRelay {
  router: Router;
  /** Closes idle upstream connections (server shutdown). */
  close(): void;
}

/**
 * True when `url` (the request target below /jira, incl. query) is a plain absolute path: starts
 * with one `/`, has no empty, `.` or `..` segment (also percent-encoded), no encoded `/` or `\`,
 * no backslash or control character. Only then can it be appended to Jira's base URL without
 * leaving it: `//evil.example/x`, `/..%2f..%2f`, `/http://evil` and absolute-form targets are refused.
 * The query string is not inspected: it is passed to Jira byte-for-byte.
 */
export function isPlainRelayPath(url: string): boolean {
  const queryStart = url.indexOf("?");
  const pathname = queryStart === -1 ? url : url.slice(0, queryStart);
  if (!pathname.startsWith("/")) {
    return false;
  }
  const segments = pathname.slice(1).split("/");
  return segments.every((segment, index) => {
    if (segment === "") {
      // Only "/" itself or a trailing slash; an empty segment inside means "//".
      return index === segments.length - 1;
    }
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return false;
    }
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
    return decoded !== "." && decoded !== ".." && !/[/\\\u0000-\u001f\u007f]/.test(decoded);
  });
}

/** The JSON body of relay errors: Jira's own error shape, so the pane's client parses it the same way. */
export function jiraErrorBody(message: string): string {
  return JSON.stringify({ errorMessages: [message] });
}

/**
 * Creates the relay. Requests pass through unchanged (method, path below /jira, query string
 * byte-for-byte, headers incl. `Authorization`, body streamed), except: `Host` becomes Jira's host
 * and `Cookie` is removed. Upstream failures answer 502 in Jira's error shape with an
 * `X-Relay-Error: <code>` header; without a configured Jira every request answers 503.
 */
export function createJiraRelay(options: JiraRelayOptions): JiraRelay {
  const router = express.Router();
  const logger = options.logger ?? console;

  // Refuse anything that is not a plain path before it gets near the proxy.
  router.use((req, res, next) => {
    if (!isPlainRelayPath(req.url)) {
      sendRelayError(
        res,
        400,
        "INVALID_PATH",
        `The add-in server relays only plain paths below ${JIRA_RELAY_PATH}/ to Jira.`
      );
      return;
    }
    next();
  });

  const jiraUrl = options.jiraUrl;
  if (jiraUrl === undefined) {
    router.use((_req, res) => {
      sendRelayError(
        res,
        503,
        "JIRA_NOT_CONFIGURED",
        "The add-in server has no Jira to relay to: set JIRA_URL to Jira's base URL (e.g. JIRA_URL=https://jira.example.com) " +
          "and restart it."
      );
    });
    return { router, close: () => undefined };
  }

  // Keep-alive: the pane makes several calls per email; one TLS handshake to Jira, not one per call.
  // Node's `ca` option replaces the default roots: add the private CA to them instead.
  const ca = options.ca === undefined ? undefined : [...tls.rootCertificates, options.ca];
  const agent = jiraUrl.startsWith("https:")
    ? new https.Agent({ keepAlive: true, ...(ca === undefined ? {} : { ca }) })
    : new http.Agent({ keepAlive: true });

  router.use((req, _res, next) => {
    // Jira must not receive cookies of the add-in's origin: they belong to the add-in's site, and
    // a Jira session cookie would make Jira treat the request as cookie-authenticated instead of
    // OAuth-signed. Removed here, not in a proxyReq hook, because http-proxy skips that hook for
    // requests with `Expect: 100-continue`.
    delete req.headers.cookie;
    next();
  });

  router.use(
    createProxyMiddleware<http.IncomingMessage, http.ServerResponse>({
      // Fixed at startup; no `router` option, so nothing in the request can change the host.
      target: jiraUrl,
      // Host: Jira's host. Jira rebuilds the OAuth base string from its base URL and request.
      changeOrigin: true,
      xfwd: false,
      secure: true,
      agent,
      ...(ca === undefined ? {} : { ca }),
      // Streams both ways: http-proxy pipes the request into the upstream request and the
      // upstream response into ours. Nothing here (or before it) parses or buffers a body.
      on: {
        error: (error, req, res) => {
          const code = (error as NodeJS.ErrnoException).code ?? "RELAY_FAILED";
          const url = (req as { originalUrl?: string }).originalUrl ?? req.url;
          logger.error(
            `Jira relay: ${req.method} ${pathOnly(url)} failed: ${code} ${error.message}`
          );
          if (!isResponse(res)) {
            (res as Socket).destroy();
            return;
          }
          if (res.headersSent) {
            // Jira's answer was already streaming: cut it so the client sees it incomplete.
            res.destroy(error);
            return;
          }
          sendRelayError(
            res,
            502,
            code,
            `The add-in server could not reach Jira at ${jiraUrl}: ${describeUpstreamError(error)}. Check JIRA_URL and that Jira is running.`
          );
        },
      },
    })
  );

  return { router, close: () => agent.destroy() };
}

function sendRelayError(
  res: http.ServerResponse,
  status: number,
  code: string,
  message: string
): void {
  res.writeHead(status, {
    "Content-Type": "application/json;charset=UTF-8",
    "Cache-Control": "no-store",
    "X-Relay-Error": code,
  });
  res.end(jiraErrorBody(message));
}

function describeUpstreamError(error: Error): string {
  const code = (error as NodeJS.ErrnoException).code ?? "";
  const reason = error.message || code || "unknown error";
  // Certificate problems of an internal Jira usually mean a private CA the relay doesn't know.
  if (/CERT|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)/.test(code)) {
    return `${reason} (${code}; if Jira's certificate comes from a private CA, set JIRA_CA_FILE to that CA's PEM file)`;
  }
  return reason;
}

function isResponse(res: http.ServerResponse | Socket): res is http.ServerResponse {
  return typeof (res as http.ServerResponse).writeHead === "function";
}

/** The path without the query: queries can hold JQL or OAuth tokens, which don't belong in logs. */
function pathOnly(url: string | undefined): string {
  return (url ?? "").split("?")[0];
}
