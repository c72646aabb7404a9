/**
 * An email as the rest of the add-in sees it: plain data read once from the Office item by
 * src/office/, with no Office types, so mail/ui/jira code runs unchanged in Node tests.
 * Bodies and attachment contents are read on demand (they can be megabytes).
 */
export interface EmailAddress {
  /** Display name as Outlook shows it; may equal the address. */
  name: string;
  address: string;
}

export interface MailAttachmentInfo {
  /** Outlook's attachment id, used to fetch the content later. */
  id: string;
  name: string;
  contentType: string;
  /** Size in bytes as reported by Outlook. */
  size: number;
  /** Inline images (cid:) are part of the body, not files the user attached. */
  isInline: boolean;
}

export interface MailMessage {
  /** Outlook's item id: stable for this mailbox, opaque. */
  itemId: string;
  subject: string;
  from: EmailAddress | null;
  to: EmailAddress[];
  cc: EmailAddress[];
  /** When the message was created/received, if Outlook says. */
  sentAt: Date | null;
  /** RFC 5322 Message-ID: the same for every recipient, unlike itemId. */
  internetMessageId: string;
  conversationId: string;
  attachments: MailAttachmentInfo[];
}
