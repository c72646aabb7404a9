/**
 * The pane at its narrowest (issue 9): 320 CSS pixels wide, the width Outlook's pane can be
 * narrowed to, and the same at 200% zoom (a 640 px pane at zoom 200% is 320 CSS px wide and half
 * as tall; Chromium draws it at device scale factor 2). In every view: no horizontal scrolling of
 * the pane, nothing sticking out to the right, long file names and summaries wrap, and Tab reaches
 * every control, each shown whole.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, BrowserContext, Frame, Locator, Page } from "playwright-core";
import { launchBrowser } from "./browser";
import { readE2eState } from "./e2e-state";
import { focusedStop } from "./keyboard-helpers";
import {
  addCommentButton,
  commentAddedAndSettled,
  createAndWaitForSteps,
  createButton,
  expectChosenIssue,
  fillNewIssue,
  openAddToIssue,
  signIn,
  simulator,
  summaryBox,
  typeInFinder,
  waitUntilReadyToComment,
} from "./pane-helpers";
import { openEmlFile, paneFrame } from "./preview-page";

jest.setTimeout(120_000);

const { baseUrl } = readE2eState();

const LONG_FILE_NAME =
  "Quarterly-financial-report-for-the-northern-region-including-all-appendices-and-corrections-v17-FINAL.pdf";
const LONG_SUBJECT =
  "Escalation: the nightly synchronisation between the customer relationship management system and the enterprise resource planning system fails again";
const LONG_URL =
  "https://portal.fabrikam.example/a/very/long/path/that/does/not/break/anywhere/at/all/because/it/is/one/url";

/** An email with a long subject, a long unbroken URL and an attachment with a long name. */
function writeLongNamesEml(): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "narrow-pane-")), "long-names.eml");
  writeFileSync(
    file,
    [
      "From: Dana Whitfield <dana.whitfield@fabrikam.example>",
      "To: IT Service Desk <servicedesk@contoso.example>",
      `Subject: ${LONG_SUBJECT}`,
      "Date: Mon, 3 Jun 2024 07:14:00 +0000",
      "Message-ID: <long-names@fabrikam.example>",
      "MIME-Version: 1.0",
      'Content-Type: multipart/mixed; boundary="part"',
      "",
      "--part",
      "Content-Type: text/plain; charset=utf-8",
      "",
      `The portal at ${LONG_URL} shows the error again.`,
      "--part",
      `Content-Type: application/pdf; name="${LONG_FILE_NAME}"`,
      `Content-Disposition: attachment; filename="${LONG_FILE_NAME}"`,
      "Content-Transfer-Encoding: base64",
      "",
      Buffer.from("%PDF-1.4 a tiny stand-in").toString("base64"),
      "--part--",
      "",
    ].join("\r\n")
  );
  return file;
}

/** What doesn't fit the pane's width: the scroll width, and the elements sticking out. */
async function overflow(
  pane: Frame
): Promise<{ scrollWidth: number; clientWidth: number; outside: string[] }> {
  return pane.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    const width = root.clientWidth;
    // Inside a box that clips or scrolls by design (a textarea, an ellipsis) and itself fits, an
    // element may be wider: it isn't cut off from the user.
    const clippedInside = (element: Element) => {
      for (
        let parent = element.parentElement;
        parent && parent !== document.body;
        parent = parent.parentElement
      ) {
        if (getComputedStyle(parent).overflowX !== "visible") {
          return parent.getBoundingClientRect().right <= width + 1;
        }
      }
      return false;
    };
    const outside = [...document.body.querySelectorAll("*")]
      .filter((element) => {
        const box = element.getBoundingClientRect();
        return (
          box.width > 0 &&
          box.height > 0 &&
          (box.right > width + 1 || box.left < -1) &&
          !clippedInside(element)
        );
      })
      .slice(0, 5)
      .map((element) => {
        const box = element.getBoundingClientRect();
        const text = (element.textContent ?? "").replace(/\s+/g, " ").trim().slice(0, 40);
        return `<${element.tagName.toLowerCase()}> from ${Math.round(box.left)} to ${Math.round(box.right)} px: "${text}"`;
      });
    return { scrollWidth: root.scrollWidth, clientWidth: width, outside };
  });
}

/**
 * Tabs through the whole pane, from its first control to where focus leaves the pane. Every stop
 * must be shown whole (within the pane's width, and scrolled into view); every control must be
 * reached: focusable, enabled and shown, unless it sits in a group walked with the arrow keys
 * (tabs, radios: Tab stops at one of them).
 */
async function tabThroughPane(
  page: Page,
  pane: Frame
): Promise<{ cut: string[]; unreached: string[] }> {
  const tabbable = 'a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])';
  // Start where Tab from Outlook would enter: the pane's first control.
  await pane.evaluate((selector) => {
    const reached = new Set<Element>();
    (window as unknown as { __reached: Set<Element> }).__reached = reached;
    const first = [...document.querySelectorAll<HTMLElement>(selector)].find(
      (element) =>
        element.tabIndex >= 0 &&
        !element.matches(":disabled, [data-tabster-dummy]") &&
        element.checkVisibility({ visibilityProperty: true })
    );
    first?.focus();
  }, tabbable);
  const cut: string[] = [];
  for (let press = 0; press < 150; press++) {
    const stop = await focusedStop(pane);
    if (!stop) break; // Focus left the pane: the end.
    const whole = await pane.evaluate(() => {
      const element = document.activeElement as HTMLElement;
      (window as unknown as { __reached: Set<Element> }).__reached.add(element);
      const root = document.scrollingElement ?? document.documentElement;
      const own = element.getBoundingClientRect();
      // Fluent's checkboxes and switches are a transparent input over the drawn box: measure that.
      const box = own.width > 2 ? own : (element.parentElement?.getBoundingClientRect() ?? own);
      // Sub-pixel layout: a box scrolled flush with an edge may end a fraction of a pixel over it.
      const fitsAcross = box.left >= -2 && box.right <= root.clientWidth + 2;
      // A textarea is scrolled so that its caret shows (at the end of a long comment): enough of
      // it must be in view to type in; anything else whole.
      const inView =
        element instanceof HTMLTextAreaElement
          ? Math.min(box.bottom, window.innerHeight) - Math.max(box.top, 0) >= 40
          : box.top >= -2 && box.bottom <= window.innerHeight + 2;
      if (fitsAcross && inView) return "";
      const [left, top, right, bottom] = [box.left, box.top, box.right, box.bottom].map(Math.round);
      return `at ${left},${top} to ${right},${bottom} in ${root.clientWidth}×${window.innerHeight}`;
    });
    if (whole) cut.push(`${stop.role} "${stop.name}": ${whole}`);
    await page.keyboard.press("Tab");
  }
  const unreached = await pane.evaluate((selector) => {
    const reached = (window as unknown as { __reached: Set<Element> }).__reached;
    // Tabster's arrow-key groups (Fluent's TabList, RadioGroup): one stop stands for all.
    const groupOf = (element: Element) => element.closest('[data-tabster*="mover"]');
    const reachedGroups = new Set([...reached].map(groupOf).filter(Boolean));
    return [...document.querySelectorAll<HTMLElement>(selector)]
      .filter(
        (element) =>
          element.tabIndex >= 0 &&
          !element.matches(":disabled, [data-tabster-dummy], [type=hidden]") &&
          element.checkVisibility({ visibilityProperty: true }) &&
          !reached.has(element) &&
          !reachedGroups.has(groupOf(element))
      )
      .map(
        (element) =>
          `<${element.tagName.toLowerCase()}> "${(element.getAttribute("aria-label") ?? element.textContent ?? "").trim().slice(0, 40)}"`
      );
  }, tabbable);
  return { cut, unreached };
}

/** `text` runs over more than one line and stays within the pane's 320 px. */
async function expectWrapped(text: Locator): Promise<void> {
  const box = await text.evaluate((element) => {
    const { right, height } = element.getBoundingClientRect();
    return { right, height, lineHeight: parseFloat(getComputedStyle(element).lineHeight) };
  });
  expect(box.height).toBeGreaterThan(box.lineHeight * 1.5);
  expect(box.right).toBeLessThanOrEqual(320);
}

interface NarrowCase {
  readonly viewport: { width: number; height: number };
  readonly deviceScaleFactor: number;
}

const NARROW_CASES: Array<[string, NarrowCase]> = [
  ["320 px wide", { viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 }],
  // A 1280×900 Outlook at 200% zoom: 640×450 CSS px, its pane 320 CSS px wide.
  ["200% zoom", { viewport: { width: 640, height: 450 }, deviceScaleFactor: 2 }],
];

describe.each(NARROW_CASES)("the pane at %s", (_name, narrow) => {
  let browser: Browser | undefined;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    if (!browser) throw new Error("The browser did not start: see the error of beforeAll above.");
    context = await browser.newContext({
      ignoreHTTPSErrors: true,
      viewport: narrow.viewport,
      deviceScaleFactor: narrow.deviceScaleFactor,
    });
    page = await context.newPage();
  });
  afterEach(async () => {
    await context.close();
    await simulator("DELETE", "/faults");
  });

  it("never scrolls sideways, wraps long names, and Tab reaches every control", async () => {
    await page.goto(`${baseUrl}/preview.html`);
    // The user narrowed the pane to 320 px (CSSOM: the preview's CSP allows no style attribute).
    await page.getByTitle("Task pane").evaluate((frame) => {
      (frame as HTMLIFrameElement).style.width = "320px";
    });
    const pane = await paneFrame(page);
    expect(await pane.evaluate(() => document.documentElement.clientWidth)).toBeLessThanOrEqual(
      320
    );

    const problems: Record<string, { overflow: string[]; cut: string[]; unreached: string[] }> = {};
    const check = async (view: string) => {
      const { scrollWidth, clientWidth, outside } = await overflow(pane);
      const { cut, unreached } = await tabThroughPane(page, pane);
      problems[view] = {
        overflow: [
          ...(scrollWidth > clientWidth
            ? [`scrolls sideways: ${scrollWidth} > ${clientWidth} px`]
            : []),
          ...outside,
        ],
        cut,
        unreached,
      };
    };

    await check("not signed in");
    await signIn(pane);
    await openEmlFile(page, pane, writeLongNamesEml(), LONG_SUBJECT);
    await fillNewIssue(pane, LONG_SUBJECT, `See ${LONG_URL}`);
    await check("create form");

    // The long file name wraps onto more lines instead of running out of the pane.
    await expectWrapped(pane.getByText(LONG_FILE_NAME, { exact: true }));
    await expectWrapped(pane.getByTestId("current-subject"));

    await simulator("POST", "/faults", {
      status: 400,
      count: 1,
      pathPrefix: "/rest/api/2/issue",
      method: "POST",
    });
    await createButton(pane).click();
    await pane.getByTestId("new-issue-problem").waitFor({ timeout: 15_000 });
    await check("create failed");
    expect(await summaryBox(pane).inputValue()).toBe(LONG_SUBJECT);
    await createAndWaitForSteps(pane);
    await check("created");
    await expectWrapped(pane.getByTestId("issue-created").getByText(LONG_SUBJECT, { exact: true }));

    await openAddToIssue(pane);
    await typeInFinder(pane, "SUP-2");
    await pane.getByRole("option", { name: /^SUP-2 / }).waitFor({ timeout: 15_000 });
    const list = await overflow(pane);
    expect(list.outside).toEqual([]);
    await page.keyboard.press("Enter");
    await expectChosenIssue(pane, "SUP-2");
    await waitUntilReadyToComment(pane);
    await check("add to issue, linked issues");
    await addCommentButton(pane).click();
    await commentAddedAndSettled(pane, "SUP-2");
    await check("comment added");

    expect(problems).toEqual(
      Object.fromEntries(
        Object.keys(problems).map((view) => [view, { overflow: [], cut: [], unreached: [] }])
      )
    );
  });
});
