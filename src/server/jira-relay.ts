/**
 * The same-origin relay `/jira/*` → Jira.
 *
 * Why it exists: the task pane runs on the add-in's origin, and Jira's OAuth servlets
 * (`/plugins/servlet/oauth/*`) send no CORS headers, so the pane cannot call Jira directly
 * (see ../shared/docs/jira-and-office-facts.md, "CORS"). The pane signs each request over Jira's
 * own URL; the relay passes it through unchanged, so the signature still matches what Jira sees.
 *
 * What it must never do: forward to a host taken from the request (the target is fixed at
 * startup), leave Jira's base URL by way of the path (relay-path.ts), buffer bodies (attachments
 * can be tens of MB), add credentials, pass the add-in origin's cookies to Jira or Jira's cookies
 * to the pane (relay-headers.ts), or let a client stream without end (relay-request-rules.ts, the
 * body cap in relay-forwarder.ts).
 */
import express from "express";
import type { Router } from "express";
import { jiraErrorBody, sendRelayFailure } from "./relay-errors";
import { createRelayForwarder } from "./relay-forwarder";
import type { RelayLogger } from "./relay-forwarder";
import { isPlainRelayPath } from "./relay-path";
import { relayRefusal } from "./relay-request-rules";
import { DEFAULT_RELAY_MAX_BODY_BYTES, DEFAULT_RELAY_TIMEOUT_MS } from "./relay-settings";

export { isPlainRelayPath, jiraErrorBody };
export type { RelayLogger };

/** Where the relay is mounted on the add-in server. */
export const JIRA_RELAY_PATH = "/jira";

/** Options of {@link createJiraRelay}. */
export interface JiraRelayOptions {
  /** Jira's base URL without trailing slash (see `normaliseJiraUrl`); undefined: every request answers 503. */
  jiraUrl: string | undefined;
  /** Extra PEM CA certificate(s) to trust for Jira's certificate (JIRA_CA_FILE), on top of Node's defaults. */
  ca?: string;
  /**
   * Largest request body relayed, in bytes (RELAY_MAX_BODY_MB): a larger Content-Length answers 413
   * before Jira is contacted, a chunked body growing past it is cut. Default
   * {@link DEFAULT_RELAY_MAX_BODY_BYTES} (100 MB).
   */
  maxBodyBytes?: number;
  /**
   * How long Jira may send and take nothing before the relay gives up (RELAY_TIMEOUT_SECONDS):
   * 504 `ETIMEDOUT`, or a cut answer once it has begun. Default {@link DEFAULT_RELAY_TIMEOUT_MS} (120 s).
   */
  timeoutMs?: number;
  logger?: RelayLogger;
}

/** The relay: an Express router to mount at {@link JIRA_RELAY_PATH}, and its connection pool to close. */
export interface JiraRelay {
  router: Router;
  /** Closes idle upstream connections (server shutdown). */
  close(): void;
}

/**
 * Creates the relay. Requests pass through unchanged (method, path below /jira, query string
 * byte-for-byte, end-to-end headers incl. `Authorization`, body streamed), except: `Host` becomes
 * Jira's host; cookies, hop-by-hop and forwarding headers are dropped; Jira's `Set-Cookie` and
 * origin-wide headers don't reach the pane. The relay's own answers are in Jira's error shape with
 * an `X-Relay-Error: <code>` header: 400/405/501 for requests it refuses, 413 over the body cap,
 * 502 (Node's error code) when Jira can't be reached, 504 `ETIMEDOUT` when Jira doesn't answer,
 * 503 `JIRA_NOT_CONFIGURED` without a Jira.
 */
export function createJiraRelay(options: JiraRelayOptions): JiraRelay {
  const router = express.Router();
  const logger = options.logger ?? console;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_RELAY_MAX_BODY_BYTES;
  const timeoutMs = options.timeoutMs ?? DEFAULT_RELAY_TIMEOUT_MS;

  // Refuse what must not reach Jira before anything gets near it.
  router.use((req, res, next) => {
    const refusal = relayRefusal(req, maxBodyBytes);
    if (refusal) {
      sendRelayFailure(res, refusal);
      return;
    }
    next();
  });

  const jiraUrl = options.jiraUrl;
  if (jiraUrl === undefined) {
    router.use((_req, res) => {
      sendRelayFailure(res, {
        status: 503,
        code: "JIRA_NOT_CONFIGURED",
        message:
          "The add-in server has no Jira to relay to: set JIRA_URL to Jira's base URL (e.g. JIRA_URL=https://jira.example.com) " +
          "and restart it.",
      });
    });
    return { router, close: () => undefined };
  }

  const forwarder = createRelayForwarder({
    jiraUrl,
    ...(options.ca === undefined ? {} : { ca: options.ca }),
    maxBodyBytes,
    timeoutMs,
    logger,
  });
  router.use((req, res) => forwarder.forward(req, res));
  return { router, close: () => forwarder.close() };
}
