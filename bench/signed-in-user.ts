/**
 * The user the bench measures as: signed in to the built-in simulator (Jane Doe), with one issue
 * created from an email in IT Operations / Task, so the pane's destination memory suggests that
 * project and issue type for the next email (a ready create form needs no choice). What carries
 * over is only the Outlook roaming settings (the token, the memory), as when the same user opens
 * the pane in a fresh Outlook profile.
 */
import type { Browser } from "playwright-core";
import {
  ROAMING_SETTINGS_KEY,
  chooseOption,
  createIssueButton,
  newBenchContext,
  signInThroughPopup,
  waitForDeliveryDone,
} from "./preview-driver";

/** Signs in, creates one issue in OPS / Task, and returns the roaming settings that hold it all. */
export async function prepareSignedInUser(browser: Browser, baseUrl: string): Promise<string> {
  const context = await newBenchContext(browser, { baseUrl });
  try {
    const page = await context.newPage();
    const pane = await signInThroughPopup(context, page, baseUrl);
    await chooseOption(pane, "Project", "IT Operations (OPS)");
    await chooseOption(pane, "Issue type", "Task");
    const create = createIssueButton(pane);
    await create.and(pane.locator(":enabled")).waitFor({ timeout: 60_000 });
    await create.click();
    await waitForDeliveryDone(pane);
    const settings = await page.evaluate((key) => localStorage.getItem(key), ROAMING_SETTINGS_KEY);
    if (!settings)
      throw new Error(`The preview kept no roaming settings (${ROAMING_SETTINGS_KEY}).`);
    return settings;
  } finally {
    await context.close();
  }
}
