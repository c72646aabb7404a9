import type { EmailAddress, MailAttachmentInfo, MailMessage } from "../mail/mail-message";
import { bareContentId } from "./content-id";

/**
 * Reads the Outlook item into a plain MailMessage. Only message items in read mode are read: the
 * manifest activates the pane there, and a pinned pane may briefly see no item (null) between
 * selections or an appointment, which the pane shows as "no email selected".
 */
export function readMailMessage(item: Office.MessageRead | null | undefined): MailMessage | null {
  if (!item || item.itemType !== Office.MailboxEnums.ItemType.Message) return null;
  return {
    itemId: item.itemId ?? "",
    subject: item.subject ?? "",
    from: item.from ? toAddress(item.from) : null,
    to: (item.to ?? []).map(toAddress),
    cc: (item.cc ?? []).map(toAddress),
    sentAt: item.dateTimeCreated ? new Date(item.dateTimeCreated) : null,
    internetMessageId: item.internetMessageId ?? "",
    conversationId: item.conversationId ?? "",
    attachments: (item.attachments ?? []).map(toAttachment),
  };
}

function toAddress(details: Office.EmailAddressDetails): EmailAddress {
  return { name: details.displayName || details.emailAddress, address: details.emailAddress };
}

function toAttachment(attachment: Office.AttachmentDetails): MailAttachmentInfo {
  const contentId = bareContentId(attachment.contentId);
  return {
    id: attachment.id,
    name: attachment.name,
    contentType: attachment.contentType,
    size: attachment.size,
    isInline: attachment.isInline,
    attachmentType: attachmentTypeOf(attachment.attachmentType),
    ...(contentId ? { contentId } : {}),
  };
}

/**
 * Office.MailboxEnums.AttachmentType: "file", "item" (an attached email or calendar item) or
 * "cloud" (a link to a file in OneDrive/SharePoint, which has no content to read). Read as the
 * runtime strings, which equal the enum's values in every client; an unknown future kind counts as
 * a file, whose content Outlook serves as base64.
 */
function attachmentTypeOf(type: unknown): MailAttachmentInfo["attachmentType"] {
  if (type === Office.MailboxEnums.AttachmentType.Item) return "item";
  if (type === Office.MailboxEnums.AttachmentType.Cloud) return "cloud";
  return "file";
}
