/**
 * What this Outlook client can do beyond the manifest's minimum (Mailbox 1.5). Features are
 * detected, not assumed: on-premises Exchange 2016/2019 mailboxes stop at 1.5 even in new clients.
 * See docs/architecture.md and the facts sheet for the sets.
 */
export interface MailboxCapabilities {
  /** item.getAttachmentContentAsync (Mailbox 1.8). */
  attachmentContent: boolean;
  /** item.getAsFileAsync: the whole message as .eml (Mailbox 1.14). */
  wholeMessage: boolean;
  /** OfficeThemeChanged on the mailbox (Mailbox 1.14). */
  themeEvents: boolean;
}

export function detectMailboxCapabilities(): MailboxCapabilities {
  const supports = (version: string) =>
    Office.context.requirements.isSetSupported("Mailbox", version);
  return {
    attachmentContent: supports("1.8"),
    wholeMessage: supports("1.14"),
    themeEvents: supports("1.14"),
  };
}
