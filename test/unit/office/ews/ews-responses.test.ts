import { mimeContentOfGetItemResponse } from "../../../../src/office/ews/ews-responses";
import { parseXml } from "../../support/parse-xml";

const MIME = Buffer.from("Subject: hi\r\n\r\nbody\r\n").toString("base64");

// Exchange 2016's answer, as in learn.microsoft.com (…/getitem-operation-email-message).
function getItemAnswer(responseMessage: string, prefixes = { soap: "s", m: "m" }): string {
  const { soap, m } = prefixes;
  return (
    '<?xml version="1.0" encoding="utf-8"?>' +
    `<${soap}:Envelope xmlns:${soap}="http://schemas.xmlsoap.org/soap/envelope/">` +
    `<${soap}:Header><h:ServerVersionInfo MajorVersion="15" MinorVersion="1" xmlns:h="http://schemas.microsoft.com/exchange/services/2006/types"/></${soap}:Header>` +
    `<${soap}:Body><${m}:GetItemResponse xmlns:${m}="http://schemas.microsoft.com/exchange/services/2006/messages" xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types">` +
    `<${m}:ResponseMessages>${responseMessage.replace(/\bm:/g, `${m}:`)}</${m}:ResponseMessages>` +
    `</${m}:GetItemResponse></${soap}:Body></${soap}:Envelope>`
  );
}

const success = (mime: string) =>
  '<m:GetItemResponseMessage ResponseClass="Success"><m:ResponseCode>NoError</m:ResponseCode>' +
  `<m:Items><t:Message><t:MimeContent CharacterSet="UTF-8">${mime}</t:MimeContent>` +
  '<t:ItemId Id="AAMk=" ChangeKey="CQAA"/></t:Message></m:Items></m:GetItemResponseMessage>';

describe("reading a GetItem answer", () => {
  it("returns the base64 MIME content", () => {
    expect(mimeContentOfGetItemResponse(getItemAnswer(success(MIME)), parseXml)).toBe(MIME);
  });

  it("reads the same whatever prefixes Exchange picks", () => {
    const answer = getItemAnswer(success(`\n  ${MIME}\n`), { soap: "soap", m: "messages" });
    expect(mimeContentOfGetItemResponse(answer, parseXml)).toBe(MIME);
  });

  it("turns ResponseClass=Error into ews_failed with Exchange's code and text", () => {
    const answer = getItemAnswer(
      '<m:GetItemResponseMessage ResponseClass="Error">' +
        "<m:MessageText>The specified object was not found in the store.</m:MessageText>" +
        "<m:ResponseCode>ErrorItemNotFound</m:ResponseCode>" +
        "<m:DescriptiveLinkKey>0</m:DescriptiveLinkKey><m:Items/></m:GetItemResponseMessage>"
    );
    expect(() => mimeContentOfGetItemResponse(answer, parseXml)).toThrow(
      expect.objectContaining({
        name: "MailItemError",
        code: "ews_failed",
        ewsResponseCode: "ErrorItemNotFound",
        message:
          "Exchange refused the request with ErrorItemNotFound: The specified object was not found in the store.",
      })
    );
  });

  it("turns a SOAP fault into ews_failed with the detail's code and message", () => {
    const fault =
      '<?xml version="1.0" encoding="utf-8"?>' +
      '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><s:Fault>' +
      '<faultcode xmlns:a="http://schemas.microsoft.com/exchange/services/2006/types">a:ErrorSchemaValidation</faultcode>' +
      '<faultstring xml:lang="en-US">The request failed schema validation.</faultstring>' +
      "<detail>" +
      '<e:ResponseCode xmlns:e="http://schemas.microsoft.com/exchange/services/2006/errors">ErrorSchemaValidation</e:ResponseCode>' +
      '<e:Message xmlns:e="http://schemas.microsoft.com/exchange/services/2006/errors">The request failed schema validation: The Id attribute is invalid.</e:Message>' +
      "</detail></s:Fault></s:Body></s:Envelope>";
    expect(() => mimeContentOfGetItemResponse(fault, parseXml)).toThrow(
      expect.objectContaining({
        code: "ews_failed",
        ewsResponseCode: "ErrorSchemaValidation",
        message:
          "Exchange refused the request with ErrorSchemaValidation: The request failed schema validation: The Id attribute is invalid.",
      })
    );
  });

  it("reads a fault without detail from faultcode and faultstring", () => {
    const fault =
      '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><s:Fault>' +
      "<faultcode>s:Client</faultcode><faultstring>Bad request</faultstring>" +
      "</s:Fault></s:Body></s:Envelope>";
    expect(() => mimeContentOfGetItemResponse(fault, parseXml)).toThrow(
      expect.objectContaining({
        code: "ews_failed",
        ewsResponseCode: "Client",
        message: "Exchange refused the request with Client: Bad request",
      })
    );
  });

  it.each([
    ["XML the parser throws on", "<s:Envelope", /not readable XML/],
    [
      "a parser that returns a parsererror document, as browsers do",
      "<parsererror>bad</parsererror>",
      /not readable XML/,
    ],
    ["an answer without a GetItemResponseMessage", "<other/>", /holds no GetItemResponseMessage/],
    [
      "a success without MimeContent",
      getItemAnswer(success("")),
      /without the email's MIME content/,
    ],
  ])("refuses %s with ews_failed", (_label, answer, message) => {
    expect(() => mimeContentOfGetItemResponse(answer, parseXml)).toThrow(
      expect.objectContaining({ code: "ews_failed", message: expect.stringMatching(message) })
    );
  });
});
