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
  /** "file"; "item" for an attached email (its content comes as .eml); "cloud" for a link to a file in OneDrive (no content to attach). */
  attachmentType: "file" | "item" | "cloud";
  /** Content-ID without angle brackets, when Outlook reports one: what a `cid:` URL in the HTML body names. */
  contentId?: string;
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

/** An email's body as Outlook gives it. */
export interface MailBody {
  /** The HTML body; null when the email is plain text only. */
  html: string | null;
  /** The body as text (Outlook's own conversion for an HTML email). */
  text: string;
}

/** One file read from the mailbox, ready to upload: an attachment, or the whole email as .eml. */
export interface MailFile {
  /** A safe file name (no path separators, no control or bidi-override characters). */
  name: string;
  /** MIME type, e.g. "image/png", "message/rfc822". */
  contentType: string;
  /** The decoded content (one copy: a Blob built straight from Outlook's base64). */
  data: Blob;
}

/** The thread headers of an email (RFC 5322 §3.6.4), as raw values. */
export interface ThreadHeaders {
  /** Message-IDs in In-Reply-To, without angle brackets. */
  inReplyTo: string[];
  /** Message-IDs in References, oldest first, without angle brackets. */
  references: string[];
  /** Thread-Topic (Outlook's original subject of the thread), when present. */
  threadTopic?: string;
}
