/**
 * Passes one request to Jira and Jira's answer back, streaming both ways: bytes go on as they
 * arrive, with backpressure, so a 50 MB upload never sits in the add-in server's memory.
 *
 * Written on node:http rather than a proxy library because each exchange needs what a generic
 * proxy doesn't give per request: the body counted against a cap as it streams (and cut before
 * Jira gets a complete body), framing decided by the relay, headers filtered both ways, and an
 * idle timeout with its own answer.
 */
import http from "node:http";
import type { ClientRequest, IncomingMessage, ServerResponse } from "node:http";
import https from "node:https";
import tls from "node:tls";
import { RelayBodyTooLargeError, RelayTimeoutError, sendRelayFailure } from "./relay-errors";
import { bodyTooLarge, upstreamFailure } from "./relay-errors";
import type { RelayFailure } from "./relay-errors";
import { headersForJira, headersForPane } from "./relay-headers";

/** Receives the relay's error log lines. */
export interface RelayLogger {
  error(message: string): void;
}

/** Options of {@link createRelayForwarder}. */
export interface RelayForwarderOptions {
  /** Jira's base URL without trailing slash (may have a context path). */
  jiraUrl: string;
  /** Extra PEM CA certificate(s) to trust for Jira's certificate, on top of Node's defaults. */
  ca?: string;
  /** Cap on a request body, counted as it streams. */
  maxBodyBytes: number;
  /** Idle timeout towards Jira: no byte moving either way for this long answers 504. */
  timeoutMs: number;
  logger: RelayLogger;
}

/** Forwards exchanges to the one Jira; `close` ends its pooled connections. */
export interface RelayForwarder {
  forward(req: IncomingMessage, res: ServerResponse): void;
  close(): void;
}

/**
 * How long an idle pooled connection to Jira is kept. A server closes idle connections on its own
 * schedule (Tomcat, Jira's server: 20 s; Node: 5 s), and a request sent on a connection the server
 * is just closing fails; closing ours first avoids that race. 4 s is undici's default for the same
 * reason; Node's agent also honours a shorter `Keep-Alive: timeout=` hint from the server.
 */
const IDLE_CONNECTION_MS = 4_000;

/** Creates the forwarder for Jira at `options.jiraUrl`. */
export function createRelayForwarder(options: RelayForwarderOptions): RelayForwarder {
  const target = new URL(options.jiraUrl);
  const secure = target.protocol === "https:";
  const basePath = target.pathname.replace(/\/+$/, "");
  // URL keeps IPv6 literals in brackets; the socket wants the bare address.
  const hostname = target.hostname.replace(/^\[(.*)\]$/, "$1");
  const port = target.port === "" ? (secure ? 443 : 80) : Number(target.port);
  // Keep-alive: the pane makes several calls per email; one TLS handshake to Jira, not one per call.
  // Node's `ca` option replaces the default roots: add the private CA to them instead.
  const ca = options.ca === undefined ? undefined : [...tls.rootCertificates, options.ca];
  const agent = secure
    ? new https.Agent({ keepAlive: true, timeout: IDLE_CONNECTION_MS, ...(ca ? { ca } : {}) })
    : new http.Agent({ keepAlive: true, timeout: IDLE_CONNECTION_MS });
  const send = secure ? https.request : http.request;

  function forward(req: IncomingMessage, res: ServerResponse): void {
    const chunked = req.headers["transfer-encoding"] !== undefined;
    const hasBody = chunked || Number(req.headers["content-length"] ?? 0) > 0;
    const headers = headersForJira(req.headers, target.host, chunked);
    const path = basePath + (req.url ?? "/");
    let upstream: ClientRequest;
    let attempts = 0;
    let bodyBytes = 0;
    let settled = false;

    // Idle timeout: restarted whenever bytes move between the pane and Jira, either way.
    const watchdog = setTimeout(
      () => fail(new RelayTimeoutError(options.timeoutMs)),
      options.timeoutMs
    );
    const touch = (): void => {
      if (!settled) watchdog.refresh();
    };
    const settle = (): void => {
      settled = true;
      clearTimeout(watchdog);
    };

    /** Ends the exchange with `error`: an answer naming it, or a cut connection once Jira's answer has begun. */
    function fail(error: Error, log = true): void {
      if (settled) return;
      settle();
      upstream.destroy();
      // Whatever of the body is still coming is read and dropped (onData), not left unread: a
      // socket closed with unread data resets the connection, and the pane could lose the answer.
      req.resume();
      const failure: RelayFailure =
        error instanceof RelayBodyTooLargeError
          ? bodyTooLarge(error.maxBodyBytes)
          : upstreamFailure(error, options.jiraUrl);
      if (log) {
        options.logger.error(
          `Jira relay: ${req.method} ${pathOnly(path)} failed: ${failure.code} ${error.message}`
        );
      }
      if (res.headersSent) {
        // Jira's answer was already streaming: cut it, so the pane sees it incomplete, never as whole.
        res.destroy(error);
        return;
      }
      // A body not read to its end leaves the connection unusable for a next request.
      sendRelayFailure(
        res,
        hasBody && !req.complete ? { ...failure, closeConnection: true } : failure
      );
    }

    function onData(chunk: Buffer): void {
      bodyBytes += chunk.length;
      if (settled) {
        // Jira has answered, or the exchange failed: the rest of the body is dropped, up to the cap.
        if (bodyBytes > options.maxBodyBytes && res.writableFinished) req.socket.destroy();
        return;
      }
      if (bodyBytes > options.maxBodyBytes) {
        // The chunk that crosses the cap is not passed on: Jira never gets more than the cap and,
        // its request cut off, never a complete body.
        fail(new RelayBodyTooLargeError(options.maxBodyBytes), false);
        return;
      }
      touch();
      if (!upstream.write(chunk)) {
        req.pause();
        upstream.once("drain", () => req.resume());
      }
    }

    /** Sends the request to Jira (again, after a stale pooled connection); the body follows. */
    function start(): ClientRequest {
      attempts += 1;
      upstream = send({ hostname, port, method: req.method, path, headers, agent });
      upstream.on("socket", touch);
      upstream.on("error", (error: NodeJS.ErrnoException) => {
        // A pooled connection Jira closed just as this request went out: nothing reached Jira, so a
        // bodiless request is sent once more on a fresh connection (nodejs.org/api/http.html#requestreusedsocket).
        if (
          !settled &&
          !hasBody &&
          attempts === 1 &&
          upstream.reusedSocket &&
          error.code === "ECONNRESET" &&
          !res.headersSent
        ) {
          start().end();
          return;
        }
        fail(error);
      });
      upstream.on("response", (answer: IncomingMessage) => relayAnswer(answer));
      return upstream;
    }

    function relayAnswer(answer: IncomingMessage): void {
      if (settled) {
        answer.resume();
        return;
      }
      touch();
      try {
        const answerHeaders = headersForPane(answer.headers, (name) => res.hasHeader(name));
        if (answer.statusMessage) {
          res.writeHead(answer.statusCode ?? 502, answer.statusMessage, answerHeaders);
        } else {
          res.writeHead(answer.statusCode ?? 502, answerHeaders);
        }
      } catch (error) {
        // A header or reason phrase Node refuses to send on: Jira's answer can't be passed as it is.
        answer.resume();
        fail(error as Error);
        return;
      }
      answer.on("data", touch);
      // A pane reading slowly holds Jira's answer back (backpressure): its taking bytes is progress too.
      res.on("drain", touch);
      // Jira broke off mid-answer (the pane's copy is then cut too, in fail).
      answer.on("error", (error) => fail(error));
      answer.on("end", () => {
        // Jira is done; what is left is handing the last bytes to the pane.
        settle();
        // Jira answered before taking the whole body (an early 401 or 413): it wants no more.
        if (hasBody && !req.complete) upstream.destroy();
      });
      answer.pipe(res);
    }

    // The pane went away before the answer was complete: stop Jira's side too (not Jira's failure:
    // nothing to log). After a failure of Jira's, `settled` is already set.
    res.on("close", () => {
      if (!res.writableFinished && !settled) {
        settle();
        upstream.destroy();
      }
    });
    // A client that breaks off its upload: handled by "close" above; this keeps it from being an unhandled error.
    req.on("error", () => undefined);

    const first = start();
    if (hasBody) {
      req.on("data", onData);
      req.on("end", () => {
        if (!settled) upstream.end();
      });
    } else {
      first.end();
    }
  }

  return { forward, close: () => agent.destroy() };
}

/** The path without the query: queries can hold JQL or OAuth tokens, which don't belong in logs. */
function pathOnly(url: string): string {
  return url.split("?")[0] ?? "";
}
