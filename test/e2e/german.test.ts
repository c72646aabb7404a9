/**
 * Issue 9's "the German UI shows German strings end to end", in headless Chromium against the
 * built-in simulator: the preview opened with `?lang=de-DE` (Office.context.displayLanguage
 * "de-DE" in the stand-in) signs in, fills and creates an issue, shows its success card, and adds
 * the email to that issue as a comment, every step found by its German name. At each view the
 * pane's visible texts, labels and placeholders are checked against the English strings: none
 * may be left where German has its own (Jira's own texts, such as project names, stay as Jira
 * says them). A French smoke check does the same up to the signed-in pane with `?lang=fr-FR`.
 *
 * The German and French expected here are the catalogs' (src/i18n/locales/), looked up by key,
 * so a reworded translation doesn't break the test but a missing one does.
 */
import type { Frame, Locator, Page } from "playwright-core";
import { englishCatalog } from "../../src/i18n/catalog-en";
import germanCatalog from "../../src/i18n/catalog-de";
import frenchCatalog from "../../src/i18n/catalog-fr";
import type { Catalog, Message, MessageKey } from "../../src/i18n/catalog-types";
import { readE2eState } from "./e2e-state";
import { commentsOf, simulator, simulatorIssue } from "./pane-helpers";
import { paneFrame, previewPagePerTest } from "./preview-page";

jest.setTimeout(120_000);

const { baseUrl, simulatorUrl } = readE2eState();

let page: Page;

previewPagePerTest({ width: 1280, height: 900 }, async (preview) => {
  await simulator("POST", "/reset");
  ({ page } = preview);
});

/** The catalog's message for `key` (plural messages: the "other" form). */
function messageIn(catalog: Catalog, key: MessageKey): string {
  const dot = key.indexOf(".");
  const area = catalog[key.slice(0, dot) as keyof Catalog];
  const message = area[key.slice(dot + 1)];
  if (message === undefined) throw new Error(`The catalog has no ${key}.`);
  return typeof message === "string" ? message : (message.other ?? "");
}

/** The German text of `key`, with {placeholders} filled from `params`. */
function de(key: MessageKey, params: Record<string, string> = {}): string {
  return fill(messageIn(germanCatalog, key), params);
}

/** The French text of `key`, with {placeholders} filled from `params`. */
function fr(key: MessageKey, params: Record<string, string> = {}): string {
  return fill(messageIn(frenchCatalog, key), params);
}

function fill(text: string, params: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
}

/** The English text of `key` (to check it is NOT shown). */
function en(key: MessageKey): string {
  return messageIn(englishCatalog, key);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A pattern for a whole line of a message: its placeholders match any text. */
function linePattern(message: string): RegExp {
  const parts = message.split(/\{\w+\}/);
  return new RegExp(`^${parts.map(escapeRegExp).join(".+")}$`);
}

/**
 * What an untranslated pane would show: every English message whose translation in `catalog`
 * differs, as a whole-line pattern. Messages whose fixed words are too short to tell apart from
 * data (e.g. "{size} KB") are left out.
 */
function englishLeftoverPatterns(catalog: Catalog): Array<{ key: string; pattern: RegExp }> {
  const patterns: Array<{ key: string; pattern: RegExp }> = [];
  for (const [area, messages] of Object.entries(englishCatalog)) {
    const translated = catalog[area as keyof Catalog];
    for (const [name, message] of Object.entries(messages as Record<string, Message>)) {
      const forms = typeof message === "string" ? [message] : Object.values(message);
      const translatedMessage = translated[name];
      const translatedForms =
        translatedMessage === undefined
          ? []
          : typeof translatedMessage === "string"
            ? [translatedMessage]
            : Object.values(translatedMessage);
      for (const form of forms) {
        if (translatedForms.includes(form)) continue; // The same in both languages.
        if (form.replace(/\{\w+\}/g, "").trim().length < 4) continue;
        patterns.push({ key: `${area}.${name}`, pattern: linePattern(form) });
      }
    }
  }
  return patterns;
}

/**
 * Every text the pane shows or names now: its visible lines (the pickers' portals included) and
 * its aria-labels, placeholders and titles.
 */
async function paneTexts(pane: Frame): Promise<string[]> {
  return pane.evaluate(() => {
    const lines = document.body.innerText.split("\n");
    const attributes = [...document.querySelectorAll("[aria-label], [placeholder], [title]")]
      .filter((element) => !element.closest("[hidden], [aria-hidden='true']"))
      .flatMap((element) =>
        ["aria-label", "placeholder", "title"].map((name) => element.getAttribute(name) ?? "")
      );
    // A required field's label ends in Fluent's " *".
    return [...lines, ...attributes]
      .map((text) => text.replace(/\s*\*$/, "").trim())
      .filter((text) => text !== "");
  });
}

/**
 * The English names the English e2e tests find this flow's controls and states by (pane-helpers):
 * a translated pane shows none of them, whether or not a catalog has the string yet.
 */
const ENGLISH_FLOW_TEXTS = [
  "Connect to Jira",
  "Sign in to Jira",
  "Sign out",
  "New issue",
  "Add to issue",
  "Project",
  "Choose or type a project",
  "Loading projects…",
  "Issue type",
  "Choose a project first",
  "Choose an issue type",
  "Loading issue types…",
  "Checking the issue type's fields…",
  "Summary",
  "Description",
  "Converting the email…",
  "More fields",
  "Attachments",
  "Attach the email (.eml)",
  "Create issue",
  "Creating the issue…",
  "Reading attachments…",
  "Issue",
  "Comment",
  "Visible to",
  "Add it again",
  "Add comment",
  "Adding the comment…",
  "Done",
];

/**
 * The English texts left in the pane now: each with the catalog key it is the English of, or
 * "untranslated" for a name of {@link ENGLISH_FLOW_TEXTS} no catalog has yet.
 */
async function englishLeftovers(pane: Frame, catalog: Catalog): Promise<string[]> {
  const patterns = englishLeftoverPatterns(catalog);
  // A word both languages write alike (French "Description") is the translation, not a leftover.
  const translations = new Set(
    Object.values(catalog).flatMap((messages) =>
      Object.values(messages as Record<string, Message>).flatMap((message) =>
        typeof message === "string" ? [message] : Object.values(message)
      )
    )
  );
  const found = new Set<string>();
  for (const text of await paneTexts(pane)) {
    if (translations.has(text)) continue;
    const match = patterns.find(({ pattern }) => pattern.test(text));
    if (match) found.add(`${match.key}: ${text}`);
    else if (ENGLISH_FLOW_TEXTS.includes(text)) found.add(`untranslated: ${text}`);
  }
  return [...found];
}

/** Opens the preview in Office display language `lang`; returns the pane's frame. */
async function openPaneIn(lang: string): Promise<Frame> {
  await page.goto(`${baseUrl}/preview.html?lang=${lang}`);
  return paneFrame(page);
}

/** Signs in through the real popup with the button named `buttonName`; Allow on Jira's page. */
async function signInWith(pane: Frame, buttonName: string, signedInText: string): Promise<void> {
  const popupOpened = page.context().waitForEvent("page");
  await pane.getByRole("button", { name: buttonName, exact: true }).click();
  const popup = await popupOpened;
  await popup.waitForURL(
    (url) => url.href.startsWith(`${simulatorUrl}/plugins/servlet/oauth/authorize`),
    { timeout: 15_000 }
  );
  // The simulator's page is Jira's own: it stays in English, as a real Jira in English would.
  await popup.getByRole("button", { name: "Allow" }).click();
  await pane.getByText(signedInText, { exact: true }).waitFor({ timeout: 15_000 });
}

/**
 * The sign-in dialog's page in the language of the Office session that opens it: opened from the
 * pane, as Office opens the dialog, with Jira's redirect in its query. The pane only listens to
 * the dialog it opened itself, so the page stays open with its text to read (the real dialog is
 * closed by the pane as soon as it answers).
 */
async function dialogPageAfterJirasRedirect(pane: Frame): Promise<Page> {
  const popupOpened = page.context().waitForEvent("page");
  await pane.evaluate(() => {
    window.open(new URL("callback.html?oauth_token=t&oauth_verifier=v", location.href).href);
  });
  const popup = await popupOpened;
  await popup.waitForLoadState();
  return popup;
}

/** The New issue form; its pickers and summary by position, so English names don't find them. */
function newIssueForm(pane: Frame): Locator {
  return pane.getByTestId("new-issue-form");
}

/** Chooses `optionName` in the form's `index`-th combobox (0: project, 1: issue type). */
async function chooseInPicker(pane: Frame, index: number, optionName: string): Promise<void> {
  const picker = newIssueForm(pane).getByRole("combobox").nth(index);
  await picker.and(pane.locator(":enabled")).waitFor({ timeout: 15_000 });
  await picker.click();
  await pane.getByRole("option", { name: optionName, exact: true }).click();
  await pane.getByRole("listbox").waitFor({ state: "hidden" });
}

describe("the pane in German (Office display language de-DE)", () => {
  it("signs in, creates an issue and adds the email to it, all in German", async () => {
    const pane = await openPaneIn("de-DE");
    expect(await pane.evaluate(() => document.documentElement.lang)).toBe("de-DE");
    const leftovers: Record<string, string[]> = {};

    // Not signed in: the sign-in card, and the email's date the German way.
    await pane.getByRole("heading", { name: "Mit Jira verbinden" }).waitFor({ timeout: 15_000 });
    expect(await pane.getByRole("button", { name: "Sign in to Jira" }).count()).toBe(0);
    const emailCard = pane.getByRole("group", { name: "Aktuelle E-Mail" });
    expect(await emailCard.innerText()).toMatch(/\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}/);
    leftovers["sign-in card"] = await englishLeftovers(pane, germanCatalog);

    // The sign-in dialog's page speaks German too.
    const dialogPage = await dialogPageAfterJirasRedirect(pane);
    await dialogPage
      .getByText(de("callback.approved"), { exact: true })
      .waitFor({ timeout: 15_000 });
    expect(await dialogPage.evaluate(() => document.documentElement.lang)).toBe("de");
    expect(await dialogPage.title()).toBe(de("callback.pageTitle"));
    await dialogPage.close();

    await signInWith(pane, "Bei Jira anmelden", "Angemeldet als Jane Doe");
    await pane.getByRole("button", { name: "Abmelden" }).waitFor();
    expect(await pane.getByRole("button", { name: "Sign out" }).count()).toBe(0);

    // The create form: the tabs, the pickers with Jira's project and type, the summary.
    await pane
      .getByRole("tab", { name: "Neuer Vorgang", exact: true, selected: true })
      .waitFor({ timeout: 15_000 });
    await pane.getByRole("tab", { name: "Zu Vorgang hinzufügen", exact: true }).waitFor();
    await chooseInPicker(pane, 0, "IT Operations (OPS)");
    await chooseInPicker(pane, 1, "Task");
    const create = newIssueForm(pane).getByRole("button", {
      name: de("newIssue.createIssueButton"),
      exact: true,
    });
    await create.and(pane.locator(":enabled")).waitFor({ timeout: 20_000 });
    expect(
      await newIssueForm(pane)
        .getByRole("button", { name: en("newIssue.createIssueButton"), exact: true })
        .count()
    ).toBe(0);
    const summary = `Deutsch ${Date.now()}`;
    await newIssueForm(pane).getByRole("textbox").first().fill(summary);
    leftovers["create form"] = await englishLeftovers(pane, germanCatalog);

    // Create: the success card, in German.
    await create.click();
    const createdHeading = pane
      .getByTestId("issue-created")
      .getByRole("heading", { name: linePattern(de("newIssue.createdIssueHeading")) });
    await createdHeading.waitFor({ timeout: 30_000 });
    const headingText = (await createdHeading.innerText()).trim();
    const key = /([A-Z]+-\d+)/.exec(headingText)?.[1] ?? "";
    expect(headingText).toBe(de("newIssue.createdIssueHeading", { issueKey: key }));
    expect((await simulatorIssue(key)).values.summary).toBe(summary);
    await pane
      .getByTestId("issue-created")
      .locator('[data-testid="delivery-step"]:is([data-status="pending"], [data-status="running"])')
      .first()
      .waitFor({ state: "detached", timeout: 30_000 });
    leftovers["success card"] = await englishLeftovers(pane, germanCatalog);

    // Add to issue: the tab, the finder, the comment, its success card.
    await pane.getByRole("tab", { name: "Zu Vorgang hinzufügen", exact: true }).click();
    const form = pane.getByTestId("add-to-issue-form");
    await form.waitFor({ timeout: 15_000 });
    const finder = form.getByRole("combobox", { name: de("finder.issueLabel"), exact: true });
    await finder.and(pane.locator(":enabled")).waitFor({ timeout: 15_000 });
    await finder.click();
    await finder.fill(key);
    await finder.press("Enter");
    await form
      .locator(`[data-testid="chosen-issue"][data-issue-key="${key}"]`)
      .waitFor({ timeout: 15_000 });
    if (await pane.getByRole("listbox").isVisible()) {
      await finder.press("Escape");
      await pane.getByRole("listbox").waitFor({ state: "hidden" });
    }
    // The email made that issue: the form says so (with the date the German way) and waits for
    // "Add it again".
    const alreadyAdded = form.getByTestId("already-added");
    await alreadyAdded.waitFor({ timeout: 15_000 });
    expect((await alreadyAdded.innerText()).split("\n")[0]?.trim()).toMatch(
      linePattern(de("addToIssue.createdFromEmailOn", { issueKey: key }))
    );
    expect(await alreadyAdded.innerText()).toMatch(/\d{2}\.\d{2}\.\d{4}/);
    leftovers["add to issue form"] = await englishLeftovers(pane, germanCatalog);
    await alreadyAdded
      .getByRole("button", { name: de("addToIssue.addItAgain"), exact: true })
      .click();
    const addComment = form.getByRole("button", {
      name: de("addToIssue.addCommentButton"),
      exact: true,
    });
    await addComment.and(pane.locator(":enabled")).waitFor({ timeout: 20_000 });
    await addComment.click();
    await pane
      .getByTestId("comment-added")
      .getByRole("heading", { name: de("addToIssue.addedTo", { issueKey: key }), exact: true })
      .waitFor({ timeout: 30_000 });
    expect(await commentsOf(key)).toHaveLength(1);
    leftovers["comment added"] = await englishLeftovers(pane, germanCatalog);

    expect(leftovers).toEqual({
      "sign-in card": [],
      "create form": [],
      "success card": [],
      "add to issue form": [],
      "comment added": [],
    });
  });
});

describe("the pane in French (Office display language fr-FR)", () => {
  it("signs in and shows the account, the email and the tabs in French", async () => {
    const pane = await openPaneIn("fr-FR");
    expect(await pane.evaluate(() => document.documentElement.lang)).toBe("fr-FR");
    await pane.getByRole("heading", { name: fr("app.signInTitle") }).waitFor({ timeout: 15_000 });
    const signInLeftovers = await englishLeftovers(pane, frenchCatalog);

    await signInWith(pane, "Se connecter à Jira", "Connecté en tant que Jane Doe");
    await pane.getByRole("tab", { name: "Nouvelle demande", exact: true }).waitFor();
    await pane.getByRole("tab", { name: "Ajouter à une demande", exact: true }).waitFor();
    await newIssueForm(pane).getByRole("combobox").first().waitFor({ timeout: 15_000 });
    expect({
      signIn: signInLeftovers,
      signedIn: await englishLeftovers(pane, frenchCatalog),
    }).toEqual({ signIn: [], signedIn: [] });
  });
});
