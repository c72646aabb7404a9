// describeAsync converts in time slices (turndown in batches, passes that pause) and must give
// exactly what describe gives, whatever the batch size, while giving the event loop back.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { largeOutlookHtml } from "../../../bench/fixtures/large-outlook-email";
import { createEmailConverter, PLAIN_TEXT_FALLBACK_NOTE } from "../../../src/mail/email-converter";
import type { DescribeInput, EmailConverter } from "../../../src/mail/email-description-types";
import { inlineImagesOf } from "../../../src/mail/inline-images";
import { runInSlices, yieldToEventLoop } from "../../../src/mail/html-to-wiki/work-slices";
import { SAMPLES_DIR } from "../preview/samples";
import { parseEml } from "./support/eml";
import { mailMessage } from "./support/messages";
import { nodeEmailConverter, parseHtml } from "./support/parse-html";

const EML_FILES = [
  ...["test/fixtures/mail", "test/fixtures/emails"].map((dir) => join(__dirname, "../../..", dir)),
  SAMPLES_DIR,
].flatMap((dir) =>
  readdirSync(dir)
    .filter((name) => name.endsWith(".eml"))
    .map((name) => join(dir, name))
);

function htmlInput(html: string, cutQuotedHistory: boolean): DescribeInput {
  return {
    message: mailMessage(),
    body: { html, text: "The plain-text body." },
    options: { includeHeaderBlock: true, cutQuotedHistory },
    inlineImages: [],
    locale: "en-US",
    timeZone: "UTC",
  };
}

/** A converter whose describeAsync cuts turndown's work into batches of `nodesPerBatch` nodes. */
function slicedConverter(nodesPerBatch: number): EmailConverter {
  return createEmailConverter({
    parseHtml,
    slicing: {
      batchSize: { nodesPerBatch },
      sliceMs: 0,
      yieldToEventLoop: () => Promise.resolve(),
    },
  });
}

describe("describeAsync", () => {
  it.each(EML_FILES.map((file) => [file.split("/").slice(-2).join("/"), file]))(
    "gives what describe gives for %s",
    async (_name, file) => {
      const { message, body } = await parseEml(readFileSync(file, "utf8"));
      for (const cutQuotedHistory of [false, true]) {
        const input: DescribeInput = {
          message,
          body,
          options: { includeHeaderBlock: true, cutQuotedHistory },
          inlineImages: inlineImagesOf(message, body.html),
          locale: "en-US",
          timeZone: "UTC",
        };
        const expected = nodeEmailConverter().describe(input);
        expect(await nodeEmailConverter().describeAsync(input)).toEqual(expected);
        expect(await slicedConverter(1).describeAsync(input)).toEqual(expected);
      }
    }
  );

  it("gives what describe gives for a 1 MB Outlook email, cut or not", async () => {
    const html = largeOutlookHtml(1_000_000);
    expect(html.length).toBeGreaterThanOrEqual(1_000_000);
    for (const cutQuotedHistory of [false, true]) {
      const expected = nodeEmailConverter().describe(htmlInput(html, cutQuotedHistory));
      const sliced = await nodeEmailConverter().describeAsync(htmlInput(html, cutQuotedHistory));
      expect(sliced.markup).toBe(expected.markup);
      expect(sliced.markup.length).toBeGreaterThan(cutQuotedHistory ? 500 : 200_000);
    }
  }, 60_000);

  // Where turndown's batches meet: inline text and blocks side by side, whitespace at the edges,
  // markup whose output depends on its neighbours, blank lines from blocks and <br>s, and blocks
  // whose rules look at their ancestors (quotes, lists, tables) with batches inside them.
  const EDGES = [
    "text <b>bold</b> <p>para</p> tail <i>it</i> <div>block</div> end",
    "<div> lead</div>  <span> spaced </span> <div>x </div> <b> y </b>",
    "a<br><br><div>b</div><br>c<div><br></div>d",
    "<p>a<br>b <b>c</b><br> d<br><br>e <br>\n<i> f</i></p><div>x<br><i>y</i> z<br></div><p><br>g</p>",
    "<p>x</p>\n\n<p>y</p><p> </p><p>&nbsp;</p><div>&nbsp;</div><p>z</p>",
    "<blockquote><p>q1</p><p>q2 <b>bold</b></p><blockquote><p>inner</p></blockquote>after</blockquote>",
    "<ul><li>one<ul><li>deep</li><li>deeper <b>b</b></li></ul></li><li>two</li></ul><ol><li>n</li></ol>",
    "<table><tr><th>h1</th><th>h2</th></tr><tr><td>a<p>b</p></td><td colspan=2>c</td></tr></table>",
    "<table><tr><td><table><tr><td>n1</td><td>n2</td></tr></table></td><td>x</td></tr></table>",
    "<div><div><div><p>deep *</p>- item<p>h1. not a heading</p></div></div></div>",
    "<pre>  keep\n  this *</pre>after<pre>{noformat}</pre>",
    '<p>see <a href="https://x.example/">link</a>!</p><div><a href="javascript:x">*y</a></div>',
    '<p><img src="cid:image001.png@x">word<img src="cid:image001.png@x"></p><div>x<img src="cid:nope"></div>',
    "<h1>Title</h1><div>a<h2>Sub</h2>b</div><hr><p>c</p><blockquote><h3>q</h3></blockquote>",
    "<b>x </b><span></span> y<div></div><i>z</i>\t<span>\u2003w</span>",
    "<center><section><p>one</p></section><article>two<footer>three</footer></article></center>",
    "<dl><dt>term</dt><dd>def <b>b</b></dd></dl><fieldset>f</fieldset><address>a</address>",
  ];

  it.each(EDGES)("gives what describe gives in batches of any size: %j", async (html) => {
    const input: DescribeInput = {
      ...htmlInput(html, false),
      inlineImages: [{ attachmentId: "1", contentId: "image001.png@x", fileName: "image001.png" }],
    };
    const expected = nodeEmailConverter().describe(input);
    for (const nodesPerBatch of [1, 2, 3, 5, 8]) {
      expect(await slicedConverter(nodesPerBatch).describeAsync(input)).toEqual(expected);
    }
  });

  it("gives the event loop back between slices", async () => {
    let pauses = 0;
    const converter = createEmailConverter({
      parseHtml,
      slicing: {
        sliceMs: 0,
        yieldToEventLoop: () => {
          pauses += 1;
          return new Promise((resolve) => setTimeout(resolve, 0));
        },
      },
    });
    let timerRan = false;
    setTimeout(() => (timerRan = true), 0);
    const pending = converter.describeAsync(htmlInput(largeOutlookHtml(200_000), false));
    expect(timerRan).toBe(false);
    const result = await pending;
    expect(timerRan).toBe(true);
    expect(result.markup).toContain("Hi Sam,");
    // Parse, the passes, turndown's batches of 1,000 nodes: dozens of pause points.
    expect(pauses).toBeGreaterThan(20);
  });

  it("falls back to the text body when the HTML can't be converted", async () => {
    const converter = createEmailConverter({
      parseHtml: () => {
        throw new RangeError("Maximum call stack size exceeded");
      },
    });
    const result = await converter.describeAsync({
      ...htmlInput("<p>x</p>", false),
      options: { includeHeaderBlock: false, cutQuotedHistory: false },
    });
    expect(result.markup).toBe(`${PLAIN_TEXT_FALLBACK_NOTE}\n\nThe plain-text body.`);
  });
});

describe("runInSlices", () => {
  it("pauses once a slice's time is used up, and only then", async () => {
    let clock = 0;
    const log: string[] = [];
    function* work(): Generator<void, string, void> {
      for (let step = 1; step <= 7; step += 1) {
        clock += 12; // every step takes 12 ms
        log.push(`step ${step}`);
        yield;
      }
      return "done";
    }
    const result = await runInSlices(work(), {
      sliceMs: 30,
      now: () => clock,
      yieldToEventLoop: () => {
        log.push("pause");
        return Promise.resolve();
      },
    });
    expect(result).toBe("done");
    expect(log).toEqual([
      ...["step 1", "step 2", "step 3", "pause"],
      ...["step 4", "step 5", "step 6", "pause"],
      "step 7",
    ]);
  });
});

describe("yieldToEventLoop", () => {
  it("uses scheduler.yield where the runtime has it", async () => {
    const schedulerYield = jest.fn(() => Promise.resolve());
    const global = globalThis as { scheduler?: unknown };
    global.scheduler = { yield: schedulerYield };
    try {
      await yieldToEventLoop();
      expect(schedulerYield).toHaveBeenCalledTimes(1);
    } finally {
      delete global.scheduler;
    }
  });

  it("else resumes in a new task, after every queued microtask", async () => {
    let microtasks = 0;
    const spin = (): void => {
      microtasks += 1;
      if (microtasks < 1_000) {
        queueMicrotask(spin);
      }
    };
    queueMicrotask(spin);
    await yieldToEventLoop();
    expect(microtasks).toBe(1_000);
  });
});
