/**
 * The preview in headless Chromium: the real task pane bundle running on the Outlook host
 * stand-in, served by the real add-in server (started by global-setup).
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, BrowserContext, Frame, Page, Request } from "playwright-core";
import { validateManifestXml } from "../support/xml-schema";
import { seriousAxeViolations } from "./axe";
import { launchBrowser } from "./browser";
import { readE2eState } from "./e2e-state";
import {
  expectPaneSubject,
  newPreviewPage,
  openPreviewPane,
  setOnPremisesMode,
} from "./preview-page";

jest.setTimeout(60_000);

const { baseUrl } = readE2eState();
const fixture = (name: string) => path.resolve(__dirname, "../fixtures/emails", name);

let browser: Browser;
let context: BrowserContext;
let page: Page;
/** Every request the page and its frames made, to prove nothing leaves the add-in's origin. */
let requests: Request[];

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

beforeEach(async () => {
  // A fresh profile per test: roaming settings and the preview's choices live in localStorage.
  ({ context, page } = await newPreviewPage(browser, { width: 1280, height: 800 }));
  requests = [];
  page.on("request", (request) => requests.push(request));
});
afterEach(async () => {
  await context?.close();
});

function readingPaneSubject(): Promise<string> {
  return page
    .getByRole("region", { name: "Reading pane" })
    .getByRole("heading")
    .first()
    .innerText();
}

describe("preview", () => {
  it("shows the current email in the reading pane and its subject in the task pane", async () => {
    const pane = await openPreviewPane(page);
    const subject = await readingPaneSubject();
    expect(subject.trim().length).toBeGreaterThan(0);
    await expectPaneSubject(pane, subject.trim());
  });

  it("follows the selection: another sample becomes the pane's current item", async () => {
    const pane = await openPreviewPane(page);
    const first = (await readingPaneSubject()).trim();
    await page
      .getByRole("button", { name: /VPN drops every hour/ })
      .first()
      .click();
    await page
      .getByRole("region", { name: "Reading pane" })
      .getByRole("heading", { name: /VPN drops every hour/ })
      .waitFor();
    await expectPaneSubject(pane, "RE: [SUP-2] VPN drops every hour");
    expect(first).not.toBe("RE: [SUP-2] VPN drops every hour");
  });

  it("makes an .eml opened through the file input the current item, without loading or running its content", async () => {
    // A local "tracker" the hostile email points at: it must never receive a request.
    const trackerHits: string[] = [];
    const tracker: Server = createServer((request, response) => {
      trackerHits.push(request.url ?? "");
      response.end();
    });
    await new Promise<void>((resolve) => tracker.listen(0, "127.0.0.1", resolve));
    try {
      const trackerUrl = `http://127.0.0.1:${(tracker.address() as AddressInfo).port}`;
      const emlFile = path.join(mkdtempSync(path.join(tmpdir(), "eml-")), "hostile-newsletter.eml");
      writeFileSync(
        emlFile,
        readFileSync(fixture("hostile-newsletter.eml"), "utf8")
          .split("{{TRACKER}}")
          .join(trackerUrl)
      );

      const pane = await openPreviewPane(page);
      const ranInPage: string[] = [];
      await page.exposeFunction("__recordEmailMessage", (data: string) => ranInPage.push(data));
      await page.evaluate(() =>
        window.addEventListener("message", (event) => {
          if (typeof event.data === "string" && event.data.startsWith("email-")) {
            (
              window as unknown as { __recordEmailMessage: (data: string) => void }
            ).__recordEmailMessage(event.data);
          }
        })
      );

      await page.getByLabel("Open .eml").setInputFiles(emlFile);

      const subject = "Quarterly update – Übersicht";
      await page
        .getByRole("region", { name: "Reading pane" })
        .getByRole("heading", { name: subject })
        .waitFor();
      await expectPaneSubject(pane, subject);
      await page
        .frameLocator('iframe[title="Email body"]')
        .getByText("Quarterly update")
        .first()
        .waitFor();
      await page.waitForTimeout(500); // Time for an onload handler or an image load to show up, if one slipped through.

      expect(ranInPage).toEqual([]);
      expect(trackerHits).toEqual([]);
      // Chromium reports loads the CSP blocked as requests that failed with "csp": those never left.
      const origin = new URL(baseUrl).origin;
      const foreign = requests.filter(
        (request) => !request.url().startsWith(origin) && !/^(data|blob):/.test(request.url())
      );
      expect(
        foreign.map((request) => `${request.url()} ${request.failure()?.errorText ?? "sent"}`)
      ).toEqual(foreign.map((request) => `${request.url()} csp`));
      expect(await page.getByTitle("Email body").getAttribute("sandbox")).toBe("");
    } finally {
      tracker.closeAllConnections();
      await new Promise((resolve) => tracker.close(resolve));
    }
  });

  it("restyles the pane when the theme switch is flipped", async () => {
    const pane = await openPreviewPane(page);
    const paneRoot = pane.locator("[data-theme]");
    await expect(paneRoot.getAttribute("data-theme")).resolves.toBe("light");
    const lightBackground = await paneRoot.evaluate(
      (element) => getComputedStyle(element).backgroundColor
    );

    await page.getByLabel("Office theme").selectOption("dark");

    await pane.locator('[data-theme="dark"]').waitFor();
    const darkBackground = await pane
      .locator("[data-theme]")
      .evaluate((element) => getComputedStyle(element).backgroundColor);
    expect(darkBackground).not.toBe(lightBackground);
    const [r, g, b] = (darkBackground.match(/\d+/g) ?? []).map(Number);
    expect((r + g + b) / 3).toBeLessThan(80);
  });

  it("has no serious or critical accessibility violation in the pane, light and dark", async () => {
    const pane = await openPreviewPane(page);
    expect(await seriousAxeViolations(pane)).toEqual([]);
    await page.getByLabel("Office theme").selectOption("dark");
    await pane.locator('[data-theme="dark"]').waitFor();
    expect(await seriousAxeViolations(pane)).toEqual([]);
  });
});

describe("the production task pane page", () => {
  it("loads office.js from the add-in's own server and explains it belongs in Outlook", async () => {
    await page.goto(`${baseUrl}/taskpane.html`);
    await page
      .getByRole("heading", { name: "Open this add-in from Outlook" })
      .waitFor({ timeout: 15_000 });
    const origin = new URL(baseUrl).origin;
    const urls = requests.map((request) => request.url());
    expect(urls).toContain(`${origin}/office-js/office.js`);
    expect(urls.filter((url) => !url.startsWith(origin) && !url.startsWith("data:"))).toEqual([]);
  });
});

describe("the stand-in's Office dialog", () => {
  type DialogOutcome = {
    message?: string;
    origin?: string;
    openError?: number;
    eventError?: number;
  };

  /** Opens an Office dialog from inside the pane frame, as the add-in will, and reports what came back. */
  function openDialog(pane: Frame, url: string): Promise<DialogOutcome> {
    return pane.evaluate(
      (dialogUrl) =>
        new Promise<DialogOutcome>((resolve) => {
          Office.context.ui.displayDialogAsync(dialogUrl, { height: 60, width: 30 }, (result) => {
            if (result.status !== Office.AsyncResultStatus.Succeeded) {
              resolve({ openError: result.error.code });
              return;
            }
            const dialog = result.value;
            dialog.addEventHandler(Office.EventType.DialogMessageReceived, (arg) => {
              const received = arg as { message: string; origin: string };
              dialog.close();
              resolve({ message: received.message, origin: received.origin });
            });
            dialog.addEventHandler(Office.EventType.DialogEventReceived, (arg) =>
              resolve({ eventError: (arg as { error: number }).error })
            );
          });
        }),
      url
    );
  }

  it("opens the real callback page in a popup and hands Jira's redirect back to the pane", async () => {
    const pane = await openPreviewPane(page);
    const outcome = await openDialog(
      pane,
      `${baseUrl}/preview/callback.html?oauth_token=req-1&oauth_verifier=ver-9`
    );
    expect(outcome.origin).toBe(new URL(baseUrl).origin);
    expect(JSON.parse(outcome.message ?? "{}")).toEqual({
      kind: "jira-authorization-callback",
      oauthToken: "req-1",
      oauthVerifier: "ver-9",
    });
  });

  it("reports a popup closed by the user as 12006, and refuses other domains with 12004", async () => {
    const pane = await openPreviewPane(page);
    const popupOpened = context.waitForEvent("page");
    const outcome = openDialog(pane, `${baseUrl}/preview.html`);
    await (await popupOpened).close();
    expect(await outcome).toEqual({ eventError: 12006 });
    expect(
      await openDialog(pane, "https://jira.example.com/plugins/servlet/oauth/authorize")
    ).toEqual({ openError: 12004 });
  });
});

describe("the build", () => {
  const dist = path.resolve(__dirname, "../../dist");

  it("writes dist/manifest.xml for the add-in URL, valid against Microsoft's XSD", async () => {
    const manifest = readFileSync(path.join(dist, "manifest.xml"), "utf8");
    expect(await validateManifestXml(manifest)).toMatch(/validates/);
    expect(manifest).toContain(
      `<SourceLocation DefaultValue="${process.env.ADDIN_URL ?? "https://localhost:3000"}/taskpane.html"/>`
    );
  });

  it("keeps the Outlook stand-in out of the task pane and callback pages", () => {
    const scriptsOf = (page: string) =>
      [
        ...readFileSync(path.join(dist, page), "utf8").matchAll(/<script[^>]*src="?([^"\s>]+)/g),
      ].map((match) => match[1]);
    for (const page of ["taskpane.html", "callback.html"]) {
      const scripts = scriptsOf(page);
      expect(scripts[0]).toBe("office-js/office.js");
      for (const script of scripts.slice(1)) {
        expect(readFileSync(path.join(dist, script), "utf8")).not.toContain("outlookPreviewHost");
      }
    }
    // The marker is real: the preview's pane page loads the stand-in, which names the preview host.
    const standIn = scriptsOf("preview/taskpane.html").find((script) =>
      script.includes("office-standin")
    );
    expect(readFileSync(path.join(dist, "preview", standIn ?? "missing"), "utf8")).toContain(
      "outlookPreviewHost"
    );
  });
});

describe("the stand-in's mailbox", () => {
  it("emulates an on-premises Exchange client limited to Mailbox 1.5 when switched, restarting the pane", async () => {
    let pane = await openPreviewPane(page);
    const capabilities = (frame: Frame) =>
      frame.evaluate(() => ({
        mailbox15: Office.context.requirements.isSetSupported("Mailbox", "1.5"),
        mailbox18: Office.context.requirements.isSetSupported("Mailbox", "1.8"),
        attachmentContent: typeof Office.context.mailbox.item?.getAttachmentContentAsync,
        wholeMessage: typeof (Office.context.mailbox.item as Office.MessageRead | null)
          ?.getAsFileAsync,
      }));
    expect(await capabilities(pane)).toEqual({
      mailbox15: true,
      mailbox18: true,
      attachmentContent: "function",
      wholeMessage: "function",
    });

    pane = await setOnPremisesMode(page, true);
    expect(await capabilities(pane)).toEqual({
      mailbox15: true,
      mailbox18: false,
      attachmentContent: "undefined",
      wholeMessage: "undefined",
    });
  });

  it("keeps roaming settings across a reload and refuses to save more than 32 KB with 9057", async () => {
    const pane = await openPreviewPane(page);
    const save = (frame: Frame, value: string) =>
      frame.evaluate(
        (text) =>
          new Promise<number | "saved">((resolve) => {
            Office.context.roamingSettings.set("probe", text);
            Office.context.roamingSettings.saveAsync((result) =>
              resolve(
                result.status === Office.AsyncResultStatus.Succeeded ? "saved" : result.error.code
              )
            );
          }),
        value
      );
    expect(await save(pane, "kept")).toBe("saved");
    expect(await save(pane, "x".repeat(33 * 1024))).toBe(9057);

    const reloaded = await openPreviewPane(page);
    expect(await reloaded.evaluate(() => Office.context.roamingSettings.get("probe"))).toBe("kept");
  });
});
