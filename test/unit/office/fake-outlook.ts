// A faked Outlook host for the mail content and email links adapters: Office's enums with their
// real runtime values, a requirement-set check, and a mailbox whose item the test builds.
import { installOfficeEnums } from "../../support/fake-office-global";

export type Callback<T> = (result: Office.AsyncResult<T>) => void;

export const MAILBOX_ENUMS = {
  ItemType: { Message: "message", Appointment: "appointment" },
  AttachmentType: { File: "file", Item: "item", Cloud: "cloud" },
  AttachmentContentFormat: { Base64: "base64", Url: "url", Eml: "eml", ICalendar: "iCalendar" },
  RestVersion: { v1_0: "v1.0", v2_0: "v2.0", Beta: "beta" },
};

/** Outlook answering later, as it always does. */
export function succeedLater<T>(callback: Callback<T>, value: T): void {
  setTimeout(() => callback({ status: "succeeded", value } as unknown as Office.AsyncResult<T>));
}

export function failLater<T>(callback: Callback<T>, code: number, message: string): void {
  setTimeout(() =>
    callback({
      status: "failed",
      value: undefined,
      error: { code, name: "Error", message },
    } as unknown as Office.AsyncResult<T>)
  );
}

/**
 * Installs `Office` with a client supporting Mailbox 1.1–`mailboxVersion`, `mailbox` as
 * Office.context.mailbox.
 */
export function installOutlook(mailboxVersion: string, mailbox: Record<string, unknown>): void {
  const highest = mailboxVersion.split(".").map(Number);
  installOfficeEnums({
    CoercionType: { Html: "html", Text: "text" },
    MailboxEnums: MAILBOX_ENUMS,
    context: {
      requirements: {
        isSetSupported(name: string, version = "1.1") {
          const wanted = String(version).split(".").map(Number);
          return (
            name.toLowerCase() === "mailbox" &&
            (wanted[0]! < highest[0]! || (wanted[0] === highest[0] && wanted[1]! <= highest[1]!))
          );
        },
      },
      mailbox,
    },
  });
}
