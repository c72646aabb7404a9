/**
 * The MailContentPort over Outlook: the selected email's body, attachments, the whole message
 * (.eml) and its thread headers, from Office.js where the client has it, else from Exchange Web
 * Services (on-premises Exchange clients limited to Mailbox 1.5), else refused with a reason (see
 * detectMailContentCapabilities); thread headers only from Office.js (else none).
 *
 * Every read is for the email now selected: Outlook's item calls only reach the current item, so
 * a read for another email fails like Outlook fails a call whose item was switched (OfficeError
 * 9030), on both paths, and the pane behaves the same on every client. The body is read once per
 * selection and shared by every caller (see createSharedBodyReader).
 */
import type { MailAttachmentInfo, MailBody, MailFile, MailMessage } from "../mail/mail-message";
import { emlFileName } from "../mail/file-names";
import type { MailContentPort, ThreadHeaders } from "../ui/ports";
import {
  cloudAttachmentRefusal,
  readAttachmentFromMime,
  readAttachmentWithOffice,
} from "./attachment-content";
import { Base64Error, base64ToBlob } from "./base64-blob";
import { ewsItemIdOf, sendEwsRequestWithinLimit } from "./ews/ews-mailbox";
import { getItemMimeContentRequest } from "./ews/ews-requests";
import { mimeContentOfGetItemResponse, parseXmlWithDomParser } from "./ews/ews-responses";
import type { ParseXml } from "./ews/ews-responses";
import { MailItemError } from "./mail-item-error";
import { officeCall } from "./office-async";
import { OfficeError } from "./office-error";
import { detectMailContentCapabilities } from "./requirement-sets";
import { readThreadHeadersFrom } from "./thread-headers";

const EML_TYPE = "message/rfc822";
/** Office's code for a call on an item that is no longer the selected one. */
const ITEM_CHANGED = 9030;

export interface OutlookMailContentOptions {
  /** Parses EWS answers; default: the browser's DOMParser (Node tests pass @xmldom/xmldom's). */
  parseXml?: ParseXml;
}

/**
 * Creates the MailContentPort for the pane. Call once Office is ready: the capabilities are read
 * from Office.context.requirements at creation (a client's requirement sets never change while the
 * pane runs).
 */
export function createOutlookMailContent(options: OutlookMailContentOptions = {}): MailContentPort {
  const capabilities = detectMailContentCapabilities();
  // getAllInternetHeadersAsync arrived with Mailbox 1.8 (the same set as attachment content).
  const canReadHeaders = Office.context.requirements.isSetSupported("Mailbox", "1.8");
  const parseXml = options.parseXml ?? parseXmlWithDomParser;
  const mimeContent = createMimeContentReader(parseXml);
  const bodyReader = createSharedBodyReader();

  return {
    capabilities,

    readBody(message: MailMessage): Promise<MailBody> {
      try {
        return bodyReader(currentItem(message));
      } catch (error) {
        return Promise.reject(error);
      }
    },

    async readAttachment(message: MailMessage, attachment: MailAttachmentInfo): Promise<MailFile> {
      if (attachment.attachmentType === "cloud") throw cloudAttachmentRefusal(attachment);
      const item = currentItem(message);
      switch (capabilities.attachments) {
        case "office":
          return readAttachmentWithOffice(item, attachment);
        case "ews":
          return readAttachmentFromMime(
            await mimeContent(message),
            attachment,
            message.attachments
          );
        case "none":
          throw new MailItemError(
            "attachment_unavailable",
            `This Outlook can't read attachment content, so "${attachment.name}" can't be ` +
              "attached here (that needs Mailbox 1.8: Outlook on the web, new Outlook or a " +
              "recent Outlook for Windows or Mac). Save it from Outlook and attach it in Jira."
          );
      }
    },

    async readWholeMessage(message: MailMessage): Promise<MailFile> {
      const item = currentItem(message);
      const name = emlFileName(message.subject);
      switch (capabilities.wholeMessage) {
        case "office": {
          // getAsFileAsync (Mailbox 1.14, read mode): the message as base64-encoded EML.
          const base64 = await officeCall<string>((callback) => item.getAsFileAsync(callback));
          return { name, contentType: EML_TYPE, data: emlBlob(base64) };
        }
        case "ews":
          return {
            name,
            contentType: EML_TYPE,
            data: emlBlob(await mimeContent(message)),
          };
        case "none":
          throw new MailItemError(
            "attachment_unavailable",
            "This Outlook can't read the whole email as a file (that needs Mailbox 1.14: " +
              "Outlook on the web, new Outlook or Microsoft 365 Outlook for Windows). Save the " +
              "email from Outlook as .eml and attach it in Jira."
          );
      }
    },

    async readThreadHeaders(message: MailMessage): Promise<ThreadHeaders> {
      const item = currentItem(message);
      // Mailbox 1.5 clients can't read headers (EWS could, but finding issue keys is a
      // convenience that doesn't justify a request for the whole MIME content).
      if (!canReadHeaders) return { inReplyTo: [], references: [] };
      const headers = await officeCall<string>((callback) =>
        item.getAllInternetHeadersAsync(callback)
      );
      return readThreadHeadersFrom(headers ?? "");
    },
  };
}

/** The selected item, if it is `message`; else Outlook's 9030 failure. */
function currentItem(message: MailMessage): Office.MessageRead {
  const item = Office.context.mailbox.item as Office.MessageRead | null | undefined;
  if (!item || item.itemId !== message.itemId) {
    throw new OfficeError(
      ITEM_CHANGED,
      `Another email is selected now. Select "${message.subject}" again to read its content.`
    );
  }
  return item;
}

/**
 * Reads an item's body once for every caller: the issue finder and the description or comment
 * conversion both want it as the pane opens, and Outlook on the web allows only 3 async calls at
 * a time (a 4th fails), so two reads at once plus the thread headers and custom properties could
 * make the conversion fail. Callers get the same promise while the read runs and after it
 * finished, as long as the same item object is selected (Outlook hands out a new one for every
 * selection); a failed read is forgotten, so the next caller asks Outlook again.
 */
function createSharedBodyReader(): (item: Office.MessageRead) => Promise<MailBody> {
  let last: { item: Office.MessageRead; itemId: string; body: Promise<MailBody> } | null = null;
  return (item) => {
    if (last?.item !== item || last.itemId !== item.itemId) {
      const body = readBodyOf(item);
      const entry = { item, itemId: item.itemId, body };
      last = entry;
      body.catch(() => {
        if (last === entry) last = null;
      });
    }
    return last.body;
  };
}

async function readBodyOf(item: Office.MessageRead): Promise<MailBody> {
  // One call after another: Outlook on the web allows only 3 async calls at a time.
  const type = await officeCall<Office.CoercionType>((callback) =>
    item.body.getTypeAsync(callback)
  );
  const text = await officeCall<string>((callback) =>
    item.body.getAsync(Office.CoercionType.Text, callback)
  );
  const html =
    type === Office.CoercionType.Html
      ? await officeCall<string>((callback) =>
          item.body.getAsync(Office.CoercionType.Html, callback)
        )
      : null;
  return { html, text };
}

function emlBlob(base64: string): Blob {
  try {
    return base64ToBlob(base64, EML_TYPE);
  } catch (cause) {
    if (!(cause instanceof Base64Error)) throw cause;
    throw new MailItemError(
      "attachment_unavailable",
      "Outlook returned the email in a form that is not valid base64, so it can't be attached. " +
        "Save it from Outlook as .eml and attach it in Jira.",
      { cause }
    );
  }
}

/**
 * Reads a message's MIME content (base64) through EWS GetItem, keeping the last message's answer:
 * attaching three files and the .eml then costs one request, not four. Only the base64 text is
 * kept (bounded by EWS's 5 MB answer limit), never decoded copies; a failure is not kept.
 */
function createMimeContentReader(parseXml: ParseXml): (message: MailMessage) => Promise<string> {
  let last: { itemId: string; mime: Promise<string> } | null = null;
  return (message) => {
    if (last?.itemId !== message.itemId) {
      const request = getItemMimeContentRequest(ewsItemIdOf(message.itemId));
      const mime = sendEwsRequestWithinLimit(request, estimatedMimeAnswerChars(message)).then(
        (answer) => mimeContentOfGetItemResponse(answer, parseXml)
      );
      const entry = { itemId: message.itemId, mime };
      last = entry;
      mime.catch(() => {
        if (last === entry) last = null;
      });
    }
    return last.mime;
  };
}

/**
 * A lower bound for the GetItem answer's length: every attachment is base64 inside the MIME
 * (×4/3) and the MIME is base64 again in MimeContent (×4/3), plus the envelope and some body.
 * The body's size is unknown before reading it, so this only catches what surely can't pass.
 */
export function estimatedMimeAnswerChars(message: MailMessage): number {
  const attachmentBytes = message.attachments
    .filter((attachment) => attachment.attachmentType !== "cloud")
    .reduce((sum, attachment) => sum + Math.max(0, attachment.size), 0);
  return Math.ceil((attachmentBytes * 16) / 9) + 4096;
}
