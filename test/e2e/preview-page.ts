/**
 * The preview page (preview.html: a reading pane beside the real task pane in an iframe), as the
 * e2e tests of the pane open it.
 */
import type { Browser, BrowserContext, Frame, Page } from "playwright-core";
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

/** Opens preview.html in `page` and returns the task pane's frame once the pane has rendered. */
export async function openPreviewPane(page: Page): Promise<Frame> {
  await page.goto(`${baseUrl}/preview.html`);
  const paneElement = await page.getByTitle("Task pane").elementHandle({ timeout: 15_000 });
  const pane = await paneElement?.contentFrame();
  if (!pane) throw new Error("The preview has no task pane iframe titled 'Task pane'.");
  await pane.getByText("Jira for Outlook", { exact: true }).waitFor();
  return pane;
}
