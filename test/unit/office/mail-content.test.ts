import { createHash, randomBytes } from "node:crypto";
import type { MailAttachmentInfo, MailFile, MailMessage } from "../../../src/mail/mail-message";
import { createOutlookMailContent } from "../../../src/office/mail-content";
import { removeOfficeGlobal } from "../../support/fake-office-global";
import { parseXml } from "../support/parse-xml";
import { MIXED_EML, OUTLOOK_ATTACHMENTS, PDF_BYTES, NAMED_EMAIL } from "./ews/mime-fixture";
import { failLater, installOutlook, succeedLater } from "./fake-outlook";
import type { Callback } from "./fake-outlook";

const T = "http://schemas.microsoft.com/exchange/services/2006/types";

const message: MailMessage = {
  itemId: "AAMkAGI2+item/1=",
  subject: "VPN drops: logs attached",
  from: { name: "Jane Doe", address: "jane@example.com" },
  to: [],
  cc: [],
  sentAt: null,
  internetMessageId: "<abc@example.com>",
  conversationId: "AAQk",
  attachments: OUTLOOK_ATTACHMENTS,
};

function file(overrides: Partial<MailAttachmentInfo> = {}): MailAttachmentInfo {
  return {
    id: "att-1",
    name: "capture.bin",
    contentType: "application/octet-stream",
    size: 10,
    isInline: false,
    attachmentType: "file",
    ...overrides,
  };
}

async function bytesOf(mailFile: MailFile): Promise<Buffer> {
  return Buffer.from(await mailFile.data.arrayBuffer());
}

function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

interface FakeItemOptions {
  bodyType?: "html" | "text";
  attachmentContent?: (id: string, callback: Callback<Office.AttachmentContent>) => void;
  fileBase64?: string;
  internetHeaders?: (callback: Callback<string>) => void;
  /** How many body reads (getAsync calls) fail before they succeed. */
  failingBodyReads?: number;
}

function fakeItem(options: FakeItemOptions = {}) {
  const bodyCalls: string[] = [];
  const item = {
    itemType: "message",
    itemId: message.itemId,
    body: {
      getTypeAsync: (callback: Callback<string>) =>
        succeedLater(callback, options.bodyType ?? "html"),
      getAsync: (type: string, callback: Callback<string>) => {
        bodyCalls.push(type);
        if (bodyCalls.length <= (options.failingBodyReads ?? 0)) {
          return failLater(callback, 5001, "An internal error has occurred.");
        }
        succeedLater(callback, type === "html" ? "<p>Hello <b>team</b></p>" : "Hello team");
      },
    },
    getAttachmentContentAsync: jest.fn(
      (id: string, callback: Callback<Office.AttachmentContent>) =>
        options.attachmentContent
          ? options.attachmentContent(id, callback)
          : failLater(callback, 9003, "The attachment ID was invalid.")
    ),
    getAsFileAsync: (callback: Callback<string>) =>
      succeedLater(callback, options.fileBase64 ?? ""),
    getAllInternetHeadersAsync: jest.fn((callback: Callback<string>) =>
      options.internetHeaders ? options.internetHeaders(callback) : succeedLater(callback, "")
    ),
  };
  return { item, bodyCalls };
}

/** Exchange's GetItem answer holding `eml`, as Exchange 2016 writes it. */
function getItemAnswer(eml: string): string {
  return (
    '<?xml version="1.0" encoding="utf-8"?>' +
    '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body>' +
    '<m:GetItemResponse xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages" xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types">' +
    '<m:ResponseMessages><m:GetItemResponseMessage ResponseClass="Success"><m:ResponseCode>NoError</m:ResponseCode>' +
    `<m:Items><t:Message><t:MimeContent CharacterSet="UTF-8">${Buffer.from(eml).toString("base64")}</t:MimeContent>` +
    '<t:ItemId Id="AAMk=" ChangeKey="CQ"/></t:Message></m:Items></m:GetItemResponseMessage></m:ResponseMessages>' +
    "</m:GetItemResponse></s:Body></s:Envelope>"
  );
}

const itemNotFoundAnswer =
  '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body>' +
  '<m:GetItemResponse xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages">' +
  '<m:ResponseMessages><m:GetItemResponseMessage ResponseClass="Error">' +
  "<m:MessageText>The specified object was not found in the store.</m:MessageText>" +
  "<m:ResponseCode>ErrorItemNotFound</m:ResponseCode><m:Items/></m:GetItemResponseMessage>" +
  "</m:ResponseMessages></m:GetItemResponse></s:Body></s:Envelope>";

const faultAnswer =
  '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><s:Fault>' +
  '<faultcode xmlns:a="http://schemas.microsoft.com/exchange/services/2006/types">a:ErrorAccessDenied</faultcode>' +
  "<faultstring>Access is denied.</faultstring></s:Fault></s:Body></s:Envelope>";

/** An Outlook with `version` and, when `ews` answers, makeEwsRequestAsync. */
function outlook(
  version: string,
  options: FakeItemOptions & {
    ews?: (request: string, callback: Callback<string>) => void;
    hostName?: string;
    selected?: "this" | "other" | "none";
  } = {}
) {
  const { item, bodyCalls } = fakeItem(options);
  const requests: string[] = [];
  const selected =
    options.selected === "none"
      ? null
      : options.selected === "other"
        ? { ...item, itemId: "AAMkOther=" }
        : item;
  const mailbox: Record<string, unknown> = {
    item: selected,
    diagnostics: { hostName: options.hostName ?? "Outlook" },
    convertToEwsId: (id: string, version: string) => `ews(${id},${version})`,
  };
  if (options.ews) {
    const answer = options.ews;
    mailbox["makeEwsRequestAsync"] = (request: string, callback: Callback<string>) => {
      requests.push(request);
      answer(request, callback);
    };
  }
  installOutlook(version, mailbox);
  return { item, bodyCalls, requests, content: createOutlookMailContent({ parseXml }) };
}

const answering = (answer: string) => (_request: string, callback: Callback<string>) =>
  succeedLater(callback, answer);

afterEach(removeOfficeGlobal);

describe("createOutlookMailContent: capabilities", () => {
  it.each([
    ["1.14", true, { attachments: "office", wholeMessage: "office" }],
    ["1.14", false, { attachments: "office", wholeMessage: "office" }],
    ["1.9", true, { attachments: "office", wholeMessage: "ews" }],
    ["1.8", false, { attachments: "office", wholeMessage: "none" }],
    ["1.5", true, { attachments: "ews", wholeMessage: "ews" }],
    ["1.5", false, { attachments: "none", wholeMessage: "none" }],
  ])("Mailbox %s, makeEwsRequestAsync %s → %j", (version, ews, expected) => {
    const { content } = outlook(version, ews ? { ews: answering("") } : {});
    expect(content.capabilities).toEqual(expected);
  });
});

describe("createOutlookMailContent: readBody", () => {
  it("reads the HTML and Outlook's text of an HTML email", async () => {
    const { content } = outlook("1.14");
    await expect(content.readBody(message)).resolves.toEqual({
      html: "<p>Hello <b>team</b></p>",
      text: "Hello team",
    });
  });

  it("gives html null for a plain-text email, without asking for HTML", async () => {
    const { content, bodyCalls } = outlook("1.5", { bodyType: "text" });
    await expect(content.readBody(message)).resolves.toEqual({ html: null, text: "Hello team" });
    expect(bodyCalls).toEqual(["text"]);
  });

  it.each([["other"], ["none"]] as const)(
    "fails like Outlook (9030) when %s item is selected",
    async (selected) => {
      const { content } = outlook("1.14", { selected });
      await expect(content.readBody(message)).rejects.toMatchObject({
        name: "OfficeError",
        code: 9030,
        message: expect.stringContaining('Select "VPN drops: logs attached" again'),
      });
    }
  );
});

describe("createOutlookMailContent: one body read per email", () => {
  /** Selects `item` in Outlook, as a new selection does: a new item object. */
  const select = (item: object) => {
    (Office.context.mailbox as unknown as { item: object }).item = item;
  };

  it("gives callers reading at the same time one read (Outlook on the web allows 3 calls at once)", async () => {
    const { content, bodyCalls } = outlook("1.14");
    const [finder, conversion] = [content.readBody(message), content.readBody(message)];
    expect(finder).toBe(conversion);
    await expect(conversion).resolves.toEqual({
      html: "<p>Hello <b>team</b></p>",
      text: "Hello team",
    });
    expect(bodyCalls).toEqual(["text", "html"]);
  });

  it("keeps a finished read while the email stays selected", async () => {
    const { content, bodyCalls } = outlook("1.14");
    const first = await content.readBody(message);
    await expect(content.readBody(message)).resolves.toBe(first);
    expect(bodyCalls).toEqual(["text", "html"]);
  });

  it("forgets a failed read: the next caller asks Outlook again", async () => {
    const { content, bodyCalls } = outlook("1.14", { failingBodyReads: 1 });
    await expect(content.readBody(message)).rejects.toMatchObject({ code: 5001 });
    await expect(content.readBody(message)).resolves.toMatchObject({ text: "Hello team" });
    expect(bodyCalls).toEqual(["text", "text", "html"]);
  });

  it("reads again once the email is selected anew, and never gives another email's body", async () => {
    const { content, bodyCalls, item } = outlook("1.14");
    await content.readBody(message);
    select({ ...item, itemId: "AAMkOther=" });
    await expect(content.readBody(message)).rejects.toMatchObject({ code: 9030 });
    select({ ...item });
    await content.readBody(message);
    expect(bodyCalls).toEqual(["text", "html", "text", "html"]);
  });
});

describe("createOutlookMailContent: readAttachment through Office.js (Mailbox 1.8)", () => {
  it("decodes a base64 file to its exact bytes, typed and named", async () => {
    const original = randomBytes(200_003);
    const { content, item } = outlook("1.8", {
      attachmentContent: (_id, callback) =>
        succeedLater(callback, { format: "base64", content: original.toString("base64") }),
    });
    const result = await content.readAttachment(message, file({ contentType: "image/png" }));

    expect(item.getAttachmentContentAsync).toHaveBeenCalledWith("att-1", expect.any(Function));
    expect(result).toMatchObject({ name: "capture.bin", contentType: "image/png" });
    expect(result.data.type).toBe("image/png");
    expect(sha256(await bytesOf(result))).toBe(sha256(original));
  });

  it("makes a hostile name safe", async () => {
    const { content } = outlook("1.8", {
      attachmentContent: (_id, callback) =>
        succeedLater(callback, { format: "base64", content: "" }),
    });
    const result = await content.readAttachment(
      message,
      file({ name: "..\\..\\invoice\u202Efdp.exe" })
    );
    expect(result.name).not.toMatch(/[\\/\u202E]/);
    expect(result.name).toMatch(/\.exe$/);
  });

  it("stores an attached email's .eml text as UTF-8 message/rfc822 named .eml", async () => {
    const eml = "Subject: Grüße\r\n\r\nÜbersicht ✓\r\n";
    const { content } = outlook("1.14", {
      attachmentContent: (_id, callback) => succeedLater(callback, { format: "eml", content: eml }),
    });
    const result = await content.readAttachment(
      message,
      file({ name: "Fwd: Outage", attachmentType: "item", contentType: "" })
    );

    expect(result).toMatchObject({ name: "Fwd_ Outage.eml", contentType: "message/rfc822" });
    expect(result.data.type).toBe("message/rfc822");
    expect((await bytesOf(result)).toString("utf8")).toBe(eml);
  });

  it("stores an attached calendar item as text/calendar named .ics", async () => {
    const ics = "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n";
    const { content } = outlook("1.14", {
      attachmentContent: (_id, callback) =>
        succeedLater(callback, { format: "iCalendar", content: ics }),
    });
    const result = await content.readAttachment(
      message,
      file({ name: "Weekly sync", attachmentType: "item" })
    );
    expect(result).toMatchObject({ name: "Weekly sync.ics", contentType: "text/calendar" });
    expect((await bytesOf(result)).toString("utf8")).toBe(ics);
  });

  it("refuses a cloud attachment, whether Outlook answers with a URL or says so up front", async () => {
    const { content, item } = outlook("1.14", {
      attachmentContent: (_id, callback) =>
        succeedLater(callback, { format: "url", content: "https://contoso-my.sharepoint.com/x" }),
    });
    const refusal = {
      name: "MailItemError",
      code: "attachment_unavailable",
      message: expect.stringContaining(
        '"Budget.xlsx" is a link to a cloud file; share the link instead'
      ),
    };
    await expect(
      content.readAttachment(message, file({ name: "Budget.xlsx" }))
    ).rejects.toMatchObject(refusal);
    item.getAttachmentContentAsync.mockClear();
    await expect(
      content.readAttachment(message, file({ name: "Budget.xlsx", attachmentType: "cloud" }))
    ).rejects.toMatchObject(refusal);
    expect(item.getAttachmentContentAsync).not.toHaveBeenCalled();
  });

  it("passes Office's failure on with its code", async () => {
    const { content } = outlook("1.8");
    await expect(content.readAttachment(message, file())).rejects.toMatchObject({
      name: "OfficeError",
      code: 9003,
    });
  });

  it("refuses content that is not base64", async () => {
    const { content } = outlook("1.8", {
      attachmentContent: (_id, callback) =>
        succeedLater(callback, { format: "base64", content: "not base64!" }),
    });
    await expect(content.readAttachment(message, file())).rejects.toMatchObject({
      code: "attachment_unavailable",
      message: expect.stringContaining("not valid base64"),
    });
  });

  it("refuses, naming the reason, on an Outlook that can't read attachments at all", async () => {
    const { content } = outlook("1.5");
    await expect(content.readAttachment(message, file())).rejects.toMatchObject({
      code: "attachment_unavailable",
      message: expect.stringMatching(/can't read attachment content.*Mailbox 1\.8/),
    });
  });
});

describe("createOutlookMailContent: readWholeMessage through Office.js (Mailbox 1.14)", () => {
  it("decodes getAsFileAsync's base64 EML and names it after the subject", async () => {
    const { content } = outlook("1.14", { fileBase64: Buffer.from(MIXED_EML).toString("base64") });
    const result = await content.readWholeMessage(message);

    expect(result).toMatchObject({
      name: "VPN drops_ logs attached.eml",
      contentType: "message/rfc822",
    });
    expect(result.data.type).toBe("message/rfc822");
    expect((await bytesOf(result)).equals(Buffer.from(MIXED_EML))).toBe(true);
  });

  it("refuses, naming the reason, without getAsFileAsync or EWS", async () => {
    const { content } = outlook("1.8");
    await expect(content.readWholeMessage(message)).rejects.toMatchObject({
      code: "attachment_unavailable",
      message: expect.stringContaining("Mailbox 1.14"),
    });
  });
});

describe("createOutlookMailContent: EWS (Mailbox 1.5 on on-premises Exchange)", () => {
  it("asks GetItem for the MIME content of the message, its id escaped", async () => {
    const odd = { ...message, itemId: `AAMk+/"&<id>=` };
    const { content, requests, item } = outlook("1.5", {
      ews: answering(getItemAnswer(MIXED_EML)),
    });
    item.itemId = odd.itemId;
    await content.readWholeMessage(odd);

    expect(requests).toHaveLength(1);
    expect(requests[0]).toContain('<t:ItemId Id="AAMk+/&quot;&amp;&lt;id&gt;="/>');
    expect(requests[0]).toContain("<t:IncludeMimeContent>true</t:IncludeMimeContent>");
    const sent = parseXml(requests[0]!);
    expect(sent.getElementsByTagNameNS(T, "ItemId")[0]!.getAttribute("Id")).toBe(odd.itemId);
  });

  it("reads the whole email from MimeContent, bytes exact", async () => {
    const { content } = outlook("1.5", { ews: answering(getItemAnswer(MIXED_EML)) });
    const result = await content.readWholeMessage(message);
    expect(result).toMatchObject({
      name: "VPN drops_ logs attached.eml",
      contentType: "message/rfc822",
    });
    expect((await bytesOf(result)).equals(Buffer.from(MIXED_EML))).toBe(true);
  });

  it("takes a file and an attached email out of the MIME, with one request for all reads", async () => {
    const { content, requests } = outlook("1.5", { ews: answering(getItemAnswer(MIXED_EML)) });
    const pdf = await content.readAttachment(message, OUTLOOK_ATTACHMENTS[1]!);
    const report = await content.readAttachment(message, OUTLOOK_ATTACHMENTS[5]!);
    await content.readWholeMessage(message);

    expect(pdf).toMatchObject({ name: "Invoice.pdf", contentType: "application/pdf" });
    expect((await bytesOf(pdf)).equals(PDF_BYTES)).toBe(true);
    expect(report).toMatchObject({ name: "Report.eml", contentType: "message/rfc822" });
    expect((await bytesOf(report)).toString("utf8")).toContain(NAMED_EMAIL.trim());
    expect(requests).toHaveLength(1);
  });

  it("says so when the attachment isn't in the MIME", async () => {
    const { content } = outlook("1.5", { ews: answering(getItemAnswer(MIXED_EML)) });
    await expect(
      content.readAttachment(message, file({ name: "Missing.docx" }))
    ).rejects.toMatchObject({
      code: "attachment_unavailable",
      message: expect.stringContaining('"Missing.docx" was not found'),
    });
  });

  it("turns an EWS error response into ews_failed and asks again next time", async () => {
    let answer = itemNotFoundAnswer;
    const { content, requests } = outlook("1.5", {
      ews: (_request, callback) => succeedLater(callback, answer),
    });
    await expect(content.readWholeMessage(message)).rejects.toMatchObject({
      name: "MailItemError",
      code: "ews_failed",
      ewsResponseCode: "ErrorItemNotFound",
      message: expect.stringContaining("ErrorItemNotFound: The specified object was not found"),
    });
    answer = getItemAnswer(MIXED_EML);
    await expect(content.readWholeMessage(message)).resolves.toMatchObject({
      contentType: "message/rfc822",
    });
    expect(requests).toHaveLength(2);
  });

  it("turns a SOAP fault into ews_failed", async () => {
    const { content } = outlook("1.5", { ews: answering(faultAnswer) });
    await expect(content.readAttachment(message, OUTLOOK_ATTACHMENTS[1]!)).rejects.toMatchObject({
      code: "ews_failed",
      ewsResponseCode: "ErrorAccessDenied",
      message: "Exchange refused the request with ErrorAccessDenied: Access is denied.",
    });
  });

  it("doesn't ask for an email whose answer can't fit in 5 MB", async () => {
    const big = { ...message, attachments: [file({ size: 3_000_000 })] };
    const { content, requests } = outlook("1.5", { ews: answering(getItemAnswer(MIXED_EML)) });
    await expect(content.readAttachment(big, big.attachments[0]!)).rejects.toMatchObject({
      code: "attachment_unavailable",
      message: expect.stringContaining("too large to read through EWS on this Outlook"),
    });
    expect(requests).toHaveLength(0);
  });

  it("reads a failure past 1 MB as the older clients' limit, and passes smaller failures on", async () => {
    const failing = (_request: string, callback: Callback<string>) =>
      failLater(callback, 9020, "The response exceeds the 1 MB size limit.");
    const medium = { ...message, attachments: [file({ size: 700_000 })] };
    const { content } = outlook("1.5", { ews: failing });
    await expect(content.readWholeMessage(medium)).rejects.toMatchObject({
      code: "attachment_unavailable",
      message: expect.stringContaining("too large to read through EWS"),
      cause: expect.objectContaining({ name: "OfficeError", code: 9020 }),
    });
    await expect(content.readWholeMessage(message)).rejects.toMatchObject({
      name: "OfficeError",
      code: 9020,
    });
  });

  it("converts the id only where Outlook hands out REST ids (mobile)", async () => {
    const { content, requests } = outlook("1.5", {
      ews: answering(getItemAnswer(MIXED_EML)),
      hostName: "OutlookIOS",
    });
    await content.readWholeMessage(message);
    expect(requests[0]).toContain(`Id="ews(${message.itemId},v2.0)"`);
  });
});

describe("createOutlookMailContent: readThreadHeaders", () => {
  const headers =
    "Message-ID: <reply-3@mail.example>\r\n" +
    "In-Reply-To: <JIRA.10001.1591234567000.123.1591234567890@jira.example>\r\n" +
    "References: <JIRA.10001.1591234567000.120.1591234560000@jira.example>\r\n" +
    " <JIRA.10001.1591234567000.123.1591234567890@jira.example> (the last notification)\r\n" +
    "Thread-Topic: =?utf-8?Q?[SUP-2]_VPN_f=C3=A4llt_aus?=\r\n" +
    "Subject: RE: [SUP-2] VPN fällt aus\r\n";

  it("reads In-Reply-To, References and the decoded Thread-Topic (Mailbox 1.8)", async () => {
    const { content, item } = outlook("1.8", {
      internetHeaders: (callback) => succeedLater(callback, headers),
    });
    await expect(content.readThreadHeaders(message)).resolves.toEqual({
      inReplyTo: ["JIRA.10001.1591234567000.123.1591234567890@jira.example"],
      references: [
        "JIRA.10001.1591234567000.120.1591234560000@jira.example",
        "JIRA.10001.1591234567000.123.1591234567890@jira.example",
      ],
      threadTopic: "[SUP-2] VPN fällt aus",
    });
    expect(item.getAllInternetHeadersAsync).toHaveBeenCalledTimes(1);
  });

  it("gives empty lists for an email without thread headers", async () => {
    const { content } = outlook("1.14", {
      internetHeaders: (callback) => succeedLater(callback, "Subject: hello\r\n"),
    });
    await expect(content.readThreadHeaders(message)).resolves.toEqual({
      inReplyTo: [],
      references: [],
    });
  });

  it("gives empty lists on Mailbox 1.5, without asking Outlook or EWS", async () => {
    const { content, item, requests } = outlook("1.5", { ews: answering("") });
    await expect(content.readThreadHeaders(message)).resolves.toEqual({
      inReplyTo: [],
      references: [],
    });
    expect(item.getAllInternetHeadersAsync).not.toHaveBeenCalled();
    expect(requests).toHaveLength(0);
  });

  it.each([["other"], ["none"]] as const)(
    "fails like Outlook (9030) when %s item is selected, on every client",
    async (selected) => {
      for (const version of ["1.5", "1.8"]) {
        const { content } = outlook(version, { selected });
        await expect(content.readThreadHeaders(message)).rejects.toMatchObject({
          name: "OfficeError",
          code: 9030,
        });
      }
    }
  );

  it("passes Office's failure on with its code", async () => {
    const { content } = outlook("1.8", {
      internetHeaders: (callback) => failLater(callback, 9030, "The item changed."),
    });
    await expect(content.readThreadHeaders(message)).rejects.toMatchObject({
      name: "OfficeError",
      code: 9030,
    });
  });
});
