import { useEffect, useState } from "react";
import type { MailMessage } from "../mail/mail-message";
import type { MailboxPort } from "./ports";

/** The selected email, kept current while a pinned pane follows the user's selection. */
export function useCurrentMessage(
  mailbox: MailboxPort,
  onError: (error: Error) => void
): MailMessage | null {
  const [message, setMessage] = useState(() => mailbox.currentMessage());
  useEffect(() => {
    const unsubscribe = mailbox.subscribeToMessageChanges(
      () => setMessage(mailbox.currentMessage()),
      onError
    );
    // The selection may have changed between the first render and the subscription: read it again.
    setMessage(mailbox.currentMessage());
    return unsubscribe;
  }, [mailbox, onError]);
  return message;
}
