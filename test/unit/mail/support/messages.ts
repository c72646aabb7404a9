// Builders for the plain email data the converter reads.
import type { MailAttachmentInfo, MailMessage } from "../../../../src/mail/mail-message";

export function mailMessage(overrides: Partial<MailMessage> = {}): MailMessage {
  return {
    itemId: "AAMkAGI2TG93AAA=",
    subject: "VPN drops every hour",
    from: { name: "Chris Young", address: "chris.young@fabrikam.example" },
    to: [{ name: "Support", address: "support@contoso.example" }],
    cc: [],
    sentAt: new Date("2024-06-07T14:02:00Z"),
    internetMessageId: "<chris-1@fabrikam.example>",
    conversationId: "AAQkAGI2TG93",
    attachments: [],
    ...overrides,
  };
}

export function inlineImage(
  id: string,
  name: string,
  extra: Partial<MailAttachmentInfo> = {}
): MailAttachmentInfo {
  return {
    id,
    name,
    contentType: "image/png",
    size: 2048,
    isInline: true,
    attachmentType: "file",
    ...extra,
  };
}
