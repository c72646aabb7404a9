/**
 * Which email an "Add to issue" draft belongs to: the same identity as the New issue draft's
 * (src/ui/new-issue/new-issue-item.ts emailIdentityOf: the item id, else the Message-ID, else
 * memory only), under the DraftStore key `add-to-issue:<id>`.
 */
import type { MailMessage } from "../../mail/mail-message";
import { emailIdentityOf } from "../new-issue/new-issue-item";
import type { NewIssueItem } from "../new-issue/new-issue-item";

/** The email an "Add to issue" draft is made from (its key is the DraftStore key). */
export type AddToIssueItem = NewIssueItem;

/** The prefix of every "Add to issue" DraftStore key. */
export const ADD_TO_ISSUE_PREFIX = "add-to-issue:";

/** The DraftStore key of the "Add to issue" draft of one email. */
export function addToIssueDraftKey(itemId: string): string {
  return `${ADD_TO_ISSUE_PREFIX}${itemId}`;
}

/** The "Add to issue" item of `message`: `add-to-issue:<itemId>` (or its stand-ins). */
export function addToIssueItemFor(message: MailMessage): AddToIssueItem {
  const { subject, conversationId, from } = message;
  const { id, persistent } = emailIdentityOf(message);
  return { key: addToIssueDraftKey(id), persistent, subject, conversationId, from };
}
