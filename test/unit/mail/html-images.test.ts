// Images in HTML: pasted (cid:) images become !fileName!; images from the web are never embedded.
import type { InlineImageRef } from "../../../src/mail/email-description-types";
import { convertHtml } from "./support/convert";

describe("images", () => {
  const logo: InlineImageRef = {
    attachmentId: "att-1",
    contentId: "logo@contoso",
    fileName: "logo.png",
  };
  const shot: InlineImageRef = {
    attachmentId: "att-2",
    contentId: "image001.png@01DAB5C1.2F3E4A50",
    fileName: "image001 (2).png",
  };

  it("shows a known cid: image as !fileName! and reports it as used, in order of first use", () => {
    const result = convertHtml(
      '<p>Before<img src="cid:image001.png@01DAB5C1.2F3E4A50">after</p><p><img src="cid:LOGO@contoso"> <img src="cid:logo@contoso"></p>',
      { inlineImages: [logo, shot] }
    );
    expect(result.markup).toBe("Before !image001 (2).png! after\n\n!logo.png! !logo.png!");
    expect(result.usedInlineImages).toEqual([shot, logo]);
  });

  it("finds an image by file name when the cid has no Content-ID match (Outlook)", () => {
    const plain: InlineImageRef = { attachmentId: "att-3", fileName: "image002.png" };
    const result = convertHtml('<p><img src="cid:image002.png@01DAB5C1.2F3E4A50"></p>', {
      inlineImages: [plain],
    });
    expect(result.markup).toBe("!image002.png!");
    expect(result.usedInlineImages).toEqual([plain]);
  });

  it.each([
    ["an unknown cid: image", '<p>a <img src="cid:nothing@x" alt="x"> b</p>', "a b"],
    [
      "a tracking pixel (1×1)",
      '<p>a <img src="https://t.example/open.gif" width="1" height="1" alt="x"> b</p>',
      "a b",
    ],
    [
      "a pixel sized by style",
      '<p>a <img src="https://t.example/o.gif" style="width:1px;height:1px" alt="x"> b</p>',
      "a b",
    ],
    ["a remote image without alt", '<p>a <img src="https://t.example/banner.png"> b</p>', "a b"],
    [
      "a data: image",
      '<p>a <img src="data:image/png;base64,iVBORw0KGgo=" alt="chart"> b</p>',
      "a b",
    ],
    ["a javascript: image", '<p>a <img src="javascript:alert(1)" alt="x"> b</p>', "a b"],
    [
      "a remote image with alt",
      '<p>a <img src="https://cdn.example/logo.png" alt="Contoso [logo]|x"> b</p>',
      "a [Image: Contoso (logo)/x|https://cdn.example/logo.png] b",
    ],
  ])("never embeds %s", (_name, html, expected) => {
    const result = convertHtml(html, { inlineImages: [logo] });
    expect(result.markup).toBe(expected);
    expect(result.markup).not.toMatch(/!https?:/);
    expect(result.usedInlineImages).toEqual([]);
  });
});
