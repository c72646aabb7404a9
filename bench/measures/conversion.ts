/**
 * Row 4: the email → wiki markup conversion of a 1 MB Outlook HTML email in Chromium: the
 * converter as the pane runs it (its lazy chunk, describeAsync) against plain turndown on the same
 * HTML, and the longest main-thread task while describeAsync runs (the pane must stay responsive).
 */
import type { Browser } from "playwright-core";
import { median } from "../table";
import type { BenchRow } from "../table";

/** The email's size (issue 10: a 1 MB Outlook HTML email). */
const EMAIL_BYTES = 1_000_000;

interface ConversionRun {
  ms: number;
  outputChars: number;
  longestTaskMs: number;
}

interface ConversionPageWindow {
  benchConversion: {
    prepare(targetBytes: number): Promise<number>;
    convert(): Promise<ConversionRun>;
    turndown(): Promise<ConversionRun>;
  };
}

/** Measures the conversion in `baseUrl`'s conversion.html, `runs` times each, interleaved. */
export async function measureConversion(
  browser: Browser,
  baseUrl: string,
  runs: number
): Promise<BenchRow[]> {
  const context = await browser.newContext({ ignoreHTTPSErrors: true });
  try {
    const page = await context.newPage();
    await page.goto(`${baseUrl}/conversion.html`);
    await page.waitForFunction("typeof window.benchConversion === 'object'");
    const bytes = await page.evaluate(
      (target) => (window as unknown as ConversionPageWindow).benchConversion.prepare(target),
      EMAIL_BYTES
    );
    const convert = () =>
      page.evaluate(() => (window as unknown as ConversionPageWindow).benchConversion.convert());
    const turndown = () =>
      page.evaluate(() => (window as unknown as ConversionPageWindow).benchConversion.turndown());
    // Warm-up: the chunk's code compiled and optimised, as in a pane that converted before.
    await convert();
    await turndown();
    const converter: ConversionRun[] = [];
    const plain: ConversionRun[] = [];
    for (let run = 0; run < runs; run++) {
      // Alternate the order, so neither side always runs right after the other's garbage.
      if (run % 2 === 0) {
        converter.push(await convert());
        plain.push(await turndown());
      } else {
        plain.push(await turndown());
        converter.push(await convert());
      }
    }
    const longest = median(converter.map((result) => result.longestTaskMs));
    const size = `${(bytes / 1_000_000).toFixed(2)} MB`;
    return [
      {
        measure: `4. email → wiki markup, ${size} Outlook HTML (vs plain turndown)`,
        runs,
        value: median(converter.map((result) => result.ms)),
        baseline: median(plain.map((result) => result.ms)),
        baselineName: "new TurndownService().turndown(html), same HTML",
        unit: "ms",
        budget: { on: "ratio", kind: "max", limit: 1.1, text: "≤ 1.1×" },
      },
      {
        measure: "4. longest main-thread task while converting",
        runs,
        value: longest,
        unit: "ms",
        budget: { on: "value", kind: "max", limit: 200, text: "≤ 200 ms" },
        ...(longest === 0 ? { note: "(none ≥ 50 ms)" } : {}),
      },
    ];
  } finally {
    await context.close();
  }
}
