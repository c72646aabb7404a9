/**
 * The bench's one table: a row per measure with its median over the runs, the baseline measured in
 * the same run (when there is one), their ratio, the budget and whether the median keeps it.
 */

/** A budget on a row's value or on its ratio to the baseline. */
export interface Budget {
  /** What the budget limits. */
  on: "value" | "ratio";
  /** `max`: at most `limit`; `min`: at least `limit`. */
  kind: "max" | "min";
  limit: number;
  /** How the budget reads in the table ("≤ 186 KB", "≤ 1.5×"). */
  text: string;
}

/** One measure. */
export interface BenchRow {
  measure: string;
  /** How many runs the median is of. */
  runs: number;
  /** The median (or the one value of a deterministic measure). */
  value: number;
  /** How `value` and `baseline` are shown. */
  unit: "bytes" | "ms" | "count" | "per-second" | "ratio";
  /** The baseline's median, measured in the same run. */
  baseline?: number;
  /** What the baseline is (shown in the table's notes). */
  baselineName?: string;
  budget?: Budget;
  /** Shown after the value, e.g. which requests were made. */
  note?: string;
}

/** The median of `values` (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError("The median of no values is undefined.");
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** `value ÷ baseline` of a row, when it has a baseline. */
export function ratioOf(row: BenchRow): number | undefined {
  return row.baseline === undefined || row.baseline === 0 ? undefined : row.value / row.baseline;
}

/** Whether the row keeps its budget; undefined for a row without one. */
export function withinBudget(row: BenchRow): boolean | undefined {
  const { budget } = row;
  if (!budget) return undefined;
  const measured = budget.on === "value" ? row.value : ratioOf(row);
  if (measured === undefined) return false;
  return budget.kind === "max" ? measured <= budget.limit : measured >= budget.limit;
}

/** A value in the row's unit, as the table shows it. */
export function formatValue(value: number, unit: BenchRow["unit"]): string {
  switch (unit) {
    case "bytes":
      return `${(value / 1024).toFixed(1)} KB`;
    case "ms":
      return value >= 100 ? `${Math.round(value)} ms` : `${value.toFixed(1)} ms`;
    case "count":
      return Number.isInteger(value) ? String(value) : value.toFixed(1);
    case "per-second":
      return `${Math.round(value)}/s`;
    case "ratio":
      return `${value.toFixed(2)}×`;
  }
}

/** The rows as an aligned Markdown table. */
export function formatTable(rows: readonly BenchRow[]): string {
  const header = ["measure", "median (runs)", "baseline", "ratio", "budget", "result"];
  const body = rows.map((row) => {
    const ratio = ratioOf(row);
    const ok = withinBudget(row);
    return [
      row.measure,
      `${formatValue(row.value, row.unit)} (${row.runs})${row.note ? ` ${row.note}` : ""}`,
      row.baseline === undefined ? "" : formatValue(row.baseline, row.unit),
      ratio === undefined ? "" : `${ratio.toFixed(2)}×`,
      row.budget?.text ?? "",
      ok === undefined ? "" : ok ? "OK" : "OVER",
    ];
  });
  const widths = header.map((title, column) =>
    Math.max(title.length, ...body.map((cells) => (cells[column] ?? "").length))
  );
  const line = (cells: readonly string[]) =>
    `| ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(" | ")} |`;
  return [
    line(header),
    line(widths.map((width) => "-".repeat(width))),
    ...body.map((cells) => line(cells)),
  ].join("\n");
}
