// An email with every kind of part the EWS path must find: files (two with the same name), an
// inline image, and two attached emails (one named, one known only by its encoded Subject).
import type { MailAttachmentInfo } from "../../../../src/mail/mail-message";

export const PDF_BYTES = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x00, 0xff, 0x80, 0x0a]);
export const PNG_BYTES = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x01]);
export const FIRST_LOG = "first log\r\n";
export const SECOND_LOG = "second log\r\n";
export const ATTACHED_EMAIL =
  "From: ops@example.com\r\nSubject: =?utf-8?B?w5xiZXJzaWNodA==?=\r\n\r\nAttached body\r\n";
export const NAMED_EMAIL = "From: a@example.com\r\nSubject: Report\r\n\r\nReport body\r\n";

function wrap(base64: string): string {
  return base64.replace(/.{76}/g, "$&\r\n");
}

export const MIXED_EML = [
  "From: Jane <jane@example.com>",
  "To: support@example.com",
  "Subject: Everything attached",
  "Message-ID: <mixed@example.com>",
  "MIME-Version: 1.0",
  'Content-Type: multipart/mixed; boundary="outer"',
  "",
  "--outer",
  'Content-Type: multipart/related; boundary="related"',
  "",
  "--related",
  "Content-Type: text/html; charset=utf-8",
  "",
  '<p>See <img src="cid:image001.png@01DA0000.00000000"></p>',
  "--related",
  'Content-Type: image/png; name="image001.png"',
  "Content-Transfer-Encoding: base64",
  'Content-Disposition: inline; filename="image001.png"',
  "Content-ID: <image001.png@01DA0000.00000000>",
  "",
  wrap(PNG_BYTES.toString("base64")),
  "--related--",
  "--outer",
  'Content-Type: application/pdf; name="Invoice.pdf"',
  "Content-Transfer-Encoding: base64",
  'Content-Disposition: attachment; filename="Invoice.pdf"',
  "",
  wrap(PDF_BYTES.toString("base64")),
  "--outer",
  'Content-Type: text/plain; name="log.txt"',
  'Content-Disposition: attachment; filename="log.txt"',
  "",
  FIRST_LOG.replace(/\r\n$/, ""),
  "--outer",
  'Content-Type: text/plain; name="log.txt"',
  'Content-Disposition: attachment; filename="log.txt"',
  "",
  SECOND_LOG.replace(/\r\n$/, ""),
  "--outer",
  "Content-Type: message/rfc822",
  "Content-Disposition: attachment",
  "",
  ATTACHED_EMAIL.replace(/\r\n$/, ""),
  "--outer",
  "Content-Type: message/rfc822",
  'Content-Disposition: attachment; filename="Report.eml"',
  "",
  NAMED_EMAIL.replace(/\r\n$/, ""),
  "--outer--",
  "",
].join("\r\n");

function info(
  id: string,
  name: string,
  contentType: string,
  size: number,
  extra: Partial<MailAttachmentInfo> = {}
): MailAttachmentInfo {
  return { id, name, contentType, size, isInline: false, attachmentType: "file", ...extra };
}

/** The message's attachments as Outlook lists them. */
export const OUTLOOK_ATTACHMENTS: MailAttachmentInfo[] = [
  info("att-image", "image001.png", "image/png", PNG_BYTES.length, {
    isInline: true,
    contentId: "image001.png@01DA0000.00000000",
  }),
  info("att-pdf", "Invoice.pdf", "application/pdf", PDF_BYTES.length),
  info("att-log-1", "log.txt", "text/plain", 9),
  info("att-log-2", "log.txt", "text/plain", 10),
  info("att-mail", "Übersicht", "message/rfc822", 70, { attachmentType: "item" }),
  info("att-report", "Report", "message/rfc822", 60, { attachmentType: "item" }),
];
