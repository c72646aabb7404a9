/**
 * The pane follows Outlook's theme (light, dark, high contrast) and display language, as the
 * preview's toolbar or its URL (`/preview.html?lang=de-DE&theme=dark`) sets them, and stays free of
 * serious accessibility violations in every theme.
 */
import type { BrowserContext, Frame, Page } from "playwright-core";
import { seriousAxeViolations } from "./axe";
import { readE2eState } from "./e2e-state";
import {
  addCommentButton,
  commentAddedAndSettled,
  createAndWaitForSteps,
  createButton,
  expectChosenIssue,
  fillNewIssue,
  noticeCode,
  openAddToIssue,
  openSignInPopup,
  signIn,
  simulator,
  typeInFinder,
  waitUntilReadyToComment,
} from "./pane-helpers";
import { paneFrame, previewPagePerTest } from "./preview-page";

jest.setTimeout(90_000);

const { baseUrl } = readE2eState();

let context: BrowserContext;
let page: Page;

previewPagePerTest({ width: 1280, height: 900 }, (preview) => {
  ({ context, page } = preview);
});
afterEach(async () => {
  await simulator("DELETE", "/faults");
});

/** What the pane's Office stand-in and page say about language and theme. */
async function paneHostState(
  pane: Frame
): Promise<{ displayLanguage: string; lang: string; theme: string | null }> {
  return pane.evaluate(() => ({
    displayLanguage: (window as unknown as { Office: typeof Office }).Office.context
      .displayLanguage,
    lang: document.documentElement.lang,
    theme: document.querySelector("[data-theme]")?.getAttribute("data-theme") ?? null,
  }));
}

describe("the preview's display language and theme", () => {
  it("opens with the language and theme the URL asks for, and the toolbar changes them", async () => {
    await page.goto(`${baseUrl}/preview.html?lang=de-DE&theme=dark`);
    let pane = await paneFrame(page);
    await pane.locator('[data-theme="dark"]').waitFor();
    expect(await paneHostState(pane)).toEqual({
      displayLanguage: "de-DE",
      lang: "de-DE",
      theme: "dark",
    });
    expect(await page.getByLabel("Display language").inputValue()).toBe("de-DE");
    expect(await page.getByLabel("Office theme").inputValue()).toBe("dark");

    // Office fixes the language per session: a new one restarts the pane.
    await page.getByLabel("Display language").selectOption("fr-FR");
    await page.waitForFunction(() => {
      const frame = document.querySelector<HTMLIFrameElement>('iframe[title="Task pane"]');
      return frame?.contentDocument?.documentElement?.lang === "fr-FR";
    });
    pane = await paneFrame(page);
    // The theme changes while the pane runs (OfficeThemeChanged).
    await page.getByLabel("Office theme").selectOption("highContrast");
    await pane.locator('[data-theme="highContrast"]').waitFor();
    expect(await paneHostState(pane)).toEqual({
      displayLanguage: "fr-FR",
      lang: "fr-FR",
      theme: "highContrast",
    });
    // The URL follows the toolbar, so a reload keeps the choice.
    expect(new URL(page.url()).search).toBe("?lang=fr-FR&theme=highContrast");
    await page.reload();
    pane = await paneFrame(page);
    expect(await paneHostState(pane)).toEqual({
      displayLanguage: "fr-FR",
      lang: "fr-FR",
      theme: "highContrast",
    });
  });

  it("says what it ignored in a mistyped URL and keeps the defaults", async () => {
    await page.goto(`${baseUrl}/preview.html?lang=!!&theme=purple`);
    const pane = await paneFrame(page);
    expect(await paneHostState(pane)).toEqual({
      displayLanguage: "en-US",
      lang: "en-US",
      theme: "light",
    });
    await page
      .getByRole("alert")
      .filter({ hasText: "?theme=purple is not a theme; use light, dark, highContrast." })
      .waitFor();
  });
});

type Theme = "light" | "dark" | "highContrast";

interface ThemeCase {
  /** The Office theme the preview gives the pane. */
  readonly office: Theme;
  /**
   * Chromium's forced colours, as under a Windows contrast theme (emulated through the DevTools
   * protocol, Emulation.setEmulatedMedia): the pane must then choose high contrast by itself.
   */
  readonly forcedColors: boolean;
  /** The pane's theme expected. */
  readonly pane: Theme;
}

const THEME_CASES: Array<[string, ThemeCase]> = [
  ["light", { office: "light", forcedColors: false, pane: "light" }],
  ["dark", { office: "dark", forcedColors: false, pane: "dark" }],
  [
    "high contrast from Office",
    { office: "highContrast", forcedColors: false, pane: "highContrast" },
  ],
  [
    "high contrast from forced colours",
    { office: "light", forcedColors: true, pane: "highContrast" },
  ],
];

/** Opens the preview with the Office theme and forced colours of `themeCase`. */
async function openInTheme(themeCase: ThemeCase): Promise<Frame> {
  if (themeCase.forcedColors) await page.emulateMedia({ forcedColors: "active" });
  await page.goto(`${baseUrl}/preview.html?theme=${themeCase.office}`);
  const pane = await paneFrame(page);
  await pane.locator(`[data-theme="${themeCase.pane}"]`).waitFor();
  return pane;
}

/**
 * Under forced colours Chromium draws text in the system's colours, but still reports the page's
 * own colour for -webkit-text-fill-color, which axe's color-contrast reads
 * (axe-core 4.14, getTextColor): it would judge colours nobody sees (yellow links on the system's
 * white). The contrast is then the operating system's; every other rule runs.
 */
const FORCED_COLORS_SKIPPED_RULES = ["color-contrast"];

describe.each(THEME_CASES)("axe in every view, %s", (name, themeCase) => {
  it("finds no serious or critical violation", async () => {
    const found: Record<string, string[]> = {};
    const skipRules = themeCase.forcedColors ? FORCED_COLORS_SKIPPED_RULES : [];
    let pane = await openInTheme(themeCase);
    const check = async (view: string) => {
      found[view] = await seriousAxeViolations(pane, { skipRules });
    };

    await check("not signed in");
    const popup = await openSignInPopup(pane, "Sign in to Jira");
    await pane.getByText("Waiting for Jira…").waitFor();
    await check("signing in");
    await popup.getByRole("button", { name: "Deny" }).click();
    expect(await noticeCode(pane)).toBe("permission_denied");
    await check("sign-in failed");

    await signIn(pane);
    await fillNewIssue(pane, `Themes: ${name}`, "Checked by axe.");
    await check("create form");
    await simulator("POST", "/faults", {
      status: 400,
      count: 1,
      pathPrefix: "/rest/api/2/issue",
      method: "POST",
    });
    await createButton(pane).click();
    await pane.getByTestId("new-issue-problem").waitFor({ timeout: 15_000 });
    await check("create failed");
    await createAndWaitForSteps(pane);
    await check("created, with the email's links");

    await openAddToIssue(pane);
    await typeInFinder(pane, "SUP-2");
    await pane.getByRole("option", { name: /^SUP-2 / }).waitFor({ timeout: 15_000 });
    await check("add to issue, finder open");
    await page.keyboard.press("Enter");
    await expectChosenIssue(pane, "SUP-2");
    await waitUntilReadyToComment(pane);
    // The issues the email is linked to are listed with the form.
    await pane.getByTestId("linked-issue").first().waitFor({ timeout: 15_000 });
    await check("add to issue form, linked issues");
    await simulator("POST", "/faults", {
      status: 400,
      count: 1,
      pathPrefix: "/rest/api/2/issue/SUP-2/comment",
      method: "POST",
    });
    await addCommentButton(pane).click();
    await pane.getByTestId("add-to-issue-problem").waitFor({ timeout: 15_000 });
    await check("comment failed");
    await addCommentButton(pane).click();
    await commentAddedAndSettled(pane, "SUP-2");
    await check("comment added");

    // Not configured: the add-in's configuration can't be read.
    await context.route("**/preview/addin-config.json", (route) =>
      route.fulfill({ status: 404, body: "" })
    );
    await page.reload();
    pane = await paneFrame(page);
    await pane.getByTestId("not-configured").waitFor({ timeout: 15_000 });
    await check("not configured");

    expect(found).toEqual(Object.fromEntries(Object.keys(found).map((view) => [view, []])));
    expect(Object.keys(found)).toHaveLength(11);
  });
});
