/**
 * Issue 6's "done when", in headless Chromium against the built-in simulator through the relay:
 * the reply "RE: [SUP-2] VPN drops every hour" (preview sample 06) offers SUP-2 first in "Add to
 * issue"; "Add comment" posts exactly one comment whose body is the markup shown, with the .eml,
 * the remote link and the issue property; the email then shows "Linked to SUP-2" (after another
 * email, after a reload), a second time warns first, and "Add as comment" on a linked issue
 * chooses it. An .eml opened from disk goes to an issue typed by key with its files
 * byte-identical; a role restricts a comment; a typed comment survives a reload and a switch.
 */
import type { Frame, Page } from "playwright-core";
import { seriousAxeViolations } from "./axe";
import { readE2eState } from "./e2e-state";
import { OPENED_CASE, SAMPLE_CASES, expectedFiles, messageIdOf, sortedFiles } from "./email-cases";
import type { EmailCase } from "./email-cases";
import {
  COMMENT_PROPERTY_KEY,
  EMAIL_PROPERTY_KEY,
  addCommentButton,
  addToIssueForm,
  attachmentsOf,
  chooseVisibility,
  closeFinderList,
  commentAddedAndSettled,
  commentAddedCard,
  commentBox,
  commentsOf,
  convertedComment,
  deliverySteps,
  expectChosenIssue,
  goToIssueKey,
  linkedIssueKeys,
  linkedIssueRow,
  linkedToLine,
  openAddToIssue,
  openFinderList,
  selectTab,
  signIn,
  signedIn,
  simulator,
  simulatorIssue,
  tickCommentAttachments,
  waitUntilReadyToComment,
} from "./pane-helpers";
import type { SimulatorComment } from "./pane-helpers";
import {
  expectPaneSubject,
  openEmlFile,
  openPreviewPane,
  previewPagePerTest,
  reloadPreviewPane,
  selectEmail,
} from "./preview-page";

jest.setTimeout(120_000);

const { simulatorUrl } = readE2eState();

const PLAIN_TEXT = SAMPLE_CASES[0]!;
const OUTLOOK_HTML = SAMPLE_CASES[1]!;
const REPLY = SAMPLE_CASES[5]!;

let page: Page;
let pane: Frame;

previewPagePerTest({ width: 1280, height: 900 }, async (preview) => {
  // Every test starts from the seed: SUP-2's comments and files are then known exactly.
  await simulator("POST", "/reset");
  ({ page } = preview);
  pane = await openPreviewPane(page);
  await signIn(pane);
});

/** The comments added to `key` since `before` was read. */
async function commentsAddedSince(
  key: string,
  before: readonly SimulatorComment[]
): Promise<SimulatorComment[]> {
  const known = new Set(before.map((comment) => comment.id));
  return (await commentsOf(key)).filter((comment) => !known.has(comment.id));
}

/** The files stored on `key` that were not there before, as name, size and sha256. */
async function filesAddedTo(key: string, before: ReadonlySet<string>) {
  return (await attachmentsOf(key))
    .filter((attachment) => !before.has(attachment.id))
    .map(({ filename, size, sha256 }) => ({ filename, size, sha256 }));
}

/**
 * Checks what the simulator holds after one comment from `emailCase` on `key`: the comment (body
 * exactly `shownComment`, by Jane, with its marker), the remote link back to the email and the
 * email in the issue property with kind "commented".
 */
async function expectCommentFromEmail(
  key: string,
  comment: SimulatorComment,
  emailCase: EmailCase,
  shownComment: string
): Promise<void> {
  expect(comment.body).toBe(shownComment);
  expect(comment.authorKey).toBe("jane");
  const messageId = await messageIdOf(emailCase);
  const marker = comment.properties[COMMENT_PROPERTY_KEY] as { attemptId: string };
  expect(marker).toEqual({ attemptId: expect.any(String), messageId });

  const issue = await simulatorIssue(key);
  const bareId = messageId.slice(1, -1);
  const links = issue.remoteLinks.filter((link) => link.globalId === `outlook-message:${bareId}`);
  expect(links).toHaveLength(1);
  expect(links[0]?.object.url).toMatch(/^mid:/);
  expect(links[0]?.object.title).toBe(emailCase.subject);

  const property = issue.properties[EMAIL_PROPERTY_KEY] as {
    formatVersion: number;
    emails: Array<Record<string, unknown>>;
  };
  expect(property.formatVersion).toBe(1);
  expect(property.emails).toEqual([
    expect.objectContaining({
      messageId,
      subject: emailCase.subject,
      kind: "commented",
      sender: emailCase.sender,
      attemptId: marker.attemptId,
    }),
  ]);
}

describe("adding the reply about SUP-2 to SUP-2", () => {
  it("offers SUP-2 first, adds one comment with the .eml and links, and warns before a second", async () => {
    await selectEmail(page, pane, REPLY.subject);
    await openAddToIssue(pane);
    // SUP-2, named in the subject, is the first issue "In this email", and chosen already.
    expect(await expectChosenIssue(pane, "SUP-2")).toMatch(
      /^SUP-2\s+VPN drops every hour\s+In Progress$/
    );
    const groups = await openFinderList(pane, "Recent");
    expect(groups[0]?.label).toBe("In this email");
    expect(groups[0]?.options[0]).toBe("SUP-2 VPN drops every hour In Progress");
    expect(groups.map((group) => group.label)).toEqual(["In this email", "Recent"]);
    await closeFinderList(pane);
    expect(await issueBoxValue(pane)).toBe("SUP-2 VPN drops every hour");

    const shownComment = await convertedComment(pane);
    for (const expected of REPLY.markup) {
      if (typeof expected === "string") expect(shownComment).toContain(expected);
      else expect(shownComment).toMatch(expected);
    }
    await tickCommentAttachments(pane, REPLY.attachmentNames);
    expect(
      await addToIssueForm(pane).getByRole("combobox", { name: "Visible to" }).innerText()
    ).toBe("Everyone who can see the issue");
    await waitUntilReadyToComment(pane);
    expect(await seriousAxeViolations(pane)).toEqual([]);

    const commentsBefore = await commentsOf("SUP-2");
    const filesBefore = new Set((await attachmentsOf("SUP-2")).map((file) => file.id));
    await addCommentButton(pane).click();
    const commentId = await commentAddedAndSettled(pane, "SUP-2");
    const card = commentAddedCard(pane);
    expect(await card.getByRole("link", { name: "SUP-2" }).getAttribute("href")).toBe(
      `${simulatorUrl}/browse/SUP-2?focusedCommentId=${commentId}#comment-${commentId}`
    );
    expect(await card.innerText()).toContain("VPN drops every hour");
    expect((await deliverySteps(card)).map(({ step, status }) => `${step} ${status}`)).toEqual([
      "comment done",
      "upload done",
      "remote-link done",
      "issue-property done",
      "email-link done",
    ]);
    expect(await seriousAxeViolations(pane)).toEqual([]);

    // Exactly one comment, the one the card links to, made of what the form showed.
    const added = await commentsAddedSince("SUP-2", commentsBefore);
    expect(added.map((comment) => comment.id)).toEqual([commentId]);
    await expectCommentFromEmail("SUP-2", added[0]!, REPLY, shownComment);
    expect(added[0]?.visibility).toBeUndefined();
    expect(sortedFiles(await filesAddedTo("SUP-2", filesBefore))).toEqual(
      sortedFiles(await expectedFiles(REPLY))
    );

    // The email is linked: now, after another email and back, and after a reload.
    const expectLinked = async (frame: Frame) => {
      expect(await linkedIssueKeys(frame, "SUP-2")).toEqual(["SUP-2"]);
      expect(await linkedToLine(frame).innerText()).toBe("Linked to SUP-2");
      const row = linkedIssueRow(frame, "SUP-2");
      await row.getByText("In Progress", { exact: true }).waitFor({ timeout: 15_000 });
      const text = await row.innerText();
      expect(text).toContain("VPN drops every hour");
      expect(text).toContain("added as a comment");
      await row.getByRole("button", { name: "Add as comment" }).waitFor();
    };
    await expectLinked(pane);
    await selectEmail(page, pane, PLAIN_TEXT.subject);
    expect(await pane.getByTestId("email-links").count()).toBe(0);
    await selectEmail(page, pane, REPLY.subject);
    await expectLinked(pane);
    pane = await reloadPreviewPane(page);
    await signedIn(pane);
    await expectPaneSubject(pane, REPLY.subject);
    await expectLinked(pane);

    // The card is still there after the reload, until Done. Then SUP-2 is chosen again, and the
    // pane warns before adding the email a second time.
    await openAddToIssue(pane);
    const cardAgain = commentAddedCard(pane);
    await cardAgain.getByRole("heading", { name: "Added to SUP-2", exact: true }).waitFor();
    await cardAgain.getByRole("button", { name: "Done" }).click();
    await expectChosenIssue(pane, "SUP-2");
    const warning = addToIssueForm(pane).getByTestId("already-added");
    await warning.waitFor({ timeout: 15_000 });
    expect(await warning.innerText()).toContain("This email was already added to SUP-2");
    await convertedComment(pane);
    expect(await addCommentButton(pane).isDisabled()).toBe(true);
    await warning.getByRole("button", { name: "Add it again" }).click();
    await waitUntilReadyToComment(pane);
    await warning.waitFor({ state: "detached" });

    // "Add as comment" on the linked issue: from the New issue tab, with another issue chosen.
    await goToIssueKey(pane, "OPS-1");
    await selectTab(pane, "New issue");
    await linkedIssueRow(pane, "SUP-2").getByRole("button", { name: "Add as comment" }).click();
    await pane.getByRole("tab", { name: "Add to issue", selected: true }).waitFor();
    await expectChosenIssue(pane, "SUP-2");
    await addToIssueForm(pane).getByTestId("already-added").waitFor();
    // Nothing more was sent on the way.
    expect((await commentsAddedSince("SUP-2", commentsBefore)).map((c) => c.id)).toEqual([
      commentId,
    ]);
  });
});

/** What the finder's input shows. */
function issueBoxValue(frame: Frame): Promise<string> {
  return addToIssueForm(frame).getByRole("combobox", { name: "Issue" }).inputValue();
}

describe("adding an .eml opened from disk to an issue typed by key", () => {
  it("uploads the chosen files byte-identical and posts the comment shown", async () => {
    await openEmlFile(page, pane, OPENED_CASE.file, OPENED_CASE.subject);
    await openAddToIssue(pane);
    // The email names no issue: nothing is chosen until the key is typed.
    const shownComment = await convertedComment(pane);
    expect(await addToIssueForm(pane).getByTestId("chosen-issue").count()).toBe(0);
    expect(await goToIssueKey(pane, "SUP-1")).toMatch(
      /^SUP-1\s+Cannot log in to the expense portal\s+Open$/
    );
    await tickCommentAttachments(pane, OPENED_CASE.attachmentNames);
    await waitUntilReadyToComment(pane);

    const commentsBefore = await commentsOf("SUP-1");
    const filesBefore = new Set((await attachmentsOf("SUP-1")).map((file) => file.id));
    expect(filesBefore.size).toBe(1); // the seed's error-message.txt
    await addCommentButton(pane).click();
    const commentId = await commentAddedAndSettled(pane, "SUP-1");
    const steps = await deliverySteps(commentAddedCard(pane));
    expect(steps.map(({ step, status }) => `${step} ${status}`)).toEqual([
      "comment done",
      "upload done",
      "upload done",
      "upload done",
      "remote-link done",
      "issue-property done",
      "email-link done",
    ]);

    const added = await commentsAddedSince("SUP-1", commentsBefore);
    expect(added.map((comment) => comment.id)).toEqual([commentId]);
    await expectCommentFromEmail("SUP-1", added[0]!, OPENED_CASE, shownComment);
    expect(sortedFiles(await filesAddedTo("SUP-1", filesBefore))).toEqual(
      sortedFiles(await expectedFiles(OPENED_CASE))
    );
    expect(await linkedIssueKeys(pane, "SUP-1")).toEqual(["SUP-1"]);
  });
});

describe("an email with an inline image", () => {
  it("uploads the image with the comment, under a new name when the issue has one of that name", async () => {
    await selectEmail(page, pane, OUTLOOK_HTML.subject);
    await openAddToIssue(pane);
    await goToIssueKey(pane, "OPS-1");
    const shown = await convertedComment(pane);
    expect(shown).toContain("Screenshot of the scheduler:\n!image001.png!");
    expect(await addToIssueForm(pane).getByTestId("inline-images").innerText()).toBe(
      "Inline images in the comment (1): uploaded with the comment"
    );
    const image = (await expectedFiles(OUTLOOK_HTML)).find(
      (file) => file.filename === "image001.png"
    )!;
    await waitUntilReadyToComment(pane);
    const before = await commentsOf("OPS-1");
    await addCommentButton(pane).click();
    const firstId = await commentAddedAndSettled(pane, "OPS-1");
    let added = await commentsAddedSince("OPS-1", before);
    expect(added.map((comment) => [comment.id, comment.body])).toEqual([[firstId, shown]]);
    expect(await filesAddedTo("OPS-1", new Set())).toEqual([image]);

    // Again, to the same issue: its image001.png is taken, so this one is "image001 (2).png",
    // and the comment shows that one.
    await commentAddedCard(pane).getByRole("button", { name: "Done" }).click();
    await expectChosenIssue(pane, "OPS-1");
    await addToIssueForm(pane)
      .getByTestId("already-added")
      .getByRole("button", { name: "Add it again" })
      .click();
    expect(await convertedComment(pane)).toBe(shown);
    await waitUntilReadyToComment(pane);
    await addCommentButton(pane).click();
    const secondId = await commentAddedAndSettled(pane, "OPS-1");
    expect(
      (await deliverySteps(commentAddedCard(pane))).map(({ step, label }) => `${step} ${label}`)
    ).toContain("upload Upload the image image001 (2).png");
    added = await commentsAddedSince("OPS-1", before);
    expect(added.map((comment) => [comment.id, comment.body])).toEqual([
      [firstId, shown],
      [secondId, shown.replace("!image001.png!", "!image001 (2).png!")],
    ]);
    expect(await filesAddedTo("OPS-1", new Set())).toEqual([
      image,
      { ...image, filename: "image001 (2).png" },
    ]);
  });
});

describe("visibility", () => {
  it("posts the comment restricted to the role chosen", async () => {
    await selectEmail(page, pane, REPLY.subject);
    await openAddToIssue(pane);
    await expectChosenIssue(pane, "SUP-2");
    await convertedComment(pane);
    const picker = addToIssueForm(pane).getByRole("combobox", { name: "Visible to" });
    await picker.and(pane.locator(":enabled")).waitFor();
    await picker.click();
    const options = await pane.getByRole("listbox").getByRole("option").allInnerTexts();
    expect(options[0]).toBe("Everyone who can see the issue");
    expect(options).toContain("Role: Developers");
    expect(options.slice(1).every((text) => /^(Role|Group): /.test(text))).toBe(true);
    await picker.press("Escape");
    await chooseVisibility(pane, "Role: Developers");
    expect(await picker.innerText()).toBe("Role: Developers");
    await waitUntilReadyToComment(pane);

    const before = await commentsOf("SUP-2");
    await addCommentButton(pane).click();
    const commentId = await commentAddedAndSettled(pane, "SUP-2");
    const added = await commentsAddedSince("SUP-2", before);
    expect(added.map((comment) => comment.id)).toEqual([commentId]);
    expect(added[0]?.visibility).toEqual({ type: "role", value: "Developers" });
  });
});

describe("the comment draft", () => {
  it("keeps a typed comment through a reload and a switch to another email", async () => {
    await selectEmail(page, pane, REPLY.subject);
    await openAddToIssue(pane);
    await expectChosenIssue(pane, "SUP-2");
    const converted = await convertedComment(pane);
    await commentBox(pane).press("ControlOrMeta+End");
    await commentBox(pane).pressSequentially("\nPlease check the idle timeout.");
    const typed = `${converted}\nPlease check the idle timeout.`;
    expect(await commentBox(pane).inputValue()).toBe(typed);

    pane = await reloadPreviewPane(page);
    await signedIn(pane);
    await expectPaneSubject(pane, REPLY.subject);
    await openAddToIssue(pane);
    await expectChosenIssue(pane, "SUP-2");
    expect(await convertedComment(pane)).toBe(typed);

    await selectEmail(page, pane, PLAIN_TEXT.subject);
    const other = await convertedComment(pane);
    expect(other).toContain("Hello Service Desk,");
    await selectEmail(page, pane, REPLY.subject);
    await expectChosenIssue(pane, "SUP-2");
    expect(await convertedComment(pane)).toBe(typed);
    // Nothing was sent on the way.
    expect((await commentsOf("SUP-2")).map((comment) => comment.authorKey)).toEqual([
      "jane",
      "john",
    ]);
  });
});
