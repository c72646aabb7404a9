import { readMailMessage } from "../../../src/office/mail-item-reader";
import { installOfficeEnums, removeOfficeGlobal } from "../../support/fake-office-global";

beforeAll(() =>
  installOfficeEnums({
    MailboxEnums: {
      ItemType: { Message: "message", Appointment: "appointment" },
      AttachmentType: { File: "file", Item: "item", Cloud: "cloud" },
    },
  })
);
afterAll(removeOfficeGlobal);

/** The attachments' fields the reader copies as they are (the Content-ID it cleans is apart). */
const LOG_FILE = {
  id: "att1",
  name: "log.txt",
  contentType: "text/plain",
  size: 120,
  isInline: false,
  attachmentType: "file",
};
const INLINE_IMAGE = {
  id: "att2",
  name: "image001.png",
  contentType: "image/png",
  size: 900,
  isInline: true,
  attachmentType: "file",
};
const FORWARDED_EMAIL = {
  id: "att3",
  name: "Fwd: Outage report",
  contentType: "message/rfc822",
  size: 4100,
  isInline: false,
  attachmentType: "item",
};
const CLOUD_FILE = {
  id: "att4",
  name: "Budget.xlsx",
  contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  size: 0,
  isInline: false,
  attachmentType: "cloud",
};

const item = {
  itemType: "message",
  itemId: "AAMkAGI2TG93AAA=",
  subject: "RE: [SUP-2] VPN drops every hour",
  from: { displayName: "Jane Doe", emailAddress: "jane@example.com" },
  to: [{ displayName: "", emailAddress: "support@example.com" }],
  cc: [{ displayName: "Ops", emailAddress: "ops@example.com" }],
  dateTimeCreated: new Date("2026-11-30T09:15:00Z"),
  internetMessageId: "<abc@example.com>",
  conversationId: "AAQkAGI2conv",
  attachments: [
    LOG_FILE,
    { ...INLINE_IMAGE, contentId: "<image001.png@01DAB5C1.2F3E4A50>" },
    { ...FORWARDED_EMAIL, contentId: "" },
    CLOUD_FILE,
  ],
} as unknown as Office.MessageRead;

describe("readMailMessage", () => {
  it("copies the Outlook item into plain data", () => {
    expect(readMailMessage(item)).toEqual({
      itemId: "AAMkAGI2TG93AAA=",
      subject: "RE: [SUP-2] VPN drops every hour",
      from: { name: "Jane Doe", address: "jane@example.com" },
      to: [{ name: "support@example.com", address: "support@example.com" }],
      cc: [{ name: "Ops", address: "ops@example.com" }],
      sentAt: new Date("2026-11-30T09:15:00Z"),
      internetMessageId: "<abc@example.com>",
      conversationId: "AAQkAGI2conv",
      attachments: [
        LOG_FILE,
        { ...INLINE_IMAGE, contentId: "image001.png@01DAB5C1.2F3E4A50" },
        FORWARDED_EMAIL,
        CLOUD_FILE,
      ],
    });
  });

  it("keeps a Content-ID without brackets and drops an empty one", () => {
    const attachments = readMailMessage(item)!.attachments;
    expect(attachments[1]!.contentId).toBe("image001.png@01DAB5C1.2F3E4A50");
    expect(attachments[2]).not.toHaveProperty("contentId");
    expect(attachments[0]).not.toHaveProperty("contentId");
  });

  it("reads an attachment type it doesn't know as a file", () => {
    const odd = {
      ...item,
      attachments: [
        { id: "x", name: "x", contentType: "", size: 1, isInline: false, attachmentType: "future" },
      ],
    } as unknown as Office.MessageRead;
    expect(readMailMessage(odd)!.attachments[0]!.attachmentType).toBe("file");
  });

  it("returns null for no item and for appointments", () => {
    expect(readMailMessage(null)).toBeNull();
    expect(
      readMailMessage({ ...item, itemType: "appointment" } as unknown as Office.MessageRead)
    ).toBeNull();
  });

  it("tolerates missing optional fields", () => {
    const bare = { itemType: "message", attachments: undefined } as unknown as Office.MessageRead;
    expect(readMailMessage(bare)).toMatchObject({
      subject: "",
      from: null,
      to: [],
      cc: [],
      sentAt: null,
      attachments: [],
    });
  });
});
