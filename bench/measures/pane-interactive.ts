/**
 * Row 2: navigation → pane interactive, in headless Chromium against the built-in simulator, next
 * to the bare React + FluentProvider page (bench/pages/bare.tsx, same webpack rules), without and
 * with the CPU throttled 4× (DevTools protocol, Emulation.setCPUThrottlingRate).
 *
 * "Pane interactive": for a signed-in user with an email selected, the account bar and the New
 * issue form's first control (the Project picker) are in the DOM and enabled. Timed from the
 * pane document's navigation start (its own clock), with the HTTP cache disabled, so every run
 * fetches the bundles again as a first visit does. The pane is reloaded inside the preview (the
 * Outlook stand-in lives in the page around it); the bare page is reloaded on its own. Both are
 * loaded once before the timed runs, so the TLS connection is up for both.
 */
import type { Browser, CDPSession, Page } from "playwright-core";
import {
  newBenchContext,
  paneFrame,
  readPageProbe,
  readPaneProbe,
  reloadPaneFrame,
  waitForMark,
  waitForQuiet,
} from "../preview-driver";
import { median } from "../table";
import type { BenchRow } from "../table";

/** Measures the pane against the bare page, `runs` times each, at CPU slowdown `cpuRate`. */
export async function measurePaneInteractive(
  browser: Browser,
  baseUrl: string,
  roamingSettings: string,
  runs: number,
  cpuRate: 1 | 4
): Promise<BenchRow[]> {
  const paneContext = await newBenchContext(browser, { baseUrl, roamingSettings });
  const bareContext = await newBenchContext(browser, { baseUrl });
  try {
    const panePage = await paneContext.newPage();
    await panePage.goto(`${baseUrl}/preview.html`);
    let pane = await waitForMark(() => readPaneProbe(panePage), "interactive", undefined);
    const bareUrl = `${baseUrl}/bare.html`;
    const barePage = await bareContext.newPage();
    await barePage.goto(bareUrl);
    let bare = await waitForMark(() => readPageProbe(barePage), "interactive", undefined);
    await Promise.all([coldAndThrottled(panePage, cpuRate), coldAndThrottled(barePage, cpuRate)]);

    const paneTimes: number[] = [];
    const accountBarTimes: number[] = [];
    const formShownTimes: number[] = [];
    const formCompleteTimes: number[] = [];
    const bareTimes: number[] = [];
    for (let run = 0; run < runs; run++) {
      await reloadPaneFrame(panePage);
      // The whole form comes after "interactive" (in a render of its own): wait for both.
      pane = await waitForMark(() => readPaneProbe(panePage), "formComplete", pane.timeOrigin);
      paneTimes.push(pane.marks.interactive as number);
      accountBarTimes.push(pane.marks.accountBar as number);
      formShownTimes.push(pane.marks.formShown as number);
      formCompleteTimes.push(pane.marks.formComplete as number);
      await waitForQuiet(await paneFrame(panePage));
      await barePage.reload();
      bare = await waitForMark(() => readPageProbe(barePage), "interactive", bare.timeOrigin);
      bareTimes.push(bare.marks.interactive as number);
      await waitForQuiet(barePage);
    }
    const throttled = cpuRate === 1 ? "" : `, CPU ${cpuRate}× slower`;
    return [
      {
        measure: `2. navigation → pane interactive${throttled} (vs bare React+Fluent page)`,
        runs,
        value: median(paneTimes),
        baseline: median(bareTimes),
        baselineName: "bare.html: React + FluentProvider + one Text",
        unit: "ms",
        budget: { on: "ratio", kind: "max", limit: 1.5, text: "≤ 1.5×" },
      },
      {
        measure: `2. navigation → account bar shown${throttled} (for reading)`,
        runs,
        value: median(accountBarTimes),
        baseline: median(bareTimes),
        unit: "ms",
      },
      {
        measure: `2. navigation → New issue form in the DOM${throttled} (for reading)`,
        runs,
        value: median(formShownTimes),
        baseline: median(bareTimes),
        unit: "ms",
      },
      {
        measure: `2. navigation → whole New issue form in the DOM${throttled} (for reading)`,
        runs,
        value: median(formCompleteTimes),
        baseline: median(bareTimes),
        unit: "ms",
      },
    ];
  } finally {
    await paneContext.close();
    await bareContext.close();
  }
}

/** Disables the HTTP cache and sets the CPU slowdown for `page` (and its same-origin frames). */
async function coldAndThrottled(page: Page, cpuRate: number): Promise<CDPSession> {
  const session = await page.context().newCDPSession(page);
  await session.send("Network.enable");
  await session.send("Network.setCacheDisabled", { cacheDisabled: true });
  await session.send("Emulation.setCPUThrottlingRate", { rate: cpuRate });
  return session;
}
