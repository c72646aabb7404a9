/**
 * The description preview's HTML is inert: hostile markup (and, behind the renderer, hostile HTML
 * handed straight to the sanitizer) comes out with no script, no handler, no remote resource and
 * no link other than http, https or mailto. DOMPurify needs a DOM: jsdom provides the window, and
 * a second jsdom document that RUNS scripts shows that nothing in the output executes.
 */
import { JSDOM } from "./jsdom";
import type { WindowLike } from "dompurify";
import {
  PREVIEW_ALLOWED_TAGS,
  PreviewSanitizerUnavailableError,
  createPreviewSanitizer,
  sanitizePreviewHtml,
} from "../../../../src/ui/description-preview/sanitize";
import type { PreviewSanitizer } from "../../../../src/ui/description-preview/sanitize";
import { renderWikiMarkup } from "../../../../src/ui/description-preview/wiki-markup-to-html";

const ALLOWED_ATTRIBUTES = new Set(["href", "dir", "class", "title", "rel", "target"]);
/** What every payload below would do if it ran. */
const PAYLOAD = "window.pwned=true";

let sanitizer: PreviewSanitizer;
beforeAll(() => {
  sanitizer = createPreviewSanitizer(new JSDOM("").window as unknown as WindowLike);
});

/** Markup → HTML → sanitized HTML, as the pane shows it. */
function preview(markup: string): string {
  return sanitizer.sanitize(renderWikiMarkup(markup));
}

/** Fails unless `html` holds only the preview's elements and attributes, with safe links. */
function expectInert(html: string): void {
  const { document } = new JSDOM(`<body>${html}</body>`).window;
  for (const element of document.body.querySelectorAll("*")) {
    const tag = element.tagName.toLowerCase();
    expect(PREVIEW_ALLOWED_TAGS).toContain(tag);
    for (const attribute of element.getAttributeNames()) {
      expect([tag, attribute, ALLOWED_ATTRIBUTES.has(attribute)]).toEqual([tag, attribute, true]);
    }
    const classes = element.getAttribute("class");
    if (classes !== null) expect(classes).toBe("jfo-image-chip");
    if (tag === "a" && element.hasAttribute("href")) {
      expect(element.getAttribute("href")).toMatch(/^(?:https?|mailto):/i);
      expect(element.getAttribute("rel")).toBe("noopener noreferrer");
      expect(element.getAttribute("target")).toBe("_blank");
    }
  }
  expect(ranIn(html)).toBe(false);
}

/**
 * Whether anything in `html` runs when put into a page that runs scripts: set with innerHTML (as
 * React's dangerouslySetInnerHTML does), then every element clicked, focused and hovered.
 */
function ranIn(html: string): boolean {
  const dom = new JSDOM("<body></body>", { runScripts: "dangerously" });
  const { document } = dom.window;
  const holder = document.createElement("div");
  holder.innerHTML = html;
  document.body.append(holder);
  for (const element of holder.querySelectorAll("*")) {
    for (const type of ["click", "mouseover", "focus", "load", "error"]) {
      element.dispatchEvent(new dom.window.Event(type));
    }
  }
  const ran = (dom.window as unknown as { pwned?: boolean }).pwned === true;
  dom.window.close();
  return ran;
}

describe("the inertness check itself", () => {
  it("notices a handler that runs, so a pass below means something", () => {
    expect(ranIn(`<p onclick="${PAYLOAD}">x</p>`)).toBe(true);
    expect(ranIn(`<img src=x onerror="${PAYLOAD}">`)).toBe(true);
    expect(ranIn("<p>x</p>")).toBe(false);
  });
});

describe("the preview of hostile markup", () => {
  it.each([
    ["javascript: link", "[x|javascript:alert(1)]"],
    ["javascript: link without text", "[javascript:alert(1)]"],
    ["mixed-case javascript:", "[x|JaVaScRiPt:alert(1)]"],
    ["javascript: with a tab", "[x|java\tscript:alert(1)]"],
    ["entity-encoded javascript:", "[x|&#106;avascript:alert(1)]"],
    ["data: link", "[x|data:text/html,<script>alert(1)</script>]"],
    ["vbscript: link", "[x|vbscript:msgbox(1)]"],
    ["relative link", "[x|/reset-password]"],
    ["raw script in text", `<script>${PAYLOAD}</script>`],
    ["raw img with a handler", `<img src=x onerror="${PAYLOAD}">`],
    ["raw svg", `<svg onload="${PAYLOAD}"><script>${PAYLOAD}</script></svg>`],
    ["HTML in a link's text", `[<img src=x onerror="${PAYLOAD}">|https://example.com/]`],
    ["HTML in a heading", `h1. <iframe src="javascript:${PAYLOAD}"></iframe>`],
    ["HTML in a table cell", `|<style>@import url(http://tracker.example/x.css)</style>|x|`],
    ["HTML in monospace", `{{<a href="javascript:${PAYLOAD}">x</a>}}`],
    ["script in noformat", `{noformat}\n<script>${PAYLOAD}</script>\n{noformat}`],
    [
      "entity-encoded tags",
      "&#x3C;img src=x onerror=alert(1)&#x3E; &lt;script&gt;alert(1)&lt;/script&gt;",
    ],
    ["remote image", "!http://tracker.example/p.gif!"],
    ["javascript: image", `!javascript:${PAYLOAD}!`],
    ["image name with markup", `!x.png" onerror="${PAYLOAD}!`],
    ["nested quotes", "{quote}\na\n{quote}\n{quote}\nb {quote} c\n{quote}{quote}"],
    ["unclosed macros", "{quote}\n{noformat}\n<b>x"],
    ["colour macro with a style", `{color:red;background:url(http://tracker.example/p)}x{color}`],
    ["a quote in an attribute", `[x" onclick="${PAYLOAD}|https://example.com/]`],
  ])("%s comes out inert", (_name, markup) => {
    expectInert(preview(markup));
  });

  it("shows a remote image as a chip naming its address, with no img and no URL attribute", () => {
    const html = preview("!http://tracker.example/p.gif!");
    expect(html).toBe(
      '<p dir="auto"><span class="jfo-image-chip" title="http://tracker.example/p.gif">Image from the web, not loaded: http://tracker.example/p.gif</span></p>'
    );
  });

  it("keeps the text of a refused link and drops its target", () => {
    expect(preview("[click me|javascript:alert(1)]")).toBe('<p dir="auto">click me</p>');
  });

  it("shows HTML and entities from the text as text", () => {
    const html = preview("<b>bold?</b> &lt;i&gt; AT&T");
    const { document } = new JSDOM(`<body>${html}</body>`).window;
    expect(document.body.textContent).toBe("<b>bold?</b> <i> AT&T");
  });
});

describe("the sanitizer on its own (behind the renderer, in case it ever lets HTML through)", () => {
  it.each([
    ["img with a handler", `<img src=x onerror="${PAYLOAD}">`],
    ["script", `<script>${PAYLOAD}</script>`],
    ["javascript: href", `<a href="javascript:${PAYLOAD}">x</a>`],
    ["javascript: href with spaces", `<a href="  javascript:${PAYLOAD}">x</a>`],
    ["entity-encoded javascript: href", `<a href="&#106;avascript:${PAYLOAD}">x</a>`],
    ["data: href", `<a href="data:text/html,<script>${PAYLOAD}</script>">x</a>`],
    [
      "link that asks for its opener",
      '<a href="https://example.com/" target="_self" rel="opener">x</a>',
    ],
    ["event handler", `<p onclick="${PAYLOAD}" onmouseover="${PAYLOAD}">x</p>`],
    ["style attribute", '<p style="background:url(http://tracker.example/p.gif)">x</p>'],
    ["style element", "<style>p{background:url(http://tracker.example/p.gif)}</style><p>x</p>"],
    ["CSS expression", '<p style="width:expression(alert(1))">x</p>'],
    ["link element", '<link rel="stylesheet" href="http://tracker.example/x.css">'],
    ["base", '<base href="http://tracker.example/"><a href="x">x</a>'],
    ["form", '<form action="http://tracker.example/"><input name="q"><button>go</button></form>'],
    [
      "iframe",
      `<iframe src="http://tracker.example/" srcdoc="<script>${PAYLOAD}</script>"></iframe>`,
    ],
    [
      "object and embed",
      '<object data="http://tracker.example/x.swf"></object><embed src="x.swf">',
    ],
    [
      "media",
      '<video poster="http://tracker.example/p.gif"><source src="x.mp4"></video><audio src="a.mp3"></audio>',
    ],
    [
      "picture",
      '<picture><source srcset="http://tracker.example/p.gif"><img src="p.gif"></picture>',
    ],
    [
      "svg with script",
      `<svg><script>${PAYLOAD}</script><a xlink:href="javascript:${PAYLOAD}">x</a></svg>`,
    ],
    ["math mutation", `<math><mtext><table><mglyph><style><img src=x onerror="${PAYLOAD}">`],
    ["noscript mutation", `<noscript><p title="</noscript><img src=x onerror=${PAYLOAD}>">`],
    [
      "table background",
      '<table background="http://tracker.example/p.gif"><tr><td>x</td></tr></table>',
    ],
    [
      "foreign classes and data",
      '<span class="fui-Button evil" data-x="1" aria-hidden="true">x</span>',
    ],
    ["odd dir", '<p dir="ltr;color:red">x</p>'],
    ["meta refresh", '<meta http-equiv="refresh" content="0;url=http://tracker.example/">'],
  ])("%s comes out inert", (_name, html) => {
    expectInert(sanitizer.sanitize(html));
  });

  it("gives kept links rel=noopener noreferrer and target=_blank", () => {
    expect(sanitizer.sanitize('<a href="https://example.com/" target="_self">x</a>')).toBe(
      '<a href="https://example.com/" rel="noopener noreferrer" target="_blank">x</a>'
    );
  });

  it("keeps dir=auto and the image chip's class", () => {
    const html = '<p dir="auto"><span class="jfo-image-chip" title="a.png">Image: a.png</span></p>';
    expect(sanitizer.sanitize(html)).toBe(
      '<p dir="auto"><span class="jfo-image-chip" title="a.png">Image: a.png</span></p>'
    );
  });

  it("refuses to work without a DOM rather than pass HTML through", () => {
    expect(() => createPreviewSanitizer({} as WindowLike)).toThrow(
      PreviewSanitizerUnavailableError
    );
    // Jest's node environment has no window either.
    let error: unknown;
    try {
      sanitizePreviewHtml("<img src=x onerror=alert(1)>");
    } catch (caught) {
      error = caught;
    }
    expect(error).toMatchObject({
      code: "sanitizer_unavailable",
      message: expect.stringContaining("switch the preview off"),
    });
  });
});
