/**
 * Bench page: the add-in's RSA-SHA1 signer (src/oauth/rsa-sha1.ts, as createOAuthSigner builds it
 * in the pane: WebCrypto when the page is a secure context) signing base strings, and, for
 * reference, WebCrypto's own `subtle.sign` with nothing around it (the platform's ceiling: what
 * any signer in this browser can reach). `npm run bench` compares both with node:crypto.
 */
import { readPrivateKeyPem } from "../../src/oauth/private-key-pem";
import { createRsaSha1Signer } from "../../src/oauth/rsa-sha1";

/** What one run gives back. */
export interface SigningRun {
  engine: string;
  /** Wall time of signing every text, ms. */
  ms: number;
  /** Every signature (base64), to check them against node:crypto's. */
  signatures: string[];
}

/** Who signs: the shipped signer, or `subtle.sign` alone on the same key. */
export type Signer = "shipped" | "raw-subtle";

const ALGORITHM = { name: "RSASSA-PKCS1-v1_5", hash: "SHA-1" } as const;

/**
 * Signs each of `texts` with `privateKeyPem` (PKCS#8): one after the other, as the pane signs its
 * requests, or all at once (`together`: several in flight, as when uploads and lookups overlap;
 * WebCrypto may then use several threads). The key is imported before the clock starts.
 */
async function signAll(
  privateKeyPem: string,
  texts: string[],
  together = false,
  signer: Signer = "shipped"
): Promise<SigningRun> {
  return signer === "shipped"
    ? signWithShipped(privateKeyPem, texts, together)
    : signWithRawSubtle(privateKeyPem, texts, together);
}

async function signWithShipped(
  privateKeyPem: string,
  texts: string[],
  together: boolean
): Promise<SigningRun> {
  const signer = await createRsaSha1Signer(
    readPrivateKeyPem(privateKeyPem),
    globalThis.crypto?.subtle ?? null
  );
  const started = performance.now();
  let signatures: string[] = [];
  if (together) {
    signatures = await Promise.all(texts.map((text) => signer.sign(text)));
  } else {
    for (const text of texts) signatures.push(await signer.sign(text));
  }
  return { engine: signer.engine, ms: performance.now() - started, signatures };
}

/**
 * `subtle.sign` alone: the texts encoded to bytes beforehand, the signatures left as ArrayBuffers
 * until the clock stops (base64 afterwards, only for the check).
 */
async function signWithRawSubtle(
  privateKeyPem: string,
  texts: string[],
  together: boolean
): Promise<SigningRun> {
  const { subtle } = globalThis.crypto;
  const key = await subtle.importKey(
    "pkcs8",
    readPrivateKeyPem(privateKeyPem).der as BufferSource,
    ALGORITHM,
    false,
    ["sign"]
  );
  const encoder = new TextEncoder();
  const data = texts.map((text) => encoder.encode(text));
  const started = performance.now();
  let raw: ArrayBuffer[] = [];
  if (together) {
    raw = await Promise.all(data.map((bytes) => subtle.sign(ALGORITHM, key, bytes)));
  } else {
    for (const bytes of data) raw.push(await subtle.sign(ALGORITHM, key, bytes));
  }
  const ms = performance.now() - started;
  return { engine: "webcrypto", ms, signatures: raw.map(base64Of) };
}

function base64Of(buffer: ArrayBuffer): string {
  let binary = "";
  for (const byte of new Uint8Array(buffer)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

(window as unknown as { benchSigning: typeof signAll }).benchSigning = signAll;
