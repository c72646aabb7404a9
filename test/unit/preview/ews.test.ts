import { createPreviewHost } from "../../../src/preview/host-model";
import { messageFromEml } from "../../../src/preview/message-from-eml";
import type { PreviewMessage } from "../../../src/preview/message-model";
import { createMailbox } from "../../../src/preview/office-standin/mailbox";
import { createMemoryStorage } from "../../../src/preview/storage";
import { callbackResult } from "./fakes";
import { readSample, SAMPLES_DIR } from "./samples";
import { parseXml } from "../support/parse-xml";
import { readFileSync } from "node:fs";
import { join } from "node:path";

const SOAP = "http://schemas.xmlsoap.org/soap/envelope/";
const M = "http://schemas.microsoft.com/exchange/services/2006/messages";
const T = "http://schemas.microsoft.com/exchange/services/2006/types";
const E = "http://schemas.microsoft.com/exchange/services/2006/errors";

type Result = { status: string; value: string; error?: { code: number }; asyncContext?: unknown };
type EwsMailbox = {
  makeEwsRequestAsync(data: unknown, callback: (result: Result) => void, context?: unknown): void;
};

let withAttachments: PreviewMessage;
beforeAll(async () => {
  withAttachments = await messageFromEml(readSample("03-attachments.eml"));
});

function onPremisesMailbox(item: PreviewMessage | null): EwsMailbox {
  const host = createPreviewHost({
    initial: { item, theme: "light", mailboxMode: "onPremises15" },
  });
  return createMailbox({
    host,
    mode: "onPremises15",
    schedule: (task) => setTimeout(task, 0),
    storage: createMemoryStorage(),
    htmlToText: String,
    parseXml,
  }).mailbox as unknown as EwsMailbox;
}

function ews(mailbox: EwsMailbox, request: string): Promise<Result> {
  return callbackResult<Result>((callback) => mailbox.makeEwsRequestAsync(request, callback));
}

function escape(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
}

function envelope(body: string): string {
  return (
    '<?xml version="1.0" encoding="utf-8"?>' +
    `<soap:Envelope xmlns:soap="${SOAP}" xmlns:m="${M}" xmlns:t="${T}">` +
    '<soap:Header><t:RequestServerVersion Version="Exchange2013"/></soap:Header>' +
    `<soap:Body>${body}</soap:Body></soap:Envelope>`
  );
}

function getItem(ids: string[], shape = "IdOnly", includeMime = true): string {
  return envelope(
    "<m:GetItem><m:ItemShape>" +
      `<t:BaseShape>${shape}</t:BaseShape>` +
      (includeMime ? "<t:IncludeMimeContent>true</t:IncludeMimeContent>" : "") +
      "</m:ItemShape><m:ItemIds>" +
      ids.map((id) => `<t:ItemId Id="${escape(id)}"/>`).join("") +
      "</m:ItemIds></m:GetItem>"
  );
}

function text(document: Document, namespace: string, name: string, index = 0): string | null {
  return document.getElementsByTagNameNS(namespace, name)[index]?.textContent ?? null;
}

describe("the EWS stand-in behind makeEwsRequestAsync (on-premises mode)", () => {
  it("answers GetItem with IncludeMimeContent with the exact bytes of the email as received", async () => {
    const result = await ews(onPremisesMailbox(withAttachments), getItem([withAttachments.itemId]));

    expect(result.status).toBe("succeeded");
    const answer = parseXml(result.value);
    const message = answer.getElementsByTagNameNS(M, "GetItemResponseMessage")[0]!;
    expect(message.getAttribute("ResponseClass")).toBe("Success");
    expect(text(answer, M, "ResponseCode")).toBe("NoError");
    expect(answer.getElementsByTagNameNS(T, "MimeContent")[0]!.getAttribute("CharacterSet")).toBe(
      "UTF-8"
    );
    const mime = Buffer.from(text(answer, T, "MimeContent")!, "base64");
    expect(mime.equals(readFileSync(join(SAMPLES_DIR, "03-attachments.eml")))).toBe(true);
    expect(answer.getElementsByTagNameNS(T, "ItemId")[0]!.getAttribute("Id")).toBe(
      withAttachments.itemId
    );
    // IdOnly: no other properties.
    expect(answer.getElementsByTagNameNS(T, "Subject")).toHaveLength(0);
  });

  it("leaves the MIME content out unless asked, and adds the subject beyond IdOnly", async () => {
    const result = await ews(
      onPremisesMailbox(withAttachments),
      getItem([withAttachments.itemId], "Default", false)
    );
    const answer = parseXml(result.value);
    expect(answer.getElementsByTagNameNS(T, "MimeContent")).toHaveLength(0);
    expect(text(answer, T, "Subject")).toBe(withAttachments.subject);
  });

  it("answers an unknown id with ErrorItemNotFound, one response message per requested id", async () => {
    const result = await ews(
      onPremisesMailbox(withAttachments),
      getItem(["AAMkUnknown=", withAttachments.itemId])
    );
    const answer = parseXml(result.value);
    const messages = answer.getElementsByTagNameNS(M, "GetItemResponseMessage");
    expect(messages).toHaveLength(2);
    expect(messages[0]!.getAttribute("ResponseClass")).toBe("Error");
    expect(messages[0]!.getElementsByTagNameNS(M, "ResponseCode")[0]!.textContent).toBe(
      "ErrorItemNotFound"
    );
    expect(messages[0]!.getElementsByTagNameNS(M, "MessageText")[0]!.textContent).toContain(
      "not found in the store"
    );
    expect(messages[1]!.getAttribute("ResponseClass")).toBe("Success");
  });

  it("finds nothing when no message is selected", async () => {
    const answer = parseXml((await ews(onPremisesMailbox(null), getItem(["AAMk="]))).value);
    expect(text(answer, M, "ResponseCode")).toBe("ErrorItemNotFound");
  });

  it("refuses GetAttachment with a SOAP fault: makeEwsRequestAsync doesn't allow it", async () => {
    const request = envelope(
      `<m:GetAttachment><m:AttachmentIds><t:AttachmentId Id="${withAttachments.attachments[0]!.id}"/></m:AttachmentIds></m:GetAttachment>`
    );
    const answer = parseXml((await ews(onPremisesMailbox(withAttachments), request)).value);

    const fault = answer.getElementsByTagNameNS(SOAP, "Fault")[0]!;
    expect(fault.getElementsByTagName("faultcode")[0]!.textContent).toBe("a:ErrorInvalidRequest");
    expect(text(answer, E, "ResponseCode")).toBe("ErrorInvalidRequest");
    expect(text(answer, E, "Message")).toContain("GetAttachment");
  });

  it.each([
    ["not XML", "<soap:Envelope"],
    ["XML without a SOAP body", "<soap/>"],
    [
      "GetItem without ids",
      envelope(
        "<m:GetItem><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape></m:ItemShape></m:GetItem>"
      ),
    ],
  ])("answers %s with an ErrorSchemaValidation fault", async (_label, request) => {
    const answer = parseXml((await ews(onPremisesMailbox(withAttachments), request)).value);
    expect(text(answer, E, "ResponseCode")).toBe("ErrorSchemaValidation");
    expect(answer.getElementsByTagNameNS(SOAP, "Fault")).toHaveLength(1);
  });

  it("escapes every value it writes and reads escaped ids", async () => {
    const odd: PreviewMessage = {
      ...withAttachments,
      itemId: `AA"<&>'id`,
      subject: `Tom & Jerry <"quoted"> 'single'`,
    };
    const result = await ews(onPremisesMailbox(odd), getItem([odd.itemId], "Default"));
    const answer = parseXml(result.value);
    expect(answer.getElementsByTagNameNS(T, "ItemId")[0]!.getAttribute("Id")).toBe(odd.itemId);
    expect(text(answer, T, "Subject")).toBe(odd.subject);
  });

  it("throws like office.js for data that is not a string or over 1,000,000 characters", () => {
    const mailbox = onPremisesMailbox(withAttachments);
    const callback = jest.fn();
    expect(() => mailbox.makeEwsRequestAsync({ xml: true }, callback)).toThrow(
      expect.objectContaining({ name: "Sys.ArgumentTypeException" })
    );
    expect(() => mailbox.makeEwsRequestAsync("x".repeat(1_000_001), callback)).toThrow(
      expect.objectContaining({ name: "Sys.ArgumentException" })
    );
    expect(callback).not.toHaveBeenCalled();
  });

  it("fails with 9020 when the answer would exceed 5 MB", async () => {
    const huge: PreviewMessage = { ...withAttachments, emlBase64: "QUFB".repeat(1_250_001) };
    const result = await ews(onPremisesMailbox(huge), getItem([huge.itemId]));
    expect(result).toMatchObject({ status: "failed", error: { code: 9020 } });
  });
});
