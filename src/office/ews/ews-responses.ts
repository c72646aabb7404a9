/**
 * Reading EWS SOAP answers. Exchange reports failure in two ways
 * (learn.microsoft.com/exchange/client-developer/web-service-reference/getitem-operation-email-message):
 * a SOAP fault (malformed or refused requests: `soap:Fault` with `faultcode`, `faultstring` and,
 * in `detail`, the errors namespace's `ResponseCode` and `Message`), or a response message whose
 * `ResponseClass` is "Error" with `m:ResponseCode` and `m:MessageText`. Both become a MailItemError
 * `ews_failed` naming Exchange's code and text.
 *
 * The XML parser is injected: the pane passes the browser's DOMParser, Node tests @xmldom/xmldom.
 * Lookups are namespace-aware (getElementsByTagNameNS), so whatever prefixes Exchange picks
 * (`s:`/`soap:`, `m:` or a default namespace) read the same.
 */
import { MailItemError } from "../mail-item-error";
import {
  EWS_ERRORS_NAMESPACE,
  EWS_MESSAGES_NAMESPACE,
  EWS_TYPES_NAMESPACE,
  SOAP_NAMESPACE,
} from "./ews-requests";

/** Parses XML text into a DOM Document (browser: DOMParser with "application/xml"). */
export type ParseXml = (text: string) => Document;

/** The browser's parser. DOMParser documents are inert: nothing in them runs or loads. */
export const parseXmlWithDomParser: ParseXml = (text) =>
  new DOMParser().parseFromString(text, "application/xml");

/**
 * The base64 MIME content of the one message a GetItem (IncludeMimeContent) answer holds.
 *
 * @throws {MailItemError} `ews_failed` for a fault, an error response, unreadable XML or an answer
 *   without MimeContent
 */
export function mimeContentOfGetItemResponse(responseXml: string, parseXml: ParseXml): string {
  const message = successfulResponseMessage(responseXml, parseXml, "GetItemResponseMessage");
  const mimeContent = message.getElementsByTagNameNS(EWS_TYPES_NAMESPACE, "MimeContent")[0];
  const base64 = mimeContent?.textContent?.trim() ?? "";
  if (base64 === "") {
    throw new MailItemError(
      "ews_failed",
      "Exchange answered without the email's MIME content, so the email can't be read through EWS."
    );
  }
  return base64;
}

/**
 * The first `m:<name>` response message of an EWS answer, after checking that the answer is not a
 * SOAP fault and that the message's ResponseClass is not "Error" ("Warning" still carries data).
 */
function successfulResponseMessage(responseXml: string, parseXml: ParseXml, name: string): Element {
  const document = parseResponse(responseXml, parseXml);
  const fault = document.getElementsByTagNameNS(SOAP_NAMESPACE, "Fault")[0];
  if (fault) throw faultError(fault);

  const message = document.getElementsByTagNameNS(EWS_MESSAGES_NAMESPACE, name)[0];
  if (!message) {
    throw new MailItemError(
      "ews_failed",
      `Exchange's answer holds no ${name}: it is not an EWS answer to this request.`
    );
  }
  if (message.getAttribute("ResponseClass") === "Error") {
    const code = childText(message, EWS_MESSAGES_NAMESPACE, "ResponseCode") || "an unnamed error";
    const text = childText(message, EWS_MESSAGES_NAMESPACE, "MessageText");
    throw new MailItemError(
      "ews_failed",
      `Exchange refused the request with ${code}${text ? `: ${text}` : "."}`,
      { ewsResponseCode: code }
    );
  }
  return message;
}

function parseResponse(responseXml: string, parseXml: ParseXml): Document {
  let document: Document;
  try {
    document = parseXml(responseXml);
  } catch (cause) {
    throw new MailItemError("ews_failed", "Exchange's answer is not readable XML.", { cause });
  }
  // Browsers don't throw: they return a document holding a <parsererror> element.
  if (!document?.documentElement || document.getElementsByTagName("parsererror").length > 0) {
    throw new MailItemError("ews_failed", "Exchange's answer is not readable XML.");
  }
  return document;
}

function faultError(fault: Element): MailItemError {
  // faultcode/faultstring are unqualified (SOAP 1.1 §4.4); the detail's are in EWS's errors namespace.
  const responseCode =
    childText(fault, EWS_ERRORS_NAMESPACE, "ResponseCode") || unqualifiedText(fault, "faultcode");
  const text =
    childText(fault, EWS_ERRORS_NAMESPACE, "Message") || unqualifiedText(fault, "faultstring");
  const code = responseCode.replace(/^[\w.-]+:/, "") || "a SOAP fault";
  return new MailItemError(
    "ews_failed",
    `Exchange refused the request with ${code}${text ? `: ${text}` : "."}`,
    { ewsResponseCode: code }
  );
}

function childText(parent: Element, namespace: string, localName: string): string {
  return parent.getElementsByTagNameNS(namespace, localName)[0]?.textContent?.trim() ?? "";
}

function unqualifiedText(parent: Element, localName: string): string {
  // "" is the no-namespace namespace in getElementsByTagNameNS (DOM Standard); some servers still
  // qualify these, so fall back to any namespace.
  const element =
    parent.getElementsByTagNameNS("", localName)[0] ??
    parent.getElementsByTagNameNS("*", localName)[0];
  return element?.textContent?.trim() ?? "";
}
