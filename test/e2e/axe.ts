/**
 * axe-core run inside a page or frame of the preview: the serious and critical accessibility
 * violations it finds, one line each (empty when there are none).
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

export async function seriousAxeViolations(frame: Frame): Promise<string[]> {
  await frame.evaluate(axeSource);
  const violations = await frame.evaluate(async () => {
    const results = await (
      window as unknown as {
        axe: {
          run: (context: { exclude: string[][] }) => Promise<{
            violations: Array<{ id: string; impact: string; help: string; nodes: unknown[] }>;
          }>;
        };
      }
    ).axe.run({ exclude: [["[data-tabster-dummy]"]] });
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      count: v.nodes.length,
    }));
  });
  return violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map(
      (violation) => `${violation.id} (${violation.impact}, ${violation.count}×): ${violation.help}`
    );
}
