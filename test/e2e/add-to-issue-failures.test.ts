/**
 * Adding an email as a comment when Jira's answer is lost after it stored the comment, in headless
 * Chromium against the built-in simulator (faults injected with its /__sim/faults control): the
 * pane finds the comment its attempt added (by the attempt id it carries) instead of adding a
 * second one, also when the first look fails, after Try again or after a reload.
 */
import type { Frame, Page } from "playwright-core";
import { seriousAxeViolations } from "./axe";
import { SAMPLE_CASES, expectedFiles, sortedFiles } from "./email-cases";
import {
  COMMENT_PROPERTY_KEY,
  addCommentButton,
  addToIssueForm,
  attachmentsOf,
  commentAddedAndSettled,
  commentAddedCard,
  commentsOf,
  convertedComment,
  deliverySteps,
  expectChosenIssue,
  linkedIssueKeys,
  openAddToIssue,
  pendingFaults,
  signIn,
  signedIn,
  simulator,
  tickCommentAttachments,
  waitUntilReadyToComment,
} from "./pane-helpers";
import type { SimulatorComment } from "./pane-helpers";
import {
  openPreviewPane,
  previewPagePerTest,
  reloadPreviewPane,
  selectEmail,
} from "./preview-page";

jest.setTimeout(90_000);

const REPLY = SAMPLE_CASES[5]!;
const COMMENTS_PATH = "/rest/api/2/issue/SUP-2/comment";

let page: Page;
let pane: Frame;

previewPagePerTest({ width: 1280, height: 900 }, async (preview) => {
  await simulator("POST", "/reset");
  ({ page } = preview);
  pane = await openPreviewPane(page);
  await signIn(pane);
});
afterEach(async () => {
  await simulator("DELETE", "/faults");
});

/** The reply about SUP-2 in "Add to issue", SUP-2 chosen; returns the comment shown. */
async function prepareReply(): Promise<string> {
  await selectEmail(page, pane, REPLY.subject);
  await openAddToIssue(pane);
  await expectChosenIssue(pane, "SUP-2");
  const shown = await convertedComment(pane);
  await waitUntilReadyToComment(pane);
  return shown;
}

/** Has the simulator store the next comment on SUP-2, then answer with a 502 (answer lost). */
async function loseTheCommentAnswer(): Promise<void> {
  await simulator("POST", "/faults", {
    status: 502,
    when: "after",
    count: 1,
    pathPrefix: COMMENTS_PATH,
    method: "POST",
  });
}

/** The look for the comment fails too (a 500 on a GET is not retried by the client). */
async function failTheLook(): Promise<void> {
  await simulator("POST", "/faults", {
    status: 500,
    count: 1,
    pathPrefix: COMMENTS_PATH,
    method: "GET",
  });
}

/** Checks that SUP-2 got exactly one comment since `before`: `shown`, with its marker. */
async function expectOneCommentSince(
  before: readonly SimulatorComment[],
  shown: string
): Promise<SimulatorComment> {
  const known = new Set(before.map((comment) => comment.id));
  const added = (await commentsOf("SUP-2")).filter((comment) => !known.has(comment.id));
  expect(added).toHaveLength(1);
  expect(added[0]?.body).toBe(shown);
  expect(added[0]?.properties[COMMENT_PROPERTY_KEY]).toMatchObject({
    attemptId: expect.any(String),
  });
  return added[0]!;
}

/** Waits for the card to say the pane found the comment its attempt had added. */
async function foundAlreadyAdded(): Promise<void> {
  await commentAddedCard(pane)
    .getByText("It had already been added; the answer was lost on the way.")
    .waitFor();
}

describe("a comment whose answer was lost after the simulator stored it", () => {
  it("is found instead of added again, and the steps after it run once", async () => {
    const shown = await prepareReply();
    await tickCommentAttachments(pane, REPLY.attachmentNames);
    const before = await commentsOf("SUP-2");
    await loseTheCommentAnswer();

    await addCommentButton(pane).click();
    const commentId = await commentAddedAndSettled(pane, "SUP-2");
    await foundAlreadyAdded();
    expect(await pendingFaults()).toEqual([]); // the fault did strike
    expect(
      (await deliverySteps(commentAddedCard(pane))).every((step) => step.status === "done")
    ).toBe(true);

    expect((await expectOneCommentSince(before, shown)).id).toBe(commentId);
    const files = (await attachmentsOf("SUP-2")).map(({ filename, size, sha256 }) => ({
      filename,
      size,
      sha256,
    }));
    expect(sortedFiles(files)).toEqual(sortedFiles(await expectedFiles(REPLY)));
    expect(await linkedIssueKeys(pane, "SUP-2")).toEqual(["SUP-2"]);
  });

  it("says it is not sure when the look fails too, and Try again ends with exactly one comment", async () => {
    const shown = await prepareReply();
    const before = await commentsOf("SUP-2");
    await loseTheCommentAnswer();
    await failTheLook();

    await addCommentButton(pane).click();
    const problem = addToIssueForm(pane).getByTestId("add-to-issue-problem");
    expect(await problem.getAttribute("data-code", { timeout: 15_000 })).toBe("comment_uncertain");
    expect(await pendingFaults()).toEqual([]);
    expect(await seriousAxeViolations(pane)).toEqual([]);
    // The comment is in Jira already; the form still holds the draft.
    await expectOneCommentSince(before, shown);
    expect(await convertedComment(pane)).toBe(shown);

    await problem.getByRole("button", { name: "Try again" }).click();
    const commentId = await commentAddedAndSettled(pane, "SUP-2");
    await foundAlreadyAdded();
    expect((await expectOneCommentSince(before, shown)).id).toBe(commentId);
  });

  it("looks first after a reload too, and adds nothing a second time", async () => {
    const shown = await prepareReply();
    const before = await commentsOf("SUP-2");
    await loseTheCommentAnswer();
    await failTheLook();
    await addCommentButton(pane).click();
    const problem = addToIssueForm(pane).getByTestId("add-to-issue-problem");
    expect(await problem.getAttribute("data-code", { timeout: 15_000 })).toBe("comment_uncertain");

    // The pane closes and opens again: the draft remembers that the last try may have worked.
    pane = await reloadPreviewPane(page);
    await signedIn(pane);
    await openAddToIssue(pane);
    await expectChosenIssue(pane, "SUP-2");
    await addToIssueForm(pane)
      .getByText("The last try may have added this comment already")
      .waitFor();
    expect(await convertedComment(pane)).toBe(shown);
    await waitUntilReadyToComment(pane);
    await addCommentButton(pane).click();
    const commentId = await commentAddedAndSettled(pane, "SUP-2");
    await foundAlreadyAdded();
    expect((await expectOneCommentSince(before, shown)).id).toBe(commentId);
  });
});
