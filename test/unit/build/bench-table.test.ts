/** The bench's table (bench/table.ts) and module names of the first-paint breakdown. */
import { areaOf, moduleName, rollUp } from "../../../bench/bundle-composition";
import { formatTable, median, withinBudget } from "../../../bench/table";
import type { BenchRow } from "../../../bench/table";

describe("median", () => {
  it("is the middle value, or the mean of the middle two", () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it("refuses no values", () => {
    expect(() => median([])).toThrow(RangeError);
  });
});

describe("withinBudget", () => {
  const row: BenchRow = { measure: "2. x", runs: 5, value: 300, baseline: 100, unit: "ms" };

  it("checks a ratio budget against value ÷ baseline", () => {
    const budget = { on: "ratio", kind: "max", limit: 1.5, text: "≤ 1.5×" } as const;
    expect(withinBudget({ ...row, budget })).toBe(false);
    expect(withinBudget({ ...row, value: 150, budget })).toBe(true);
  });

  it("checks a minimum on the value", () => {
    const budget = { on: "value", kind: "min", limit: 0.5, text: "≥ 0.5" } as const;
    expect(withinBudget({ ...row, value: 0.4, budget })).toBe(false);
  });

  it("has no verdict for a row without a budget", () => {
    expect(withinBudget(row)).toBeUndefined();
  });
});

describe("formatTable", () => {
  it("aligns one row per measure with its ratio and verdict", () => {
    const table = formatTable([
      {
        measure: "1. first paint",
        runs: 1,
        value: 200 * 1024,
        unit: "bytes",
        budget: { on: "value", kind: "max", limit: 186 * 1024, text: "≤ 186 KB" },
      },
      {
        measure: "2. pane",
        runs: 5,
        value: 150,
        baseline: 100,
        unit: "ms",
        budget: { on: "ratio", kind: "max", limit: 1.5, text: "≤ 1.5×" },
      },
    ]);
    expect(table.split("\n")).toEqual([
      "| measure        | median (runs) | baseline | ratio | budget   | result |",
      "| -------------- | ------------- | -------- | ----- | -------- | ------ |",
      "| 1. first paint | 200.0 KB (1)  |          |       | ≤ 186 KB | OVER   |",
      "| 2. pane        | 150 ms (5)    | 100 ms   | 1.50× | ≤ 1.5×   | OK     |",
    ]);
  });
});

describe("moduleName", () => {
  it("names npm packages, scoped or not, by their innermost node_modules folder", () => {
    expect(moduleName("webpack://jira-for-outlook/./node_modules/react-dom/cjs/x.js")).toBe(
      "react-dom"
    );
    expect(
      moduleName("webpack://jira-for-outlook/./node_modules/@fluentui/react-tabs/lib/index.js")
    ).toBe("@fluentui/react-tabs");
    expect(
      moduleName("webpack://jira-for-outlook/./node_modules/a/node_modules/@b/c/index.js")
    ).toBe("@b/c");
  });

  it("names our files by their path, and webpack's runtime as such", () => {
    expect(moduleName("webpack://jira-for-outlook/./src/ui/App.tsx")).toBe("src/ui/App.tsx");
    expect(moduleName("webpack://jira-for-outlook/webpack/runtime/load script")).toBe(
      "(webpack runtime)"
    );
  });
});

describe("rollUp by area", () => {
  it("puts every Fluent package together and our files by folder", () => {
    const shares = [
      { name: "@fluentui/react-button", minifiedBytes: 10, gzipBytes: 4 },
      { name: "@griffel/core", minifiedBytes: 5, gzipBytes: 2 },
      { name: "src/ui/new-issue/components/NewIssueForm.tsx", minifiedBytes: 3, gzipBytes: 1 },
      { name: "src/ui/new-issue/delivery.ts", minifiedBytes: 3, gzipBytes: 1 },
    ];
    expect(rollUp(shares, areaOf)).toEqual([
      { name: "Fluent UI (@fluentui/*, @griffel/*)", minifiedBytes: 15, gzipBytes: 6 },
      { name: "src/ui/new-issue", minifiedBytes: 6, gzipBytes: 2 },
    ]);
  });
});
