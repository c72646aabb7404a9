/**
 * What a screen reader user hears (issue 9): the pane's live regions (role=status, role=alert)
 * announce the steps of a create with its uploads, the created issue, and every failure bar, so
 * nobody has to look for what changed.
 */
import type { Frame, Page } from "playwright-core";
import { listenToLiveRegions, spokenTextOf, waitUntilSpoken } from "./keyboard-helpers";
import {
  addCommentButton,
  createButton,
  expectChosenIssue,
  openAddToIssue,
  waitUntilReadyToComment,
  fillServiceRequest,
  noticeCode,
  openSignInPopup,
  signIn,
  simulator,
  waitForStepsToSettle,
  createdCard,
} from "./pane-helpers";
import { openPreviewPane, previewPagePerTest, selectEmail } from "./preview-page";
import { SAMPLE_CASES } from "./email-cases";

jest.setTimeout(90_000);

let page: Page;
let pane: Frame;

previewPagePerTest({ width: 1280, height: 900 }, async (preview) => {
  ({ page } = preview);
  pane = await openPreviewPane(page);
  await listenToLiveRegions(pane);
});
afterEach(async () => {
  await simulator("DELETE", "/faults");
});

describe("live regions", () => {
  it("announce a refused sign-in", async () => {
    const popup = await openSignInPopup(pane, "Sign in to Jira");
    await popup.getByRole("button", { name: "Deny" }).click();
    expect(await noticeCode(pane)).toBe("permission_denied");
    const notice = await spokenTextOf(pane.getByTestId("session-notice"));
    const said = await waitUntilSpoken(pane, /You chose Deny/, 5_000);
    expect(said).toEqual([notice]);
  });

  it("announce the reading, the create, every upload step and a failed create", async () => {
    await signIn(pane);
    const attachments = SAMPLE_CASES[2]!;
    await selectEmail(page, pane, attachments.subject);
    await fillServiceRequest(pane, attachments.attachmentNames);

    // Jira refuses the create: the problem bar is announced.
    await simulator("POST", "/faults", {
      status: 400,
      count: 1,
      pathPrefix: "/rest/api/2/issue",
      method: "POST",
    });
    await createButton(pane).click();
    const problem = pane.getByTestId("new-issue-problem");
    await problem.waitFor({ timeout: 15_000 });
    const afterFailure = await waitUntilSpoken(pane, /Jira refused the request/, 5_000);
    expect(afterFailure.at(-1)).toBe(await spokenTextOf(problem));

    // Again, without the fault: each step's progress is said, then the end.
    await createButton(pane).click();
    const said = await waitUntilSpoken(pane, /^Issue SUP-\d+ created\. All steps done\.$/);
    await waitForStepsToSettle(createdCard(pane));
    const steps = createdCard(pane).getByTestId("delivery-step");
    const afterCreate = (await steps.count()) - 1;
    const progress = said.filter((text) => /more steps? done\.$/.test(text));
    expect(progress[0]).toMatch(new RegExp(`^Issue SUP-\\d+ created\\. 0 of ${afterCreate} more`));
    expect(progress.at(-1)).toMatch(
      new RegExp(`^Issue SUP-\\d+ created\\. ${afterCreate} of ${afterCreate} more`)
    );
    expect(said).toEqual(
      expect.arrayContaining(["Reading the email's files…", "Creating the issue in Jira…"])
    );
  });

  it("announce a failed comment, then the comment added and its steps", async () => {
    await signIn(pane);
    const reply = SAMPLE_CASES[5]!;
    await selectEmail(page, pane, reply.subject);
    await openAddToIssue(pane);
    await expectChosenIssue(pane, "SUP-2");
    await waitUntilReadyToComment(pane);

    await simulator("POST", "/faults", {
      status: 400,
      count: 1,
      pathPrefix: "/rest/api/2/issue/SUP-2/comment",
      method: "POST",
    });
    await addCommentButton(pane).click();
    const problem = pane.getByTestId("add-to-issue-problem");
    await problem.waitFor({ timeout: 15_000 });
    const afterFailure = await waitUntilSpoken(pane, /Jira refused the request/, 5_000);
    expect(afterFailure.at(-1)).toBe(await spokenTextOf(problem));

    await addCommentButton(pane).click();
    const said = await waitUntilSpoken(pane, /^Comment added to SUP-2\. All steps done\.$/);
    expect(said).toContain("Adding the comment to SUP-2…");
    expect(
      said.filter((text) => /^Comment added to SUP-2\. \d+ of \d+ more/.test(text))
    ).not.toEqual([]);
  });
});
