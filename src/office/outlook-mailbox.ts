import type { MailboxPort, Unsubscribe } from "../ui/ports";
import { readMailMessage } from "./mail-item-reader";
import { officeCall } from "./office-async";

/** The MailboxPort over Office.context.mailbox. */
export function createOutlookMailbox(): MailboxPort {
  const mailbox = Office.context.mailbox;
  return {
    currentMessage: () => readMailMessage(mailbox.item as Office.MessageRead | null),
    subscribeToMessageChanges: (listener, onError) =>
      // ItemChanged fires only for a pinned pane (SupportsPinning in the manifest); Mailbox 1.5.
      subscribeMailboxEvent(mailbox, Office.EventType.ItemChanged, listener, onError),
  };
}

/** Adds a mailbox event handler; the returned function removes it again. */
export function subscribeMailboxEvent(
  mailbox: Office.Mailbox,
  eventType: Office.EventType,
  handler: (event: unknown) => void,
  onError: (error: Error) => void
): Unsubscribe {
  let active = true;
  const registered = officeCall<void>((callback) =>
    mailbox.addHandlerAsync(eventType, handler, callback)
  );
  registered.catch((error: Error) => {
    if (active) onError(error);
  });
  return () => {
    active = false;
    void registered
      .then(() => officeCall<void>((callback) => mailbox.removeHandlerAsync(eventType, callback)))
      .catch(() => undefined); // Removing a handler that never registered has nothing to undo.
  };
}
