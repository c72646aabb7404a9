/**
 * Row 1: the pane's first paint (bench/first-paint.ts) of a production build: gzip -9 JS and CSS
 * that taskpane.html loads by itself, office.js apart, the import() chunks and what the first
 * paint is made of listed under the table. Sizes don't vary between runs: measured once.
 */
import { areaOf, compositionOf, formatShares, rollUp } from "../bundle-composition";
import { FIRST_PAINT_GZIP_BUDGET, pageAssets, readFirstPaint, sizedFile } from "../first-paint";
import type { BenchRow } from "../table";
import { readFileSync } from "node:fs";
import path from "node:path";

/** The rows of the production build in `outDir`, and the bare page's of the bench build in `benchDir`. */
export function firstPaintRows(
  outDir: string,
  benchDir: string
): { rows: BenchRow[]; details: string[] } {
  const firstPaint = readFirstPaint(outDir);
  const bareAssets = pageAssets(readFileSync(path.join(benchDir, "bare.html"), "utf8"));
  const bareGzip = [...bareAssets.scripts, ...bareAssets.styles]
    .map((file) => sizedFile(benchDir, file).gzipBytes)
    .reduce((total, size) => total + size, 0);
  const rows: BenchRow[] = [
    {
      measure: "1. first-paint JS+CSS of the task pane, gzip -9",
      runs: 1,
      value: firstPaint.gzipBytes,
      baseline: bareGzip,
      baselineName: "bare React + FluentProvider page (JS+CSS)",
      unit: "bytes",
      budget: { on: "value", kind: "max", limit: FIRST_PAINT_GZIP_BUDGET, text: "≤ 186 KB" },
      note: `[${[...firstPaint.js, ...firstPaint.css].map((file) => file.file).join(", ")}]`,
    },
    {
      measure: "1. of which JS (for reading)",
      runs: 1,
      value: firstPaint.gzipJsBytes,
      unit: "bytes",
    },
    {
      measure: "1. of which CSS: Fluent's and the pane's styles (for reading)",
      runs: 1,
      value: firstPaint.gzipCssBytes,
      unit: "bytes",
    },
  ];
  if (firstPaint.officeJs) {
    rows.push({
      measure: "1. office.js (Microsoft's, reported apart), gzip -9",
      runs: 1,
      value: firstPaint.officeJs.gzipBytes,
      unit: "bytes",
    });
  }
  const details = [
    "Lazy chunks (import()), gzip -9, with their biggest parts:",
    ...firstPaint.lazy.map((file) => {
      const parts = compositionOf(outDir, [file.file]);
      const biggest = parts
        ? rollUp(parts, areaOf)
            .slice(0, 4)
            .map((part) => part.name)
            .join(", ")
        : "";
      return `  ${file.file} ${(file.gzipBytes / 1024).toFixed(1)} KB${biggest ? `: ${biggest}` : ""}`;
    }),
  ];
  const composition = compositionOf(
    outDir,
    firstPaint.js.map((file) => file.file)
  );
  if (composition) {
    details.push(
      "First paint by area (estimated gzip share, from the source map):",
      formatShares(rollUp(composition, areaOf), 20),
      "First paint, biggest modules:",
      formatShares(composition, 30)
    );
  }
  return { rows, details };
}
