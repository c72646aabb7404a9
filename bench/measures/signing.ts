/**
 * Row 3: RSA-SHA1 signing throughput of the add-in's signer in Chromium (WebCrypto through
 * src/oauth/rsa-sha1.ts) against node:crypto on the same 2048-bit key and the same base strings,
 * one signature after the other as the pane signs its requests.
 */
import { createPrivateKey, generateKeyPairSync, randomBytes, sign } from "node:crypto";
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
    together?: boolean
  ): Promise<{ engine: string; ms: number; signatures: string[] }>;
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
  const signInNode = (batch: readonly string[]) => {
    const started = performance.now();
    const signatures = batch.map((text) =>
      sign("sha1", Buffer.from(text), nodeKey).toString("base64")
    );
    return { ms: performance.now() - started, signatures };
  };

  const context = await browser.newContext({ ignoreHTTPSErrors: true });
  try {
    const page = await context.newPage();
    await page.goto(`${baseUrl}/signing.html`);
    await page.waitForFunction("typeof window.benchSigning === 'function'");
    const signInBrowser = (batch: string[], together = false) =>
      page.evaluate(
        ([pem, strings, all]) =>
          (window as unknown as SigningPageWindow).benchSigning(
            pem as string,
            strings as string[],
            all as boolean
          ),
        [privateKeyPem, batch, together] as const
      );
    // Warm-up (key import, JIT), and the check that both sides do the same work.
    const warmBrowser = await signInBrowser(texts.slice(0, 30));
    const warmNode = signInNode(texts.slice(0, 30));
    if (warmBrowser.engine !== "webcrypto") {
      throw new Error(`The pane's signer used ${warmBrowser.engine}, not WebCrypto, in Chromium.`);
    }
    if (warmBrowser.signatures.join() !== warmNode.signatures.join()) {
      throw new Error(
        "The browser's signatures differ from node:crypto's on the same key and text."
      );
    }
    const browserRates: number[] = [];
    const togetherRates: number[] = [];
    const nodeRates: number[] = [];
    for (let run = 0; run < runs; run++) {
      const inBrowser = await signInBrowser(texts);
      browserRates.push(texts.length / (inBrowser.ms / 1000));
      nodeRates.push(texts.length / (signInNode(texts).ms / 1000));
      const allAtOnce = await signInBrowser(texts, true);
      togetherRates.push(texts.length / (allAtOnce.ms / 1000));
    }
    const rows: BenchRow[] = [];
    rows.push({
      measure: "3. RSA-SHA1 signing, shipped signer in Chromium (vs node:crypto)",
      runs,
      value: median(browserRates),
      baseline: median(nodeRates),
      baselineName: "node:crypto sign, same key and strings",
      unit: "per-second",
      budget: { on: "ratio", kind: "min", limit: 0.5, text: "≥ 0.5×" },
      note: `[${texts.length} × ${averageLength} B, one after the other]`,
    });
    rows.push({
      measure: "3. RSA-SHA1 signing in Chromium, all requests at once (for reading)",
      runs,
      value: median(togetherRates),
      baseline: median(nodeRates),
      unit: "per-second",
    });
    return rows;
  } finally {
    await context.close();
  }
}
