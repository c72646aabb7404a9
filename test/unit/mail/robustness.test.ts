// Email HTML is hostile and can be huge: the converter must finish, and never overflow the stack.
import { createEmailConverter, PLAIN_TEXT_FALLBACK_NOTE } from "../../../src/mail/email-converter";
import {
  flattenDeepNesting,
  MAX_NESTING_DEPTH,
} from "../../../src/mail/html-to-wiki/flatten-deep-nesting";
import { stripSubjectPrefixes } from "../../../src/mail/summary";
import { textToWiki } from "../../../src/mail/text-to-wiki";
import { convertHtml, markupOf } from "./support/convert";
import { mailMessage } from "./support/messages";
import { parseHtml } from "./support/parse-html";

const DEPTH = 10_000;

/** `levels` of open…close around `inner`, between two paragraphs. */
function nested(open: string, close: string, inner: string, levels = DEPTH): string {
  return `<p>start</p>${open.repeat(levels)}${inner}${close.repeat(levels)}<p>end</p>`;
}

describe("deeply nested HTML", () => {
  it.each([
    ["div", "<div>", "</div>", "start\n\ndeep text\n\nend"],
    ["span", "<span>", "</span>", "start\n\ndeep text\n\nend"],
    ["b", "<b>", "</b>", "start\n\n*deep text*\n\nend"],
    ["blockquote", "<blockquote>", "</blockquote>", "start\n\n{quote}\ndeep text\n{quote}\n\nend"],
  ])(
    `converts ${DEPTH.toLocaleString("en")} nested <%s> without a stack overflow`,
    (_tag, open, close, expected) => {
      expect(markupOf(nested(open, close, "deep <i>text</i>"))).toBe(expected);
    }
  );

  it(`converts ${DEPTH.toLocaleString("en")} nested lists, keeping the text`, () => {
    // 5,000 × <ul><li>: 10,000 nested elements.
    const markup = markupOf(nested("<ul><li>", "</li></ul>", "deep text", DEPTH / 2));
    expect(markup.startsWith("start\n\n")).toBe(true);
    expect(markup).toMatch(/^\*+ deep text$/m);
    expect(markup.endsWith("\n\nend")).toBe(true);
  }, 60_000);

  it("keeps nothing but content deeper than the limit, and ends a line where a block ends", () => {
    const inner =
      "<p>shown</p>after<script>alert(1)</script><style>p{color:red}</style>" +
      '<span style="display:none">hidden preheader</span><o:p>office</o:p><!-- note --> end';
    expect(markupOf(nested("<div>", "</div>", inner, MAX_NESTING_DEPTH * 2))).toBe(
      "start\n\nshown\nafter end\n\nend"
    );
  });

  it("flattens what lies deeper than the limit to text, line breaks and images", () => {
    const document = parseHtml(
      `<div>${"<div>".repeat(MAX_NESTING_DEPTH + 5)}<p>one</p><p><b>two</b><img src="cid:x"></p>${"</div>".repeat(MAX_NESTING_DEPTH + 5)}</div>`
    );
    expect(flattenDeepNesting(document.body)).toBe(1);
    let depth = 0;
    for (
      let element = document.body.firstElementChild;
      element;
      element = element.firstElementChild
    ) {
      depth += 1;
    }
    expect(depth).toBeLessThanOrEqual(MAX_NESTING_DEPTH + 1);
    expect(document.body.textContent).toBe("onetwo");
    expect(document.body.getElementsByTagName("img")).toHaveLength(1);
  });
});

describe("large HTML", () => {
  it("converts 5 MB of Outlook HTML", () => {
    const paragraph =
      '<p class="MsoNormal">Line with <b>bold</b> text, a <a href="https://example.com/x">link</a> and an <i>italic</i> word.<o:p></o:p></p>\n' +
      '<table class="MsoTableGrid"><tr><td><p class="MsoNormal">a<o:p></o:p></p></td><td><p class="MsoNormal">b<o:p></o:p></p></td></tr></table>\n';
    const html = `<html><body><div class="WordSection1">${paragraph.repeat(Math.ceil((5 * 1024 * 1024) / paragraph.length))}</div></body></html>`;
    expect(html.length).toBeGreaterThanOrEqual(5 * 1024 * 1024);
    const markup = markupOf(html, { cutQuotedHistory: true });
    expect(
      markup.startsWith(
        "Line with *bold* text, a [link|https://example.com/x] and an _italic_ word.\n\n|a|b|\n\nLine with"
      )
    ).toBe(true);
    expect(markup.split("|a|b|")).toHaveLength(Math.ceil((5 * 1024 * 1024) / paragraph.length) + 1);
  }, 120_000);
});

describe("input made to slow the conversion down", () => {
  const spaces = " ".repeat(200_000);

  it.each([
    ["a bracketed subject full of spaces", () => stripSubjectPrefixes(`[Fwd:${spaces}x${spaces}`)],
    ["a subject ending in spaces before (fw", () => stripSubjectPrefixes(`x${spaces}(fw${spaces}`)],
    [
      "100,000 lines of list markers",
      () => textToWiki("# a\n".repeat(100_000), { cutQuotedHistory: true }),
    ],
    [
      "a huge attribution-like line",
      () => textToWiki(`On ${"x ".repeat(200_000)}wrote`, { cutQuotedHistory: true }),
    ],
    ["an HTML text node of 100,000 lines", () => markupOf(`<p>${"# a\n".repeat(100_000)}</p>`)],
    [
      "bold around 200,000 no-break spaces",
      () => markupOf(`<p><b>${"&nbsp;".repeat(100_000)}x${"&nbsp;".repeat(100_000)}</b></p>`),
    ],
    [
      "a huge element before a blockquote",
      () =>
        markupOf(`<div>On ${"x ".repeat(200_000)} wrote</div><blockquote>q</blockquote>`, {
          cutQuotedHistory: true,
        }),
    ],
  ])("finishes quickly on %s", (_name, run) => {
    const started = Date.now();
    run();
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

describe("when the HTML can't be converted", () => {
  it("falls back to the text body with a note", () => {
    const converter = nodeConverterFailingOnHtml();
    const result = converter.describe({
      message: mailMessage(),
      body: { html: "<p>x</p>", text: "Plain *text* body" },
      options: { includeHeaderBlock: false, cutQuotedHistory: false },
      inlineImages: [],
      locale: "en-US",
    });
    expect(result.markup).toBe(`${PLAIN_TEXT_FALLBACK_NOTE}\n\nPlain \\*text* body`);
    expect(result.usedInlineImages).toEqual([]);
  });

  it("never loads or runs anything from the email while converting", () => {
    const before = { ...globalThis } as Record<string, unknown>;
    const fetchSpy = jest.spyOn(globalThis, "fetch");
    const result = convertHtml(
      '<img src="https://tracker.example/p.gif" onerror="globalThis.pwned=1"><script>globalThis.pwned=2</script><body onload="globalThis.pwned=3"><p>ok</p>'
    );
    expect(result.markup).toBe("ok");
    expect((globalThis as Record<string, unknown>).pwned).toBeUndefined();
    expect(Object.keys(globalThis).length).toBe(Object.keys(before).length);
    expect(fetchSpy).not.toHaveBeenCalled();
    fetchSpy.mockRestore();
  });
});

/** A converter whose HTML parser overflows the stack, as a browser's might on absurd nesting. */
function nodeConverterFailingOnHtml() {
  return createEmailConverter({
    parseHtml: () => {
      throw new RangeError("Maximum call stack size exceeded");
    },
  });
}
