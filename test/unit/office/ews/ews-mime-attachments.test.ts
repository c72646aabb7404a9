import type { MailAttachmentInfo } from "../../../../src/mail/mail-message";
import {
  mimeAttachmentParts,
  pickMimeAttachment,
} from "../../../../src/office/ews/ews-mime-attachments";
import type { MimeAttachmentPart } from "../../../../src/office/ews/ews-mime-attachments";
import {
  ATTACHED_EMAIL,
  FIRST_LOG,
  MIXED_EML,
  NAMED_EMAIL,
  OUTLOOK_ATTACHMENTS,
  PDF_BYTES,
  PNG_BYTES,
  SECOND_LOG,
} from "./mime-fixture";

let parts: MimeAttachmentPart[];
beforeAll(async () => {
  parts = await mimeAttachmentParts(new TextEncoder().encode(MIXED_EML));
});

function attachment(id: string): MailAttachmentInfo {
  return OUTLOOK_ATTACHMENTS.find((candidate) => candidate.id === id)!;
}

function picked(id: string): string {
  const part = pickMimeAttachment(parts, attachment(id), OUTLOOK_ATTACHMENTS);
  return Buffer.from(part!.content).toString("latin1");
}

describe("finding Outlook's attachment in the message's MIME", () => {
  it("lists every attachment part, attached emails whole and named by their subject", () => {
    expect(parts.map((part) => [part.name, part.mimeType])).toEqual([
      ["image001.png", "image/png"],
      ["Invoice.pdf", "application/pdf"],
      ["log.txt", "text/plain"],
      ["log.txt", "text/plain"],
      ["Übersicht", "message/rfc822"],
      ["Report.eml", "message/rfc822"],
    ]);
  });

  it("finds an inline image by its Content-ID", () => {
    expect(picked("att-image")).toBe(PNG_BYTES.toString("latin1"));
  });

  it("finds a file by its name, bytes exact", () => {
    expect(picked("att-pdf")).toBe(PDF_BYTES.toString("latin1"));
  });

  it("tells files of the same name apart by Outlook's order", () => {
    expect(picked("att-log-1")).toBe(FIRST_LOG.replace(/\r\n$/, ""));
    expect(picked("att-log-2")).toBe(SECOND_LOG.replace(/\r\n$/, ""));
  });

  it("finds an attached email by its subject, or by its .eml name", () => {
    expect(picked("att-mail")).toContain(ATTACHED_EMAIL.replace(/\r\n$/, ""));
    expect(picked("att-report")).toContain(NAMED_EMAIL.replace(/\r\n$/, ""));
  });

  it("finds nothing rather than guessing", () => {
    const missing = { ...attachment("att-pdf"), id: "other", name: "Missing.pdf" };
    expect(pickMimeAttachment(parts, missing, [...OUTLOOK_ATTACHMENTS, missing])).toBeUndefined();
    // Three "log.txt" in Outlook's list but two in the MIME: which is which is unknown.
    const third = { ...attachment("att-log-1"), id: "att-log-3" };
    expect(pickMimeAttachment(parts, third, [...OUTLOOK_ATTACHMENTS, third])).toBeUndefined();
  });
});
