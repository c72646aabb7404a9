import type { MailMessage } from "../../../mail/mail-message";
import type { NewIssueStore } from "../new-issue-store";
import type { EmailLinksPort } from "../../ports";
import { useEmailLinks } from "../use-email-links";
import { useNewIssue } from "../use-new-issue";
import { EmailLinksBar } from "./EmailLinksBar";

export interface EmailLinksSectionProps {
  emailLinks: EmailLinksPort;
  /** Its entry's `linksRevision` says when a delivery linked the email: the links are read again. */
  newIssues: NewIssueStore;
  message: MailMessage;
  jiraBaseUrl: string;
}

/** The issues the shown email is linked to ("Linked to SUP-12"), kept fresh after a create. */
export function EmailLinksSection({
  emailLinks,
  newIssues,
  message,
  jiraBaseUrl,
}: EmailLinksSectionProps) {
  const { linksRevision } = useNewIssue(newIssues, message);
  const links = useEmailLinks(emailLinks, message, linksRevision);
  return <EmailLinksBar links={links} jiraBaseUrl={jiraBaseUrl} />;
}
