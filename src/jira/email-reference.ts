/**
 * How an email is remembered on a Jira issue: the issue property the add-in writes (with the
 * create, so it doubles as the create's marker) and the remote link back to the email.
 * Contract only here; builders in email-links.ts.
 */

/** The issue property key (issue properties: `PUT /rest/api/2/issue/{key}/properties/{key}`, ≤ 32 KB JSON). */
export const EMAIL_PROPERTY_KEY = "com.jira-for-outlook.emails";

/** One email linked to the issue. */
export interface EmailReference {
  /** RFC 5322 Message-ID, angle brackets included as Outlook reports it. */
  messageId: string;
  conversationId: string;
  sender: { name: string; address: string } | null;
  subject: string;
  /** ISO 8601, when known. */
  sentAt: string | null;
  /** "created": the issue was made from it; "commented": added as a comment. */
  kind: "created" | "commented";
  /**
   * A random id of the pane's attempt (UUID): a retry after an uncertain failure finds the issue
   * (or comment) this attempt already made by it, compared exactly.
   */
  attemptId: string;
  /** ISO 8601, when the add-in linked it. */
  linkedAt: string;
}

/** The property's value: every email linked to the issue, oldest first, bounded to stay far below 32 KB. */
export interface EmailPropertyValue {
  formatVersion: 1;
  emails: EmailReference[];
}
