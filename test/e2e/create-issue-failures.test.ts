/**
 * Creating an issue when Jira fails part-way, in headless Chromium against the built-in simulator
 * (faults injected with its /__sim/faults control): never a second issue after an answer lost once
 * the issue was stored, and after a failed upload exactly what failed is retried.
 */
import type { BrowserContext, Frame, Page, Route } from "playwright-core";
import { seriousAxeViolations } from "./axe";
import { OPENED_CASE, SAMPLE_CASES, expectIssueFromEmail, expectedFiles } from "./email-cases";
import type { EmailCase } from "./email-cases";
import {
  attachmentsOf,
  createButton,
  createdCard,
  createdIssueKey,
  deliverySteps,
  fillServiceRequest,
  issueKeys,
  issuesCreatedSince,
  linkedIssueKeys,
  newIssueForm,
  pendingFaults,
  signIn,
  simulator,
  waitForStepsToSettle,
} from "./pane-helpers";
import { openEmlFile, openPreviewPane, previewPagePerTest, selectEmail } from "./preview-page";

jest.setTimeout(90_000);

const OUTLOOK_HTML = SAMPLE_CASES[1]!;
const PLAIN_TEXT = SAMPLE_CASES[0]!;
const ATTACHMENTS = SAMPLE_CASES[2]!;
/** The upload requests the pane sends (through the add-in's relay). */
const UPLOAD_URL = /\/jira\/rest\/api\/2\/issue\/([A-Z]+-\d+)\/attachments$/;

let context: BrowserContext;
let page: Page;
let pane: Frame;

previewPagePerTest({ width: 1280, height: 900 }, async (preview) => {
  ({ context, page } = preview);
  pane = await openPreviewPane(page);
  await signIn(pane);
});
afterEach(async () => {
  await simulator("DELETE", "/faults");
});

/** Makes `emailCase` the current email and fills the form for it; returns the shown markup. */
async function prepare(emailCase: EmailCase): Promise<string> {
  if (emailCase.source === "opened") {
    await openEmlFile(page, pane, emailCase.file, emailCase.subject);
  } else {
    await selectEmail(page, pane, emailCase.subject);
  }
  return fillServiceRequest(pane, emailCase.attachmentNames);
}

/**
 * Lets the pane's uploads through, but has the simulator fail the `nth` one (1-based) with `status`
 * (`when`: before storing it, or after): the fault is queued just before that request goes on,
 * since every upload of an issue has the same path.
 */
async function failNthUpload(nth: number, status: number, when: "before" | "after"): Promise<void> {
  let seen = 0;
  await context.route(UPLOAD_URL, async (route: Route) => {
    seen += 1;
    if (seen === nth) {
      const key = UPLOAD_URL.exec(new URL(route.request().url()).pathname)?.[1] ?? "";
      await simulator("POST", "/faults", {
        status,
        when,
        count: 1,
        pathPrefix: `/rest/api/2/issue/${key}/attachments`,
        method: "POST",
      });
    }
    await route.continue();
  });
}

/** Has the simulator store the next create, then answer it with a 502 (the answer is lost). */
async function loseTheCreateAnswer(): Promise<void> {
  // The first POST below /rest/api/2/issue is the create: the uploads and links come after it.
  await simulator("POST", "/faults", {
    status: 502,
    when: "after",
    count: 1,
    pathPrefix: "/rest/api/2/issue",
    method: "POST",
  });
}

/** Waits for the created card to say the pane found the issue it had created already. */
async function foundAlreadyCreated(): Promise<void> {
  await createdCard(pane)
    .getByText("It had already been created; the answer was lost on the way.")
    .waitFor();
}

/** Checks that `key` is the one issue created since `before`, and that it holds `emailCase`. */
async function expectOnlyIssueFrom(
  before: ReadonlySet<string>,
  key: string,
  emailCase: EmailCase,
  shownDescription: string
): Promise<void> {
  const created = await issuesCreatedSince(before);
  expect(created.map((issue) => issue.key)).toEqual([key]);
  await expectIssueFromEmail(created[0]!, await attachmentsOf(key), emailCase, shownDescription);
}

describe("an ambiguous create failure (502 after the simulator stored the issue)", () => {
  it("finds the issue it created instead of creating another, and uploads each file once", async () => {
    const shownDescription = await prepare(OUTLOOK_HTML);
    const before = await issueKeys();
    await loseTheCreateAnswer();

    await createButton(pane).click();
    // The pane looks for the issue by its marker at once, finds it, and goes on with it.
    const key = await createdIssueKey(pane);
    await waitForStepsToSettle(createdCard(pane));
    await foundAlreadyCreated();
    expect(await pendingFaults()).toEqual([]); // the fault did strike (the create)

    await expectOnlyIssueFrom(before, key, OUTLOOK_HTML, shownDescription);
    expect(await linkedIssueKeys(pane, key)).toEqual([key]);
  });

  it("says it is not sure when the lookup fails too, and Try again ends with exactly one issue", async () => {
    const shownDescription = await prepare(PLAIN_TEXT);
    const before = await issueKeys();
    await loseTheCreateAnswer();
    // The lookup right after it fails as well (a 500 on a GET is not retried by the client).
    await simulator("POST", "/faults", {
      status: 500,
      count: 1,
      pathPrefix: "/rest/api/2/search",
      method: "GET",
    });

    await createButton(pane).click();
    const problem = pane.getByTestId("new-issue-problem");
    expect(await problem.getAttribute("data-code", { timeout: 15_000 })).toBe("create_uncertain");
    expect(await pendingFaults()).toEqual([]);
    expect(await seriousAxeViolations(pane)).toEqual([]);
    // The issue exists in Jira already; the form is still there with the draft.
    const stored = await issuesCreatedSince(before);
    expect(stored.map((issue) => issue.values.summary)).toEqual([PLAIN_TEXT.summary]);
    expect(await newIssueForm(pane).getByRole("textbox", { name: "Summary" }).inputValue()).toBe(
      PLAIN_TEXT.summary
    );

    await problem.getByRole("button", { name: "Try again" }).click();
    const key = await createdIssueKey(pane);
    await waitForStepsToSettle(createdCard(pane));
    expect(key).toBe(stored[0]?.key);
    await foundAlreadyCreated();

    await expectOnlyIssueFrom(before, key, PLAIN_TEXT, shownDescription);
  });
});

describe("a partial failure (an upload fails after the issue was created)", () => {
  it("shows which upload failed and which steps are done, and retries only that one", async () => {
    const shownDescription = await prepare(ATTACHMENTS);
    const before = await issueKeys();
    await failNthUpload(2, 500, "before");

    await createButton(pane).click();
    const key = await createdIssueKey(pane);
    const card = createdCard(pane);
    await waitForStepsToSettle(card);

    const steps = await deliverySteps(card);
    const failed = steps.filter((step) => step.status === "failed");
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({
      step: "upload",
      label: expect.stringContaining("vpn-gateway.txt"),
    });
    expect(steps.filter((step) => step.status !== "done")).toEqual(failed);
    expect(steps.map((step) => step.step)).toEqual([
      "create",
      "upload",
      "upload",
      "upload",
      "upload",
      "remote-link",
      "email-link",
    ]);
    expect(await seriousAxeViolations(pane)).toEqual([]);

    // Jira has the issue and every other file, once.
    const files = await expectedFiles(ATTACHMENTS);
    const storedNames = (await attachmentsOf(key)).map((attachment) => attachment.filename);
    expect(storedNames.sort()).toEqual(
      files
        .map((file) => file.filename)
        .filter((name) => name !== "vpn-gateway.txt")
        .sort()
    );

    await context.unroute(UPLOAD_URL);
    await card.getByRole("button", { name: "Retry failed steps" }).click();
    await card.getByRole("button", { name: "Retry failed steps" }).waitFor({ state: "detached" });
    await waitForStepsToSettle(card);
    expect((await deliverySteps(card)).every((step) => step.status === "done")).toBe(true);

    await expectOnlyIssueFrom(before, key, ATTACHMENTS, shownDescription);
  });

  it("never uploads a file twice when the upload's answer was lost after Jira stored it", async () => {
    const shownDescription = await prepare(OPENED_CASE);
    const before = await issueKeys();
    await failNthUpload(2, 500, "after");

    await createButton(pane).click();
    const key = await createdIssueKey(pane);
    const card = createdCard(pane);
    await waitForStepsToSettle(card);
    expect(await pendingFaults()).toEqual([]); // the fault did strike

    // The pane looked at the issue's files, found the one Jira stored, and went on.
    expect((await deliverySteps(card)).every((step) => step.status === "done")).toBe(true);
    expect(await card.getByRole("button", { name: "Retry failed steps" }).count()).toBe(0);
    await expectOnlyIssueFrom(before, key, OPENED_CASE, shownDescription);
  });
});
