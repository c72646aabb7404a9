/**
 * OAuth nonces. Jira refuses a nonce it has seen (`nonce_used`), so each request needs a fresh,
 * unguessable one: 128 random bits from the platform's CSPRNG (never Math.random, which
 * oauth-1.0a's own `getNonce` uses).
 */

/** 32 hex characters from `crypto.getRandomValues` (browser and Node ≥ 19 alike). */
export function randomNonce(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}
