/**
 * A fetch for the admin commands' Jira client that also remembers the last exchange: the status
 * line, headers and body text of the answer, or the error when there was none. The client turns
 * answers into typed values and coded errors; the commands also need what it keeps to itself: the
 * `Date` header (clock skew), the raw body of an error answer (`request` prints it), and the
 * underlying network error (DNS, TLS, refused). It also gives every request a time limit, so a
 * firewall that drops packets ends in a clear message instead of a hang.
 */

/** What came back for one request. */
export interface RecordedExchange {
  method: string;
  url: string;
  /** Local clock when the request was sent and when the answer's headers arrived (ms). */
  sentAt: number;
  answeredAt: number;
  response?: {
    status: number;
    statusText: string;
    headers: Headers;
    bodyText: string;
  };
  /** What fetch threw (no answer at all). */
  error?: unknown;
}

/** A fetch that records; `last()` is the most recent exchange. */
export interface RecordingFetch {
  fetch: typeof fetch;
  last(): RecordedExchange | undefined;
}

/** Options of {@link createRecordingFetch}. */
export interface RecordingFetchOptions {
  /** Time limit of each request, ms. Default 15 s. */
  timeoutMs?: number;
  /** The fetch underneath (tests). Default the global fetch. */
  fetch?: typeof fetch;
  now?: () => number;
}

/** Default time limit of one request to Jira or the add-in host. */
export const DEFAULT_TIMEOUT_MS = 15_000;

/** Creates the recording fetch. */
export function createRecordingFetch(options: RecordingFetchOptions = {}): RecordingFetch {
  const underlying =
    options.fetch ??
    ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));
  const now = options.now ?? Date.now;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  let last: RecordedExchange | undefined;

  const recording = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    const exchange: RecordedExchange = {
      method: (init?.method ?? "GET").toUpperCase(),
      url: input instanceof Request ? input.url : String(input),
      sentAt: now(),
      answeredAt: 0,
    };
    last = exchange;
    let response: Response;
    try {
      response = await underlying(input, { ...init, signal });
    } catch (error) {
      exchange.answeredAt = now();
      exchange.error = error;
      throw error;
    }
    exchange.answeredAt = now();
    // Read a copy, so the client still reads the original as usual.
    const bodyText = await response
      .clone()
      .text()
      .catch(() => "");
    exchange.response = {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
      bodyText,
    };
    return response;
  };
  return { fetch: recording as typeof fetch, last: () => last };
}
