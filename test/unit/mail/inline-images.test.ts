import type { MailAttachmentInfo, MailMessage } from "../../../src/mail/mail-message";
import { cidReferences, inlineImagesOf } from "../../../src/mail/inline-images";

function message(attachments: MailAttachmentInfo[]): MailMessage {
  return {
    itemId: "item-1",
    subject: "Subject",
    from: null,
    to: [],
    cc: [],
    sentAt: null,
    internetMessageId: "<m@example>",
    conversationId: "c",
    attachments,
  };
}

const image = (id: string, name: string, extra: Partial<MailAttachmentInfo> = {}) =>
  ({
    id,
    name,
    contentType: "image/png",
    size: 84,
    isInline: true,
    attachmentType: "file",
    ...extra,
  }) satisfies MailAttachmentInfo;

describe("inlineImagesOf", () => {
  it("lists inline images with their Content-ID, leaving out files the user attached", () => {
    const refs = inlineImagesOf(
      message([
        image("a1", "logo.png", { contentId: "<logo@example>" }),
        image("a2", "photo.png", { isInline: false }),
        image("a3", "doc.pdf", { contentType: "application/pdf", contentId: "doc@x" }),
        image("a4", "cloud.png", { attachmentType: "cloud" }),
      ]),
      '<img src="cid:logo@example">'
    );
    expect(refs).toEqual([{ attachmentId: "a1", contentId: "logo@example", fileName: "logo.png" }]);
  });

  it("matches Outlook's cid:image001.png@… to the attachment named image001.png when Outlook reports no Content-ID", () => {
    const refs = inlineImagesOf(
      message([image("a1", "image001.png"), image("a2", "image002.png")]),
      "<img src=\"cid:image001.png@01DAB5C1.2F3E4A50\"><img src='cid:IMAGE002.PNG@01DAB5C1.2F3E4A50'>"
    );
    expect(refs).toEqual([
      { attachmentId: "a1", contentId: "image001.png@01DAB5C1.2F3E4A50", fileName: "image001.png" },
      { attachmentId: "a2", contentId: "IMAGE002.PNG@01DAB5C1.2F3E4A50", fileName: "image002.png" },
    ]);
  });

  it("keeps an inline image that the HTML does not reference, without a Content-ID", () => {
    expect(inlineImagesOf(message([image("a1", "image001.png")]), null)).toEqual([
      { attachmentId: "a1", fileName: "image001.png" },
    ]);
  });

  it("gives file names unique among all of the email's attachments", () => {
    const refs = inlineImagesOf(
      message([
        { ...image("f1", "image001.png"), isInline: false },
        image("a1", "image001.png", { contentId: "one@x" }),
        image("a2", "image001.png", { contentId: "two@x" }),
        image("a3", "../evil\u202E!gnp.png", { contentId: "three@x" }),
      ]),
      ""
    );
    expect(refs.map((ref) => ref.fileName)).toEqual([
      "image001 (2).png",
      "image001 (3).png",
      "_evil_gnp.png",
    ]);
  });
});

describe("cidReferences", () => {
  it("finds cid: URLs in attributes and CSS, decoded and without duplicates", () => {
    expect(
      cidReferences(
        `<img src="cid:a%40b"><img src=cid:plain@x><div style="background:url(cid:css@x)"></div><img src="CID:a@b">`
      )
    ).toEqual(["a@b", "plain@x", "css@x"]);
  });
});
