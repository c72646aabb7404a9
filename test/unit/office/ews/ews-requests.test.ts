import { getItemMimeContentRequest, xmlEscape } from "../../../../src/office/ews/ews-requests";
import { parseXml } from "../../support/parse-xml";

const M = "http://schemas.microsoft.com/exchange/services/2006/messages";
const T = "http://schemas.microsoft.com/exchange/services/2006/types";

describe("EWS requests", () => {
  it("asks GetItem for the MIME content only, in the SOAP 1.1 shape Exchange 2013+ expects", () => {
    expect(getItemMimeContentRequest("AAMkAGI2TG93AAA=")).toBe(
      [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages" xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types">',
        '<soap:Header><t:RequestServerVersion Version="Exchange2013"/></soap:Header>',
        "<soap:Body><m:GetItem><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape><t:IncludeMimeContent>true</t:IncludeMimeContent></m:ItemShape>" +
          '<m:ItemIds><t:ItemId Id="AAMkAGI2TG93AAA="/></m:ItemIds></m:GetItem></soap:Body>',
        "</soap:Envelope>",
      ].join("\n")
    );
  });

  it("escapes the id, which reads back exactly", () => {
    const id = `AA+/"<&>'=`;
    const request = getItemMimeContentRequest(id);
    expect(request).toContain('Id="AA+/&quot;&lt;&amp;&gt;&apos;="');

    const document = parseXml(request);
    expect(document.getElementsByTagNameNS(T, "ItemId")[0]!.getAttribute("Id")).toBe(id);
    expect(document.getElementsByTagNameNS(M, "GetItem")).toHaveLength(1);
  });

  it("escapes all five XML special characters", () => {
    expect(xmlEscape(`a&b<c>d"e'f`)).toBe("a&amp;b&lt;c&gt;d&quot;e&apos;f");
  });
});
