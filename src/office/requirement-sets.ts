import type { MailContentCapabilities, MailContentSource } from "../ui/ports";

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

/**
 * Where this client can read attachment content and the whole message from, decided once:
 * Office.js when it has the requirement set (Mailbox 1.8 for attachments, 1.14 for the whole
 * message), else EWS when `makeEwsRequestAsync` exists (clients on on-premises Exchange, which stop
 * at Mailbox 1.5), else nowhere. EWS is only the fallback: Exchange Online has retired it for
 * add-ins, and there every client that matters has the Office.js methods.
 */
export function detectMailContentCapabilities(): MailContentCapabilities {
  const supports = (version: string) =>
    Office.context.requirements.isSetSupported("Mailbox", version);
  const fallback: MailContentSource =
    typeof Office.context.mailbox?.makeEwsRequestAsync === "function" ? "ews" : "none";
  return {
    attachments: supports("1.8") ? "office" : fallback,
    wholeMessage: supports("1.14") ? "office" : fallback,
  };
}
