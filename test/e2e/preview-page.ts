/**
 * The preview page (preview.html: a reading pane beside the real task pane in an iframe), as the
 * e2e tests of the pane open it: the page, its message list, and the pane's frame.
 */
import type { Browser, BrowserContext, Frame, Page } from "playwright-core";
import { launchBrowser } from "./browser";
import { readE2eState } from "./e2e-state";

const { baseUrl } = readE2eState();

/** A fresh browser profile and a page in it: the preview keeps roaming settings in localStorage. */
export async function newPreviewPage(
  browser: Browser,
  viewport: { width: number; height: number }
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ ignoreHTTPSErrors: true, viewport });
  return { context, page: await context.newPage() };
}

/**
 * Registers the hooks of a test file that drives the preview: one headless Chromium for the whole
 * file, and for every test a fresh profile and page (closed after the test), handed to `setUp`
 * first, so that no test sees another's roaming settings.
 */
export function previewPagePerTest(
  viewport: { width: number; height: number },
  setUp: (preview: { context: BrowserContext; page: Page }) => Promise<void> | void
): void {
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    if (!browser) throw new Error("The browser did not start: see the error of beforeAll above.");
    const preview = await newPreviewPage(browser, viewport);
    context = preview.context;
    await setUp(preview);
  });
  afterEach(async () => {
    await context?.close();
  });
}

/** Opens preview.html in `page` and returns the task pane's frame once the pane has rendered. */
export async function openPreviewPane(page: Page): Promise<Frame> {
  await page.goto(`${baseUrl}/preview.html`);
  return paneFrame(page);
}

/** Reloads the whole preview page (the pane starts again, as when Outlook reopens it). */
export async function reloadPreviewPane(page: Page): Promise<Frame> {
  await page.reload();
  return paneFrame(page);
}

/**
 * The task pane's frame as it is now, once the pane has rendered (after a reload, or after the
 * emulated client changed, the iframe is a new one).
 */
export async function paneFrame(page: Page): Promise<Frame> {
  const paneElement = await page.getByTitle("Task pane").elementHandle({ timeout: 15_000 });
  const pane = await paneElement?.contentFrame();
  if (!pane) throw new Error("The preview has no task pane iframe titled 'Task pane'.");
  await pane.getByText("Jira for Outlook", { exact: true }).waitFor({ timeout: 15_000 });
  return pane;
}

/** Waits until the pane shows `subject` as its current email's. */
export async function expectPaneSubject(pane: Frame, subject: string): Promise<void> {
  await pane
    .getByTestId("current-subject")
    .filter({ hasText: subject })
    .waitFor({ timeout: 10_000 });
}

/** Selects the email titled `subject` in the message list and waits for the pane to follow. */
export async function selectEmail(page: Page, pane: Frame, subject: string): Promise<void> {
  await page
    .getByRole("navigation", { name: "Messages" })
    .getByRole("button", { name: subject, exact: true })
    .click();
  await expectPaneSubject(pane, subject);
}

/** Opens an .eml file through the preview's "Open .eml" input; it becomes the current email. */
export async function openEmlFile(
  page: Page,
  pane: Frame,
  file: string,
  subject: string
): Promise<void> {
  await page.getByLabel("Open .eml").setInputFiles(file);
  await expectPaneSubject(pane, subject);
}

/** Switches the preview's emulated Outlook client; the pane restarts, its new frame is returned. */
export async function setOnPremisesMode(page: Page, on: boolean): Promise<Frame> {
  const toggle = page.getByRole("switch", { name: "On-premises Exchange (Mailbox 1.5)" });
  if ((await toggle.isChecked()) !== on) await toggle.click();
  await page.waitForFunction((wanted) => {
    const frame = document.querySelector<HTMLIFrameElement>('iframe[title="Task pane"]');
    const office = (frame?.contentWindow as (Window & { Office?: typeof Office }) | null)?.Office;
    const requirements = office?.context?.requirements;
    return requirements !== undefined && !requirements.isSetSupported("Mailbox", "1.8") === wanted;
  }, on);
  return paneFrame(page);
}
