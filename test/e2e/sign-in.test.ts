/**
 * Signing in to Jira from the real task pane, in headless Chromium: the preview's pane (the
 * production bundle on the Outlook stand-in) opens the Office dialog as a real popup, the popup
 * goes through the add-in's callback page to the built-in simulator's authorize page, a click on
 * Allow/Deny there, and back. Everything the pane sends to Jira goes through the add-in server's
 * relay to the simulator started by global-setup.
 */
import type { BrowserContext, Page } from "playwright-core";
import { seriousAxeViolations } from "./axe";
import { readE2eState } from "./e2e-state";
import {
  ROAMING_SETTINGS_KEY,
  chooseOption,
  descriptionBox,
  fillNewIssue,
  issuesWithSummary,
  noticeCode,
  openSignInPopup,
  signIn,
  signOut,
  simulator,
  summaryBox,
} from "./pane-helpers";
import { openPreviewPane, previewPagePerTest } from "./preview-page";

jest.setTimeout(90_000);

const { baseUrl, simulatorUrl } = readE2eState();

let context: BrowserContext;
let page: Page;

previewPagePerTest({ width: 1280, height: 900 }, (preview) => {
  ({ context, page } = preview);
});
afterEach(async () => {
  await simulator("PATCH", "/settings", { clockSkewSeconds: 0 });
  await simulator("DELETE", "/faults");
});

async function storedTokens(): Promise<Array<[string, Record<string, unknown>]>> {
  const settings = await page.evaluate(
    (key) => JSON.parse(window.localStorage.getItem(key) ?? "{}") as Record<string, unknown>,
    ROAMING_SETTINGS_KEY
  );
  return Object.entries(settings)
    .filter(([name]) => name.startsWith("jira-token:"))
    .map(([name, value]) => [name, value as Record<string, unknown>]);
}

describe("signing in to Jira from the task pane", () => {
  it("signs in through Jira's page in the real popup, keeps the token in roaming settings across a reload, and signs out", async () => {
    let pane = await openPreviewPane(page);
    await signIn(pane);
    expect(await pane.getByText("Jira: 127.0.0.1", { exact: false }).count()).toBeGreaterThan(0);

    // The project list loaded with the new token (a signed REST call through the relay).
    await chooseOption(pane, "Project", "IT Operations (OPS)");
    expect(await seriousAxeViolations(pane)).toEqual([]);

    const tokens = await storedTokens();
    expect(tokens).toHaveLength(1);
    const [name, entry] = tokens[0] as [string, Record<string, unknown>];
    expect(name).toBe(`jira-token:${simulatorUrl} jira-for-outlook-preview`);
    expect(entry).toMatchObject({
      formatVersion: 1,
      token: expect.any(String),
      secret: expect.any(String),
      user: { name: "jane", displayName: "Jane Doe" },
      obtainedAt: expect.any(String),
    });

    await page.reload();
    pane = await openPreviewPane(page);
    await pane.getByText("Signed in as Jane Doe", { exact: true }).waitFor({ timeout: 15_000 });

    await signOut(pane);
    expect(await noticeCode(pane)).toBe("signed_out");
    const revoke = pane.getByRole("link", { name: "Revoke the token in Jira" });
    expect(await revoke.getAttribute("href")).toBe(
      `${simulatorUrl}/plugins/servlet/oauth/users/access-tokens`
    );
    expect(await storedTokens()).toEqual([]);
  });

  it("tells the user when they chose Deny on Jira's page", async () => {
    const pane = await openPreviewPane(page);
    const popup = await openSignInPopup(pane, "Sign in to Jira");
    await popup.getByRole("button", { name: "Deny" }).click();
    expect(await noticeCode(pane)).toBe("permission_denied");
    expect(await seriousAxeViolations(pane)).toEqual([]);
    await pane.getByRole("button", { name: "Sign in to Jira" }).waitFor();
    expect(await storedTokens()).toEqual([]);
  });

  it("tells the user when they closed the sign-in window", async () => {
    const pane = await openPreviewPane(page);
    const popup = await openSignInPopup(pane, "Sign in to Jira");
    await popup.close();
    expect(await noticeCode(pane)).toBe("dialog_closed");
    expect(await pane.getByRole("button", { name: "Sign in to Jira" }).isEnabled()).toBe(true);
  });

  it("says another add-in window is open when Outlook refuses a second dialog (12007)", async () => {
    const pane = await openPreviewPane(page);
    // Another dialog of the add-in is already open (Outlook shows one at a time). The page keeps
    // a promise that settles when Office reports it closed.
    const otherOpened = context.waitForEvent("page");
    await pane.evaluate(
      (url) =>
        new Promise<void>((resolve) =>
          Office.context.ui.displayDialogAsync(url, { height: 40, width: 30 }, (result) => {
            (window as unknown as { otherClosed: Promise<unknown> }).otherClosed = new Promise(
              (closed) => result.value.addEventHandler(Office.EventType.DialogEventReceived, closed)
            );
            resolve();
          })
        ),
      `${baseUrl}/preview.html`
    );
    const other = await otherOpened;

    await pane.getByRole("button", { name: "Sign in to Jira" }).click();
    expect(await noticeCode(pane)).toBe("dialog_already_open");
    expect(await pane.getByTestId("session-notice").innerText()).toContain(
      "Another add-in window is open"
    );

    // Closing the other window is the way on: signing in works then.
    await other.close();
    await pane.evaluate(() => (window as unknown as { otherClosed: Promise<unknown> }).otherClosed);
    await signIn(pane);
  });

  it("refuses a callback carrying a request token the pane did not ask for", async () => {
    const forgedCallback = `${baseUrl}/preview/callback.html?oauth_token=forged-token&oauth_verifier=123456`;
    const pane = await openPreviewPane(page);
    const popup = await openSignInPopup(pane, "Sign in to Jira");
    // A forged redirect, as a page in the window would do it (a renderer-initiated navigation keeps
    // the window's opener, as Jira's redirect does): the callback page with someone else's token.
    await popup.evaluate((url) => window.location.assign(url), forgedCallback);
    expect(await noticeCode(pane)).toBe("callback_mismatch");
    await pane.getByRole("button", { name: "Sign in to Jira" }).waitFor();
    expect(await storedTokens()).toEqual([]);
  });

  it.each([
    ["ahead", 600],
    ["behind", -600],
  ])("signs in and works while Jira's clock is 10 minutes %s", async (_label, skew) => {
    await simulator("PATCH", "/settings", { clockSkewSeconds: skew });
    const pane = await openPreviewPane(page);
    await signIn(pane);
    // A signed REST call after the sign-in (the project list) works with the corrected clock too.
    await chooseOption(pane, "Project", "IT Operations (OPS)");
  });

  it("says so when Outlook cannot save the sign-in to the mailbox (settings full)", async () => {
    await page.goto(`${baseUrl}/preview.html`);
    // Fill the add-in's 32 KB of roaming settings almost to the limit before the pane starts.
    await page.evaluate((key) => {
      window.localStorage.setItem(key, JSON.stringify({ filler: "x".repeat(32 * 1024 - 100) }));
    }, ROAMING_SETTINGS_KEY);
    const pane = await openPreviewPane(page);
    await signIn(pane);
    expect(await noticeCode(pane)).toBe("token_not_saved");
    await pane.getByRole("button", { name: "Try again" }).waitFor();
    expect(await storedTokens()).toEqual([]);
  });
});

describe("when Jira stops accepting the token mid-work", () => {
  it("offers to sign in again, keeps the typed draft, and finishes the create exactly once", async () => {
    const summary = `Printer jams on every job ${Date.now()}`;
    const description = "Typed before the connection ended.\nSecond line.";
    const pane = await openPreviewPane(page);
    await signIn(pane);
    await fillNewIssue(pane, summary, description);

    await simulator("POST", "/revoke-tokens");
    await pane.getByRole("button", { name: "Create issue" }).click();

    const banner = pane.getByTestId("connection-ended");
    await banner.getByText("Your Jira connection ended").waitFor({ timeout: 15_000 });
    expect(await summaryBox(pane).inputValue()).toBe(summary);
    expect(await descriptionBox(pane).inputValue()).toBe(description);
    expect(await seriousAxeViolations(pane)).toEqual([]);

    await signIn(pane, "Sign in again");
    await pane.getByText(/^Created OPS-\d+/).waitFor({ timeout: 15_000 });
    const created = await issuesWithSummary(summary);
    expect(created).toHaveLength(1);
    expect(created[0]?.values.description).toBe(description);
  });

  it("never finishes the interrupted create as another Jira user who signs in instead", async () => {
    const summary = `Started as Jane ${Date.now()}`;
    const pane = await openPreviewPane(page);
    await signIn(pane);
    await fillNewIssue(pane, summary, "Jane typed this.");
    await simulator("POST", "/revoke-tokens");
    await pane.getByRole("button", { name: "Create issue" }).click();
    await pane.getByTestId("connection-ended").waitFor({ timeout: 15_000 });

    // John Smith approves in the sign-in window this time.
    const popup = await openSignInPopup(pane, "Sign in again");
    await popup.getByLabel("Act as").selectOption("john");
    await popup.getByRole("button", { name: "Allow" }).click();
    await pane.getByText("Signed in as John Smith", { exact: true }).waitFor({ timeout: 15_000 });

    expect(await noticeCode(pane)).toBe("signed_in_as_other_user");
    const problem = pane.getByTestId("new-issue-problem");
    expect(await problem.getAttribute("data-code", { timeout: 15_000 })).toBe(
      "other_user_signed_in"
    );
    expect(await summaryBox(pane).inputValue()).toBe(summary);
    expect(await issuesWithSummary(summary)).toEqual([]);
  });

  it("keeps the typed draft through sign-out and a new sign-in", async () => {
    const pane = await openPreviewPane(page);
    await signIn(pane);
    await fillNewIssue(pane, "Draft that must survive", "Nothing typed is lost.");
    await signOut(pane);
    await signIn(pane);
    expect(await summaryBox(pane).inputValue()).toBe("Draft that must survive");
    expect(await descriptionBox(pane).inputValue()).toBe("Nothing typed is lost.");
  });
});
