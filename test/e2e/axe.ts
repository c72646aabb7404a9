/**
 * axe-core run inside a page or frame of the preview: the serious and critical accessibility
 * violations it finds, one line each (empty when there are none), naming the first elements and
 * what axe found wrong there (e.g. the colours and their contrast ratio).
 *
 * Tabster's focus guards (`<i data-tabster-dummy tabindex="0" aria-hidden="true">`, which Fluent's
 * TabList puts around its tabs) are left out: they are focusable and hidden on purpose, handing
 * focus on at once, so axe's aria-hidden-focus is a known false positive there
 * (https://github.com/microsoft/tabster/issues/288, Fluent: "By Design",
 * https://github.com/microsoft/fluentui/issues/27517).
 */
import { readFileSync } from "node:fs";
import type { Frame } from "playwright-core";

const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

/**
 * Runs axe in `frame`. `skipRules` leaves rules out, for a page state in which a rule can't judge
 * (say why where it is used).
 */
export async function seriousAxeViolations(
  frame: Frame,
  { skipRules = [] }: { skipRules?: readonly string[] } = {}
): Promise<string[]> {
  // A colour in mid-transition (a button coming back from busy) is no colour anyone reads: let
  // finite animations and transitions end first (spinners run forever and are left alone).
  await frame.evaluate(() =>
    Promise.race([
      Promise.all(
        document
          .getAnimations()
          .filter((animation) => animation.effect?.getComputedTiming().endTime !== Infinity)
          .map((animation) => animation.finished.catch(() => undefined))
      ),
      new Promise((resolve) => setTimeout(resolve, 2_000)),
    ])
  );
  await frame.evaluate(axeSource);
  const violations = await frame.evaluate(async (skipped) => {
    const results = await (
      window as unknown as {
        axe: {
          run: (
            context: { exclude: string[][] },
            options: { rules: Record<string, { enabled: boolean }> }
          ) => Promise<{
            violations: Array<{
              id: string;
              impact: string;
              help: string;
              nodes: Array<{ target: unknown[]; any: Array<{ message: string }> }>;
            }>;
          }>;
        };
      }
    ).axe.run(
      { exclude: [["[data-tabster-dummy]"]] },
      { rules: Object.fromEntries(skipped.map((rule) => [rule, { enabled: false }])) }
    );
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      count: v.nodes.length,
      where: v.nodes
        .slice(0, 3)
        .map((node) => `${node.target.join(" ")}: ${node.any[0]?.message ?? ""}`.trim()),
    }));
  }, skipRules);
  return violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}, ${violation.count}×): ${violation.help}` +
        violation.where.map((where) => `\n    at ${where}`).join("")
    );
}
