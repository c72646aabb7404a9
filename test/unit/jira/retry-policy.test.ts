/** The retry policy's pure parts: which methods, how long to wait, Retry-After in both forms. */
import {
  LASTING_FAILURE_CODES,
  RETRYABLE_STATUSES,
  isIdempotentMethod,
  isWorthRetrying,
  parseRetryAfterMs,
  retryDelayMs,
  retryPolicy,
} from "../../../src/jira/retry-policy";

const NOW = Date.parse("2024-05-01T12:00:00Z");

describe("retry policy", () => {
  it("retries only reads, and only on gateway/unavailable statuses", () => {
    expect(["GET", "get", "HEAD"].every(isIdempotentMethod)).toBe(true);
    expect(["POST", "PUT", "DELETE", "PATCH"].some(isIdempotentMethod)).toBe(false);
    expect([...RETRYABLE_STATUSES]).toEqual([502, 503, 504]);
  });

  it("doesn't retry what no wait mends, nor what the relay already waited its whole timeout for", () => {
    for (const code of ["jira_tls_error", "jira_host_not_found", "relay_not_configured"]) {
      expect([code, LASTING_FAILURE_CODES.has(code), isWorthRetrying(code, false)]).toEqual([
        code,
        true,
        false,
      ]);
    }
    expect(isWorthRetrying("http_503", false)).toBe(true);
    expect(isWorthRetrying("jira_unreachable", false)).toBe(true);
    expect(isWorthRetrying("http_504", true)).toBe(false);
  });

  it("defaults to 3 attempts, 500 ms base, 10 s cap", () => {
    expect(retryPolicy()).toMatchObject({ attempts: 3, baseDelayMs: 500, maxDelayMs: 10_000 });
    expect(retryPolicy({ attempts: 0 }).attempts).toBe(1);
  });

  it.each([
    ["3", 3000],
    ["0", 0],
    ["Wed, 01 May 2024 12:00:07 GMT", 7000],
    ["Wed, 01 May 2024 11:59:00 GMT", 0],
    ["soon", undefined],
    ["", undefined],
    [null, undefined],
  ])("reads Retry-After %j as %j ms", (value, expected) => {
    expect(parseRetryAfterMs(value, NOW)).toBe(expected);
  });

  it("backs off exponentially with jitter between half and all of the step, capped", () => {
    const low = retryPolicy({ baseDelayMs: 100, maxDelayMs: 1000 }, () => 0);
    const high = retryPolicy({ baseDelayMs: 100, maxDelayMs: 1000 }, () => 1);

    expect([1, 2, 3, 4, 5].map((attempt) => retryDelayMs(low, attempt))).toEqual([
      50, 100, 200, 400, 500,
    ]);
    expect([1, 2, 3, 4, 5].map((attempt) => retryDelayMs(high, attempt))).toEqual([
      100, 200, 400, 800, 1000,
    ]);
  });

  it("honours Retry-After instead, capped at maxDelayMs", () => {
    const policy = retryPolicy({ maxDelayMs: 10_000 }, () => 0.5);

    expect(retryDelayMs(policy, 1, 2000)).toBe(2000);
    expect(retryDelayMs(policy, 1, 120_000)).toBe(10_000);
  });
});
