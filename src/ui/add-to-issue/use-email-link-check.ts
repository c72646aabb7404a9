import { useEffect, useState } from "react";
import type { MailMessage } from "../../mail/mail-message";
import type { EmailLinksPort } from "../ports";
import type { EmailLinksCheck } from "./already-added";

interface Read {
  message: MailMessage;
  revision: number;
  check: EmailLinksCheck;
}

/**
 * The reading of the issues `message` is linked to, for the "already added" warning: "reading"
 * until Outlook answered for this email and `revision` (bumped when a delivery recorded a link),
 * then the links, or "failed" (logged; the form says it couldn't check).
 */
export function useEmailLinkCheck(
  emailLinks: EmailLinksPort,
  message: MailMessage,
  revision: number
): EmailLinksCheck {
  const [read, setRead] = useState<Read | undefined>(undefined);
  useEffect(() => {
    let current = true;
    emailLinks.read(message).then(
      (links) => {
        if (current) setRead({ message, revision, check: { status: "read", links } });
      },
      (error: unknown) => {
        console.warn("The email's Jira links could not be read.", error);
        if (current) setRead({ message, revision, check: { status: "failed", error } });
      }
    );
    return () => {
      current = false;
    };
  }, [emailLinks, message, revision]);
  // An answer for another email or an older revision says nothing about now.
  return read && read.message === message && read.revision === revision
    ? read.check
    : { status: "reading" };
}
