/**
 * RSA-SHA1 (RSASSA-PKCS1-v1_5 over SHA-1, RFC 5849 §3.4.3), the only method Jira's application
 * links accept. WebCrypto where it exists (≈ 1,150 signatures/s in Chromium, off the main thread);
 * jsrsasign otherwise (≈ 35/s, blocking), e.g. in a page served over plain http where browsers
 * hide `crypto.subtle`. Both give byte-identical signatures: PKCS#1 v1.5 is deterministic.
 */
import { ConfigError } from "../config/config-error";
import { loadJsrsasign } from "./load-jsrsasign";
import { isErrorLike } from "./redact";
import type { PrivateKeyPem } from "./private-key-pem";

/** Which implementation signs. */
export type SignatureEngine = "webcrypto" | "jsrsasign";

/** Signs text with one private key. */
export interface RsaSha1Signer {
  readonly engine: SignatureEngine;
  /** The base64 RSA-SHA1 signature of the UTF-8 bytes of `text`. */
  sign(text: string): Promise<string>;
}

const ALGORITHM = { name: "RSASSA-PKCS1-v1_5", hash: "SHA-1" } as const;

/**
 * Imports the key once, for the engine `subtle` selects (null: jsrsasign).
 *
 * @throws {ConfigError} `private_key_malformed` when the key's content cannot be read.
 */
export async function createRsaSha1Signer(
  key: PrivateKeyPem,
  subtle: SubtleCrypto | null
): Promise<RsaSha1Signer> {
  return subtle ? createWebCryptoSigner(key, subtle) : createJsrsasignSigner(key);
}

async function createWebCryptoSigner(
  key: PrivateKeyPem,
  subtle: SubtleCrypto
): Promise<RsaSha1Signer> {
  // WebCrypto imports PKCS#8 only; a PKCS#1 key is re-wrapped by jsrsasign (loaded for this alone).
  const der = key.format === "pkcs8" ? key.der : await pkcs1ToPkcs8(key);
  let cryptoKey: CryptoKey;
  try {
    cryptoKey = await subtle.importKey("pkcs8", der as BufferSource, ALGORITHM, false, ["sign"]);
  } catch (cause) {
    throw malformed(cause);
  }
  return {
    engine: "webcrypto",
    async sign(text) {
      const signature = await subtle.sign(ALGORITHM, cryptoKey, new TextEncoder().encode(text));
      return bytesToBase64(new Uint8Array(signature));
    },
  };
}

async function createJsrsasignSigner(key: PrivateKeyPem): Promise<RsaSha1Signer> {
  const { KEYUTIL, KJUR, RSAKey, hextob64 } = await loadJsrsasign();
  let rsaKey: InstanceType<typeof RSAKey>;
  try {
    const read = KEYUTIL.getKey(key.pem);
    if (!(read instanceof RSAKey) || !(read as { isPrivate?: boolean }).isPrivate) {
      throw new Error("not an RSA private key");
    }
    rsaKey = read;
  } catch (cause) {
    throw malformed(cause);
  }
  return {
    engine: "jsrsasign",
    async sign(text) {
      const signature = new KJUR.crypto.Signature({ alg: "SHA1withRSA" });
      signature.init(rsaKey);
      // The base string is ASCII (everything in it is percent-encoded), so no charset question.
      signature.updateString(text);
      return hextob64(signature.sign());
    },
  };
}

async function pkcs1ToPkcs8(key: PrivateKeyPem): Promise<Uint8Array> {
  const { KEYUTIL, RSAKey, pemtohex } = await loadJsrsasign();
  try {
    const rsaKey = KEYUTIL.getKey(key.pem);
    if (!(rsaKey instanceof RSAKey)) {
      throw new Error("not an RSA key");
    }
    return hexToBytes(pemtohex(KEYUTIL.getPEM(rsaKey, "PKCS8PRV")));
  } catch (cause) {
    throw malformed(cause);
  }
}

function malformed(cause: unknown): ConfigError {
  const reason = isErrorLike(cause) ? cause.message : String(cause);
  return new ConfigError(
    "private_key_malformed",
    `The private key could not be read (${reason}): the PEM block is damaged or not an RSA private key. ` +
      "Use the unencrypted RSA private key whose public half is on Jira's incoming application link.",
    { cause }
  );
}

function bytesToBase64(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) {
    binary += String.fromCharCode(byte);
  }
  return btoa(binary);
}

function hexToBytes(hex: string): Uint8Array {
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) {
    bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  }
  return bytes;
}
