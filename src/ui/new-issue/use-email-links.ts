import { useEffect, useState } from "react";
import type { MailMessage } from "../../mail/mail-message";
import type { EmailIssueLink, EmailLinksPort } from "../ports";

interface Read {
  message: MailMessage;
  revision: number;
  links: EmailIssueLink[];
}

/**
 * The issues `message` is linked to, as the email remembers them; read again when `revision`
 * changes (a delivery recorded a link). A failed read shows none: it is logged, not shown.
 */
export function useEmailLinks(
  emailLinks: EmailLinksPort,
  message: MailMessage,
  revision: number
): EmailIssueLink[] {
  const [read, setRead] = useState<Read | undefined>(undefined);
  useEffect(() => {
    let current = true;
    emailLinks.read(message).then(
      (links) => {
        if (current) setRead({ message, revision, links });
      },
      (error: unknown) => console.warn("The email's Jira links could not be read.", error)
    );
    return () => {
      current = false;
    };
  }, [emailLinks, message, revision]);
  // Until the new read is in, a refresh shows the last links of the same email, never another's.
  return read && read.message === message ? read.links : [];
}
