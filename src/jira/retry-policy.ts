/**
 * When to try a request again, and how long to wait first. Pure functions, so the policy is
 * tested without a clock; the transport (jira-transport.ts) applies it.
 *
 * - GET and HEAD are retried on 502/503/504 and network errors: repeating a read is harmless;
 *   not when the relay says the failure lasts (a certificate, a host name: {@link LASTING_FAILURE_CODES}).
 * - POST/PUT/DELETE are not: after a 502 or a broken connection the work may have been done
 *   (an issue created twice is worse than an error the user can retry knowingly).
 * - Exponential backoff with jitter, so many panes that failed together don't retry together;
 *   `Retry-After` (seconds or an HTTP date) wins when Jira or a proxy sends it, capped.
 */

/** Retry settings of the Jira client. */
export interface RetryOptions {
  /** Attempts in total, the first included. Default 3; 1 disables retries. */
  attempts?: number;
  /** Wait before the first retry, doubled for each further one (before jitter). Default 500 ms. */
  baseDelayMs?: number;
  /** Upper bound of any wait, also of a longer `Retry-After`. Default 10 s. */
  maxDelayMs?: number;
  /** How to wait (tests inject a fake). Default setTimeout. */
  sleep?: (ms: number) => Promise<void>;
}

/** {@link RetryOptions} with defaults filled in, plus the randomness of the jitter. */
export interface RetryPolicy {
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
}

/** Statuses that mean "a gateway or Jira is briefly unavailable": 502, 503, 504. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([502, 503, 504]);

/**
 * Error codes of 502/503 answers that no wait will mend: the relay without a Jira, a certificate it
 * doesn't trust, a host name it can't resolve. Retrying them only delays the message that names the
 * fix (jira-errors.ts, `relayFailure`).
 */
export const LASTING_FAILURE_CODES: ReadonlySet<string> = new Set([
  "relay_not_configured",
  "relay_invalid_path",
  "relay_refused",
  "jira_tls_error",
  "jira_host_not_found",
]);

/**
 * Whether an error answer (status 502/503/504) is worth another attempt: not when it lasts
 * ({@link LASTING_FAILURE_CODES}), nor when the relay already waited its whole timeout for Jira
 * (`relayTimedOut`: another attempt would make the user wait as long again, for nothing new).
 */
export function isWorthRetrying(code: string, relayTimedOut: boolean): boolean {
  return !LASTING_FAILURE_CODES.has(code) && !relayTimedOut;
}

/** Merges defaults once. */
export function retryPolicy(
  options: RetryOptions = {},
  random: () => number = Math.random
): RetryPolicy {
  return {
    attempts: Math.max(1, Math.floor(options.attempts ?? 3)),
    baseDelayMs: Math.max(0, options.baseDelayMs ?? 500),
    maxDelayMs: Math.max(0, options.maxDelayMs ?? 10_000),
    sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    random,
  };
}

/** Methods whose repetition cannot do the work twice (RFC 9110 §9.2.2, the ones this client sends). */
export function isIdempotentMethod(method: string): boolean {
  return ["GET", "HEAD", "OPTIONS"].includes(method.toUpperCase());
}

/** `Retry-After` in ms from now: delta-seconds or an HTTP date (RFC 9110 §10.2.3); undefined if absent or unreadable. */
export function parseRetryAfterMs(value: string | null, nowMs: number): number | undefined {
  const text = value?.trim();
  if (!text) {
    return undefined;
  }
  if (/^\d+$/.test(text)) {
    return Number(text) * 1000;
  }
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

/**
 * How long to wait after failed attempt number `attempt` (1 = the first request): `Retry-After`
 * if given, else `baseDelayMs · 2^(attempt-1)` with "equal jitter" (half fixed, half random);
 * never more than `maxDelayMs`.
 */
export function retryDelayMs(policy: RetryPolicy, attempt: number, retryAfterMs?: number): number {
  if (retryAfterMs !== undefined) {
    return Math.min(retryAfterMs, policy.maxDelayMs);
  }
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(exponential / 2 + policy.random() * (exponential / 2));
}
