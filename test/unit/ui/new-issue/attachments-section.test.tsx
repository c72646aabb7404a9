/**
 * The attachments list shows each file under the name it is uploaded with, not the sender's raw
 * name: a right-to-left override or a path in an attachment's name can't disguise the file.
 */
import { renderToStaticMarkup } from "react-dom/server";
import { plannedFileUploads } from "../../../../src/ui/new-issue/attachment-choices";
import { AttachmentsSection } from "../../../../src/ui/new-issue/components/AttachmentsSection";
import { file, sampleMessage } from "../ui-fakes";

const noop = () => undefined;
const policy = {
  capabilities: { attachments: "office" as const, wholeMessage: "office" as const },
  jira: { enabled: true, uploadLimit: 10 * 1024 * 1024 },
};
const draft = { attachmentChoices: {}, attachEmail: false, description: "", inlineImages: [] };

/** The texts of the attachment checkboxes' labels, in order. */
function labels(html: string): string[] {
  return [...html.matchAll(/<span[^>]*dir="auto">([^<]*)<\/span><\/label>/g)].map(
    (match) => match[1] as string
  );
}

describe("AttachmentsSection's file names", () => {
  const message = sampleMessage({
    attachments: [
      file("a1", "invoice\u202Efdp.exe", "application/octet-stream", 1000),
      file("a2", "..\\..\\Windows\\evil.exe", "application/octet-stream", 1000),
      file("a3", "zero\u200Bwidth\uFEFF.txt", "text/plain", 1000),
      file("a4", "report.pdf", "application/pdf", 1000),
      file("a5", "REPORT.pdf", "application/pdf", 1000),
      file("a6", "תמונה.png", "image/png", 1000),
    ],
  });

  it.each(["issue", "comment"] as const)(
    "shows each file under the name it is uploaded with (%s)",
    (target) => {
      const html = renderToStaticMarkup(
        <AttachmentsSection
          message={message}
          draft={draft}
          policy={policy}
          target={target}
          disabled={false}
          onChange={noop}
        />
      );
      const uploaded = plannedFileUploads({ ...draft, markup: "" }, message, policy).map(
        (upload) => upload.fileName
      );
      expect(labels(html)).toEqual([
        "invoicefdp.exe",
        "_.._Windows_evil.exe",
        "zerowidth.txt",
        "report.pdf",
        "REPORT (2).pdf",
        "תמונה.png",
      ]);
      expect(labels(html)).toEqual(uploaded);
      expect(html).not.toMatch(/[\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/u);
    }
  );
});
