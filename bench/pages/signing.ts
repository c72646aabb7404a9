/**
 * Bench page: the add-in's RSA-SHA1 signer (src/oauth/rsa-sha1.ts, as createOAuthSigner builds it
 * in the pane: WebCrypto when the page is a secure context) signing base strings one after the
 * other, as the pane signs its requests. `npm run bench` compares it with node:crypto.
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

/**
 * Signs each of `texts` with `privateKeyPem` (PKCS#8): one after the other, as the pane signs its
 * requests, or all at once (`together`: WebCrypto may then use several threads).
 */
async function signAll(
  privateKeyPem: string,
  texts: string[],
  together = false
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

(window as unknown as { benchSigning: typeof signAll }).benchSigning = signAll;
