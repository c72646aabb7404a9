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

// Emails without any id get a key of their own per MailMessage read from Outlook.
const unidentified = new WeakMap<MailMessage, string>();
let unidentifiedCount = 0;

/**
 * The draft key of an email: `new-issue:<itemId>`. Outlook's reader turns a missing itemId into ""
 * (src/office/mail-item-reader.ts); such emails must not share one draft (nor one form, nor one
 * create's result), so they are told apart by their Message-ID, else kept apart in memory only.
 */
export function newIssueItemFor(message: MailMessage): NewIssueItem {
  const { itemId, internetMessageId, subject, conversationId, from } = message;
  const about = { subject, conversationId, from };
  if (itemId) return { key: newIssueDraftKey(itemId), persistent: true, ...about };
  if (internetMessageId) {
    return {
      key: newIssueDraftKey(`message-id:${internetMessageId}`),
      persistent: true,
      ...about,
    };
  }
  let key = unidentified.get(message);
  if (key === undefined) {
    key = newIssueDraftKey(`unidentified:${++unidentifiedCount}`);
    unidentified.set(message, key);
  }
  return { key, persistent: false, ...about };
}
