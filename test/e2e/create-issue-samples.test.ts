/**
 * Issue 5's "done when", in headless Chromium against the built-in simulator through the relay:
 * for each built-in sample email and one .eml opened with "Open .eml", create an issue in
 * "Customer Support" / "Service Request" (its required "Customer Impact" chosen), with every
 * attachment and the .eml; the simulator then holds exactly one new issue with the summary, wiki
 * markup, byte-identical files, the remote link and the issue property, and the email shows
 * "Linked to …" when it is opened again. Also through EWS, as an on-premises Exchange client
 * limited to Mailbox 1.5 reads the email.
 */
import type { Browser, BrowserContext, Frame, Page } from "playwright-core";
import { seriousAxeViolations } from "./axe";
import { launchBrowser } from "./browser";
import { readE2eState } from "./e2e-state";
import {
  OPENED_CASE,
  SAMPLE_CASES,
  binaryAttachmentNames,
  expectIssueFromEmail,
  expectedFiles,
} from "./email-cases";
import type { EmailCase } from "./email-cases";
import {
  attachmentsOf,
  createAndWaitForSteps,
  createdCard,
  deliverySteps,
  fillServiceRequest,
  issueKeys,
  issuesCreatedSince,
  linkedIssueKeys,
  linkedToLine,
  offeredAttachments,
  signIn,
  signedIn,
} from "./pane-helpers";
import {
  expectPaneSubject,
  newPreviewPage,
  openEmlFile,
  openPreviewPane,
  reloadPreviewPane,
  selectEmail,
  setOnPremisesMode,
} from "./preview-page";

jest.setTimeout(120_000);

const { simulatorUrl } = readE2eState();

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Makes `emailCase` the current email: selected in the list, or opened from disk. */
async function showEmail(page: Page, pane: Frame, emailCase: EmailCase): Promise<void> {
  if (emailCase.source === "opened") {
    await openEmlFile(page, pane, emailCase.file, emailCase.subject);
  } else {
    await selectEmail(page, pane, emailCase.subject);
  }
}

/**
 * Creates the issue from `emailCase` and checks it in the simulator, then reopens the email (another
 * email and back; the whole preview reloaded) and checks "Linked to". Returns the pane after the
 * reload.
 */
async function createFromEmailAndCheck(
  page: Page,
  pane: Frame,
  emailCase: EmailCase,
  options: { axe: boolean }
): Promise<Frame> {
  await showEmail(page, pane, emailCase);
  const shownDescription = await fillServiceRequest(pane, emailCase.attachmentNames);
  // Each file's size beside its checkbox (the emails' files are all under 1 KB: "330 bytes").
  const sizes = new Map((await expectedFiles(emailCase)).map((file) => [file.filename, file.size]));
  for (const { name, row } of await offeredAttachments(pane)) {
    expect(sizes.get(name)).toBeLessThan(1024);
    expect(row).toContain(`${sizes.get(name)} bytes`);
  }
  if (options.axe) expect(await seriousAxeViolations(pane)).toEqual([]);

  const before = await issueKeys();
  const key = await createAndWaitForSteps(pane);
  const card = createdCard(pane);
  expect(await card.getByRole("link", { name: key }).getAttribute("href")).toBe(
    `${simulatorUrl}/browse/${key}`
  );
  const uploads = emailCase.attachmentNames.length + emailCase.inlineImages.length + 1;
  const steps = await deliverySteps(card);
  expect(steps.map(({ step, status }) => `${step} ${status}`)).toEqual([
    "create done",
    ...Array<string>(uploads).fill("upload done"),
    "remote-link done",
    "email-link done",
  ]);
  // A progress bar per upload, full once done.
  const bars = card.getByRole("progressbar");
  expect(await bars.count()).toBe(uploads);
  for (const bar of await bars.all()) expect(await bar.getAttribute("aria-valuenow")).toBe("1");
  if (options.axe) expect(await seriousAxeViolations(pane)).toEqual([]);

  const created = await issuesCreatedSince(before);
  expect(created.map((issue) => issue.key)).toEqual([key]);
  await expectIssueFromEmail(created[0]!, await attachmentsOf(key), emailCase, shownDescription);

  // Opened again: after another email, and after the whole preview (and pane) reloaded.
  expect(await linkedIssueKeys(pane, key)).toEqual([key]);
  const other = SAMPLE_CASES.find((candidate) => candidate.subject !== emailCase.subject)!;
  await selectEmail(page, pane, other.subject);
  await selectEmail(page, pane, emailCase.subject); // an opened .eml stays in the list too
  expect(await linkedIssueKeys(pane, key)).toEqual([key]);
  expect(await linkedToLine(pane).innerText()).toBe(`Linked to ${key}`);

  const reloaded = await reloadPreviewPane(page);
  await signedIn(reloaded);
  await expectPaneSubject(reloaded, emailCase.subject);
  expect(await linkedIssueKeys(reloaded, key)).toEqual([key]);
  return reloaded;
}

describe("creating an issue from each email (Outlook with Mailbox 1.14)", () => {
  let context: BrowserContext;
  let page: Page;
  let pane: Frame;

  // One signed-in profile for all the emails: the token stays in roaming settings (localStorage)
  // across the reloads. Nothing is reset: each test tells its issue by the new key.
  beforeAll(async () => {
    ({ context, page } = await newPreviewPage(browser, { width: 1280, height: 900 }));
    pane = await openPreviewPane(page);
    await signIn(pane);
  });
  afterAll(async () => {
    await context?.close();
  });

  it.each([...SAMPLE_CASES, OPENED_CASE].map((emailCase) => [emailCase.name, emailCase] as const))(
    "%s",
    async (_name, emailCase) => {
      if (emailCase === OPENED_CASE) {
        // The fixture's files are binary: a text round trip anywhere would change their bytes.
        expect(await binaryAttachmentNames(emailCase)).toEqual(emailCase.attachmentNames);
      }
      const axe = emailCase === SAMPLE_CASES[1] || emailCase === OPENED_CASE;
      pane = await createFromEmailAndCheck(page, pane, emailCase, { axe });
    }
  );
});

describe("creating an issue as an on-premises Exchange client (Mailbox 1.5, through EWS)", () => {
  let context: BrowserContext;
  let page: Page;
  let pane: Frame;

  beforeAll(async () => {
    ({ context, page } = await newPreviewPage(browser, { width: 1280, height: 900 }));
    await openPreviewPane(page);
    pane = await setOnPremisesMode(page, true);
    await signIn(pane);
  });
  afterAll(async () => {
    await context?.close();
  });

  it.each([SAMPLE_CASES[2]!, OPENED_CASE].map((emailCase) => [emailCase.name, emailCase] as const))(
    "%s: the files read through EWS are byte-identical",
    async (_name, emailCase) => {
      expect(
        await pane.evaluate(() => Office.context.requirements.isSetSupported("Mailbox", "1.8"))
      ).toBe(false);
      pane = await createFromEmailAndCheck(page, pane, emailCase, { axe: false });
    }
  );
});
