/**
 * Row 3: RSA-SHA1 signing throughput of the add-in's signer in Chromium (WebCrypto through
 * src/oauth/rsa-sha1.ts) against node:crypto on the same 2048-bit key and the same base strings,
 * one signature after the other as the pane signs its requests. For reading beside it: WebCrypto's
 * `subtle.sign` alone (the ceiling of any signer in this browser), and both with every signature
 * in flight at once against node:crypto's asynchronous `sign` (libuv's thread pool) the same way.
 */
import { createPrivateKey, generateKeyPairSync, randomBytes, sign } from "node:crypto";
import type { KeyObject } from "node:crypto";
import type { Browser } from "playwright-core";
import { signatureBaseString } from "../../src/oauth/signature-base-string";
import { median } from "../table";
import type { BenchRow } from "../table";

/** Signatures per timed run. */
const SIGNATURES_PER_RUN = 300;

interface SigningPageWindow {
  benchSigning(
    privateKeyPem: string,
    texts: string[],
    together: boolean,
    signer: "shipped" | "raw-subtle"
  ): Promise<{ engine: string; ms: number; signatures: string[] }>;
}

interface TimedSignatures {
  ms: number;
  signatures: string[];
}

/** node:crypto, one `sign` after the other (synchronous, on the main thread). */
function signInNode(key: KeyObject, batch: readonly string[]): TimedSignatures {
  const started = performance.now();
  const signatures = batch.map((text) => sign("sha1", Buffer.from(text), key).toString("base64"));
  return { ms: performance.now() - started, signatures };
}

/**
 * node:crypto with every signature in flight at once: `sign` with a callback runs on libuv's
 * thread pool (UV_THREADPOOL_SIZE, 4 threads unless set), as a busy Node server signs.
 */
async function signInNodeTogether(
  key: KeyObject,
  batch: readonly string[]
): Promise<TimedSignatures> {
  const started = performance.now();
  const signatures = await Promise.all(
    batch.map(
      (text) =>
        new Promise<string>((resolve, reject) =>
          sign("sha1", Buffer.from(text), key, (error, signature) =>
            error ? reject(error) : resolve(signature.toString("base64"))
          )
        )
    )
  );
  return { ms: performance.now() - started, signatures };
}

/** Base strings like the pane's (a JQL search, a 3-legged token), about 400 bytes each. */
export function sampleBaseStrings(count: number): string[] {
  const token = randomBytes(16).toString("hex");
  return Array.from({ length: count }, (_, index) =>
    signatureBaseString(
      {
        method: "GET",
        url:
          "https://jira.contoso.example/rest/api/2/search?jql=" +
          encodeURIComponent(`project = SUP AND text ~ "vpn drops ${index}"`) +
          "&maxResults=20",
      },
      {
        oauth_consumer_key: "jira-for-outlook",
        oauth_nonce: randomBytes(16).toString("hex"),
        oauth_signature_method: "RSA-SHA1",
        oauth_timestamp: String(1_717_750_000 + index),
        oauth_token: token,
        oauth_version: "1.0",
      }
    )
  );
}

/** Measures signing in `baseUrl`'s signing.html against node:crypto, `runs` times. */
export async function measureSigning(
  browser: Browser,
  baseUrl: string,
  runs: number
): Promise<BenchRow[]> {
  const { privateKey: privateKeyPem } = generateKeyPairSync("rsa", {
    modulusLength: 2048,
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
    publicKeyEncoding: { type: "spki", format: "pem" },
  });
  const nodeKey = createPrivateKey(privateKeyPem);
  const texts = sampleBaseStrings(SIGNATURES_PER_RUN);
  const averageLength = Math.round(
    texts.reduce((total, text) => total + text.length, 0) / texts.length
  );
  const context = await browser.newContext({ ignoreHTTPSErrors: true });
  try {
    const page = await context.newPage();
    await page.goto(`${baseUrl}/signing.html`);
    await page.waitForFunction("typeof window.benchSigning === 'function'");
    const signInBrowser = (
      batch: string[],
      together: boolean,
      signer: "shipped" | "raw-subtle" = "shipped"
    ) =>
      page.evaluate(
        ([pem, strings, all, who]) =>
          (window as unknown as SigningPageWindow).benchSigning(
            pem as string,
            strings as string[],
            all as boolean,
            who as "shipped" | "raw-subtle"
          ),
        [privateKeyPem, batch, together, signer] as const
      );
    // Warm-up (key import, JIT, thread pools), and the check that every way does the same work.
    const warm = texts.slice(0, 30);
    const expected = signInNode(nodeKey, warm).signatures.join();
    const warmShipped = await signInBrowser(warm, false);
    if (warmShipped.engine !== "webcrypto") {
      throw new Error(`The pane's signer used ${warmShipped.engine}, not WebCrypto, in Chromium.`);
    }
    const warmed = [
      warmShipped,
      await signInBrowser(warm, false, "raw-subtle"),
      await signInBrowser(warm, true),
      await signInBrowser(warm, true, "raw-subtle"),
      await signInNodeTogether(nodeKey, warm),
    ];
    if (warmed.some((run) => run.signatures.join() !== expected)) {
      throw new Error(
        "The browser's signatures differ from node:crypto's on the same key and text."
      );
    }
    const rate = (run: TimedSignatures) => texts.length / (run.ms / 1000);
    const rates = {
      shipped: [] as number[],
      raw: [] as number[],
      node: [] as number[],
      shippedTogether: [] as number[],
      rawTogether: [] as number[],
      nodeTogether: [] as number[],
    };
    // Each run measures every way once, Node in between, the shipped signer and subtle.sign
    // taking turns to go first: a busy machine moves them all alike.
    for (let run = 0; run < runs; run++) {
      const shippedFirst = run % 2 === 0;
      const oneByOne = async (signer: "shipped" | "raw-subtle") =>
        (signer === "shipped" ? rates.shipped : rates.raw).push(
          rate(await signInBrowser(texts, false, signer))
        );
      const allAtOnce = async (signer: "shipped" | "raw-subtle") =>
        (signer === "shipped" ? rates.shippedTogether : rates.rawTogether).push(
          rate(await signInBrowser(texts, true, signer))
        );
      await oneByOne(shippedFirst ? "shipped" : "raw-subtle");
      rates.node.push(rate(signInNode(nodeKey, texts)));
      await oneByOne(shippedFirst ? "raw-subtle" : "shipped");
      await allAtOnce(shippedFirst ? "shipped" : "raw-subtle");
      rates.nodeTogether.push(rate(await signInNodeTogether(nodeKey, texts)));
      await allAtOnce(shippedFirst ? "raw-subtle" : "shipped");
    }
    const rows: BenchRow[] = [];
    rows.push({
      measure: "3. RSA-SHA1 signing, shipped signer in Chromium (vs node:crypto)",
      runs,
      value: median(rates.shipped),
      baseline: median(rates.node),
      baselineName: "node:crypto sign, same key and strings",
      unit: "per-second",
      budget: { on: "ratio", kind: "min", limit: 0.5, text: "≥ 0.5×" },
      note: `[${texts.length} × ${averageLength} B, one after the other]`,
    });
    rows.push({
      measure:
        "3. RSA-SHA1 signing, raw WebCrypto subtle.sign (the browser's ceiling, for reading)",
      runs,
      value: median(rates.raw),
      baseline: median(rates.node),
      unit: "per-second",
      note: "[same key and strings, nothing else per signature]",
    });
    rows.push({
      measure:
        "3. RSA-SHA1 signing, shipped signer, all at once (vs node:crypto async, all at once)",
      runs,
      value: median(rates.shippedTogether),
      baseline: median(rates.nodeTogether),
      unit: "per-second",
      note: `[node:crypto one after the other: ${Math.round(median(rates.node))}/s]`,
    });
    rows.push({
      measure:
        "3. RSA-SHA1 signing, raw subtle.sign, all at once (vs node:crypto async, all at once)",
      runs,
      value: median(rates.rawTogether),
      baseline: median(rates.nodeTogether),
      unit: "per-second",
    });
    return rows;
  } finally {
    await context.close();
  }
}
