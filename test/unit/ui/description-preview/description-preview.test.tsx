/**
 * The description preview as the pane shows it: the right-to-left sample email (05) converted as
 * the pane converts it, rendered and sanitized with every block's direction left to its own text;
 * images as chips, the cut for huge texts, the empty and the "can't sanitize here" states; German.
 * DOMPurify works on a jsdom window, set as this file's `window` (Jest's node environment has none).
 */
import { renderToStaticMarkup } from "react-dom/server";
import { activateLanguage } from "../../../../src/i18n/translate";
import { inlineImagesOf } from "../../../../src/mail/inline-images";
import {
  DescriptionPreview,
  PREVIEW_CHARACTER_LIMIT,
  previewContentOf,
} from "../../../../src/ui/description-preview/DescriptionPreview";
import { parseEml } from "../../mail/support/eml";
import { nodeEmailConverter } from "../../mail/support/parse-html";
import { readSample } from "../../preview/samples";
import { JSDOM } from "./jsdom";

const HEBREW = /[\u0590-\u05FF]/;

/** The preview's markup for `markup`, parsed, so tests look at elements rather than strings. */
function rendered(markup: string, label = "Description"): Document {
  const html = renderToStaticMarkup(<DescriptionPreview markup={markup} label={label} />);
  return new JSDOM(`<body>${html}</body>`).window.document;
}

/** The sample's description as the pane makes it (header block on, history kept). */
async function sampleMarkup(file: string): Promise<string> {
  const { message, body } = await parseEml(readSample(file));
  return nodeEmailConverter().describe({
    message,
    body,
    options: { includeHeaderBlock: true, cutQuotedHistory: false },
    inlineImages: inlineImagesOf(message, body.html),
    locale: "en-US",
    timeZone: "UTC",
  }).markup;
}

describe("without a DOM to sanitize with", () => {
  it("shows why instead of any HTML", () => {
    // Runs first: the page's sanitizer is made on first use, and this file has no window yet.
    const logged = jest.spyOn(console, "error").mockImplementation(() => undefined);
    expect(previewContentOf("*bold* <img src=x onerror=alert(1)>")).toEqual({
      kind: "problem",
      message:
        "The preview can't be shown safely here. The text is not affected: switch the preview off and edit it as markup.",
    });
    expect(logged).toHaveBeenCalledWith(
      "The description preview could not be made.",
      expect.objectContaining({ code: "sanitizer_unavailable" })
    );
    logged.mockRestore();
  });
});

describe("the description preview", () => {
  const dom = new JSDOM("");
  beforeAll(() => {
    Object.assign(globalThis, { window: dom.window });
  });
  afterAll(() => {
    Reflect.deleteProperty(globalThis, "window");
    dom.window.close();
  });
  afterEach(async () => {
    await activateLanguage("en-US");
  });

  it("gives every paragraph of the right-to-left sample its own direction", async () => {
    const markup = await sampleMarkup("05-right-to-left.eml");
    const document = rendered(markup);
    const content = document.querySelector('[data-testid="description-preview-content"]');
    const blocks = Array.from(content?.querySelectorAll("p, li, blockquote, h1, td, th") ?? []);
    const hebrew = blocks.filter((block) => HEBREW.test(block.textContent ?? ""));
    expect(hebrew.length).toBeGreaterThanOrEqual(3);
    for (const block of blocks) expect(block.getAttribute("dir")).toBe("auto");
    // The header block (English labels) and the Hebrew body are separate blocks, each "auto".
    expect(content?.textContent).toContain("From:");
    expect(content?.textContent).toMatch(HEBREW);
  });

  it("labels the preview for screen readers and marks its content", () => {
    const document = rendered("h1. Hi", "Comment");
    const section = document.querySelector('[data-testid="description-preview"]');
    expect(section?.tagName).toBe("SECTION");
    expect(section?.getAttribute("aria-label")).toBe("Comment preview");
    expect(
      document.querySelector('[data-testid="description-preview-content"] h1')?.textContent
    ).toBe("Hi");
  });

  it("shows the Outlook sample's table and pasted image, the image as a chip naming the file", async () => {
    const document = rendered(await sampleMarkup("02-outlook-html.eml"));
    const content = document.querySelector('[data-testid="description-preview-content"]');
    expect(content?.querySelectorAll("img").length).toBe(0);
    const chip = content?.querySelector(".jfo-image-chip");
    expect(chip?.textContent).toBe("Image: image001.png");
    const cells = Array.from(content?.querySelectorAll("td") ?? [], (cell) => cell.textContent);
    expect(cells.slice(0, 4)).toEqual(["Night", "Result", "2024-06-01", "Timeout"]);
    expect(content?.querySelector("strong")?.textContent).toBe("From:");
  });

  it("says when there is nothing to preview", () => {
    const document = rendered("  \n ");
    expect(document.body.textContent).toBe("Nothing to preview yet.");
    expect(document.querySelector('[data-testid="description-preview-content"]')).toBeNull();
  });

  it("renders the first 100,000 characters of a huge text and says so", () => {
    const huge = "a line of text\n".repeat(7_000); // 105,000 characters
    const document = rendered(huge);
    const content = document.querySelector('[data-testid="description-preview-content"]');
    const shownText =
      (content?.textContent ?? "").length + (content?.querySelectorAll("br").length ?? 0);
    expect(shownText).toBe(PREVIEW_CHARACTER_LIMIT - 1); // the cut line loses its trailing space
    expect(document.body.textContent).toContain("The preview shows the first 100,000 characters.");
  });

  it("speaks German when Office does", async () => {
    await activateLanguage("de-DE");
    const document = rendered("!plan.png! !https://tracker.example/p.gif!", "Beschreibung");
    expect(
      document.querySelector('[data-testid="description-preview"]')?.getAttribute("aria-label")
    ).toBe("Vorschau: Beschreibung");
    const chips = Array.from(
      document.querySelectorAll(".jfo-image-chip"),
      (chip) => chip.textContent
    );
    expect(chips).toEqual([
      "Bild: plan.png",
      "Bild aus dem Web, nicht geladen: https://tracker.example/p.gif",
    ]);
    expect(rendered("").body.textContent).toBe("Noch nichts für die Vorschau.");
  });
});
