/**
 * The OAuth 1.0a RSA-SHA1 signer for one Jira application link (see oauth-signer-types.ts).
 *
 * oauth-1.0a's `authorize()` can't be used whole: its `hash_function` is synchronous and WebCrypto's
 * `sign` is not, and it parses the query itself (badly, see signature-base-string.ts). So each
 * request goes: protocol parameters (fresh nonce, clock-corrected timestamp) → base string
 * (signature-base-string.ts, oauth-1.0a's `getBaseString` underneath) → asynchronous RSA-SHA1 →
 * `Authorization` header from oauth-1.0a's `toHeader`.
 */
import OAuth from "oauth-1.0a";
import type { OAuthSigner, SignableRequest } from "./oauth-signer-types";
import { randomNonce } from "./nonce";
import { readPrivateKeyPem } from "./private-key-pem";
import { createRsaSha1Signer } from "./rsa-sha1";
import type { SignatureEngine } from "./rsa-sha1";
import { signatureBaseString } from "./signature-base-string";

/** Options of {@link createOAuthSigner}. */
export interface OAuthSignerOptions {
  /** The consumer key entered on Jira's incoming application link. */
  consumerKey: string;
  /** The RSA private key, PEM: PKCS#8 ("BEGIN PRIVATE KEY") or PKCS#1 ("BEGIN RSA PRIVATE KEY"), unencrypted. */
  privateKeyPem: string;
  /** WebCrypto to sign with; default `globalThis.crypto?.subtle`; `null` forces jsrsasign. */
  subtle?: SubtleCrypto | null;
  /** The clock, ms since the epoch (tests). Default `Date.now`. */
  now?: () => number;
  /** Nonce source (tests). Default: 128 random bits. */
  nonce?: () => string;
}

/** The signer, plus which RSA implementation it ended up with (diagnostics). */
export interface RsaOAuthSigner extends OAuthSigner {
  readonly signatureEngine: SignatureEngine;
}

/**
 * Reads the private key and returns a signer.
 *
 * @throws {ConfigError} `private_key_missing`, `private_key_malformed`, `private_key_encrypted`,
 *   `private_key_public_only` or `private_key_not_rsa`, each saying what to fix.
 */
export async function createOAuthSigner(options: OAuthSignerOptions): Promise<RsaOAuthSigner> {
  const key = readPrivateKeyPem(options.privateKeyPem);
  const subtle =
    options.subtle === undefined ? (globalThis.crypto?.subtle ?? null) : options.subtle;
  const rsa = await createRsaSha1Signer(key, subtle);
  const now = options.now ?? Date.now;
  const nonce = options.nonce ?? randomNonce;
  const headerBuilder = new OAuth({
    consumer: { key: options.consumerKey, secret: "" },
    signature_method: "RSA-SHA1",
    hash_function: () => "",
  });
  let clockOffsetSeconds = 0;

  return {
    consumerKey: options.consumerKey,
    signatureEngine: rsa.engine,
    getClockOffsetSeconds: () => clockOffsetSeconds,
    setClockOffsetSeconds(seconds) {
      if (!Number.isFinite(seconds)) {
        throw new RangeError(`Clock offset must be a finite number of seconds, not ${seconds}.`);
      }
      clockOffsetSeconds = Math.round(seconds);
    },
    async authorizationHeader(request: SignableRequest) {
      const protocolParams: Record<string, string> = {
        oauth_consumer_key: options.consumerKey,
        oauth_nonce: nonce(),
        oauth_signature_method: "RSA-SHA1",
        oauth_timestamp: String(Math.floor(now() / 1000) + clockOffsetSeconds),
        oauth_version: "1.0",
      };
      // Jira treats an empty oauth_token as 2-legged: send none rather than an empty one.
      if (request.token?.token) {
        protocolParams.oauth_token = request.token.token;
      }
      if (request.oauthParams?.oauth_callback !== undefined) {
        protocolParams.oauth_callback = request.oauthParams.oauth_callback;
      }
      if (request.oauthParams?.oauth_verifier !== undefined) {
        protocolParams.oauth_verifier = request.oauthParams.oauth_verifier;
      }
      const baseString = signatureBaseString(
        { method: request.method, url: request.url, form: request.form },
        protocolParams
      );
      const signature = await rsa.sign(baseString);
      const data = {
        ...protocolParams,
        oauth_signature: signature,
      } as unknown as OAuth.Authorization;
      return headerBuilder.toHeader(data).Authorization;
    },
  };
}
