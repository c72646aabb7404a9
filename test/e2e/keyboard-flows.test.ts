/**
 * The main flows with the keyboard alone (issue 9): sign in (Jira's page in the popup too), create
 * an issue, add the email to it as a comment, sign out. After the preview has loaded the email,
 * the test only presses keys (page.keyboard) and moves focus into the pane as Outlook's F6 does;
 * every control used shows visible focus, the first Tab stops follow the pane's order, and the
 * live regions announce what happened.
 */
import type { Frame, Page } from "playwright-core";
import {
  expectVisibleFocus,
  focusPaneFrame,
  focusedStop,
  isFocused,
  listenToLiveRegions,
  tabTo,
  waitUntilSpoken,
} from "./keyboard-helpers";
import {
  addToIssueForm,
  commentsOf,
  createdCard,
  issueKeys,
  issuesCreatedSince,
  newIssueForm,
  signedIn,
  waitForStepsToSettle,
} from "./pane-helpers";
import { openPreviewPane, previewPagePerTest, reloadPreviewPane } from "./preview-page";

jest.setTimeout(120_000);

let page: Page;

previewPagePerTest({ width: 1280, height: 900 }, (preview) => {
  ({ page } = preview);
});

/** Signs in from the pane's focused "Sign in to Jira" button, and on Jira's page, by keyboard. */
async function signInByKeyboard(pane: Frame): Promise<void> {
  const popupOpened = page.context().waitForEvent("page");
  await page.keyboard.press("Enter");
  const popup = await popupOpened;
  const allow = popup.getByRole("button", { name: "Allow" });
  await allow.waitFor({ timeout: 15_000 });
  // Jira's page: "Act as", then Allow.
  const stops: string[] = [];
  for (let press = 0; press < 5 && !(await isFocused(allow)); press++) {
    await popup.keyboard.press("Tab");
    stops.push(await popup.evaluate(() => document.activeElement?.textContent?.trim() ?? ""));
  }
  expect(await isFocused(allow)).toBe(true);
  await expectVisibleFocus(popup, allow);
  await popup.keyboard.press("Enter");
  await signedIn(pane);
}

describe("keyboard only", () => {
  it("signs in, creates an issue, adds the email to it and signs out", async () => {
    let pane = await openPreviewPane(page);
    await listenToLiveRegions(pane);

    // The first Tab into the pane reaches its first control: Sign in.
    await focusPaneFrame(page);
    await page.keyboard.press("Tab");
    const signInButton = pane.getByRole("button", { name: "Sign in to Jira" });
    expect(await focusedStop(pane)).toEqual({ role: "button", name: "Sign in to Jira" });
    await expectVisibleFocus(page, signInButton);
    await signInByKeyboard(pane);

    // A fresh start of the pane, signed in: the stops follow the pane's order from the top.
    pane = await reloadPreviewPane(page);
    await listenToLiveRegions(pane);
    const form = newIssueForm(pane);
    const project = form.getByRole("combobox", { name: "Project" });
    await project.and(pane.locator(":enabled")).waitFor({ timeout: 15_000 });
    await focusPaneFrame(page);
    const firstStops = await tabTo(page, pane, project);
    expect(firstStops).toEqual([
      { role: "button", name: "Sign out" },
      { role: "tab", name: "New issue" },
      { role: "combobox", name: "Project" },
    ]);
    await expectVisibleFocus(page, project);

    // Project and issue type: type to filter, Enter to choose.
    await page.keyboard.type("IT Operations");
    await pane.getByRole("option", { name: "IT Operations (OPS)" }).waitFor();
    await page.keyboard.press("Enter");
    await pane.getByRole("listbox").waitFor({ state: "hidden" });
    expect(await project.inputValue()).toBe("IT Operations (OPS)");
    const issueType = form.getByRole("combobox", { name: "Issue type" });
    await issueType.and(pane.locator(":enabled")).waitFor({ timeout: 15_000 });
    await tabTo(page, pane, issueType);
    await expectVisibleFocus(page, issueType);
    await page.keyboard.type("Task");
    await pane.getByRole("option", { name: "Task", exact: true }).waitFor();
    await page.keyboard.press("Enter");
    expect(await issueType.inputValue()).toBe("Task");
    await pane
      .getByText("Checking the issue type's fields…")
      .waitFor({ state: "hidden", timeout: 15_000 });

    // Summary: replace the suggested one.
    const summary = form.getByRole("textbox", { name: "Summary" });
    await tabTo(page, pane, summary);
    await expectVisibleFocus(page, summary);
    await page.keyboard.press("ControlOrMeta+A");
    const title = `Keyboard only ${Date.now()}`;
    await page.keyboard.type(title);

    // Create issue.
    const create = form.getByRole("button", { name: "Create issue", disabled: false });
    await create.waitFor({ timeout: 20_000 });
    const before = await issueKeys();
    await tabTo(page, pane, create, { maxPresses: 40 });
    await expectVisibleFocus(page, create);
    await page.keyboard.press("Enter");
    const said = await waitUntilSpoken(pane, /^Issue OPS-\d+ created\. All steps done\.$/);
    const [created] = await issuesCreatedSince(before);
    expect(created?.values.summary).toBe(title);
    await waitForStepsToSettle(createdCard(pane));
    expect(said).toContain("Creating the issue in Jira…");
    // Focus stays in the pane, on the card's button that took the place of Create issue.
    const newIssueButton = createdCard(pane).getByRole("button", { name: "New issue" });
    expect(await isFocused(newIssueButton)).toBe(true);
    await expectVisibleFocus(page, newIssueButton);

    // Add to issue: back to the tabs, arrow to the other tab, Enter.
    const addTab = pane.getByRole("tab", { name: "Add to issue" });
    const newTab = pane.getByRole("tab", { name: "New issue" });
    await tabTo(page, pane, newTab, { backwards: true });
    await page.keyboard.press("ArrowRight");
    expect(await isFocused(addTab)).toBe(true);
    await page.keyboard.press("Enter");
    await addToIssueForm(pane).waitFor({ timeout: 15_000 });
    expect(await addTab.getAttribute("aria-selected")).toBe("true");
    await expectVisibleFocus(page, addTab);

    const finder = addToIssueForm(pane).getByRole("combobox", { name: "Issue" });
    await finder.and(pane.locator(":enabled")).waitFor({ timeout: 15_000 });
    await tabTo(page, pane, finder);
    await expectVisibleFocus(page, finder);
    // An issue of the simulator's seed, typed in full: Enter chooses it.
    const target = "SUP-2";
    const commentsBefore = (await commentsOf(target)).length;
    await page.keyboard.type(target);
    await pane.getByRole("option", { name: /^SUP-2 VPN drops every hour/ }).waitFor({
      timeout: 15_000,
    });
    await page.keyboard.press("Enter");
    await addToIssueForm(pane)
      .locator(`[data-testid="chosen-issue"][data-issue-key="${target}"]`)
      .waitFor({ timeout: 15_000 });

    const comment = addToIssueForm(pane).getByRole("textbox", { name: "Comment" });
    await comment.and(pane.locator(":not([readonly])")).waitFor({ timeout: 20_000 });
    await tabTo(page, pane, comment);
    await expectVisibleFocus(page, comment);
    await page.keyboard.press("ControlOrMeta+End");
    await page.keyboard.type("\n\nAdded with the keyboard.");

    const add = addToIssueForm(pane).getByRole("button", { name: "Add comment", disabled: false });
    await add.waitFor({ timeout: 20_000 });
    await tabTo(page, pane, add, { maxPresses: 40 });
    await expectVisibleFocus(page, add);
    await page.keyboard.press("Enter");
    await waitUntilSpoken(pane, /^Comment added to SUP-2\. All steps done\.$/);
    const comments = await commentsOf(target);
    expect(comments).toHaveLength(commentsBefore + 1);
    expect(comments.at(-1)?.body).toContain("Added with the keyboard.");
    const done = pane.getByTestId("comment-added").getByRole("button", { name: "Done" });
    expect(await isFocused(done)).toBe(true);

    // Sign out: back up to the account bar.
    const signOut = pane.getByRole("button", { name: "Sign out" });
    await tabTo(page, pane, signOut, { backwards: true, maxPresses: 40 });
    await expectVisibleFocus(page, signOut);
    await page.keyboard.press("Enter");
    const signInAgain = pane.getByRole("button", { name: "Sign in to Jira" });
    await signInAgain.waitFor();
    // The keyboard user is not dropped on the page: focus is on Sign in, which replaced Sign out.
    expect(await isFocused(signInAgain)).toBe(true);
  });
});
