// escapeTextNodes finds each text's neighbours in one walk; it must find exactly what asking
// neighbourChar for every text finds (the way it was first written, kept here as the reference),
// up to neighbourChar giving up after 64 steps.
import {
  isText,
  neighbourChar,
  nextInOrder,
  nextSkippingChildren,
  tagOf,
} from "../../../src/mail/html-to-wiki/dom-walk";
import { escapeTextNodes, normalizeText } from "../../../src/mail/html-to-wiki/escape-text-nodes";
import { escapeWikiText } from "../../../src/mail/wiki-escape";
import type { TextContext } from "../../../src/mail/wiki-escape";
import { parseHtml } from "./support/parse-html";

/** The reference: contexts from neighbourChar for every text node, then the rewrite. */
function escapeAskingNeighbourChar(root: Element): void {
  const pending: Array<{ node: Text; context: TextContext }> = [];
  let node = nextInOrder(root, root);
  while (node !== null) {
    if (tagOf(node) === "PRE") {
      node = nextSkippingChildren(node, root);
      continue;
    }
    if (isText(node)) {
      pending.push({
        node,
        context: { before: neighbourChar(node, "before"), after: neighbourChar(node, "after") },
      });
    }
    node = nextInOrder(node, root);
  }
  for (const { node: text, context } of pending) {
    text.data = escapeWikiText(normalizeText(text.data), context);
  }
}

function bothWays(html: string, build?: (body: HTMLElement) => void): [string, string] {
  const results = [escapeTextNodes, escapeAskingNeighbourChar].map((escape) => {
    const body = parseHtml(html).body;
    build?.(body);
    escape(body);
    return body.innerHTML;
  });
  return [results[0] as string, results[1] as string];
}

describe("escapeTextNodes", () => {
  it.each([
    ["<p>a *b* c</p>", "a \\*b* c"],
    ["<p>x<b>*y</b></p>", "\\*y"],
    ['<p>x<a href="javascript:x">*y</a></p>', ">*y<"],
    ["<p>*y<pre>*z*</pre></p>", "*z*"],
  ])("escapes %j like neighbourChar does (%j)", (html, part) => {
    const [walked, asked] = bothWays(html);
    expect(walked).toBe(asked);
    expect(walked).toContain(part);
  });

  it.each([30, 31, 32, 33, 40])(
    "gives up where neighbourChar does, before a text (%i empty spans)",
    (spans) => {
      // Each empty span is two steps (into it, out of it): 31 spans are 62, 32 are 64.
      const [walked, asked] = bothWays(`<p>a${"<span></span>".repeat(spans)}*x</p>`);
      expect(walked).toBe(asked);
      expect(walked.endsWith(spans <= 31 ? "</span>*x</p>" : "</span>\\*x</p>")).toBe(true);
    }
  );

  it.each([30, 31, 32, 33])(
    "gives up where neighbourChar does, after a text (%i empty spans)",
    (spans) => {
      const [walked, asked] = bothWays(`<p>x *${"<span></span>".repeat(spans)}<br>y</p>`);
      expect(walked).toBe(asked);
      expect(walked.startsWith(spans <= 31 ? "<p>x *<span>" : "<p>x \\*<span>")).toBe(true);
    }
  );

  it("passes over empty texts and comments as neighbourChar does", () => {
    for (const count of [0, 1, 62, 63, 64, 65]) {
      const [walked, asked] = bothWays("<p>a<span id=gap></span>*x</p>", (body) => {
        const gap = body.querySelector("#gap") as Element;
        for (let index = 0; index < count; index += 1) {
          gap.parentNode?.insertBefore(
            index % 2 === 0
              ? body.ownerDocument.createTextNode("")
              : body.ownerDocument.createComment("c"),
            gap
          );
        }
      });
      expect(walked).toBe(asked);
    }
  });

  it("agrees with neighbourChar on 400 random documents", () => {
    let seed = 20240607;
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
    const texts = [
      "*x",
      "a",
      " ",
      "!",
      "x!",
      "- y",
      "_",
      "(y)",
      "\u00a0*",
      "h1. t",
      "{z}",
      "",
      "a\n-b",
    ];
    const opens = [
      ["<span>", "</span>"],
      ["<b>", "</b>"],
      ['<a href="https://x.example/">', "</a>"],
      ['<a href="javascript:x">', "</a>"],
      ["<font>", "</font>"],
      ["<div>", "</div>"],
      ["<p>", "</p>"],
      ["<pre>", "</pre>"],
      ["<li>", "</li>"],
    ] as const;
    const fragment = (depth: number): string => {
      let html = "";
      for (let count = Math.floor(random() * 5); count > 0; count -= 1) {
        const roll = random();
        if (roll < 0.35) {
          html += pick(texts);
        } else if (roll < 0.45) {
          html += pick(["<br>", "<img src=cid:x>", "<!--c-->", "<span></span>"]);
        } else if (depth < 6) {
          const [open, close] = pick(opens);
          html += `${open}${fragment(depth + 1)}${close}`;
        }
      }
      return html;
    };
    for (let index = 0; index < 400; index += 1) {
      const html = fragment(0);
      const [walked, asked] = bothWays(html);
      expect({ html, escaped: walked }).toEqual({ html, escaped: asked });
    }
  });
});
