/**
 * The Office side of EWS: sending a request through `Office.context.mailbox.makeEwsRequestAsync`
 * (Mailbox 1.1; needs the ReadWriteMailbox permission in the manifest), the item id EWS expects,
 * and the size limit on answers.
 */
import { MailItemError } from "../mail-item-error";
import { officeCall } from "../office-async";
import { OfficeError } from "../office-error";

/**
 * makeEwsRequestAsync refuses answers over 5 MB of characters in Outlook on the web, new Outlook,
 * classic Outlook on Windows from Version 2303 (Build 16225.10000) and Outlook on Mac from 16.73;
 * earlier classic Windows and Mac builds stop at 1 MB
 * (learn.microsoft.com/office/dev/add-ins/outlook/limits-for-activation-and-javascript-api-for-outlook-add-ins,
 * "Exchange Web Services"; and the makeEwsRequestAsync reference). Whether "MB" means 10^6 or 2^20
 * characters is not stated: the checks below use the reading that refuses less.
 */
export const EWS_ANSWER_LIMIT_CHARS = 5 * 1024 * 1024;
export const EWS_OLD_CLIENT_ANSWER_LIMIT_CHARS = 1024 * 1024;

/** Sends one EWS SOAP request and resolves with Exchange's answer (XML text). */
export function sendEwsRequest(requestXml: string): Promise<string> {
  return officeCall<string>((callback) =>
    Office.context.mailbox.makeEwsRequestAsync(requestXml, callback)
  );
}

/**
 * The EWS id of a message. In read mode `item.itemId` IS the EWS item id (its reference says so:
 * learn.microsoft.com/javascript/api/outlook/office.messageread#outlook-office-messageread-itemid-member);
 * only Outlook on iOS and Android hand out REST-format ids, which `convertToEwsId` (Mailbox 1.3)
 * turns into EWS ones. Those clients have no makeEwsRequestAsync today, so the conversion is a
 * guard for the day they do, decided by `diagnostics.hostName`, never by guessing from the id.
 */
export function ewsItemIdOf(itemId: string): string {
  const mailbox = Office.context.mailbox;
  const hostName = String(mailbox.diagnostics?.hostName ?? "");
  const restFormat = hostName === "OutlookIOS" || hostName === "OutlookAndroid";
  if (restFormat && typeof mailbox.convertToEwsId === "function") {
    return mailbox.convertToEwsId(itemId, Office.MailboxEnums.RestVersion.v2_0);
  }
  return itemId;
}

/**
 * Sends `requestXml` for an email whose answer will be at least `estimatedAnswerChars` long, and
 * turns the size limit into a clear `attachment_unavailable`:
 * - over 5 MB the request is not sent at all (no client accepts that answer);
 * - over 1 MB a failure is read as the older clients' 1 MB limit (Office's error only says
 *   "failed"), with Office's error as the cause.
 * Other failures stay OfficeErrors with Office's code.
 */
export async function sendEwsRequestWithinLimit(
  requestXml: string,
  estimatedAnswerChars: number
): Promise<string> {
  if (estimatedAnswerChars > EWS_ANSWER_LIMIT_CHARS) {
    throw tooLarge(estimatedAnswerChars);
  }
  try {
    return await sendEwsRequest(requestXml);
  } catch (error) {
    if (error instanceof OfficeError && estimatedAnswerChars > EWS_OLD_CLIENT_ANSWER_LIMIT_CHARS) {
      throw tooLarge(estimatedAnswerChars, error);
    }
    throw error;
  }
}

function tooLarge(chars: number, cause?: unknown): MailItemError {
  const megabytes = (chars / (1024 * 1024)).toFixed(1);
  return new MailItemError(
    "attachment_unavailable",
    "This email is too large to read through EWS on this Outlook (Exchange's answer would be " +
      `at least ${megabytes} MB; Outlook passes at most 5 MB, older versions 1 MB), so its ` +
      "attachments and the .eml can't be attached here. Save them from Outlook and attach them " +
      "in Jira instead.",
    cause === undefined ? undefined : { cause }
  );
}
