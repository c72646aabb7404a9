/**
 * The Exchange behind `makeEwsRequestAsync` in the preview's on-premises mode: answers EWS SOAP
 * requests for the current message the way Exchange 2016/2019 does, so the add-in's EWS fallback
 * runs against real shapes (learn.microsoft.com/exchange/client-developer/web-service-reference/
 * getitem-operation-email-message, …/getattachment-operation).
 *
 * - GetItem: one response message per requested ItemId. The current message's id → Success with a
 *   `t:Message` holding `t:MimeContent` (the message's .eml, base64) when IncludeMimeContent is
 *   true, and `t:ItemId`; any other id → ResponseClass="Error", ErrorItemNotFound.
 * - Every other operation → a SOAP fault. That includes GetAttachment: Outlook lets add-ins call
 *   only a listed subset of EWS through makeEwsRequestAsync, GetAttachment is not on it, and "an
 *   unsupported operation will result in an error response"
 *   (learn.microsoft.com/office/dev/add-ins/outlook/understanding-outlook-add-in-permissions).
 *   The exact form of Outlook's refusal is not documented; a fault is what Exchange sends for a
 *   request it rejects, so the stand-in uses one.
 * - A request that isn't XML or isn't SOAP → a SOAP fault (ErrorSchemaValidation).
 *
 * Deliberately independent of src/office/ews/ (its own XML writing and reading): a mistake in the
 * add-in's EWS code can't be mirrored by the stand-in meant to catch it.
 */
import type { PreviewMessage } from "../message-model";

const SOAP = "http://schemas.xmlsoap.org/soap/envelope/";
const MESSAGES = "http://schemas.microsoft.com/exchange/services/2006/messages";
const TYPES = "http://schemas.microsoft.com/exchange/services/2006/types";
const ERRORS = "http://schemas.microsoft.com/exchange/services/2006/errors";

/** Parses XML text (the pane passes the browser's DOMParser; Node tests @xmldom/xmldom). */
export type ParseXml = (text: string) => Document;

/** Exchange's answer to one EWS request, as the XML text makeEwsRequestAsync hands back. */
export function answerEwsRequest(
  requestXml: string,
  currentMessage: PreviewMessage | null,
  parseXml: ParseXml
): string {
  const operation = readOperation(requestXml, parseXml);
  if (operation === null) {
    return soapFault(
      "ErrorSchemaValidation",
      "The request failed schema validation: the request is not a SOAP envelope with an EWS operation."
    );
  }
  if (operation.localName === "GetItem" && operation.namespaceURI === MESSAGES) {
    return getItemResponse(operation, currentMessage);
  }
  return soapFault(
    "ErrorInvalidRequest",
    `The request is invalid: add-ins can't call ${operation.localName} through makeEwsRequestAsync ` +
      "(Outlook allows CopyItem, CreateFolder, CreateItem, FindConversation, FindFolder, FindItem, " +
      "GetConversationItems, GetFolder, GetItem, MarkAsJunk, MoveItem, SendItem, UpdateFolder, UpdateItem)."
  );
}

/** The first element inside soap:Body, or null when the text is not a SOAP request. */
function readOperation(requestXml: string, parseXml: ParseXml): Element | null {
  let document: Document;
  try {
    document = parseXml(requestXml);
  } catch {
    return null;
  }
  if (!document?.documentElement || document.getElementsByTagName("parsererror").length > 0) {
    return null;
  }
  const body = document.getElementsByTagNameNS(SOAP, "Body")[0];
  if (!body) return null;
  for (let node = body.firstChild; node !== null; node = node.nextSibling) {
    if (node.nodeType === 1) return node as Element;
  }
  return null;
}

function getItemResponse(getItem: Element, message: PreviewMessage | null): string {
  const shape = getItem.getElementsByTagNameNS(MESSAGES, "ItemShape")[0];
  const includeMime =
    shape?.getElementsByTagNameNS(TYPES, "IncludeMimeContent")[0]?.textContent?.trim() === "true";
  const baseShape = shape?.getElementsByTagNameNS(TYPES, "BaseShape")[0]?.textContent?.trim();
  const ids = Array.from(getItem.getElementsByTagNameNS(TYPES, "ItemId")).map(
    (element) => element.getAttribute("Id") ?? ""
  );
  if (!shape || !baseShape || ids.length === 0) {
    return soapFault(
      "ErrorSchemaValidation",
      "The request failed schema validation: GetItem needs an ItemShape with a BaseShape and at least one ItemId."
    );
  }
  const messages = ids.map((id) =>
    message !== null && id === message.itemId
      ? foundItem(message, includeMime, baseShape !== "IdOnly")
      : itemNotFound()
  );
  return envelope(
    `<m:GetItemResponse xmlns:m="${MESSAGES}" xmlns:t="${TYPES}">` +
      `<m:ResponseMessages>${messages.join("")}</m:ResponseMessages>` +
      "</m:GetItemResponse>"
  );
}

function foundItem(message: PreviewMessage, includeMime: boolean, withSubject: boolean): string {
  const mime = includeMime
    ? `<t:MimeContent CharacterSet="UTF-8">${escapeXml(message.emlBase64)}</t:MimeContent>`
    : "";
  const subject = withSubject ? `<t:Subject>${escapeXml(message.subject)}</t:Subject>` : "";
  return (
    '<m:GetItemResponseMessage ResponseClass="Success">' +
    "<m:ResponseCode>NoError</m:ResponseCode>" +
    "<m:Items><t:Message>" +
    mime +
    `<t:ItemId Id="${escapeXml(message.itemId)}" ChangeKey="${escapeXml(changeKeyOf(message))}"/>` +
    subject +
    "</t:Message></m:Items>" +
    "</m:GetItemResponseMessage>"
  );
}

function itemNotFound(): string {
  // Exchange's own wording for this code.
  return (
    '<m:GetItemResponseMessage ResponseClass="Error">' +
    "<m:MessageText>The specified object was not found in the store., The process failed to get the correct properties.</m:MessageText>" +
    "<m:ResponseCode>ErrorItemNotFound</m:ResponseCode>" +
    "<m:DescriptiveLinkKey>0</m:DescriptiveLinkKey>" +
    "<m:Items/>" +
    "</m:GetItemResponseMessage>"
  );
}

/** A stable change key: Exchange's changes whenever the item does; a preview message never does. */
function changeKeyOf(message: PreviewMessage): string {
  return `CQAAABYAAAD${message.itemId.slice(0, 16)}`;
}

function envelope(body: string): string {
  return (
    '<?xml version="1.0" encoding="utf-8"?>' +
    `<s:Envelope xmlns:s="${SOAP}">` +
    "<s:Header>" +
    `<h:ServerVersionInfo MajorVersion="15" MinorVersion="1" MajorBuildNumber="2507" MinorBuildNumber="6" Version="V2017_07_11" xmlns:h="${TYPES}" xmlns="${TYPES}"/>` +
    "</s:Header>" +
    `<s:Body>${body}</s:Body>` +
    "</s:Envelope>"
  );
}

/** A SOAP 1.1 fault as Exchange writes it: the EWS code in faultcode and in the detail. */
function soapFault(code: string, message: string): string {
  const text = escapeXml(message);
  return (
    '<?xml version="1.0" encoding="utf-8"?>' +
    `<s:Envelope xmlns:s="${SOAP}"><s:Body><s:Fault>` +
    `<faultcode xmlns:a="${TYPES}">a:${code}</faultcode>` +
    `<faultstring xml:lang="en-US">${text}</faultstring>` +
    "<detail>" +
    `<e:ResponseCode xmlns:e="${ERRORS}">${code}</e:ResponseCode>` +
    `<e:Message xmlns:e="${ERRORS}">${text}</e:Message>` +
    "</detail>" +
    "</s:Fault></s:Body></s:Envelope>"
  );
}

function escapeXml(value: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}
