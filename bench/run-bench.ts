/**
 * `npm run bench`: builds the add-in (production, into temporary folders), starts the real add-in
 * server with its built-in Jira simulator, drives headless Chromium, and prints one table of the
 * performance budgets of issue 10 (docs/performance.md says what each row means). Informational:
 * the exit code is 0 even when a row is over budget, unless --strict.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import path from "node:path";
import { Command, InvalidArgumentError } from "commander";
import { launchBrowser } from "../test/e2e/browser";
import { startAddinServer } from "./addin-server";
import { buildAddin } from "./build";
import { measureConversion } from "./measures/conversion";
import { firstPaintRows } from "./measures/first-paint-size";
import { measureJiraFlow } from "./measures/jira-flow";
import { measurePaneInteractive } from "./measures/pane-interactive";
import { measureSigning } from "./measures/signing";
import { prepareSignedInUser } from "./signed-in-user";
import { formatTable, withinBudget } from "./table";
import type { BenchRow } from "./table";

interface BenchOptions {
  runs: number;
  strict: boolean;
  only: Set<number>;
}

const ALL_ITEMS = [1, 2, 3, 4, 5];

function readOptions(argv: string[]): BenchOptions {
  const program = new Command()
    .name("npm run bench --")
    .description("Measures the add-in against its performance budgets (docs/performance.md).")
    .option("--runs <n>", "runs per measure (the table shows medians)", positiveInteger)
    .option("--quick", "3 runs per measure instead of 5")
    .option("--strict", "exit with code 1 when a row is over its budget")
    .option("--only <items>", "only these rows, e.g. 1,3 (1 sizes … 5 Jira flow)", itemList)
    .parse(argv);
  const options = program.opts<{
    runs?: number;
    quick?: boolean;
    strict?: boolean;
    only?: number[];
  }>();
  return {
    runs: options.runs ?? (options.quick ? 3 : 5),
    strict: options.strict ?? false,
    only: new Set(options.only ?? ALL_ITEMS),
  };
}

function positiveInteger(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) {
    throw new InvalidArgumentError("Give a whole number of runs, 1 or more.");
  }
  return number;
}

function itemList(value: string): number[] {
  const items = value.split(",").map((item) => Number(item.trim()));
  if (items.some((item) => !ALL_ITEMS.includes(item))) {
    throw new InvalidArgumentError(`Give row numbers among ${ALL_ITEMS.join(", ")}, e.g. 1,3.`);
  }
  return items;
}

function progress(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}

async function main(): Promise<void> {
  const options = readOptions(process.argv);
  const { runs, only } = options;
  const workDir = mkdtempSync(path.join(tmpdir(), "jira-for-outlook-bench-"));
  const productionDir = path.join(workDir, "production");
  const benchDir = path.join(workDir, "bench");
  const rows: BenchRow[] = [];
  const details: string[] = [];
  const started = Date.now();
  let chromiumVersion = "";
  try {
    progress("building the add-in (production) and the bench pages…");
    if (only.has(1)) await buildAddin({ outputPath: productionDir });
    await buildAddin({ outputPath: benchDir, config: "bench/webpack.bench.config.js" });
    if (only.has(1)) {
      const sizes = firstPaintRows(productionDir, benchDir);
      rows.push(...sizes.rows);
      details.push(...sizes.details);
    }
    if ([2, 3, 4, 5].some((item) => only.has(item))) {
      progress("starting the add-in server and Chromium…");
      const server = await startAddinServer(benchDir);
      const browser = await launchBrowser();
      chromiumVersion = browser.version();
      try {
        if (only.has(2) || only.has(5)) {
          progress("signing in and creating a first issue…");
          const roamingSettings = await prepareSignedInUser(browser, server.baseUrl);
          if (only.has(2)) {
            for (const cpuRate of [1, 4] as const) {
              progress(`pane interactive, CPU ${cpuRate}×…`);
              rows.push(
                ...(await measurePaneInteractive(
                  browser,
                  server.baseUrl,
                  roamingSettings,
                  runs,
                  cpuRate
                ))
              );
            }
          }
          if (only.has(5)) {
            progress("Jira requests, ready form and a 5 MB upload…");
            const flow = await measureJiraFlow(browser, {
              baseUrl: server.baseUrl,
              simulatorUrl: server.simulatorUrl,
              roamingSettings,
              runs,
            });
            rows.push(...flow.rows);
            details.push(...flow.details);
          }
        }
        if (only.has(3)) {
          progress("signing throughput…");
          rows.push(...(await measureSigning(browser, server.baseUrl, runs)));
        }
        if (only.has(4)) {
          progress("email conversion…");
          rows.push(...(await measureConversion(browser, server.baseUrl, runs)));
        }
      } finally {
        await browser.close();
        await server.stop();
      }
    }
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
  // By item number (1. … 5.), each item's rows in the order measured (Array.sort is stable).
  rows.sort((a, b) => parseInt(a.measure, 10) - parseInt(b.measure, 10));
  const cpu = cpus();
  console.log(formatTable(rows));
  const baselines = new Set(
    rows.flatMap((row) =>
      row.baselineName ? [`${parseInt(row.measure, 10)}. ${row.baselineName}`] : []
    )
  );
  console.log(`Baselines: ${[...baselines].join("; ")}.`);
  console.log("");
  for (const line of details) console.log(line);
  console.log("");
  console.log(
    `Machine: ${cpu.length} × ${cpu[0]?.model.trim() ?? "unknown CPU"}; Node ${process.version}; ` +
      `Chromium ${chromiumVersion || "not started"}; ${new Date().toISOString()}; ` +
      `${runs} runs; ${Math.round((Date.now() - started) / 1000)} s.`
  );
  const over = rows.filter((row) => withinBudget(row) === false);
  if (over.length > 0) {
    console.log(`Over budget: ${over.map((row) => row.measure).join("; ")}.`);
    if (options.strict) process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  if (error instanceof Error && error.cause !== undefined) console.error("Cause:", error.cause);
  process.exitCode = 2;
});
