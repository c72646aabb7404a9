import { useEffect, useState } from "react";
import type { MailMessage } from "../mail/mail-message";
import type { MailboxPort } from "./ports";

/** The selected email, kept current while a pinned pane follows the user's selection. */
export function useCurrentMessage(
  mailbox: MailboxPort,
  onError: (error: Error) => void
): MailMessage | null {
  const [message, setMessage] = useState(() => mailbox.currentMessage());
  useEffect(
    () => mailbox.subscribeToMessageChanges(() => setMessage(mailbox.currentMessage()), onError),
    [mailbox, onError]
  );
  return message;
}
