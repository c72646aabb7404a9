/**
 * The New issue form around the create, in headless Chromium against the built-in simulator:
 * what was typed survives a reload of the pane, a switch to another email and back, and a sign-out
 * with a new sign-in; a required field the pane can't edit is named before anything is sent.
 */
import type { Frame, Page } from "playwright-core";
import { seriousAxeViolations } from "./axe";
import { SAMPLE_CASES } from "./email-cases";
import {
  SUPPORT_PROJECT,
  chooseDestination,
  createButton,
  descriptionBox,
  issueKeys,
  issuesCreatedSince,
  newIssueForm,
  signIn,
  signOut,
  signedIn,
  summaryBox,
  waitUntilReadyToCreate,
} from "./pane-helpers";
import {
  openPreviewPane,
  previewPagePerTest,
  reloadPreviewPane,
  selectEmail,
} from "./preview-page";

jest.setTimeout(90_000);

const NON_ASCII = SAMPLE_CASES[3]!;
const REPLY = SAMPLE_CASES[5]!;

let page: Page;
let pane: Frame;

previewPagePerTest({ width: 1280, height: 900 }, async (preview) => {
  ({ page } = preview);
  pane = await openPreviewPane(page);
  await signIn(pane);
});

/** What the form shows now: project, issue type, summary and description. */
async function shownDraft(frame: Frame): Promise<Record<string, string>> {
  const form = newIssueForm(frame);
  await descriptionBox(frame).and(frame.locator(":not([readonly])")).waitFor();
  // The pickers show the draft's project once Jira's project list is in (after a new sign-in the
  // cached list was cleared, so it loads again while the rest of the form is already there).
  const project = form.getByRole("combobox", { name: "Project" });
  await frame.waitForFunction(
    (input) => (input as HTMLInputElement).value !== "",
    await project.elementHandle()
  );
  return {
    project: await project.inputValue(),
    issueType: await form.getByRole("combobox", { name: "Issue type" }).inputValue(),
    summary: await summaryBox(frame).inputValue(),
    description: await descriptionBox(frame).inputValue(),
  };
}

describe("drafts", () => {
  it("keep the typed summary and description edit through a reload, another email, and a new sign-in", async () => {
    const before = await issueKeys();
    await selectEmail(page, pane, NON_ASCII.subject);
    await chooseDestination(pane, SUPPORT_PROJECT, "Task");
    await waitUntilReadyToCreate(pane);
    const summary = `Zahlung #4711: IBAN prüfen ${Date.now()}`;
    await summaryBox(pane).fill(summary);
    const converted = await descriptionBox(pane).inputValue();
    expect(converted).toContain("*Überweisung*");
    // An edit at the end of the converted markup, typed as a user types it.
    await descriptionBox(pane).press("ControlOrMeta+End");
    await descriptionBox(pane).pressSequentially("\nBitte bis Freitag klären.");
    const typed = await shownDraft(pane);
    expect(typed).toEqual({
      project: SUPPORT_PROJECT,
      issueType: "Task",
      summary,
      description: `${converted}\nBitte bis Freitag klären.`,
    });

    pane = await reloadPreviewPane(page);
    await signedIn(pane);
    expect(await shownDraft(pane)).toEqual(typed);

    await selectEmail(page, pane, REPLY.subject);
    expect(await summaryBox(pane).inputValue()).toBe(REPLY.summary);
    await selectEmail(page, pane, NON_ASCII.subject);
    expect(await shownDraft(pane)).toEqual(typed);

    await signOut(pane);
    await signIn(pane);
    expect(await shownDraft(pane)).toEqual(typed);
    // Nothing was sent on the way.
    expect(await issuesCreatedSince(before)).toEqual([]);
  });
});

describe("a required field the pane can't edit", () => {
  it("is named up front and Create issue stays disabled", async () => {
    await selectEmail(page, pane, REPLY.subject);
    await chooseDestination(pane, "IT Operations (OPS)", "Bug");
    // The conversion has finished: the only thing in the way is the field.
    await descriptionBox(pane).and(pane.locator(":not([readonly])")).waitFor();
    expect(await descriptionBox(pane).inputValue()).toContain("Hi Sam,");

    const bar = pane.getByTestId("unsupported-fields");
    await bar.waitFor();
    expect(await bar.innerText()).toContain("can't fill in yet: Site.");
    expect(await createButton(pane).isDisabled()).toBe(true);
    expect(await seriousAxeViolations(pane)).toEqual([]);

    // Another issue type without it can be created.
    await chooseDestination(pane, "IT Operations (OPS)", "Task");
    await waitUntilReadyToCreate(pane);
    expect(await bar.count()).toBe(0);
  });
});
