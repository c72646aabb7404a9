/**
 * The EWS SOAP requests the add-in sends through `Office.context.mailbox.makeEwsRequestAsync`, the
 * fallback for Outlook clients on on-premises Exchange 2016/2019 mailboxes, which stop at Mailbox
 * 1.5 and so have neither getAttachmentContentAsync (1.8) nor getAsFileAsync (1.14).
 *
 * Only GetItem is used: it is on Microsoft's list of operations add-ins may call through
 * makeEwsRequestAsync; GetAttachment is NOT ("Attempting to use an unsupported operation will result
 * in an error response", learn.microsoft.com/office/dev/add-ins/outlook/understanding-outlook-add-in-permissions
 * #readwritemailbox-permission). So attachments are read from the message's MIME content
 * (ews-mime-attachments.ts).
 *
 * Shapes: SOAP 1.1, the EWS messages (m:) and types (t:) namespaces, `RequestServerVersion`
 * Exchange2013 (understood by Exchange 2013, 2016 and 2019), per
 * learn.microsoft.com/exchange/client-developer/web-service-reference/getitem-operation-email-message.
 * The XML declaration says UTF-8, as makeEwsRequestAsync requires (only Outlook 2013 builds before
 * 15.0.4535.1004 wanted ISO-8859-1; the ids sent here are ASCII either way).
 */

export const SOAP_NAMESPACE = "http://schemas.xmlsoap.org/soap/envelope/";
export const EWS_MESSAGES_NAMESPACE =
  "http://schemas.microsoft.com/exchange/services/2006/messages";
export const EWS_TYPES_NAMESPACE = "http://schemas.microsoft.com/exchange/services/2006/types";
/** Namespace of ResponseCode/Message in a SOAP fault's detail. */
export const EWS_ERRORS_NAMESPACE = "http://schemas.microsoft.com/exchange/services/2006/errors";

/** Escapes text for an XML attribute value or element content. */
export function xmlEscape(value: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

function soapEnvelope(body: string): string {
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<soap:Envelope xmlns:soap="${SOAP_NAMESPACE}" xmlns:m="${EWS_MESSAGES_NAMESPACE}" xmlns:t="${EWS_TYPES_NAMESPACE}">`,
    '<soap:Header><t:RequestServerVersion Version="Exchange2013"/></soap:Header>',
    `<soap:Body>${body}</soap:Body>`,
    "</soap:Envelope>",
  ].join("\n");
}

/**
 * GetItem for one message's MIME content and nothing else (BaseShape IdOnly keeps the body and
 * other properties out of the answer, which counts against makeEwsRequestAsync's size limit).
 * `MimeContent` in the answer is the whole RFC 5322 message, base64.
 *
 * @param ewsItemId the message's EWS item id (see ewsItemIdOf)
 */
export function getItemMimeContentRequest(ewsItemId: string): string {
  return soapEnvelope(
    "<m:GetItem>" +
      "<m:ItemShape>" +
      "<t:BaseShape>IdOnly</t:BaseShape>" +
      "<t:IncludeMimeContent>true</t:IncludeMimeContent>" +
      "</m:ItemShape>" +
      `<m:ItemIds><t:ItemId Id="${xmlEscape(ewsItemId)}"/></m:ItemIds>` +
      "</m:GetItem>"
  );
}
