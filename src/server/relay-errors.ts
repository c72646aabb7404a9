/**
 * The `/jira` relay's own answers: refusals and upstream failures, in Jira's error shape
 * (`{"errorMessages": [...]}`, so the pane's client reads them like Jira's) with an
 * `X-Relay-Error: <code>` header that tells them apart from Jira's answers
 * (src/jira/jira-errors.ts maps the codes to the pane's).
 *
 * Upstream failures keep Node's error code (`ECONNREFUSED`, `ENOTFOUND`, `DEPTH_ZERO_SELF_SIGNED_CERT`,
 * `ERR_TLS_CERT_ALTNAME_INVALID`…, nodejs.org/api/errors.html): precise, documented, and what an
 * administrator will search for. Each message names the setting to check.
 */
import type { ServerResponse } from "node:http";

/** An answer of the relay itself. */
export interface RelayFailure {
  status: number;
  /** The `X-Relay-Error` header. */
  code: string;
  /** Plain words naming what to check. */
  message: string;
  /** Extra headers (e.g. `Allow` on a 405). */
  headers?: Readonly<Record<string, string>>;
  /** Close the connection after answering (the request body was not read). */
  closeConnection?: boolean;
}

/** The JSON body of relay errors: Jira's own error shape, so the pane's client parses it the same way. */
export function jiraErrorBody(message: string): string {
  return JSON.stringify({ errorMessages: [message] });
}

/** Writes `failure` as the response (headers must not be sent yet). */
export function sendRelayFailure(res: ServerResponse, failure: RelayFailure): void {
  const body = jiraErrorBody(failure.message);
  res.writeHead(failure.status, {
    ...failure.headers,
    "Content-Type": "application/json;charset=UTF-8",
    "Content-Length": String(Buffer.byteLength(body)),
    "Cache-Control": "no-store",
    "X-Relay-Error": failure.code,
    ...(failure.closeConnection ? { Connection: "close" } : {}),
  });
  res.end(body);
}

/** Jira did not send or take a byte for longer than the relay waits (its idle timeout). */
export class RelayTimeoutError extends Error {
  override readonly name = "RelayTimeoutError";
  /** Node's code for a connection timing out, so the pane reads it as a timeout (src/jira/jira-errors.ts). */
  readonly code = "ETIMEDOUT";

  constructor(readonly timeoutMs: number) {
    super(`no answer from Jira for ${formatSeconds(timeoutMs)}`);
  }
}

/** The request body grew past the relay's cap while it streamed (no Content-Length announced it). */
export class RelayBodyTooLargeError extends Error {
  override readonly name = "RelayBodyTooLargeError";
  readonly code = "REQUEST_TOO_LARGE";

  constructor(readonly maxBodyBytes: number) {
    super(`the request body exceeds ${formatMegabytes(maxBodyBytes)}`);
  }
}

/** The 413 of a body over `maxBodyBytes` (announced by Content-Length, or found while streaming). */
export function bodyTooLarge(maxBodyBytes: number): RelayFailure {
  return {
    status: 413,
    code: "REQUEST_TOO_LARGE",
    message:
      `The add-in server passes requests of at most ${formatMegabytes(maxBodyBytes)} to Jira: ` +
      "attach a smaller file, or ask the add-in's administrator to raise RELAY_MAX_BODY_MB.",
    closeConnection: true,
  };
}

// OpenSSL's verification results that mean "no trusted CA vouches for this certificate"
// (nodejs.org/api/tls.html#x509-certificate-error-codes).
const UNTRUSTED_CERTIFICATE = new Set([
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UNABLE_TO_GET_ISSUER_CERT",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "CERT_UNTRUSTED",
  "CERT_CHAIN_TOO_LONG",
  "INVALID_CA",
]);
const CERTIFICATE_DATES = new Set(["CERT_HAS_EXPIRED", "CERT_NOT_YET_VALID"]);
const HOST_NOT_FOUND = new Set(["ENOTFOUND", "EAI_AGAIN", "EAI_NONAME", "EAI_FAIL"]);

/**
 * The relay's answer when Jira could not be reached or broke off before answering: 504 for a
 * timeout, else 502; the code is Node's; the message says what failed at `jiraUrl` and what to check.
 */
export function upstreamFailure(error: Error, jiraUrl: string): RelayFailure {
  const code = (error as NodeJS.ErrnoException).code ?? "RELAY_FAILED";
  const host = new URL(jiraUrl).host;
  const unreachable = (reason: string, check: string): RelayFailure => ({
    status: 502,
    code,
    message: `The add-in server could not reach Jira at ${jiraUrl}: ${reason}. ${check}`,
  });
  if (error instanceof RelayTimeoutError || code === "ETIMEDOUT") {
    return {
      status: 504,
      code,
      message:
        `Jira at ${jiraUrl} did not answer the add-in server in time (${error.message}, ETIMEDOUT). ` +
        "Jira may be overloaded, or a firewall drops the connection: check that the add-in server can reach JIRA_URL.",
    };
  }
  if (UNTRUSTED_CERTIFICATE.has(code)) {
    return unreachable(
      `${error.message} (${code})`,
      "If Jira's certificate comes from a private CA, set JIRA_CA_FILE to that CA's PEM file and restart the add-in server."
    );
  }
  if (code === "ERR_TLS_CERT_ALTNAME_INVALID") {
    // tls.checkServerIdentity's error carries the peer certificate: say which names it does have.
    const names = (error as { cert?: { subjectaltname?: string } }).cert?.subjectaltname;
    return unreachable(
      `its certificate is not issued for ${new URL(jiraUrl).hostname}` +
        `${names ? ` but for ${names}` : ""} (${code})`,
      "Set JIRA_URL to a host name the certificate names (Jira's Base URL), or give Jira a certificate for this name."
    );
  }
  if (CERTIFICATE_DATES.has(code)) {
    return unreachable(
      `${error.message} (${code})`,
      "Jira's administrator must renew Jira's certificate (or check the add-in server's clock)."
    );
  }
  if (code === "EPROTO" || code.startsWith("ERR_SSL_")) {
    return unreachable(
      `the TLS handshake failed (${code}: ${error.message})`,
      "Check that JIRA_URL uses https only if Jira serves HTTPS at that port (http otherwise)."
    );
  }
  if (HOST_NOT_FOUND.has(code)) {
    return unreachable(
      `the host name ${host} does not resolve (${code})`,
      "Check the host name in JIRA_URL and the add-in server's DNS."
    );
  }
  if (code === "ECONNREFUSED") {
    return unreachable(
      `nothing accepts connections at ${host} (${code})`,
      "Check JIRA_URL and that Jira is running."
    );
  }
  if (code === "ECONNRESET") {
    return unreachable(
      `Jira closed the connection without a complete answer (${code})`,
      "Check JIRA_URL (http where Jira serves https is closed like this) and that Jira is running; Jira's logs may say why."
    );
  }
  if (code.startsWith("HPE_")) {
    // llhttp's codes: what answered is not an HTTP server (github.com/nodejs/llhttp).
    return unreachable(
      `what answers at ${host} does not speak HTTP (${code})`,
      "Check the port in JIRA_URL, and that it uses http only if Jira serves plain HTTP there."
    );
  }
  return unreachable(
    `${error.message || "unknown error"} (${code})`,
    "Check JIRA_URL and that Jira is running."
  );
}

function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}

/** Megabytes as Jira counts them (1 MB = 1,048,576 bytes: Jira's 10 MB limit is 10,485,760). */
function formatMegabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return Number.isInteger(mb) ? `${mb} MB` : `${mb.toFixed(2)} MB`;
}
