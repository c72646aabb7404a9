/**
 * What each view's store of drafts and deliveries (New issue, "Add to issue") is made from: the
 * same ports for both, so App builds one options object (email-work-types.ts) for the pair.
 */
import type { EmailConverter } from "../mail/email-description-types";
import type { DestinationMemory } from "./new-issue/destination-memory";
import type { DraftStore, EmailLinksPort, JiraSession, MailContentPort } from "./ports";

/** Options of createNewIssueStore and createAddToIssueStore. */
export interface DeliveryStoreOptions {
  session: Pick<JiraSession, "withJira">;
  /** Where drafts survive failures, sign-out and the closing of the pane. */
  drafts: DraftStore;
  mailContent: MailContentPort;
  emailLinks: EmailLinksPort;
  /** The pane's one memory of where emails went (shared by both stores). */
  destinations: DestinationMemory;
  /** BCP 47 language of the converted email's header block. */
  locale: string;
  /** The icon Jira shows beside the link to the email (absolute URL). */
  linkIconUrl?: string;
  /** The converter, loaded when first needed. Default: loadEmailConverter. */
  loadConverter?: () => Promise<EmailConverter>;
  /** This computer's clock, ms since the epoch (tests). Default Date.now. */
  now?: () => number;
  /** A random id for an attempt (create or comment). Default crypto.randomUUID. */
  randomId?: () => string;
  /** Where ignored failures are logged. Default console.warn. */
  warn?: (message: string, error: unknown) => void;
}
