/**
 * One attachment's content as an uploadable MailFile, from either source:
 * - Office.js `item.getAttachmentContentAsync` (Mailbox 1.8), whose answer's `format` says what
 *   `content` is (learn.microsoft.com/javascript/api/outlook/office.attachmentcontent): base64 for
 *   a file, the .eml text for an attached email, the iCalendar text for an attached calendar item,
 *   a URL for a cloud attachment;
 * - the message's MIME content read through EWS (Mailbox 1.5 clients on on-premises Exchange).
 * Names go through safeFileName: an attachment name comes from the email's sender and is hostile.
 */
import type { MailAttachmentInfo, MailFile } from "../mail/mail-message";
import { safeFileName } from "../mail/file-names";
import { base64ToBlob, base64ToBytes, textToBlob } from "./base64-blob";
import { pickMimeAttachment, mimeAttachmentParts } from "./ews/ews-mime-attachments";
import { MailItemError } from "./mail-item-error";
import { officeCall } from "./office-async";

const EML_TYPE = "message/rfc822";
const ICALENDAR_TYPE = "text/calendar";
const DEFAULT_TYPE = "application/octet-stream";

/** The refusal for a cloud attachment: it is a link to a file in OneDrive/SharePoint, not a file. */
export function cloudAttachmentRefusal(attachment: MailAttachmentInfo): MailItemError {
  return new MailItemError(
    "attachment_unavailable",
    `"${attachment.name}" is a link to a cloud file; share the link instead (open it from the ` +
      "email and copy its sharing link into the issue)."
  );
}

/** Reads `attachment` of the selected `item` through getAttachmentContentAsync (Mailbox 1.8). */
export async function readAttachmentWithOffice(
  item: Office.MessageRead,
  attachment: MailAttachmentInfo
): Promise<MailFile> {
  const content = await officeCall<Office.AttachmentContent>((callback) =>
    item.getAttachmentContentAsync(attachment.id, callback)
  );
  switch (content.format) {
    case Office.MailboxEnums.AttachmentContentFormat.Base64: {
      const contentType = attachment.contentType || DEFAULT_TYPE;
      return {
        name: safeFileName(attachment.name, "attachment"),
        contentType,
        data: decoded(content.content, contentType, attachment),
      };
    }
    case Office.MailboxEnums.AttachmentContentFormat.Eml:
      return {
        name: safeNameWithExtension(attachment.name, ".eml", "attached email"),
        contentType: EML_TYPE,
        data: textToBlob(content.content, EML_TYPE),
      };
    case Office.MailboxEnums.AttachmentContentFormat.ICalendar:
      return {
        name: safeNameWithExtension(attachment.name, ".ics", "calendar item"),
        contentType: ICALENDAR_TYPE,
        data: textToBlob(content.content, ICALENDAR_TYPE),
      };
    case Office.MailboxEnums.AttachmentContentFormat.Url:
      throw cloudAttachmentRefusal(attachment);
    default:
      throw new MailItemError(
        "attachment_unavailable",
        `Outlook returned "${attachment.name}" in a form the add-in doesn't know ` +
          `(${String(content.format)}). Save it from Outlook and attach it in Jira instead.`
      );
  }
}

/**
 * Takes `attachment` out of the message's MIME content (base64, as EWS's MimeContent holds it).
 * `all` is the message's attachment list in Outlook's order (it tells duplicates apart).
 */
export async function readAttachmentFromMime(
  mimeBase64: string,
  attachment: MailAttachmentInfo,
  all: readonly MailAttachmentInfo[]
): Promise<MailFile> {
  let parts;
  try {
    parts = await mimeAttachmentParts(base64ToBytes(mimeBase64));
  } catch (cause) {
    throw new MailItemError(
      "attachment_unavailable",
      `The email's content from Exchange could not be read, so "${attachment.name}" can't be ` +
        "attached. Save it from Outlook and attach it in Jira instead.",
      { cause }
    );
  }
  const part = pickMimeAttachment(parts, attachment, all);
  if (!part) {
    throw new MailItemError(
      "attachment_unavailable",
      `"${attachment.name}" was not found in the email's content from Exchange. Save it from ` +
        "Outlook and attach it in Jira instead."
    );
  }
  if (attachment.attachmentType === "item") {
    return {
      name: safeNameWithExtension(attachment.name, ".eml", "attached email"),
      contentType: EML_TYPE,
      data: new Blob([part.content], { type: EML_TYPE }),
    };
  }
  const contentType = attachment.contentType || part.mimeType || DEFAULT_TYPE;
  return {
    name: safeFileName(attachment.name, "attachment"),
    contentType,
    data: new Blob([part.content], { type: contentType }),
  };
}

function decoded(base64: string, contentType: string, attachment: MailAttachmentInfo): Blob {
  try {
    return base64ToBlob(base64, contentType);
  } catch (cause) {
    throw new MailItemError(
      "attachment_unavailable",
      `Outlook returned content for "${attachment.name}" that is not valid base64. Save it from ` +
        "Outlook and attach it in Jira instead.",
      { cause }
    );
  }
}

/**
 * A safe name ending in `extension` (appended unless already there, case-insensitively), e.g. an
 * attached email named after its subject, "Fwd: Outage" → "Fwd_ Outage.eml".
 */
export function safeNameWithExtension(name: string, extension: string, fallback: string): string {
  const base = safeFileName(name, fallback);
  const withExtension = base.toLowerCase().endsWith(extension) ? base : `${base}${extension}`;
  return safeFileName(withExtension, `${fallback}${extension}`);
}
