/**
 * The request layer under the typed client (octokit's request.js + auth strategy): signs each
 * request over Jira's own URL, sends it to the relay, retries what is safe to retry, and turns
 * error answers into coded errors. Knows nothing about Jira's resources.
 */
import type { OAuthSigner, TokenCredentials } from "../oauth/oauth-signer-types";
import { OAuthProblem } from "../oauth/oauth-problem";
import { redactSecrets } from "../oauth/redact";
import { clockOffsetSeconds } from "./clock-skew";
import { JiraNetworkError, errorFromResponse, isRelayTimeout, redirectError } from "./jira-errors";
import type { FailedRequest } from "./jira-errors";
import { createFetchUploader } from "./multipart-uploader";
import type { MultipartUploader } from "./multipart-uploader";
import { buildQueryString } from "./query-string";
import type { QueryValue } from "./query-string";
import {
  RETRYABLE_STATUSES,
  isIdempotentMethod,
  isWorthRetrying,
  parseRetryAfterMs,
  retryDelayMs,
  retryPolicy,
} from "./retry-policy";
import type { RetryOptions, RetryPolicy } from "./retry-policy";

/** Receives one redacted line per request, retry and clock correction (e.g. the admin CLI's --verbose). */
export interface JiraLogger {
  debug(message: string): void;
}

/** Options of {@link createJiraTransport} (and of the client). */
export interface JiraTransportOptions {
  /** Jira's own base URL (what Jira calls its Base URL), no trailing slash; may have a context path. Signatures cover it. */
  baseUrl: string;
  /** Where requests are sent: `${location.origin}/jira` in the pane, `baseUrl` in Node. */
  relayBase: string;
  signer: OAuthSigner;
  /** Default: the global fetch. */
  fetch?: typeof fetch;
  /** The access token REST calls are signed with; undefined: signed without a token (2-legged). */
  accessToken?: () => TokenCredentials | undefined;
  retry?: RetryOptions;
  /** Sends multipart uploads. Default: fetch, progress at 0 and at the end only. */
  uploader?: MultipartUploader;
  logger?: JiraLogger;
  /** The local clock for clock-offset and Retry-After arithmetic (tests). Default Date.now. */
  now?: () => number;
  /**
   * What to do with a redirect. `"follow"` (default; Node, the admin tools): fetch follows it, and
   * an HTML page at its end is recognised (a login page: `sso_login_page`). `"refuse"` (the pane):
   * any redirect fails at once with `jira_redirect`. In a browser, following is never right: Jira
   * and single sign-on gateways redirect to their own origin, where the pane's request ends in a
   * CORS failure that looks like "no network" (and a relative Location leaves the relay).
   */
  redirects?: "follow" | "refuse";
}

/** One request, described relative to Jira's base URL. */
export interface JiraRequest {
  method: string;
  /** Below the base URL, starting with `/`, path segments already encoded (`pathSegment`). */
  path: string;
  query?: Readonly<Record<string, QueryValue>>;
  /** A JSON body (not signed: RFC 5849 signs only form bodies). */
  json?: unknown;
  /** A multipart body, sent by the uploader with `X-Atlassian-Token: no-check` (not signed). */
  multipart?: FormData;
  onUploadProgress?: (loaded: number, total: number) => void;
  headers?: Readonly<Record<string, string>>;
  /** null: sign without a token (request-token); undefined: the client's access token. */
  token?: TokenCredentials | null;
  oauthParams?: { oauth_callback?: string; oauth_verifier?: string };
  /** Overrides the method's idempotency for retries (a search sent as POST reads only). */
  idempotent?: boolean;
  signal?: AbortSignal;
}

/** Jira's answer (status < 400), body read as text. */
export interface JiraResponse {
  status: number;
  headers: Headers;
  bodyText: string;
  redirected: boolean;
  request: FailedRequest;
}

/** Sends {@link JiraRequest}s. */
export interface JiraTransport {
  readonly baseUrl: string;
  send(request: JiraRequest): Promise<JiraResponse>;
}

interface RawResponse {
  status: number;
  headers: Headers;
  text(): Promise<string>;
  redirected?: boolean;
  /** fetch's `type`: "opaqueredirect" for a redirect not followed in a browser (status 0). */
  type?: string;
}

/** Creates the transport; defaults merged once. */
export function createJiraTransport(options: JiraTransportOptions): JiraTransport {
  const baseUrl = options.baseUrl.replace(/\/+$/, "");
  const relayBase = options.relayBase.replace(/\/+$/, "");
  const doFetch =
    options.fetch ??
    ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));
  const uploader = options.uploader ?? createFetchUploader(options.fetch);
  const policy: RetryPolicy = retryPolicy(options.retry);
  const now = options.now ?? Date.now;
  const refuseRedirects = options.redirects === "refuse";
  const log = (line: string) => options.logger?.debug(redactSecrets(line));

  /** Signs one attempt (fresh nonce and timestamp). Signing errors are the caller's, never "network". */
  function sign(request: JiraRequest, pathAndQuery: string, token: TokenCredentials | undefined) {
    return options.signer.authorizationHeader({
      method: request.method,
      url: baseUrl + pathAndQuery,
      token,
      oauthParams: request.oauthParams,
    });
  }

  async function attempt(
    request: JiraRequest,
    pathAndQuery: string,
    authorization: string
  ): Promise<RawResponse> {
    const url = relayBase + pathAndQuery;
    const headers: Record<string, string> = { ...request.headers, Authorization: authorization };
    if (request.multipart) {
      // Jira's XSRF check refuses multipart POSTs without it (403 "XSRF check failed").
      headers["X-Atlassian-Token"] = "no-check";
      headers.Accept ??= "application/json";
      return uploader.send({
        url,
        headers,
        body: request.multipart,
        onProgress: request.onUploadProgress,
        signal: request.signal,
      });
    }
    let body: string | undefined;
    if (request.json !== undefined) {
      headers["Content-Type"] = "application/json";
      body = JSON.stringify(request.json);
    }
    return doFetch(url, {
      method: request.method,
      headers,
      body,
      redirect: refuseRedirects ? "manual" : "follow",
      // OAuth-signed: cookies of the add-in's origin must not ride along.
      credentials: "omit",
      signal: request.signal,
    });
  }

  return {
    baseUrl,
    async send(request) {
      const method = request.method.toUpperCase();
      const pathAndQuery = request.path + buildQueryString(request.query ?? {});
      const failed: FailedRequest = { method, path: request.path };
      const idempotent = request.idempotent ?? isIdempotentMethod(method);
      const token = request.token === null ? undefined : (request.token ?? options.accessToken?.());
      const normalised = { ...request, method };
      let attemptNumber = 1;
      let clockCorrected = false;
      for (;;) {
        const authorization = await sign(normalised, pathAndQuery, token);
        const started = now();
        let response: RawResponse;
        try {
          response = await attempt(normalised, pathAndQuery, authorization);
        } catch (error) {
          if (isAbortError(error) || request.signal?.aborted) {
            throw error;
          }
          if (idempotent && attemptNumber < policy.attempts) {
            const delay = retryDelayMs(policy, attemptNumber);
            log(
              `${method} ${request.path} failed without an answer; retry ${attemptNumber + 1}/${policy.attempts} in ${delay} ms`
            );
            await policy.sleep(delay);
            attemptNumber++;
            continue;
          }
          throw new JiraNetworkError(failed, error);
        }
        log(`${method} ${request.path} → ${response.status} (${now() - started} ms)`);
        if (refuseRedirects && isRedirect(response)) {
          // The body is of no use, but read so Node's connection is free again.
          void response.text().catch(() => undefined);
          throw redirectError(failed, response);
        }
        const bodyText = await readText(response, failed);
        if (response.status < 400) {
          return {
            status: response.status,
            headers: response.headers,
            bodyText,
            redirected: response.redirected ?? false,
            request: failed,
          };
        }
        const error = errorFromResponse(failed, {
          status: response.status,
          headers: response.headers,
          bodyText,
          redirected: response.redirected,
        });
        if (
          error instanceof OAuthProblem &&
          error.code === "timestamp_refused" &&
          !clockCorrected
        ) {
          // Safe for any method: Jira refused before doing anything. Once only: a second refusal
          // means the correction didn't help, and looping would hide it.
          const offset = clockOffsetSeconds(
            {
              acceptableTimestamps: error.parameters.oauth_acceptable_timestamps,
              dateHeader: response.headers.get("date"),
            },
            now()
          );
          if (offset !== undefined) {
            options.signer.setClockOffsetSeconds(offset);
            clockCorrected = true;
            log(
              `${method} ${request.path}: timestamp_refused; clock offset set to ${offset} s, signing again`
            );
            continue;
          }
        }
        if (
          idempotent &&
          RETRYABLE_STATUSES.has(response.status) &&
          isWorthRetrying(error.code, isRelayTimeout(error)) &&
          attemptNumber < policy.attempts
        ) {
          const delay = retryDelayMs(
            policy,
            attemptNumber,
            parseRetryAfterMs(response.headers.get("retry-after"), now())
          );
          log(
            `${method} ${request.path}: ${response.status}; retry ${attemptNumber + 1}/${policy.attempts} in ${delay} ms`
          );
          await policy.sleep(delay);
          attemptNumber++;
          continue;
        }
        throw error;
      }
    },
  };
}

/** A body cut off mid-way is a network failure too. */
async function readText(response: RawResponse, failed: FailedRequest): Promise<string> {
  try {
    return await response.text();
  } catch (error) {
    if (isAbortError(error)) {
      throw error;
    }
    throw new JiraNetworkError(failed, error);
  }
}

/** A 3xx (Node, `redirect: "manual"`) or a browser's opaque redirect (status 0). */
function isRedirect(response: RawResponse): boolean {
  return (
    response.type === "opaqueredirect" ||
    (response.status >= 300 && response.status < 400 && response.status !== 304)
  );
}

function isAbortError(error: unknown): boolean {
  return (error as { name?: unknown } | null)?.name === "AbortError";
}
