/**
 * The preview in headless Chromium: the real task pane bundle running on the Outlook host
 * stand-in, served by the real add-in server (started by global-setup).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Browser, BrowserContext, Frame, Page } from "playwright-core";
import { launchBrowser } from "./browser";
import { readE2eState } from "./e2e-state";

jest.setTimeout(60_000);

const { baseUrl } = readE2eState();
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const fixture = (name: string) => path.resolve(__dirname, "../fixtures/emails", name);

let browser: Browser;
let context: BrowserContext;
let page: Page;
/** Every URL the page and its frames asked for, to prove nothing leaves the add-in's origin. */
let requestedUrls: string[];

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

beforeEach(async () => {
  // A fresh profile per test: roaming settings and the preview's choices live in localStorage.
  context = await browser.newContext({
    ignoreHTTPSErrors: true,
    viewport: { width: 1280, height: 800 },
  });
  page = await context.newPage();
  requestedUrls = [];
  page.on("request", (request) => requestedUrls.push(request.url()));
});
afterEach(async () => {
  await context?.close();
});

async function openPreview(): Promise<Frame> {
  await page.goto(`${baseUrl}/preview.html`);
  const paneElement = await page.getByTitle("Task pane").elementHandle({ timeout: 15_000 });
  const pane = await paneElement?.contentFrame();
  if (!pane) throw new Error("The preview has no task pane iframe titled 'Task pane'.");
  await pane.getByText("Jira for Outlook", { exact: true }).waitFor();
  return pane;
}

function readingPaneSubject(): Promise<string> {
  return page
    .getByRole("region", { name: "Reading pane" })
    .getByRole("heading")
    .first()
    .innerText();
}

async function expectPaneSubject(pane: Frame, subject: string): Promise<void> {
  await pane
    .getByTestId("current-subject")
    .filter({ hasText: subject })
    .waitFor({ timeout: 10_000 });
}

async function seriousAxeViolations(frame: Frame): Promise<string[]> {
  await frame.evaluate(axeSource);
  const violations = await frame.evaluate(async () => {
    const results = await (
      window as unknown as {
        axe: {
          run: () => Promise<{
            violations: Array<{ id: string; impact: string; help: string; nodes: unknown[] }>;
          }>;
        };
      }
    ).axe.run();
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

describe("preview", () => {
  it("shows the current email in the reading pane and its subject in the task pane", async () => {
    const pane = await openPreview();
    const subject = await readingPaneSubject();
    expect(subject.trim().length).toBeGreaterThan(0);
    await expectPaneSubject(pane, subject.trim());
  });

  it("follows the selection: another sample becomes the pane's current item", async () => {
    const pane = await openPreview();
    const first = (await readingPaneSubject()).trim();
    await page
      .getByRole("button", { name: /VPN drops every hour/ })
      .first()
      .click();
    await page
      .getByRole("region", { name: "Reading pane" })
      .getByRole("heading", { name: /VPN drops every hour/ })
      .waitFor();
    await expectPaneSubject(pane, "RE: [SUP-2] VPN drops every hour");
    expect(first).not.toBe("RE: [SUP-2] VPN drops every hour");
  });

  it("makes an .eml opened through the file input the current item, without loading or running its content", async () => {
    const pane = await openPreview();
    const ranInPage: string[] = [];
    await page.exposeFunction("__recordEmailMessage", (data: string) => ranInPage.push(data));
    await page.evaluate(() =>
      window.addEventListener("message", (event) => {
        if (typeof event.data === "string" && event.data.startsWith("email-")) {
          (
            window as unknown as { __recordEmailMessage: (data: string) => void }
          ).__recordEmailMessage(event.data);
        }
      })
    );

    await page.getByLabel("Open .eml").setInputFiles(fixture("hostile-newsletter.eml"));

    const subject = "Quarterly update – Übersicht";
    await page
      .getByRole("region", { name: "Reading pane" })
      .getByRole("heading", { name: subject })
      .waitFor();
    await expectPaneSubject(pane, subject);
    const body = page.frameLocator('iframe[title="Email body"]');
    await body.getByText("Quarterly update").first().waitFor();
    await page.waitForTimeout(500); // Give an onload handler or image request time to show up, if any slipped through.

    expect(ranInPage).toEqual([]);
    const origin = new URL(baseUrl).origin;
    const foreign = requestedUrls.filter(
      (url) => !url.startsWith(origin) && !url.startsWith("data:") && !url.startsWith("blob:")
    );
    expect(foreign).toEqual([]);
    expect(await page.getByTitle("Email body").getAttribute("sandbox")).toBe("");
  });

  it("restyles the pane when the theme switch is flipped", async () => {
    const pane = await openPreview();
    const paneRoot = pane.locator("[data-theme]");
    await expect(paneRoot.getAttribute("data-theme")).resolves.toBe("light");
    const lightBackground = await paneRoot.evaluate(
      (element) => getComputedStyle(element).backgroundColor
    );

    await page.getByRole("switch", { name: "Dark theme" }).click();

    await pane.locator('[data-theme="dark"]').waitFor();
    const darkBackground = await pane
      .locator("[data-theme]")
      .evaluate((element) => getComputedStyle(element).backgroundColor);
    expect(darkBackground).not.toBe(lightBackground);
    const [r, g, b] = (darkBackground.match(/\d+/g) ?? []).map(Number);
    expect((r + g + b) / 3).toBeLessThan(80);
  });

  it("has no serious or critical accessibility violation in the pane, light and dark", async () => {
    const pane = await openPreview();
    expect(await seriousAxeViolations(pane)).toEqual([]);
    await page.getByRole("switch", { name: "Dark theme" }).click();
    await pane.locator('[data-theme="dark"]').waitFor();
    expect(await seriousAxeViolations(pane)).toEqual([]);
  });
});

describe("the production task pane page", () => {
  it("loads office.js from the add-in's own server and explains it belongs in Outlook", async () => {
    await page.goto(`${baseUrl}/taskpane.html`);
    await page
      .getByRole("heading", { name: "Open this add-in from Outlook" })
      .waitFor({ timeout: 15_000 });
    const origin = new URL(baseUrl).origin;
    expect(requestedUrls).toContain(`${origin}/office-js/office.js`);
    expect(
      requestedUrls.filter((url) => !url.startsWith(origin) && !url.startsWith("data:"))
    ).toEqual([]);
  });
});
