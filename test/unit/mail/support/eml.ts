// Reads an .eml with postal-mime into the plain email data the converter takes (what src/office
// reads from Outlook), for the preview's sample emails.
import PostalMime from "postal-mime";
import type { Address } from "postal-mime";
import type { EmailAddress, MailBody, MailMessage } from "../../../../src/mail/mail-message";

export interface ParsedEml {
  message: MailMessage;
  body: MailBody;
}

export async function parseEml(source: string): Promise<ParsedEml> {
  const email = await PostalMime.parse(source);
  const html = email.html ?? null;
  const message: MailMessage = {
    itemId: "sample",
    subject: email.subject ?? "",
    from: addresses(email.from ? [email.from] : [])[0] ?? null,
    to: addresses(email.to ?? []),
    cc: addresses(email.cc ?? []),
    sentAt: email.date ? new Date(email.date) : null,
    internetMessageId: email.messageId ?? "",
    conversationId: "conversation",
    attachments: email.attachments.map((attachment, index) => {
      const contentId = attachment.contentId?.replace(/^<|>$/g, "");
      return {
        id: `attachment-${index + 1}`,
        name: attachment.filename ?? "",
        contentType: attachment.mimeType,
        size: 1,
        isInline: contentId !== undefined && (html ?? "").includes(`cid:${contentId}`),
        attachmentType: attachment.mimeType === "message/rfc822" ? "item" : "file",
        ...(contentId === undefined ? {} : { contentId }),
      };
    }),
  };
  return { message, body: { html, text: email.text ?? "" } };
}

function addresses(list: readonly Address[]): EmailAddress[] {
  return list.flatMap((address) =>
    address.group
      ? address.group.map((member) => ({ name: member.name, address: member.address }))
      : [{ name: address.name, address: address.address ?? "" }]
  );
}
