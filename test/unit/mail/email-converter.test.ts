import type { DescribeInput, InlineImageRef } from "../../../src/mail/email-description-types";
import { DEFAULT_DESCRIPTION_OPTIONS } from "../../../src/mail/email-description-types";
import { inlineImagesOf } from "../../../src/mail/inline-images";
import { inlineImage, mailMessage } from "./support/messages";
import { nodeEmailConverter } from "./support/parse-html";

function input(overrides: Partial<DescribeInput> = {}): DescribeInput {
  return {
    message: mailMessage(),
    body: { html: null, text: "" },
    options: DEFAULT_DESCRIPTION_OPTIONS,
    inlineImages: [],
    locale: "en-US",
    timeZone: "UTC",
    ...overrides,
  };
}

const HEADER = [
  "*From:* Chris Young <chris.young@fabrikam.example>",
  "*Sent:* Friday, June 7, 2024 at 2:02 PM",
  "*To:* Support <support@contoso.example>",
  "*Subject:* VPN drops every hour",
  "----",
].join("\n");

describe("createEmailConverter().describe", () => {
  const converter = nodeEmailConverter();

  it("starts with the header block, then the HTML body", () => {
    const result = converter.describe(
      input({ body: { html: "<p>Hello <b>team</b></p>", text: "Hello team" } })
    );
    expect(result.markup).toBe(`${HEADER}\n\nHello *team*`);
  });

  it("uses the text body when there is no HTML body", () => {
    const result = converter.describe(
      input({ body: { html: null, text: "Hello *team*\n\n\n> quoted\n" } })
    );
    expect(result.markup).toBe(`${HEADER}\n\nHello \\*team*\n\n{quote}\nquoted\n{quote}`);
  });

  it("uses the text body when the HTML body shows nothing", () => {
    const result = converter.describe(
      input({
        body: { html: "<html><head><style>p{}</style></head><body> </body></html>", text: "Text" },
        options: { includeHeaderBlock: false, cutQuotedHistory: false },
      })
    );
    expect(result.markup).toBe("Text");
  });

  it("leaves the header block out when asked", () => {
    const result = converter.describe(
      input({
        body: { html: "<p>Body</p>", text: "" },
        options: { includeHeaderBlock: false, cutQuotedHistory: false },
      })
    );
    expect(result.markup).toBe("Body");
  });

  it("cuts the quoted history of HTML and text bodies when asked", () => {
    const options = { includeHeaderBlock: false, cutQuotedHistory: true };
    const html =
      '<div>New</div><div class="gmail_quote">On Mon, Sam wrote:<blockquote>Old</blockquote></div>';
    expect(converter.describe(input({ body: { html, text: "" }, options })).markup).toBe("New");
    const text = "New\n\n-----Original Message-----\nOld";
    expect(converter.describe(input({ body: { html: null, text }, options })).markup).toBe("New");
  });

  it("gives only the header block for an empty body, ending without blank lines", () => {
    expect(converter.describe(input()).markup).toBe(HEADER);
    expect(
      converter.describe(input({ options: { includeHeaderBlock: false, cutQuotedHistory: false } }))
        .markup
    ).toBe("");
  });

  it("references the email's inline images and reports the ones used", () => {
    const message = mailMessage({
      attachments: [
        { ...inlineImage("att-0", "image001.png"), isInline: false },
        inlineImage("att-1", "image001.png"),
        inlineImage("att-2", "image002.png"),
      ],
    });
    const html =
      '<p>Screen:</p><p><img src="cid:image002.png@01DAB5C1.2F3E4A50"></p><p><img src="cid:image001.png@01DAB5C1.2F3E4A50"></p>';
    const inlineImages: InlineImageRef[] = inlineImagesOf(message, html);
    const result = converter.describe(
      input({
        message,
        body: { html, text: "" },
        inlineImages,
        options: { includeHeaderBlock: false, cutQuotedHistory: false },
      })
    );
    expect(result.markup).toBe("Screen:\n\n!image002.png!\n\n!image001 (2).png!");
    expect(result.usedInlineImages).toEqual([inlineImages[1], inlineImages[0]]);
  });

  it("is pure: the same input gives the same output", () => {
    const same = input({ body: { html: "<ul><li>a</li></ul><p>b</p>", text: "" } });
    expect(converter.describe(same)).toEqual(converter.describe(same));
  });
});
