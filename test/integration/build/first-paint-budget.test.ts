/**
 * The task pane's first paint stays within its size budget (issue 10): the JS and CSS taskpane.html
 * loads by itself, gzip -9, at most 186 KB together; office.js is not counted. A size check on a real production
 * build (made into a temporary folder, never dist/), never a timing. When it fails, the message
 * lists what the first paint is made of, biggest first: those are the candidates for import().
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { areaOf, compositionOf, formatShares, rollUp } from "../../../bench/bundle-composition";
import { buildAddin } from "../../../bench/build";
import { FIRST_PAINT_GZIP_BUDGET, readFirstPaint } from "../../../bench/first-paint";
import type { FirstPaint } from "../../../bench/first-paint";

// A production build takes about 20 s on a quiet 2-core machine, and several times that when
// other builds run beside it.
jest.setTimeout(240_000);

let outDir: string;
let firstPaint: FirstPaint;

beforeAll(async () => {
  outDir = mkdtempSync(path.join(tmpdir(), "first-paint-"));
  await buildAddin({ outputPath: outDir });
  firstPaint = readFirstPaint(outDir);
});
afterAll(() => {
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

describe("the task pane's first paint", () => {
  it("is office.js and the pane's entry bundle, with the email converter left to import()", () => {
    expect(firstPaint.officeJs?.file).toBe("office-js/office.js");
    expect(firstPaint.js.map((file) => file.file)).toContainEqual(
      expect.stringMatching(/^taskpane\.[0-9a-f]{8}\.js$/)
    );
    // The email converter is an import() chunk (src/mail/load-email-converter.ts).
    expect(firstPaint.lazy.map((file) => file.file)).toContainEqual(
      expect.stringMatching(/^email-converter\.[0-9a-f]{8}\.js$/)
    );
  });

  it("has Fluent's styles in one CSS file, not inserted rule by rule from the JS", () => {
    expect(firstPaint.css.map((file) => file.file)).toEqual([
      expect.stringMatching(/^griffel\.[0-9a-f]{8}\.css$/),
    ]);
    // The pane's own makeStyles and Fluent's components both ended up there.
    const css = readFileSync(path.join(outDir, firstPaint.css[0]!.file), "utf8");
    expect(css.length).toBeGreaterThan(50_000);
  });

  it(`is at most ${FIRST_PAINT_GZIP_BUDGET / 1024} KB of gzipped JS and CSS`, () => {
    if (firstPaint.gzipBytes > FIRST_PAINT_GZIP_BUDGET) {
      throw new Error(overBudgetReport(outDir, firstPaint));
    }
    expect(firstPaint.gzipBytes).toBeLessThanOrEqual(FIRST_PAINT_GZIP_BUDGET);
  });
});

function overBudgetReport(outDir: string, firstPaint: FirstPaint): string {
  const over = firstPaint.gzipBytes - FIRST_PAINT_GZIP_BUDGET;
  const lines = [
    `The task pane's first paint is ${firstPaint.gzipBytes} B of gzipped JS and CSS (${[
      ...firstPaint.js,
      ...firstPaint.css,
    ]
      .map((file) => `${file.file} ${file.gzipBytes} B`)
      .join(", ")}), ${over} B over its budget of ${FIRST_PAINT_GZIP_BUDGET} B (186 KB).`,
    "Load views and libraries the first screen doesn't need with import() (see docs/performance.md).",
  ];
  const composition = compositionOf(
    outDir,
    firstPaint.js.map((file) => file.file)
  );
  if (composition) {
    lines.push(
      "",
      "By area (estimated gzip share):",
      formatShares(rollUp(composition, areaOf), 15),
      "",
      "Biggest modules:",
      formatShares(composition, 25)
    );
  }
  return lines.join("\n");
}
