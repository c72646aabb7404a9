/**
 * Driving the real task pane in the preview, and reading what it did in the built-in Jira
 * simulator: shared by every e2e file that signs in or creates an issue (one copy of each step).
 */
import { createHash } from "node:crypto";
import type { Frame, Locator, Page } from "playwright-core";
import { readE2eState } from "./e2e-state";

const { simulatorUrl } = readE2eState();

/** The simulator's project the issue-5 tests create in, and its issue type with a required select. */
export const SUPPORT_PROJECT = "Customer Support (SUP)";
export const SERVICE_REQUEST = "Service Request";
/** The create screen field Service Request requires (customfield_10100, a single select). */
export const CUSTOMER_IMPACT = "Customer Impact";
/**
 * The option id of "High" in "Customer Impact", as the simulator's catalog defines it
 * (src/simulator/data/catalog.ts: Low 10200, Medium 10201, High 10202, Critical 10203).
 */
export const HIGH_IMPACT_OPTION_ID = "10202";
export const CUSTOMER_IMPACT_FIELD_ID = "customfield_10100";
/** The issue property the pane writes with the create (src/jira/email-reference.ts). */
export const EMAIL_PROPERTY_KEY = "com.jira-for-outlook.emails";

/** Roaming settings of the Outlook stand-in live in the preview's localStorage under this key. */
export const ROAMING_SETTINGS_KEY = "outlookPreview.roamingSettings";

// --- The simulator's /__sim/ controls ---------------------------------------------------------

/** Calls the simulator's /__sim/ controls (JSON, no authentication); throws on a non-2xx answer. */
export async function simulator(method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${simulatorUrl}/__sim${path}`, {
    method,
    ...(body === undefined
      ? {}
      : { headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) }),
  });
  if (!response.ok) {
    throw new Error(`${method} /__sim${path}: ${response.status} ${await response.text()}`);
  }
  const text = await response.text();
  return text ? (JSON.parse(text) as unknown) : undefined;
}

/** A remote link as the simulator stores it. */
export interface SimulatorRemoteLink {
  id: number;
  globalId?: string;
  relationship?: string;
  object: { url: string; title: string; summary?: string };
}

/** A comment as `GET /__sim/state` shows it (created and updated in ms since the epoch). */
export interface SimulatorComment {
  id: string;
  authorKey: string;
  body: string;
  created: number;
  updated: number;
  visibility?: { type: "role" | "group"; value: string };
  properties: Record<string, unknown>;
}

/** An issue as `GET /__sim/state` shows it. */
export interface SimulatorIssue {
  id: string;
  key: string;
  issueTypeId: string;
  creatorKey: string;
  values: Record<string, unknown> & { summary?: string; description?: string };
  attachmentIds: string[];
  properties: Record<string, unknown>;
  remoteLinks: SimulatorRemoteLink[];
  comments: SimulatorComment[];
}

/** An attachment as `GET /__sim/state` shows it (the content's sha256 instead of the bytes). */
export interface SimulatorAttachment {
  id: string;
  issueId: string;
  issueKey: string | null;
  filename: string;
  mimeType: string;
  size: number;
  sha256: string;
}

export interface SimulatorData {
  issues: SimulatorIssue[];
  attachments: SimulatorAttachment[];
}

/** A pending injected fault as `GET /__sim/state` lists it. */
export interface SimulatorFault {
  id: number;
  status?: number;
  remaining: number;
  pathPrefix?: string;
  method?: string;
}

/** The simulator's data now (issues, attachments). */
export async function simulatorData(): Promise<SimulatorData> {
  const state = (await simulator("GET", "/state")) as { data: SimulatorData };
  return state.data;
}

/** The faults still waiting to strike. */
export async function pendingFaults(): Promise<SimulatorFault[]> {
  const state = (await simulator("GET", "/state")) as { faults: SimulatorFault[] };
  return state.faults;
}

/** The issues whose summary is exactly `summary`. */
export async function issuesWithSummary(summary: string): Promise<SimulatorIssue[]> {
  return (await simulatorData()).issues.filter((issue) => issue.values.summary === summary);
}

/** The keys of every issue in the simulator now (to tell which ones a step created). */
export async function issueKeys(): Promise<Set<string>> {
  return new Set((await simulatorData()).issues.map((issue) => issue.key));
}

/** The issues created since `before` was taken with {@link issueKeys}. */
export async function issuesCreatedSince(before: ReadonlySet<string>): Promise<SimulatorIssue[]> {
  return (await simulatorData()).issues.filter((issue) => !before.has(issue.key));
}

/** The attachments stored on the issue `key`. */
export async function attachmentsOf(key: string): Promise<SimulatorAttachment[]> {
  return (await simulatorData()).attachments.filter((attachment) => attachment.issueKey === key);
}

/** The issue `key` as the simulator holds it now (throws when there is none). */
export async function simulatorIssue(key: string): Promise<SimulatorIssue> {
  const issue = (await simulatorData()).issues.find((candidate) => candidate.key === key);
  if (!issue) throw new Error(`The simulator has no issue ${key}.`);
  return issue;
}

/** Lowercase hex SHA-256, as the simulator's state shows attachment content. */
export function sha256(bytes: Uint8Array | string): string {
  return createHash("sha256").update(bytes).digest("hex");
}

// --- Signing in -------------------------------------------------------------------------------

/** Clicks a button in the pane that opens the sign-in dialog and returns the popup on Jira's page. */
export async function openSignInPopup(pane: Frame, buttonName: string): Promise<Page> {
  const popupOpened = pane.page().context().waitForEvent("page");
  await pane.getByRole("button", { name: buttonName }).click();
  const popup = await popupOpened;
  // The popup starts on the add-in's callback page, which sends it on to Jira's authorize page.
  await popup.waitForURL(
    (url) => url.href.startsWith(`${simulatorUrl}/plugins/servlet/oauth/authorize`),
    { timeout: 15_000 }
  );
  return popup;
}

/** Signs in through the popup: Allow on the simulator's authorize page, as Jane Doe. */
export async function signIn(pane: Frame, buttonName = "Sign in to Jira"): Promise<void> {
  const popup = await openSignInPopup(pane, buttonName);
  await popup.getByRole("button", { name: "Allow" }).click();
  await signedIn(pane);
}

/** Waits until the pane says it is signed in as Jane Doe. */
export async function signedIn(pane: Frame): Promise<void> {
  await pane.getByText("Signed in as Jane Doe", { exact: true }).waitFor({ timeout: 15_000 });
}

/** Signs out from the account bar and waits for the sign-in card. */
export async function signOut(pane: Frame): Promise<void> {
  await pane.getByRole("button", { name: "Sign out" }).click();
  await pane.getByRole("button", { name: "Sign in to Jira" }).waitFor();
}

/** The sign-in notice's code (`data-code` of `session-notice`). */
export function noticeCode(pane: Frame): Promise<string | null> {
  return pane.getByTestId("session-notice").first().getAttribute("data-code", { timeout: 15_000 });
}

// --- The New issue form -----------------------------------------------------------------------

/** The New issue form of the current email. */
export function newIssueForm(pane: Frame): Locator {
  return pane.getByTestId("new-issue-form");
}

/**
 * Chooses `optionName` in the combobox (or dropdown) labelled `label`: opens its list and clicks
 * the option. Fluent renders the list in a portal at the end of the pane's body, so the option is
 * looked up in the whole frame. Waits first for the picker to be enabled (it is disabled while its
 * list loads).
 */
export async function chooseOption(pane: Frame, label: string, optionName: string): Promise<void> {
  const picker = newIssueForm(pane).getByRole("combobox", { name: label });
  await picker.and(pane.locator(":enabled")).waitFor({ timeout: 15_000 });
  await picker.click();
  await pane.getByRole("option", { name: optionName, exact: true }).click();
  await pane.getByRole("listbox").waitFor({ state: "hidden" });
}

/** Chooses the project and issue type and waits until the issue type's fields are checked. */
export async function chooseDestination(
  pane: Frame,
  project: string,
  issueType: string
): Promise<void> {
  await chooseOption(pane, "Project", project);
  await chooseOption(pane, "Issue type", issueType);
  await pane
    .getByText("Checking the issue type's fields…")
    .waitFor({ state: "hidden", timeout: 15_000 });
}

/** "Customer Support (SUP)" / "Service Request" with its required "Customer Impact" = High. */
export async function chooseServiceRequest(pane: Frame): Promise<void> {
  await chooseDestination(pane, SUPPORT_PROJECT, SERVICE_REQUEST);
  await chooseOption(pane, CUSTOMER_IMPACT, "High");
}

/** The Create issue button of the current email's form. */
export function createButton(pane: Frame): Locator {
  return newIssueForm(pane).getByRole("button", { name: "Create issue" });
}

/**
 * Waits until Create issue is enabled: the create screen is loaded and fillable and the email's
 * description conversion has finished (the button is disabled meanwhile).
 */
export async function waitUntilReadyToCreate(pane: Frame): Promise<void> {
  await newIssueForm(pane)
    .getByRole("button", { name: "Create issue", disabled: false })
    .waitFor({ timeout: 20_000 });
}

/** The Description textarea (wiki markup). */
export function descriptionBox(pane: Frame): Locator {
  return newIssueForm(pane).getByRole("textbox", { name: "Description" });
}

/** The Summary input. */
export function summaryBox(pane: Frame): Locator {
  return newIssueForm(pane).getByRole("textbox", { name: "Summary" });
}

/** Chooses a project and type whose screen needs nothing beyond summary, then fills both texts. */
export async function fillNewIssue(
  pane: Frame,
  summary: string,
  description: string
): Promise<void> {
  await chooseDestination(pane, "IT Operations (OPS)", "Task");
  await waitUntilReadyToCreate(pane);
  await summaryBox(pane).fill(summary);
  await descriptionBox(pane).fill(description);
}

/** Ticks every checkbox named in `names` (an attachment's file name exactly) and the .eml one. */
export async function tickAttachments(pane: Frame, names: readonly string[]): Promise<void> {
  const section = newIssueForm(pane).getByTestId("attachments");
  for (const name of [...names, "Attach the email (.eml)"]) {
    await section.getByRole("checkbox", { name, exact: true }).check();
  }
}

/** The attachments offered (the .eml checkbox left out): each checkbox's name and its row's text. */
export async function offeredAttachments(
  pane: Frame
): Promise<Array<{ name: string; row: string }>> {
  const boxes = newIssueForm(pane).getByTestId("attachments").getByRole("checkbox");
  const offered = [];
  for (const box of await boxes.all()) {
    const name = await box.evaluate(
      (input) => (input as HTMLInputElement).labels?.[0]?.textContent ?? ""
    );
    // The row: the checkbox with its label, the size beside it, and any note.
    const row = await box.locator("xpath=ancestor::div[1]").innerText();
    if (name !== "Attach the email (.eml)") offered.push({ name, row });
  }
  return offered;
}

/** The success card. */
export function createdCard(pane: Frame): Locator {
  return pane.getByTestId("issue-created");
}

/** Waits for "Created SUP-n" and returns the key. */
export async function createdIssueKey(pane: Frame, timeout = 30_000): Promise<string> {
  const heading = createdCard(pane).getByRole("heading", { name: /^Created [A-Z]+-\d+$/ });
  await heading.waitFor({ timeout });
  const text = (await heading.innerText()).trim();
  const key = /^Created ([A-Z]+-\d+)$/.exec(text)?.[1];
  if (!key) throw new Error(`The created card says "${text}", not "Created KEY-n".`);
  return key;
}

/** The delivery steps shown now, in order: kind, status and label. */
export async function deliverySteps(
  scope: Locator
): Promise<Array<{ step: string | null; status: string | null; label: string }>> {
  const steps = scope.getByTestId("delivery-step");
  const result = [];
  for (const step of await steps.all()) {
    result.push({
      step: await step.getAttribute("data-step"),
      status: await step.getAttribute("data-status"),
      label: (await step.innerText()).split("\n")[0]?.trim() ?? "",
    });
  }
  return result;
}

/** Waits until no delivery step in `scope` is pending or running. */
export async function waitForStepsToSettle(scope: Locator, timeout = 30_000): Promise<void> {
  await scope
    .locator('[data-testid="delivery-step"]:is([data-status="pending"], [data-status="running"])')
    .first()
    .waitFor({ state: "detached", timeout });
}

/**
 * "Linked to SUP-12, …": the link texts of the email-links section's first line, once it shows
 * `key` (the rows below it, one per issue, link the same keys again).
 */
export async function linkedIssueKeys(pane: Frame, key: string): Promise<string[]> {
  const line = linkedToLine(pane);
  await line.getByRole("link", { name: key, exact: true }).waitFor({ timeout: 15_000 });
  return line.getByRole("link").allInnerTexts();
}

/** The email-links section's first line: "Linked to SUP-12, SUP-3". */
export function linkedToLine(pane: Frame): Locator {
  return pane.getByTestId("email-links").locator(":scope > :first-child");
}

/** The row of the email-links section for the issue `key` (summary, status, "Add as comment"). */
export function linkedIssueRow(pane: Frame, key: string): Locator {
  return pane.locator(`[data-testid="linked-issue"][data-issue-key="${key}"]`);
}

/**
 * Fills the form for the current email as the create tests do: "Customer Support (SUP)" /
 * "Service Request" with "Customer Impact" High, every attachment offered (they must be exactly
 * `attachmentNames`) and the .eml ticked. Returns the description markup the form shows.
 */
export async function fillServiceRequest(
  pane: Frame,
  attachmentNames: readonly string[]
): Promise<string> {
  await chooseServiceRequest(pane);
  await waitUntilReadyToCreate(pane);
  expect((await offeredAttachments(pane)).map((offered) => offered.name)).toEqual(attachmentNames);
  await tickAttachments(pane, attachmentNames);
  return descriptionBox(pane).inputValue();
}

/** Clicks Create issue, waits for "Created KEY-n" and until no step runs; returns the key. */
export async function createAndWaitForSteps(pane: Frame): Promise<string> {
  await createButton(pane).click();
  const key = await createdIssueKey(pane);
  await waitForStepsToSettle(createdCard(pane));
  return key;
}

// --- The Add to issue form --------------------------------------------------------------------

/** The comment property the pane posts with every comment (src/jira/add-comment-once.ts). */
export const COMMENT_PROPERTY_KEY = "com.jira-for-outlook.comment";

/** The Add to issue form of the current email. */
export function addToIssueForm(pane: Frame): Locator {
  return pane.getByTestId("add-to-issue-form");
}

/** Selects the tab `name` ("New issue" or "Add to issue") of the current email. */
export async function selectTab(pane: Frame, name: "New issue" | "Add to issue"): Promise<void> {
  const tab = pane.getByRole("tab", { name, exact: true });
  await tab.click();
  await pane.getByRole("tab", { name, exact: true, selected: true }).waitFor();
}

/** Opens the "Add to issue" tab and waits for its form. */
export async function openAddToIssue(pane: Frame): Promise<void> {
  await selectTab(pane, "Add to issue");
  await addToIssueForm(pane).waitFor({ timeout: 15_000 });
}

/** The issue finder's combobox ("Issue"). */
export function issueBox(pane: Frame): Locator {
  return addToIssueForm(pane).getByRole("combobox", { name: "Issue" });
}

/** The Comment textarea (wiki markup). */
export function commentBox(pane: Frame): Locator {
  return addToIssueForm(pane).getByRole("textbox", { name: "Comment" });
}

/** The chosen issue shown under the finder. */
export function chosenIssue(pane: Frame): Locator {
  return addToIssueForm(pane).getByTestId("chosen-issue");
}

/** Waits until the chosen issue is `key`; returns its text (key, summary, status). */
export async function expectChosenIssue(pane: Frame, key: string): Promise<string> {
  const chosen = addToIssueForm(pane).locator(
    `[data-testid="chosen-issue"][data-issue-key="${key}"]`
  );
  await chosen.waitFor({ timeout: 15_000 });
  return chosen.innerText();
}

/** The Add comment button. */
export function addCommentButton(pane: Frame): Locator {
  return addToIssueForm(pane).getByRole("button", { name: "Add comment" });
}

/** Waits until Add comment is enabled: an issue chosen, the email converted, no repeat pending. */
export async function waitUntilReadyToComment(pane: Frame): Promise<void> {
  await addToIssueForm(pane)
    .getByRole("button", { name: "Add comment", disabled: false })
    .waitFor({ timeout: 20_000 });
}

/** Waits until the Comment textarea holds the converted email (editable); returns its markup. */
export async function convertedComment(pane: Frame): Promise<string> {
  await commentBox(pane).and(pane.locator(":not([readonly])")).waitFor({ timeout: 20_000 });
  await pane.getByText("Converting the email…").waitFor({ state: "hidden" });
  return commentBox(pane).inputValue();
}

/** Types `text` into the finder (the list opens and searches) without choosing anything. */
export async function typeInFinder(pane: Frame, text: string): Promise<void> {
  const box = issueBox(pane);
  await box.and(pane.locator(":enabled")).waitFor({ timeout: 15_000 });
  await box.click();
  await box.fill(text);
}

/** Types an issue key in full and presses Enter; waits until that issue is the chosen one. */
export async function goToIssueKey(pane: Frame, key: string): Promise<string> {
  await typeInFinder(pane, key);
  await issueBox(pane).press("Enter");
  return expectChosenIssue(pane, key);
}

/**
 * The finder's open list: each option group's label and its options' texts (key, summary and
 * status), in order. Waits until no "Loading…"/"Searching…" line is left and `until` holds (a
 * group label that must be there, or none).
 */
export async function finderGroups(
  pane: Frame,
  until?: string
): Promise<Array<{ label: string; options: string[] }>> {
  const listbox = pane.getByRole("listbox");
  await listbox.waitFor({ timeout: 10_000 });
  if (until) {
    await listbox.getByRole("group", { name: until, exact: true }).waitFor({ timeout: 15_000 });
  }
  // The list's own line ("Searching…") and the finder's status line ("Searching issues…").
  await pane
    .getByText(
      /^(Loading suggestions|Searching|Searching issues|Loading your recent issues|Looking for the issues this email names)…$/
    )
    .first()
    .waitFor({ state: "hidden", timeout: 15_000 });
  const groups = [];
  for (const group of await listbox.getByRole("group").all()) {
    const labelId = (await group.getAttribute("aria-labelledby")) ?? "";
    const label = labelId ? await pane.locator(`[id="${labelId}"]`).innerText() : "";
    const options = (await group.getByRole("option").allInnerTexts()).map((text) =>
      text.replace(/\s+/g, " ").trim()
    );
    groups.push({ label: label.trim(), options });
  }
  return groups;
}

/** Opens the finder's list (the current text kept) and returns its groups (see finderGroups). */
export async function openFinderList(
  pane: Frame,
  until?: string
): Promise<Array<{ label: string; options: string[] }>> {
  const box = issueBox(pane);
  await box.and(pane.locator(":enabled")).waitFor({ timeout: 15_000 });
  if ((await box.getAttribute("aria-expanded")) !== "true") await box.click();
  return finderGroups(pane, until);
}

/** Closes the finder's list with Escape (nothing chosen). */
export async function closeFinderList(pane: Frame): Promise<void> {
  await issueBox(pane).press("Escape");
  await pane.getByRole("listbox").waitFor({ state: "hidden" });
}

/** Ticks the checkboxes of the Add to issue form's attachments named in `names`, and the .eml. */
export async function tickCommentAttachments(pane: Frame, names: readonly string[]): Promise<void> {
  const section = addToIssueForm(pane).getByTestId("attachments");
  for (const name of [...names, "Attach the email (.eml)"]) {
    await section.getByRole("checkbox", { name, exact: true }).check();
  }
}

/** Chooses `optionName` in the "Visible to" dropdown. */
export async function chooseVisibility(pane: Frame, optionName: string): Promise<void> {
  const picker = addToIssueForm(pane).getByRole("combobox", { name: "Visible to" });
  await picker.and(pane.locator(":enabled")).waitFor({ timeout: 15_000 });
  await picker.click();
  await pane.getByRole("option", { name: optionName, exact: true }).click();
  await pane.getByRole("listbox").waitFor({ state: "hidden" });
}

/** The success card of a comment ("Added to SUP-2"). */
export function commentAddedCard(pane: Frame): Locator {
  return pane.getByTestId("comment-added");
}

/** Waits for "Added to KEY" and until no step runs; returns the comment's id from its link. */
export async function commentAddedAndSettled(pane: Frame, key: string): Promise<string> {
  const card = commentAddedCard(pane);
  await card.getByRole("heading", { name: `Added to ${key}`, exact: true }).waitFor({
    timeout: 30_000,
  });
  await waitForStepsToSettle(card);
  const href =
    (await card.getByRole("link", { name: key, exact: true }).getAttribute("href")) ?? "";
  const id = /[?&]focusedCommentId=(\d+)/.exec(href)?.[1];
  if (!id) throw new Error(`The "Added to ${key}" link is ${href}, with no focusedCommentId.`);
  return id;
}

/** The comments the simulator holds on `key`, oldest first. */
export async function commentsOf(key: string): Promise<SimulatorComment[]> {
  return (await simulatorIssue(key)).comments;
}
