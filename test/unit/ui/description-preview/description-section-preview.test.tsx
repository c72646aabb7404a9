/**
 * The Preview switch of the description (and comment) section, live in a jsdom document: off at
 * first (the preview's chunk isn't even loaded), on shows the rendered markup below the textarea
 * and follows the user's typing, off again hides it; the textarea keeps dir="auto". jsdom's
 * window, document and navigator are this file's globals (Jest's node environment has none); they
 * are set before react-dom's client is imported, which reads them as it loads.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act } from "react";
import type { ReactElement } from "react";
import type { Root } from "react-dom/client";
import { activateLanguage } from "../../../../src/i18n/translate";
import { EmailTextSection } from "../../../../src/ui/new-issue/components/DescriptionSection";
import type { EmailText } from "../../../../src/ui/new-issue/components/DescriptionSection";
import { JSDOM } from "./jsdom";

const dom = new JSDOM("<!doctype html><html><head></head><body></body></html>", {
  url: "https://addin.example.com/taskpane.html",
  pretendToBeVisual: true,
});
const { document } = dom.window;
let root: Root;

beforeAll(async () => {
  Object.assign(globalThis, {
    window: dom.window,
    document,
    navigator: dom.window.navigator,
    IS_REACT_ACT_ENVIRONMENT: true,
  });
  const { createRoot } = await import("react-dom/client");
  root = createRoot(document.body.appendChild(document.createElement("div")));
});
afterAll(async () => {
  await act(async () => root.unmount());
  await activateLanguage("en-US");
  dom.window.close();
});

const text = (markup: string): EmailText => ({
  markup,
  state: "edited",
  options: { includeHeaderBlock: true, cutQuotedHistory: false },
});

/** Renders the section with `markup`, then lets effects and the preview's import() settle. */
async function show(markup: string, label = "Description"): Promise<void> {
  const element: ReactElement = (
    <FluentProvider theme={webLightTheme}>
      <EmailTextSection
        label={label}
        text={text(markup)}
        conversion={{ status: "idle" }}
        readOnly={false}
        onText={() => undefined}
        onOptions={() => undefined}
        onConvert={() => undefined}
      />
    </FluentProvider>
  );
  await act(async () => root.render(element));
  await settle();
}

async function settle(): Promise<void> {
  await act(async () => {
    for (let tick = 0; tick < 20; tick++) await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

function previewSwitch(): HTMLInputElement {
  const input = document.querySelector<HTMLInputElement>('input[role="switch"]');
  if (!input) throw new Error("No Preview switch");
  return input;
}

async function toggle(): Promise<void> {
  await act(async () => previewSwitch().click());
  await settle();
}

const previewContent = () => document.querySelector('[data-testid="description-preview-content"]');

describe("the Preview switch", () => {
  it("is off at first: only the markup, in a textarea that takes its direction from its text", async () => {
    await show("h1. Title");
    const label = previewSwitch().labels?.[0]?.textContent;
    expect(label).toBe("Preview");
    expect(previewSwitch().checked).toBe(false);
    expect(document.querySelector('[data-testid="description-preview"]')).toBeNull();
    expect(document.querySelector("textarea")?.getAttribute("dir")).toBe("auto");
  });

  it("shows what Jira will show below the markup, and follows the text", async () => {
    await toggle();
    expect(previewSwitch().checked).toBe(true);
    expect(previewContent()?.innerHTML).toBe('<h1 dir="auto">Title</h1>');
    // The textarea stays: the user edits and reads the result at once.
    expect(document.querySelector("textarea")?.value).toBe("h1. Title");

    await show("*Hello* [docs|javascript:alert(1)] !shot.png!\n\nשלום");
    expect(previewContent()?.innerHTML).toBe(
      '<p dir="auto"><strong>Hello</strong> docs <span class="jfo-image-chip" title="shot.png">Image: shot.png</span></p><p dir="auto">שלום</p>'
    );
  });

  it("hides the preview when switched off", async () => {
    await toggle();
    expect(previewSwitch().checked).toBe(false);
    expect(document.querySelector('[data-testid="description-preview"]')).toBeNull();
  });

  it("names the switch and the preview in German", async () => {
    await activateLanguage("de-DE");
    await show("x", "Kommentar");
    expect(previewSwitch().labels?.[0]?.textContent).toBe("Vorschau");
    await toggle();
    expect(
      document.querySelector('[data-testid="description-preview"]')?.getAttribute("aria-label")
    ).toBe("Vorschau: Kommentar");
    expect(document.body.textContent).toContain(
      "Jira-Wiki-Markup, wird so gesendet, wie Sie es sehen."
    );
  });
});
