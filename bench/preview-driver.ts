/**
 * Driving the preview (preview.html: a reading pane beside the real task pane in an iframe) for
 * the bench, and the in-page probe that says when the pane (or the bare page) is ready.
 *
 * The probe is an init script, so it runs in every document before the page's own scripts: a
 * MutationObserver notes `performance.now()` (ms since that document's navigation started) the
 * first time each state is reached, and the Jira requests (resource timing of `/jira/…`, the relay)
 * started before it. Same code, same overhead, for the pane and the bare page.
 */
import type { Browser, BrowserContext, Frame, Page } from "playwright-core";

/** Roaming settings of the Outlook stand-in live in the preview's localStorage under this key. */
export const ROAMING_SETTINGS_KEY = "outlookPreview.roamingSettings";

/** What the probe saw in one document: ms since its navigation started. */
export interface ProbeMarks {
  /** The pane's account bar ("Signed in as …") is in the DOM. */
  accountBar?: number;
  /** The New issue form is in the DOM (its controls may still be disabled). */
  formShown?: number;
  /** "Pane interactive": the account bar, and the New issue form's first control enabled (bare page: its text). */
  interactive?: number;
  /** The whole New issue form is in the DOM, down to Create issue (enabled or not). */
  formComplete?: number;
  /** A ready create form: Create issue enabled (for the expected email, when one is set). */
  formReady?: number;
}

/** The probe's state in a document, as read back. */
export interface ProbeState {
  timeOrigin: number;
  /** When the probe last started waiting for another email's form (`expect`), else 0. */
  since: number;
  marks: ProbeMarks;
  /** Relay requests (`/jira/…`) as [startTime, method-less path], in order. */
  jiraRequests: Array<[number, string]>;
}

/**
 * The init script. Plain JavaScript in a string: it runs in the page as written (a function
 * compiled here would carry the bundler's helpers with it).
 */
export const PROBE_SCRIPT = `(() => {
  const path = location.pathname;
  const isPane = path.endsWith("/preview/taskpane.html");
  const isBare = path.endsWith("/bare.html");
  if (!isPane && !isBare) return;
  performance.setResourceTimingBufferSize(5000);
  const probe = { marks: {}, expectSubject: undefined, since: 0 };
  window.__benchProbe = probe;
  const note = (name, reached) => {
    if (probe.marks[name] === undefined && reached) probe.marks[name] = performance.now();
  };
  const enabled = (element) =>
    !!element && !element.disabled && element.getAttribute("aria-disabled") !== "true";
  const check = () => {
    if (isBare) {
      note("interactive", document.querySelector('[data-testid="bare-hello"]'));
      if (probe.marks.interactive !== undefined) observer.disconnect();
      return;
    }
    const accountBar = document.querySelector('[data-testid="account-bar"]');
    note("accountBar", accountBar);
    const form = document.querySelector('[data-testid="new-issue-form"]');
    note("formShown", form);
    if (!form || !accountBar) return;
    note("interactive", enabled(form.querySelector('[role="combobox"]')));
    const create = [...form.querySelectorAll("button")].find(
      (button) => button.textContent.trim() === "Create issue"
    );
    note("formComplete", create);
    if (probe.marks.formReady !== undefined) return;
    if (probe.expectSubject !== undefined) {
      const subject = document.querySelector('[data-testid="current-subject"]');
      if (!subject || subject.textContent.trim() !== probe.expectSubject) return;
    }
    note("formReady", enabled(create));
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
  /** Starts waiting for a ready form again, for another email (a switch in an open pane). */
  probe.expect = (subject) => {
    probe.expectSubject = subject;
    probe.since = performance.now();
    delete probe.marks.formReady;
  };
  probe.read = () => ({
    timeOrigin: performance.timeOrigin,
    since: probe.since,
    marks: { ...probe.marks },
    jiraRequests: performance
      .getEntriesByType("resource")
      .filter((entry) => new URL(entry.name).pathname.startsWith("/jira/"))
      .map((entry) => [entry.startTime, new URL(entry.name).pathname.slice(5)]),
  });
})();`;

/** Options of a bench browser context. */
export interface BenchContextOptions {
  /** The add-in server's origin. */
  baseUrl: string;
  /** Roaming settings (the stored Jira token, remembered destinations) to start with. */
  roamingSettings?: string;
}

/** A fresh profile (empty HTTP cache and storage) with the probe, signed in when given settings. */
export async function newBenchContext(
  browser: Browser,
  options: BenchContextOptions
): Promise<BrowserContext> {
  const context = await browser.newContext({
    ignoreHTTPSErrors: true,
    viewport: { width: 1280, height: 900 },
    ...(options.roamingSettings === undefined
      ? {}
      : {
          storageState: {
            cookies: [],
            origins: [
              {
                origin: options.baseUrl,
                localStorage: [{ name: ROAMING_SETTINGS_KEY, value: options.roamingSettings }],
              },
            ],
          },
        }),
  });
  await context.addInitScript({ content: PROBE_SCRIPT });
  return context;
}

const PANE_IFRAME = 'iframe[title="Task pane"]';
const PANE_URL = /\/preview\/taskpane\.html(\?|#|$)/;

/** The pane's frame once its document is `/preview/taskpane.html`. */
export async function paneFrame(page: Page): Promise<Frame> {
  const element = await page.waitForSelector(PANE_IFRAME, { timeout: 30_000 });
  const frame = await element.contentFrame();
  if (!frame) throw new Error("The preview has no task pane iframe.");
  return frame;
}

/**
 * Reads the probe of the pane's current document; undefined while the pane's frame is not there
 * yet. Read through the frame itself: reaching into the iframe from the page around it while the
 * preview starts keeps the pane from loading.
 */
export async function readPaneProbe(page: Page): Promise<ProbeState | undefined> {
  const frame = loadedPaneFrame(page);
  if (!frame) return undefined;
  return (await frame.evaluate("window.__benchProbe ? window.__benchProbe.read() : undefined")) as
    ProbeState | undefined;
}

/** The pane's frame, once it shows the pane's page. */
function loadedPaneFrame(page: Page): Frame | undefined {
  return page.frames().find((candidate) => PANE_URL.test(candidate.url()));
}

function requirePaneFrame(page: Page): Frame {
  const frame = loadedPaneFrame(page);
  if (!frame) throw new Error("The preview shows no task pane (/preview/taskpane.html).");
  return frame;
}

/** Reads the probe of the page's top document (the bare page). */
export async function readPageProbe(page: Page): Promise<ProbeState | undefined> {
  return (await page.evaluate("window.__benchProbe ? window.__benchProbe.read() : undefined")) as
    ProbeState | undefined;
}

/**
 * Waits until `read()` gives a probe of a document other than `previousTimeOrigin`'s with `mark`
 * set, and returns it.
 */
export async function waitForMark(
  read: () => Promise<ProbeState | undefined>,
  mark: keyof ProbeMarks,
  previousTimeOrigin: number | undefined,
  timeoutMs = 60_000
): Promise<ProbeState> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    const state = await read().catch((error: unknown) => {
      // A read while the document navigates fails: read again.
      lastError = error;
      return undefined;
    });
    if (state && state.timeOrigin !== previousTimeOrigin && state.marks[mark] !== undefined) {
      return state;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `The page did not reach "${mark}" within ${timeoutMs / 1000} s (probe: ${JSON.stringify(state?.marks)}).`,
        { cause: lastError }
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * Makes the pane's probe wait for a ready form of the email titled `subject` (a switch to another
 * email in the open pane); returns the pane document's clock at that moment.
 */
export async function expectPaneEmail(page: Page, subject: string): Promise<number> {
  return (await requirePaneFrame(page).evaluate(
    `(() => { window.__benchProbe.expect(${JSON.stringify(subject)}); return window.__benchProbe.since; })()`
  )) as number;
}

/** The pane document's clock now (ms since its navigation started). */
export async function paneClock(page: Page): Promise<number> {
  return (await requirePaneFrame(page).evaluate("performance.now()")) as number;
}

/**
 * Opens the pane's iframe afresh (the preview around it stays), as Outlook reopening the pane in a
 * new web view: the frame goes to about:blank first, so tearing down the old pane document (which
 * shares the preview's main thread here, unlike in Outlook) is not charged to the new pane's load.
 */
export async function reloadPaneFrame(page: Page): Promise<void> {
  requirePaneFrame(page);
  await page.evaluate(`(async () => {
    const frame = document.querySelector('iframe[title="Task pane"]');
    const src = frame.src;
    const loaded = new Promise((resolve) => frame.addEventListener("load", resolve, { once: true }));
    frame.src = "about:blank";
    await loaded;
    frame.src = src;
  })()`);
}

/** Jira requests the probe saw start between `from` and `to` (ms of the document's clock). */
export function jiraRequestsBetween(state: ProbeState, from: number, to: number): string[] {
  return state.jiraRequests
    .filter(([startTime]) => startTime >= from && startTime <= to)
    .map(([, path]) => path);
}

/** Opens preview.html and signs in through the simulator's authorize page (Allow, as Jane Doe). */
export async function signInThroughPopup(
  context: BrowserContext,
  page: Page,
  baseUrl: string
): Promise<Frame> {
  await page.goto(`${baseUrl}/preview.html`);
  const pane = await paneFrame(page);
  const popupOpened = context.waitForEvent("page");
  await pane.getByRole("button", { name: "Sign in to Jira" }).click({ timeout: 30_000 });
  const popup = await popupOpened;
  await popup.getByRole("button", { name: "Allow" }).click({ timeout: 30_000 });
  await pane.getByText("Signed in as Jane Doe", { exact: true }).waitFor({ timeout: 30_000 });
  return pane;
}

/** Chooses `option` in the New issue form's combobox labelled `label`. */
export async function chooseOption(pane: Frame, label: string, option: string): Promise<void> {
  const picker = pane.getByTestId("new-issue-form").getByRole("combobox", { name: label });
  await picker.and(pane.locator(":enabled")).waitFor({ timeout: 30_000 });
  await picker.click();
  await pane.getByRole("option", { name: option, exact: true }).click();
  await pane.getByRole("listbox").waitFor({ state: "hidden" });
}

/** The Create issue button of the current email's form. */
export function createIssueButton(pane: Frame) {
  return pane.getByTestId("new-issue-form").getByRole("button", { name: "Create issue" });
}

/** Waits until the created card shows and no delivery step is pending or running. */
export async function waitForDeliveryDone(pane: Frame, timeoutMs = 120_000): Promise<void> {
  await pane
    .getByTestId("issue-created")
    .getByRole("heading", { name: /^Created [A-Z]+-\d+$/ })
    .waitFor({ timeout: timeoutMs });
  await pane
    .locator('[data-testid="delivery-step"]:is([data-status="pending"], [data-status="running"])')
    .first()
    .waitFor({ state: "detached", timeout: timeoutMs });
}

/**
 * Waits until the main thread of `target`'s document has been quiet for `quietMs` (no task held
 * it for more than 20 ms): what a page still does after a measured mark (the pane converts the
 * email, looks up its linked issues) must be over before the next page is timed, or that page is
 * charged for it (the pane and the bare page share the machine's cores).
 */
export async function waitForQuiet(target: Page | Frame, quietMs = 300): Promise<void> {
  await target.evaluate(`new Promise((resolve) => {
    let last = performance.now();
    let quietSince = last;
    const tick = () => {
      const now = performance.now();
      if (now - last > 20) quietSince = now;
      last = now;
      if (now - quietSince >= ${quietMs}) resolve();
      else setTimeout(tick, 5);
    };
    setTimeout(tick, 5);
  })`);
}
