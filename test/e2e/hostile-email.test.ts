/**
 * Issue 8's hostile emails and the pane's Content-Security-Policy, in headless Chromium against the
 * built-in simulator through the relay.
 *
 * - Under the policy, the main flows (sign in through the callback page, open an email, the New
 *   issue form with its description preview, create, Add to issue, comment) and the production
 *   pane page with Microsoft's own office.js cause no CSP violation and no CSP console error.
 * - Hostile .eml files opened from disk (test/fixtures/hostile/, and two made here: a 5 MB HTML
 *   body, 10,000 nested elements): scripts, on* handlers, javascript: URLs, CSS expressions,
 *   <base>, forms, SVG with script, remote images and tracking pixels pointed at a local "tracker"
 *   on 127.0.0.1, zero-width and right-to-left override characters in the subject and file names,
 *   attachment names with path separators. No dialog opens, no payload runs (each would set
 *   `window.__hostile`, call alert() and post "hostile-ran" to its parent), the tracker receives
 *   no request at all, the pane stays usable (the create form and the description preview render,
 *   an issue is created), the summary and the uploaded file names are cleaned. The only CSP
 *   reports from our pages are the email's own handlers and <base>, refused as the converter
 *   reads its HTML (see violationsBesidesEmailMarkup).
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import type { BrowserContext, Frame, Page } from "playwright-core";
import { seriousAxeViolations } from "./axe";
import { readE2eState } from "./e2e-state";
import { SAMPLE_CASES } from "./email-cases";
import {
  addCommentButton,
  attachmentsOf,
  chooseDestination,
  commentAddedAndSettled,
  convertedComment,
  createAndWaitForSteps,
  descriptionBox,
  goToIssueKey,
  newIssueForm,
  offeredAttachments,
  openAddToIssue,
  selectTab,
  signIn,
  simulator,
  simulatorIssue,
  summaryBox,
  tickAttachments,
  waitUntilReadyToComment,
  waitUntilReadyToCreate,
} from "./pane-helpers";
import { openPreviewPane, previewPagePerTest, selectEmail } from "./preview-page";

jest.setTimeout(180_000);

const { baseUrl } = readE2eState();
const origin = new URL(baseUrl).origin;
const fixture = (name: string) => path.resolve(__dirname, "../fixtures/hostile", name);

// --- What the browser did: CSP violations, dialogs, payload messages, requests --------------------

interface Violation {
  /** The document that broke its policy. */
  page: string;
  directive: string;
  blocked: string;
  sample: string;
}

interface Observations {
  violations: Violation[];
  /** Console messages about a Content-Security-Policy (Chromium logs each refusal). */
  cspConsole: string[];
  dialogs: string[];
  /** "hostile-…" messages posted to our pages by a payload that ran. */
  payloadMessages: string[];
  /** Every request of every page and frame: its URL and the frame's. */
  requests: Array<{ url: string; frame: string }>;
}

let page: Page;
let pane: Frame;
let seen: Observations;

/**
 * Watches everything a page of `context` does from its first script on: a listener for
 * `securitypolicyviolation` and for payload messages in every document (an init script, which
 * CSP doesn't govern), reporting through a binding that knows the frame; dialogs are recorded and
 * dismissed; popups (the sign-in dialog) are watched the same way.
 */
async function observe(context: BrowserContext, first: Page): Promise<Observations> {
  const observations: Observations = {
    violations: [],
    cspConsole: [],
    dialogs: [],
    payloadMessages: [],
    requests: [],
  };
  await context.exposeBinding(
    "__reportToTest",
    ({ frame }, kind: string, detail: Omit<Violation, "page"> | string) => {
      if (kind === "violation" && typeof detail === "object") {
        observations.violations.push({ page: frame.url(), ...detail });
      } else if (kind === "message" && typeof detail === "string") {
        observations.payloadMessages.push(`${frame.url()}: ${detail}`);
      }
    }
  );
  await context.addInitScript(() => {
    const report = (window as unknown as { __reportToTest(kind: string, detail: unknown): void })
      .__reportToTest;
    document.addEventListener(
      "securitypolicyviolation",
      (event) =>
        report("violation", {
          directive: event.effectiveDirective,
          blocked: event.blockedURI,
          sample: event.sample,
        }),
      true
    );
    window.addEventListener("message", (event) => {
      if (typeof event.data === "string" && event.data.startsWith("hostile-")) {
        report("message", event.data);
      }
    });
  });
  const watch = (watched: Page) => {
    watched.on("dialog", (dialog) => {
      observations.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
    watched.on("console", (message) => {
      if (/Content[- ]Security[- ]Policy/i.test(message.text())) {
        observations.cspConsole.push(message.text());
      }
    });
    watched.on("request", (request) => {
      observations.requests.push({ url: request.url(), frame: request.frame().url() });
    });
  };
  watch(first);
  context.on("page", watch);
  return observations;
}

/** The violations of documents on the add-in's origin: the pane, the callback page, the preview. */
function ourViolations(): Violation[] {
  return seen.violations.filter((violation) => violation.page.startsWith(origin));
}

/**
 * The violations of our documents other than the email's own markup refused in the pane.
 * Chromium holds HTML parsed into a DOMParser document, which never runs or loads anything, to
 * the policy of the page that parsed it, and reports each refusal to that page: the converter
 * (and, in the preview, the stand-in's HTML → text) read the email's HTML that way, so each
 * `on…=` handler of the email shows up here as `script-src-attr` refused, and its `<base href>`
 * as `base-uri` refused. That is the policy at work on the email's content; anything else would
 * be the pane breaking its own policy.
 */
function violationsBesidesEmailMarkup(): Violation[] {
  return ourViolations().filter(
    (violation) =>
      !(
        violation.page === `${origin}/preview/taskpane.html` &&
        ((violation.directive === "script-src-attr" && violation.blocked === "inline") ||
          (violation.directive === "base-uri" && violation.blocked.startsWith(trackerUrl)))
      )
  );
}

previewPagePerTest({ width: 1280, height: 900 }, async (preview) => {
  page = preview.page;
  seen = await observe(preview.context, page);
});

// --- The local tracker every remote URL of the hostile emails points at -------------------------

let tracker: Server;
let trackerUrl: string;
const trackerHits: string[] = [];

beforeAll(async () => {
  tracker = createServer((request, response) => {
    trackerHits.push(`${request.method ?? ""} ${request.url ?? ""}`);
    response.writeHead(200, { "Content-Type": "image/gif" }).end();
  });
  await new Promise<void>((resolve) => tracker.listen(0, "127.0.0.1", resolve));
  trackerUrl = `http://127.0.0.1:${(tracker.address() as AddressInfo).port}`;
});
afterAll(async () => {
  tracker.closeAllConnections();
  await new Promise((resolve) => tracker.close(resolve));
});
beforeEach(() => {
  trackerHits.length = 0;
});

/** Writes `eml` (its {{TRACKER}} pointing at the tracker) to a temporary file; returns its path. */
function emlFile(name: string, eml: string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "hostile-")), name);
  writeFileSync(file, eml.split("{{TRACKER}}").join(trackerUrl));
  return file;
}

/** Opens `file` with "Open .eml"; waits until the pane's current email's subject holds `marker`. */
async function openHostileEml(file: string, marker: string, timeout = 30_000): Promise<void> {
  await page.getByLabel("Open .eml").setInputFiles(file);
  await pane.getByTestId("current-subject").filter({ hasText: marker }).waitFor({ timeout });
}

/** Waits until the description holds the converted email (editable, no spinner); returns it. */
async function convertedDescription(timeout = 60_000): Promise<string> {
  await descriptionBox(pane).and(pane.locator(":not([readonly])")).waitFor({ timeout });
  await newIssueForm(pane).getByText("Converting the email…").waitFor({ state: "hidden", timeout });
  return descriptionBox(pane).inputValue();
}

/**
 * Switches the description preview on and checks it rendered, inertly: only the preview's
 * elements, no image, links to http(s) and mailto only. Returns the preview's text.
 */
async function expectInertPreview(): Promise<string> {
  const form = newIssueForm(pane);
  await form.getByRole("switch", { name: "Preview" }).check();
  const content = form.getByTestId("description-preview-content");
  await content.waitFor({ timeout: 30_000 });
  const found = await content.evaluate((element) => ({
    tags: [...new Set(Array.from(element.querySelectorAll("*"), (child) => child.localName))],
    attributes: [
      ...new Set(
        Array.from(element.querySelectorAll("*"), (child) => child.getAttributeNames()).flat()
      ),
    ],
    hrefs: Array.from(element.querySelectorAll("a[href]"), (link) => link.getAttribute("href")),
    text: element.textContent ?? "",
  }));
  const allowed = ["p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre"]
    .concat(["strong", "em", "ins", "del", "sup", "sub", "cite", "code", "span", "a"])
    .concat(["ul", "ol", "li", "table", "tbody", "tr", "th", "td"]);
  expect(found.tags.filter((tag) => !allowed.includes(tag))).toEqual([]);
  expect(
    found.attributes.filter(
      (name) => !["href", "dir", "class", "title", "rel", "target"].includes(name)
    )
  ).toEqual([]);
  for (const href of found.hrefs) expect(href).toMatch(/^(?:https?|mailto):/);
  return found.text;
}

/**
 * Nothing ran and nothing was loaded: no dialog, no payload message, no `__hostile` flag in any
 * frame, no request to the tracker (nor from the pane to anywhere but the add-in's origin), and no
 * CSP violation in our own documents besides the email's markup refused as it was read (the
 * email's sandboxed frame refusing its loads is its own CSP at work, reported in its document).
 */
async function expectNothingRanOrLoaded(): Promise<void> {
  await page.waitForTimeout(1_000); // time for a late handler, refresh or image load to show up
  expect(seen.dialogs).toEqual([]);
  expect(seen.payloadMessages).toEqual([]);
  for (const frame of page.frames()) {
    const flag = await frame
      .evaluate(() => (window as unknown as { __hostile?: unknown }).__hostile ?? null)
      .catch(() => null);
    expect([frame.url(), flag]).toEqual([frame.url(), null]);
  }
  expect(trackerHits).toEqual([]);
  const paneRequests = seen.requests.filter((request) => request.frame.includes("/taskpane.html"));
  expect(paneRequests.length).toBeGreaterThan(0);
  expect(
    paneRequests.filter(
      (request) => !request.url.startsWith(origin) && !/^(?:data|blob):/.test(request.url)
    )
  ).toEqual([]);
  expect(violationsBesidesEmailMarkup()).toEqual([]);
}

// --- The main flows under the policy ------------------------------------------------------------

describe("the pane under its Content-Security-Policy", () => {
  it("breaks no rule while signing in, creating an issue, previewing and adding a comment", async () => {
    await simulator("POST", "/reset");
    pane = await openPreviewPane(page);
    await signIn(pane); // the callback page runs in the popup, under the same policy

    const outlookHtml = SAMPLE_CASES[1]!; // HTML from Outlook: a table, a pasted image
    await selectEmail(page, pane, outlookHtml.subject);
    await chooseDestination(pane, "IT Operations (OPS)", "Task");
    await waitUntilReadyToCreate(pane);
    const previewText = await expectInertPreview();
    expect(previewText).toContain("Image: image001.png");
    expect(await seriousAxeViolations(pane)).toEqual([]); // the preview switched on, too
    await tickAttachments(pane, []);
    const key = await createAndWaitForSteps(pane);
    expect((await simulatorIssue(key)).values.summary).toBe(outlookHtml.summary);

    // To another issue: the one just created from this email would first ask "add it again?".
    await openAddToIssue(pane);
    await goToIssueKey(pane, "SUP-2");
    await convertedComment(pane);
    await waitUntilReadyToComment(pane);
    await addCommentButton(pane).click();
    await commentAddedAndSettled(pane, "SUP-2");
    await selectTab(pane, "New issue");

    expect(ourViolations()).toEqual([]);
    expect(seen.cspConsole).toEqual([]);
    expect(seen.dialogs).toEqual([]);
    // The callback page and the pane really ran under the policy (the header, not a weaker one).
    const callback = seen.requests.find((request) =>
      request.url.includes("/preview/callback.html")
    );
    expect(callback).toBeDefined();
  });

  it("breaks no rule in the production pane page, with Microsoft's own office.js", async () => {
    const response = await page.goto(`${baseUrl}/taskpane.html`);
    expect(response?.headers()["content-security-policy"]).toMatch(/script-src 'self';/);
    await page
      .getByRole("heading", { name: "Open this add-in from Outlook" })
      .waitFor({ timeout: 15_000 });
    await page.waitForTimeout(1_000); // office.js loads its host scripts after the page
    const officeScripts = seen.requests
      .map((request) => request.url)
      .filter((url) => url.startsWith(`${origin}/office-js/`));
    expect(officeScripts).toContain(`${origin}/office-js/office.js`);
    expect(ourViolations()).toEqual([]);
    expect(seen.cspConsole).toEqual([]);
  });
});

// --- Hostile emails -----------------------------------------------------------------------------

describe("a hostile email opened from disk", () => {
  beforeEach(async () => {
    await simulator("POST", "/reset");
    pane = await openPreviewPane(page);
    await signIn(pane);
  });

  it("runs and loads nothing, and makes a clean issue: HTML with scripts, handlers, forms, SVG, pixels", async () => {
    await openHostileEml(
      emlFile("hostile-html.eml", readFileSync(fixture("hostile-html.eml"), "utf8")),
      "overdue"
    );
    // The reading pane shows it (sandboxed), so every trick had its chance.
    await page
      .frameLocator('iframe[title="Email body"]')
      .getByText("Quarterly account review")
      .waitFor();

    expect(await summaryBox(pane).inputValue()).toBe("Invoice 2024-117 gpj.exe overdue");
    // The form offers every attachment (its checkbox shows the name as the email gives it).
    const offered = (await offeredAttachments(pane)).map((attachment) => attachment.name);
    expect(offered).toHaveLength(5);

    const markup = await convertedDescription();
    expect(markup).toContain("*attached statement*");
    expect(markup).toContain("[the real portal|https://portal.example.com/review]");
    // No link to a script or data: the email's javascript: and vbscript: links kept their text
    // only (the escaped "\\[click\\|javascript:…" is the email's visible text).
    expect(markup).not.toMatch(/(?<!\\)\[[^\]\n]*(?<!\\)\|\s*(?:javascript|vbscript|data):/i);
    expect(markup).not.toMatch(/onerror|onload|expression\(|background:/i);
    // Never an image Jira would fetch: the email's "!url!" text is escaped ("\\!http…").
    expect(markup).not.toMatch(/(?<!\\)!https?:/);
    const previewText = await expectInertPreview();
    expect(previewText).toContain("Open the portal");
    expect(previewText).toContain("[click|javascript:alert('hostile')]"); // the email's text, as text

    await chooseDestination(pane, "IT Operations (OPS)", "Task");
    await waitUntilReadyToCreate(pane);
    await tickAttachments(pane, offered);
    const key = await createAndWaitForSteps(pane);
    const issue = await simulatorIssue(key);
    expect(issue.values.summary).toBe("Invoice 2024-117 gpj.exe overdue");
    expect(issue.values.description).toBe(markup);
    // Uploaded under safe names: no path, no reserved character, no invisible or bidi control.
    expect((await attachmentsOf(key)).map((attachment) => attachment.filename).sort()).toEqual(
      [
        "_.._.._etc_passwd",
        "_.._Windows_win.ini",
        "C__Users_Public_payload.bat",
        "invoicefdp.exe",
        "zerowidth notes.txt",
        "RE_ Invoice 2024-117 gpj.exe overdue.eml", // the subject made safe
      ].sort()
    );
    // Its handlers and <base> were refused while the email's HTML was read (see above).
    expect(ourViolations().length).toBeGreaterThan(0);

    await expectNothingRanOrLoaded();
  });

  it("keeps a plain-text email's markup, HTML and override characters as text", async () => {
    await openHostileEml(
      emlFile("hostile-plain.eml", readFileSync(fixture("hostile-plain.eml"), "utf8")),
      "Plain"
    );
    expect(await summaryBox(pane).inputValue()).toBe("TXT.exe Plain hostile text");
    const markup = await convertedDescription();
    expect(markup).toContain("\\[click me\\|javascript:");
    expect(markup).toContain("\\{html\\}");
    const previewText = await expectInertPreview();
    expect(previewText).toContain("<script>alert('hostile')</script>");
    expect(previewText).toContain(`!${trackerUrl}/wiki-pixel.gif!`);
    expect(previewText).toContain("{html}<img src=");
    await expectNothingRanOrLoaded();
  });

  it("stays usable with a 5 MB HTML body full of tracking pixels", async () => {
    const times: string[] = [];
    let last = Date.now();
    const lap = (what: string) => {
      times.push(`${what} ${Date.now() - last} ms`);
      last = Date.now();
    };
    // The preview's Outlook (reading the .eml, showing it) takes most of this, on a busy machine.
    await openHostileEml(emlFile("huge.eml", hugeHtmlEml()), "Huge newsletter", 120_000);
    lap("opened");
    const markup = await convertedDescription(120_000);
    lap("converted");
    expect(markup).toContain("Line 1: quarterly figures *bold*");
    expect(markup.length).toBeGreaterThan(1_000_000);
    expect(await summaryBox(pane).inputValue()).toBe("Huge newsletter");
    const previewText = await expectInertPreview();
    lap("previewed");
    expect(previewText).toContain("Line 1: quarterly figures bold");
    await newIssueForm(pane).getByText("The preview shows the first 100,000 characters.").waitFor();
    // The form still answers: a project can be chosen and Create enabled.
    await chooseDestination(pane, "IT Operations (OPS)", "Task");
    lap("destination chosen");
    await waitUntilReadyToCreate(pane);
    lap("ready to create");
    await expectNothingRanOrLoaded();
    lap("checked");
    console.log(
      `hostile-email, 5 MB HTML body (${HUGE_HTML_BYTES} bytes, markup ${markup.length} characters): ${times.join(", ")}`
    );
  });

  it("stays usable with 10,000 nested elements", async () => {
    await openHostileEml(emlFile("nested.eml", nestedHtmlEml(10_000)), "Deeply nested");
    const markup = await convertedDescription();
    expect(markup).toContain("The innermost text");
    const previewText = await expectInertPreview();
    expect(previewText).toContain("The innermost text");
    await chooseDestination(pane, "IT Operations (OPS)", "Task");
    await waitUntilReadyToCreate(pane);
    await expectNothingRanOrLoaded();
  });
});

// --- The emails made here -------------------------------------------------------------------------

const HUGE_HTML_BYTES = 5 * 1024 * 1024;

/** An HTML email of 5 MB: numbered paragraphs with a link each, and tracking pixels. */
function hugeHtmlEml(): string {
  const lines: string[] = [];
  let size = 0;
  for (let line = 1; size < HUGE_HTML_BYTES; line += 1) {
    const html =
      `<p class="MsoNormal">Line ${line}: quarterly figures <b>bold</b> and ` +
      `<a href="https://portal.example.com/report/${line}">report ${line}</a>` +
      // A tracking pixel every 20 lines: 1,700 of them (each refused load costs the test harness,
      // not the pane, a protocol event).
      (line % 20 === 1 ? `<img src="{{TRACKER}}/pixel-${line}.gif" width="1" height="1">` : "") +
      "</p>\n";
    lines.push(html);
    size += html.length;
  }
  return htmlEml("Huge newsletter", `<html><body>${lines.join("")}</body></html>`);
}

/** An HTML email whose text sits `depth` elements deep (divs, spans and fonts, mixed). */
function nestedHtmlEml(depth: number): string {
  const tags = ["div", "span", "font", "blockquote", "b"];
  const open: string[] = [];
  const close: string[] = [];
  for (let level = 0; level < depth; level += 1) {
    const tag = tags[level % tags.length] as string;
    open.push(level % 1000 === 0 ? `<${tag} onmouseover="alert('hostile')">` : `<${tag}>`);
    close.unshift(`</${tag}>`);
  }
  const body = `${open.join("")}The innermost text<img src="{{TRACKER}}/deep.gif">${close.join("")}`;
  return htmlEml("Deeply nested", `<html><body><p>Start</p>${body}<p>End</p></body></html>`);
}

function htmlEml(subject: string, html: string): string {
  return [
    "From: Sender <sender@tracker.example>",
    "To: Jane Doe <jane@example.com>",
    `Subject: ${subject}`,
    "Date: Tue, 01 Dec 2026 10:00:00 +0000",
    `Message-ID: <${subject.replace(/\W+/g, "-").toLowerCase()}@tracker.example>`,
    "MIME-Version: 1.0",
    "Content-Type: text/html; charset=utf-8",
    "Content-Transfer-Encoding: 8bit",
    "",
    html,
    "",
  ].join("\r\n");
}
