import { createPreviewHost } from "../../../src/preview/host-model";
import type { MailboxMode, PreviewHost } from "../../../src/preview/host-model";
import { messageFromEml } from "../../../src/preview/message-from-eml";
import type { PreviewMessage } from "../../../src/preview/message-model";
import { createMailbox } from "../../../src/preview/office-standin/mailbox";
import { createMemoryStorage } from "../../../src/preview/storage";
import { callbackResult, createManualSchedule } from "./fakes";
import { readSample } from "./samples";
import { parseXml } from "../support/parse-xml";

type AnyResult = {
  status: string;
  value: unknown;
  error?: { code: number };
  asyncContext?: unknown;
};
type Item = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const schedule = (task: () => void) => setTimeout(task, 0);
let plain: PreviewMessage;
let html: PreviewMessage;
let withAttachments: PreviewMessage;

beforeAll(async () => {
  plain = await messageFromEml(readSample("01-plain-text.eml"));
  html = await messageFromEml(readSample("02-outlook-html.eml"));
  withAttachments = await messageFromEml(readSample("03-attachments.eml"));
});

function setup(mode: MailboxMode, item: PreviewMessage | null = plain) {
  const host = createPreviewHost({ initial: { item, theme: "light", mailboxMode: mode } });
  const binding = createMailbox({
    host,
    mode,
    schedule,
    storage: createMemoryStorage(),
    htmlToText: (source) => source.replace(/<[^>]+>/g, ""),
    parseXml,
  });
  return { host, mailbox: binding.mailbox as Item, binding };
}

describe("mailbox stand-in", () => {
  it("serves the host's current message as a read-mode item", () => {
    const { mailbox } = setup("modern", withAttachments);
    const item = mailbox.item as Item;
    expect(item.itemType).toBe("message");
    expect(item.subject).toBe("Invoice 2024-117 and VPN logs attached");
    expect(item.dateTimeCreated).toBeInstanceOf(Date);
    expect(item.from).toEqual({
      displayName: "Jonas Becker",
      emailAddress: "jonas.becker@contoso.example",
    });
    expect(item.attachments[0]).toEqual({
      id: withAttachments.attachments[0]!.id,
      name: "Invoice-2024-117.pdf",
      contentType: "application/pdf",
      size: 330,
      attachmentType: "file",
      isInline: false,
    });
    expect(item.attachments[0]).not.toHaveProperty("contentBase64");
  });

  it("answers body.getAsync in html and text, converting when the body has the other type", async () => {
    const { mailbox, host } = setup("modern", plain);
    const text = await callbackResult<AnyResult>((cb) =>
      (mailbox.item as Item).body.getAsync("text", cb)
    );
    expect(text.value).toContain("Cleared the browser cache");
    const asHtml = await callbackResult<AnyResult>((cb) =>
      (mailbox.item as Item).body.getAsync("html", { asyncContext: 5 }, cb)
    );
    expect(asHtml).toMatchObject({ status: "succeeded", asyncContext: 5 });
    expect(asHtml.value).toMatch(/^<html><body><div>Hello Service Desk,<br>/);
    host.setItem(html);
    const htmlText = await callbackResult<AnyResult>((cb) =>
      (mailbox.item as Item).body.getAsync("text", cb)
    );
    expect(htmlText.value).toContain("nightly invoice export");
    const bad = await callbackResult<AnyResult>((cb) =>
      (mailbox.item as Item).body.getAsync("ooxml", cb)
    );
    expect(bad).toMatchObject({ status: "failed", error: { code: 1000 } });
  });

  it("raises ItemChanged asynchronously and then serves the new item", async () => {
    const { mailbox, host } = setup("modern", plain);
    const handler = jest.fn();
    await callbackResult((cb) => mailbox.addHandlerAsync("olkItemSelectedChanged", handler, cb));
    host.setItem(html);
    expect(handler).not.toHaveBeenCalled();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(handler).toHaveBeenCalledWith({ type: "olkItemSelectedChanged" });
    expect((mailbox.item as Item).itemId).toBe(html.itemId);
  });

  it("fails calls on an item that is no longer selected with 9030", async () => {
    const { mailbox, host } = setup("modern", plain);
    const oldItem = mailbox.item as Item;
    host.setItem(html);
    const result = await callbackResult<AnyResult>((cb) => oldItem.body.getAsync("text", cb));
    expect(result).toMatchObject({ status: "failed", error: { code: 9030 } });
  });

  it("offers getAttachmentContentAsync (base64) and getAsFileAsync on the modern client", async () => {
    const { mailbox } = setup("modern", withAttachments);
    const item = mailbox.item as Item;
    const content = await callbackResult<AnyResult>((cb) =>
      item.getAttachmentContentAsync(item.attachments[1].id, cb)
    );
    expect(content.value).toEqual({
      format: "base64",
      content: withAttachments.attachments[1]!.contentBase64,
    });
    const missing = await callbackResult<AnyResult>((cb) =>
      item.getAttachmentContentAsync("nope", cb)
    );
    expect(missing).toMatchObject({ status: "failed", error: { code: 9003 } });
    const file = await callbackResult<AnyResult>((cb) => item.getAsFileAsync(cb));
    expect(Buffer.from(file.value as string, "base64").toString("utf8")).toBe(
      readSample("03-attachments.eml")
    );
  });

  it("leaves Mailbox 1.8+ methods undefined, refuses OfficeThemeChanged and answers makeEwsRequestAsync in Mailbox 1.5 mode", async () => {
    const { mailbox } = setup("onPremises15", withAttachments);
    const item = mailbox.item as Item;
    expect(item.getAttachmentContentAsync).toBeUndefined();
    expect(item.getAsFileAsync).toBeUndefined();
    expect(item.getAllInternetHeadersAsync).toBeUndefined();
    expect(typeof item.loadCustomPropertiesAsync).toBe("function");
    const theme = await callbackResult<AnyResult>((cb) =>
      mailbox.addHandlerAsync("officeThemeChanged", () => undefined, cb)
    );
    expect(theme).toMatchObject({ status: "failed", error: { code: 5000 } });
    // Exchange's answer to a request that isn't SOAP is a fault, delivered as the call's value.
    const ews = await callbackResult<AnyResult>((cb) =>
      mailbox.makeEwsRequestAsync("<soap/>", cb, "ctx")
    );
    expect(ews).toMatchObject({ status: "succeeded", asyncContext: "ctx" });
    expect(ews.value).toContain("<faultcode");
    expect(setup("modern").mailbox.makeEwsRequestAsync).toBeUndefined();
  });

  it("raises OfficeThemeChanged with the new theme on the modern client", async () => {
    const { mailbox, host } = setup("modern");
    const handler = jest.fn();
    await callbackResult((cb) => mailbox.addHandlerAsync("officeThemeChanged", handler, cb));
    host.setTheme("dark");
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(handler).toHaveBeenCalledWith({
      type: "officeThemeChanged",
      officeTheme: expect.objectContaining({ isDarkTheme: true, bodyBackgroundColor: "#292929" }),
    });
  });

  it("stops raising events after removeHandlerAsync and after dispose", async () => {
    const { mailbox, host, binding } = setup("modern");
    const handler = jest.fn();
    await callbackResult((cb) => mailbox.addHandlerAsync("olkItemSelectedChanged", handler, cb));
    await callbackResult((cb) => mailbox.removeHandlerAsync("olkItemSelectedChanged", cb));
    host.setItem(html);
    await callbackResult((cb) => mailbox.addHandlerAsync("olkItemSelectedChanged", handler, cb));
    binding.dispose();
    host.setItem(plain);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(handler).not.toHaveBeenCalled();
  });

  it("loads custom properties for the current item", async () => {
    const { mailbox } = setup("modern", plain);
    const result = await callbackResult<AnyResult>((cb) =>
      (mailbox.item as Item).loadCustomPropertiesAsync(cb, "user")
    );
    expect(result.asyncContext).toBe("user");
    expect((result.value as Item).getAll()).toEqual({});
  });

  it("has a null item without a host, and in a dialog", () => {
    const base = {
      mode: "modern" as const,
      schedule,
      storage: createMemoryStorage(),
      htmlToText: String,
      parseXml,
    };
    expect(createMailbox({ ...base, host: null }).mailbox["item"]).toBeNull();
    const host: PreviewHost = createPreviewHost({
      initial: { item: plain, theme: "light", mailboxMode: "modern" },
    });
    expect(createMailbox({ ...base, host, isDialog: true }).mailbox["item"]).toBeNull();
  });

  it("never answers synchronously", () => {
    const manual = createManualSchedule();
    const host = createPreviewHost({
      initial: { item: plain, theme: "light", mailboxMode: "modern" },
    });
    const { mailbox } = createMailbox({
      host,
      mode: "modern",
      schedule: manual,
      storage: createMemoryStorage(),
      htmlToText: String,
      parseXml,
    });
    const callback = jest.fn();
    (mailbox["item"] as Item).body.getAsync("text", callback);
    expect(callback).not.toHaveBeenCalled();
    manual.flush();
    expect(callback).toHaveBeenCalledTimes(1);
  });
});
