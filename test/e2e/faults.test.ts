/**
 * Faults while the user works, in headless Chromium against the built-in simulator (its /__sim/
 * controls) and the preview's Outlook stand-in: a Jira that takes 10 seconds per answer, a burst
 * of 503s while the form loads, the token revoked between opening the Add to issue form and Add
 * comment, Outlook failing to save the settings, settings near Outlook's 32 KB, and two Outlook
 * windows on one mailbox. What the user typed survives each, and nothing is done twice.
 */
import type { BrowserContext, Frame, Page } from "playwright-core";
import { seriousAxeViolations } from "./axe";
import { SAMPLE_CASES } from "./email-cases";
import {
  ROAMING_SETTINGS_KEY,
  addCommentButton,
  chooseOption,
  commentAddedAndSettled,
  commentBox,
  commentsOf,
  convertedComment,
  createButton,
  createdIssueKey,
  descriptionBox,
  expectChosenIssue,
  fillNewIssue,
  issuesWithSummary,
  newIssueForm,
  noticeCode,
  openAddToIssue,
  signIn,
  simulator,
  summaryBox,
  waitUntilReadyToComment,
} from "./pane-helpers";
import { readE2eState } from "./e2e-state";
import { openPreviewPane, paneFrame, previewPagePerTest, selectEmail } from "./preview-page";

jest.setTimeout(120_000);

let context: BrowserContext;
let page: Page;

previewPagePerTest({ width: 1280, height: 900 }, (preview) => {
  ({ context, page } = preview);
});
afterEach(async () => {
  await simulator("PATCH", "/settings", { latencyMs: 0 });
  await simulator("DELETE", "/faults");
});

/** The token entries the stand-in's roaming settings hold now (what the next pane start loads). */
async function storedSettings(): Promise<Record<string, unknown>> {
  return page.evaluate(
    (key) => JSON.parse(window.localStorage.getItem(key) ?? "{}") as Record<string, unknown>,
    ROAMING_SETTINGS_KEY
  );
}

function tokenNames(settings: Record<string, unknown>): string[] {
  return Object.keys(settings).filter((name) => name.startsWith("jira-token:"));
}

/**
 * Opens the preview with these roaming settings in the stand-in's store, as a mailbox would hold
 * them when Outlook starts the add-in (it loads them once, at start); returns the pane.
 */
async function openWithSettings(settings: Record<string, unknown>): Promise<Frame> {
  await page.goto(`${readE2eState().baseUrl}/preview.html`);
  await page.evaluate(([key, value]) => window.localStorage.setItem(key, value), [
    ROAMING_SETTINGS_KEY,
    JSON.stringify(settings),
  ] as const);
  await page.reload();
  return paneFrame(page);
}

describe("a Jira that takes 10 seconds per answer", () => {
  it("shows the create still working, waits for it, and creates the issue once", async () => {
    const summary = `Created on a slow Jira ${Date.now()}`;
    const pane = await openPreviewPane(page);
    await signIn(pane);
    await fillNewIssue(pane, summary, "Typed while Jira was slow.");

    await simulator("PATCH", "/settings", { latencyMs: 10_000 });
    const started = Date.now();
    await createButton(pane).click();

    // Still working after several seconds: the spinner says so, and the typed text is there.
    await pane.waitForTimeout(4_000);
    await newIssueForm(pane).getByText("Creating the issue…").waitFor({ timeout: 1_000 });
    expect(await summaryBox(pane).inputValue()).toBe(summary);

    await createdIssueKey(pane, 60_000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(10_000);
    expect(await issuesWithSummary(summary)).toHaveLength(1);
  });
});

describe("a burst of 503s while the form loads", () => {
  it("retries the reads: the project list still loads", async () => {
    await simulator("POST", "/faults", {
      status: 503,
      count: 2,
      method: "GET",
      pathPrefix: "/rest/api/2/project",
    });
    const pane = await openPreviewPane(page);
    await signIn(pane);

    await chooseOption(pane, "Project", "IT Operations (OPS)");
    expect(await pane.getByTestId("new-issue-load-problem").count()).toBe(0);
  });
});

describe("the token revoked between opening Add to issue and Add comment", () => {
  it("says the connection ended, keeps the comment, and after signing in again adds it exactly once", async () => {
    await simulator("POST", "/reset");
    const reply = SAMPLE_CASES[5]!;
    const pane = await openPreviewPane(page);
    await signIn(pane);
    await selectEmail(page, pane, reply.subject);
    await openAddToIssue(pane);
    await expectChosenIssue(pane, "SUP-2");
    await convertedComment(pane);
    const typed = "Customer confirms the VPN drops again.\nSee the email below.";
    await commentBox(pane).fill(typed);
    await waitUntilReadyToComment(pane);
    const before = (await commentsOf("SUP-2")).length;

    await simulator("POST", "/revoke-tokens");
    await addCommentButton(pane).click();

    const banner = pane.getByTestId("connection-ended");
    await banner.getByText("Your Jira connection ended").waitFor({ timeout: 15_000 });
    expect(await commentBox(pane).inputValue()).toBe(typed);
    expect(await seriousAxeViolations(pane)).toEqual([]);

    await signIn(pane, "Sign in again");
    await commentAddedAndSettled(pane, "SUP-2");
    const comments = await commentsOf("SUP-2");
    expect(comments).toHaveLength(before + 1);
    expect(comments.at(-1)?.body).toBe(typed);
  });
});

describe("Outlook failing to save the settings", () => {
  it("keeps the user signed in for the session, says so with Try again, and touches no draft", async () => {
    const pane = await openPreviewPane(page);
    // The preview's Outlook can't write its settings (its saveAsync then fails with 9019).
    await pane.evaluate((key) => {
      const original = Storage.prototype.setItem;
      const failing = window as unknown as { failRoamingSaves: boolean };
      failing.failRoamingSaves = true;
      Storage.prototype.setItem = function (name: string, value: string) {
        if (name === key && failing.failRoamingSaves) {
          throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
        }
        original.call(this, name, value);
      };
    }, ROAMING_SETTINGS_KEY);

    await signIn(pane);
    expect(await noticeCode(pane)).toBe("token_not_saved");
    expect(await pane.getByTestId("session-notice").innerText()).toMatch(
      /Outlook could not save the sign-in to your mailbox \(The settings couldn't be saved, error 9019\)/
    );
    expect(tokenNames(await storedSettings())).toEqual([]);

    // The session works, and what is typed is kept.
    const summary = `Typed while the settings failed ${Date.now()}`;
    await fillNewIssue(pane, summary, "The draft is not in the settings.");
    await pane.evaluate(() => {
      (window as unknown as { failRoamingSaves: boolean }).failRoamingSaves = false;
    });
    await pane.getByRole("button", { name: "Try again" }).click();
    await pane.getByTestId("session-notice").waitFor({ state: "detached", timeout: 15_000 });
    expect(tokenNames(await storedSettings())).toHaveLength(1);
    expect(await summaryBox(pane).inputValue()).toBe(summary);
    expect(await descriptionBox(pane).inputValue()).toBe("The draft is not in the settings.");
  });
});

describe("roaming settings near Outlook's 32 KB", () => {
  const memory = {
    formatVersion: 1,
    conversations: [],
    senders: Array.from({ length: 20 }, (_, index) => [
      index.toString(16).padStart(16, "0"),
      "SUP",
      "3",
      `SUP-${index + 1}`,
    ]),
  };

  it("drops the destination memory to keep the sign-in, never the other way round", async () => {
    const pane = await openWithSettings({
      "notes-of-an-older-version": "n".repeat(31_900),
      "jira-destinations": memory,
    });
    await signIn(pane);

    expect(await pane.getByTestId("session-notice").count()).toBe(0);
    const settings = await storedSettings();
    expect(tokenNames(settings)).toHaveLength(1);
    expect(settings).not.toHaveProperty("jira-destinations");
    expect(settings).toHaveProperty("notes-of-an-older-version");
  });

  it("refuses a save that can't fit before Outlook is asked, naming what to remove; the session works", async () => {
    const pane = await openWithSettings({ "notes-of-an-older-version": "n".repeat(32_500) });
    await signIn(pane);

    expect(await noticeCode(pane)).toBe("token_not_saved");
    expect(await pane.getByTestId("session-notice").innerText()).toMatch(
      /would exceed the 32 KB Outlook keeps per add-in\. The most room is taken by the setting "notes-of-an-older-version" .*administrator to remove/s
    );
    expect(tokenNames(await storedSettings())).toEqual([]);
    await chooseOption(pane, "Project", "IT Operations (OPS)");
  });
});

describe("two Outlook windows on one mailbox", () => {
  it("both sign in and keep working; a reopened pane is signed in; each window's draft survives", async () => {
    const first = await openPreviewPane(page);
    const otherPage = await context.newPage();
    const second = await openPreviewPane(otherPage);

    await signIn(first);
    await signIn(second);
    expect(tokenNames(await storedSettings())).toHaveLength(1);

    const summary = `Created from the first window ${Date.now()}`;
    await fillNewIssue(first, summary, "First window's draft.");
    await fillNewIssue(second, "Second window's draft", "Kept in that window.");
    await createButton(first).click();
    await createdIssueKey(first);
    expect(await issuesWithSummary(summary)).toHaveLength(1);
    expect(await summaryBox(second).inputValue()).toBe("Second window's draft");

    await page.reload();
    const reopened = await paneFrame(page);
    await reopened.getByText("Signed in as Jane Doe", { exact: true }).waitFor({ timeout: 15_000 });
    await otherPage.close();
  });
});
