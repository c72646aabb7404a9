/**
 * An .eml (RFC 5322, MIME multipart/mixed) with one binary attachment, for the upload measure:
 * the preview opens it through its "Open .eml" input as Outlook would show a received email.
 */

/** What the email is made of. */
export interface EmlWithAttachment {
  subject: string;
  /** Message-ID without angle brackets; a new one per run keeps each run's email its own. */
  messageId: string;
  fileName: string;
  content: Uint8Array;
}

/** The email as RFC 5322 text (base64 body lines of 76 characters, RFC 2045 §6.8). */
export function emlWithAttachment(email: EmlWithAttachment): string {
  const boundary = `bench-boundary-${email.messageId.replace(/[^A-Za-z0-9]/g, "")}`;
  const base64 = Buffer.from(email.content).toString("base64");
  const lines = base64.match(/.{1,76}/g) ?? [];
  return [
    "From: Chris Young <chris.young@fabrikam.example>",
    "To: Support <support@contoso.example>",
    `Subject: ${email.subject}`,
    "Date: Fri, 07 Jun 2024 10:00:00 +0000",
    `Message-ID: <${email.messageId}>`,
    "MIME-Version: 1.0",
    `Content-Type: multipart/mixed; boundary="${boundary}"`,
    "",
    `--${boundary}`,
    "Content-Type: text/plain; charset=utf-8",
    "",
    "The log export is attached.",
    "",
    `--${boundary}`,
    `Content-Type: application/octet-stream; name="${email.fileName}"`,
    `Content-Disposition: attachment; filename="${email.fileName}"`,
    "Content-Transfer-Encoding: base64",
    "",
    ...lines,
    `--${boundary}--`,
    "",
  ].join("\r\n");
}
