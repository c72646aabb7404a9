/**
 * Which email a New issue draft belongs to. The pane is pinned: the current email changes under a
 * running load or create, so every draft, create and result is filed under its email's key.
 */
import type { MailMessage } from "../../mail/mail-message";
import { newIssueDraftKey } from "./new-issue-draft";

/** The email a New issue draft is made from. */
export interface NewIssueItem {
  /** The draft's key: the DraftStore key, and the form's React key. One per email. */
  key: string;
  /** False when Outlook gave the email no id at all: its draft lives only in memory. */
  persistent: boolean;
  /** The email's subject, where a fresh draft's summary starts from. */
  subject: string;
  /** The email's conversation and sender: where a fresh draft's destination is suggested from. */
  conversationId: string;
  from: MailMessage["from"];
}

/** Which email something of the pane belongs to, whatever the view (each view prefixes `id`). */
export interface EmailIdentity {
  /** One per email: Outlook's item id, else `message-id:<Message-ID>`, else `unidentified:<n>`. */
  id: string;
  /** False when Outlook gave the email no id at all: what is kept for it lives only in memory. */
  persistent: boolean;
}

// Emails without any id get an id of their own per MailMessage read from Outlook.
const unidentified = new WeakMap<MailMessage, string>();
let unidentifiedCount = 0;

/**
 * The identity of an email. Outlook's reader turns a missing itemId into ""
 * (src/office/mail-item-reader.ts); such emails must not share one draft (nor one form, nor one
 * create's result), so they are told apart by their Message-ID, else kept apart in memory only.
 */
export function emailIdentityOf(message: MailMessage): EmailIdentity {
  const { itemId, internetMessageId } = message;
  if (itemId) return { id: itemId, persistent: true };
  if (internetMessageId) return { id: `message-id:${internetMessageId}`, persistent: true };
  let id = unidentified.get(message);
  if (id === undefined) {
    id = `unidentified:${++unidentifiedCount}`;
    unidentified.set(message, id);
  }
  return { id, persistent: false };
}

/** The New issue item of an email: its draft key is `new-issue:<id>` ({@link emailIdentityOf}). */
export function newIssueItemFor(message: MailMessage): NewIssueItem {
  const { subject, conversationId, from } = message;
  const { id, persistent } = emailIdentityOf(message);
  return { key: newIssueDraftKey(id), persistent, subject, conversationId, from };
}
