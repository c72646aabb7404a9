/**
 * The simulator's nonce store forgets a nonce only once its timestamp would be refused anyway.
 */
import { createNonceStore } from "../../../src/simulator/oauth/nonce-store";
import { TIMESTAMP_WINDOW_SECONDS } from "../../../src/simulator/oauth/verify-oauth-request";

describe("createNonceStore", () => {
  it("remembers a nonce for as long as the timestamp check still accepts its timestamp", () => {
    let now = 1_000_000_000; // ms
    const nonces = createNonceStore(() => now, TIMESTAMP_WINDOW_SECONDS);
    const timestamp = 1_000_000 - TIMESTAMP_WINDOW_SECONDS; // the oldest accepted right now
    nonces.record("consumer", "n-1", timestamp);

    // 400 ms later the verifier still accepts `timestamp` (it rounds (now - 300 s + 500 ms) down).
    now += 400;
    nonces.record("consumer", "n-2", 1_000_000); // sweeps
    expect(nonces.has("consumer", "n-1")).toBe(true);

    // Once the timestamp is refused, the nonce may go.
    now += 200;
    nonces.record("consumer", "n-3", 1_000_000);
    expect(nonces.has("consumer", "n-1")).toBe(false);
    expect(nonces.has("consumer", "n-2")).toBe(true);
  });
});
