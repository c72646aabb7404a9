/**
 * Nonces already seen, per consumer (RFC 5849 §3.3: the server rejects a repeated nonce). A nonce
 * only needs remembering while its timestamp is still acceptable; after that the timestamp check
 * refuses a replay anyway, so entries are dropped then (as net.oauth's validator does).
 */

/** Remembers nonces of verified requests. */
export interface NonceStore {
  /** Whether `nonce` was recorded for `consumerKey` and is still remembered. */
  has(consumerKey: string, nonce: string): boolean;
  /** Records a nonce; `timestampSeconds` is the request's `oauth_timestamp`. */
  record(consumerKey: string, nonce: string, timestampSeconds: number): void;
  reset(): void;
}

/**
 * Creates a store; `now` is the simulator clock, `windowSeconds` how far a timestamp may be from it.
 */
export function createNonceStore(now: () => number, windowSeconds: number): NonceStore {
  const seen = new Map<string, number>(); // key → oauth_timestamp in seconds
  const key = (consumerKey: string, nonce: string): string => `${consumerKey}\n${nonce}`;

  const sweep = (): void => {
    // The oldest timestamp the verifier still accepts, rounded as it rounds (verify-oauth-request.ts):
    // forgetting a nonce any earlier would let a replay through in the last half second.
    const oldestAcceptable = Math.floor((now() - windowSeconds * 1000 + 500) / 1000);
    for (const [entry, timestamp] of seen) {
      if (timestamp < oldestAcceptable) {
        seen.delete(entry);
      }
    }
  };

  return {
    has: (consumerKey, nonce) => seen.has(key(consumerKey, nonce)),
    record(consumerKey, nonce, timestampSeconds) {
      sweep();
      seen.set(key(consumerKey, nonce), timestampSeconds);
    },
    reset: () => seen.clear(),
  };
}
