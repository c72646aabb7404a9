// The Outlook adapters against the preview's Outlook stand-in (both emulated clients), reading the
// preview's sample emails: what the pane uploads must be the exact bytes the email carries.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { MailFile, MailMessage } from "../../../src/mail/mail-message";
import { readMailMessage } from "../../../src/office/mail-item-reader";
import { createOutlookMailContent } from "../../../src/office/mail-content";
import { createPreviewHost } from "../../../src/preview/host-model";
import type { MailboxMode } from "../../../src/preview/host-model";
import { messageFromEml } from "../../../src/preview/message-from-eml";
import type { PreviewMessage } from "../../../src/preview/message-model";
import {
  AsyncResultStatus,
  CoercionType,
  MailboxEnums,
} from "../../../src/preview/office-standin/enums";
import { createMailbox } from "../../../src/preview/office-standin/mailbox";
import { createRequirements } from "../../../src/preview/office-standin/requirements";
import { createMemoryStorage } from "../../../src/preview/storage";
import { removeOfficeGlobal } from "../../support/fake-office-global";
import { parseXml } from "../support/parse-xml";

const SAMPLES = join(__dirname, "../../../src/preview/samples");
const sampleBytes = (name: string) => readFileSync(join(SAMPLES, name));

function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

async function bytesOf(file: MailFile): Promise<Buffer> {
  return Buffer.from(await file.data.arrayBuffer());
}

/** Installs the stand-in as the Office global, showing `preview`; returns what the pane reads. */
function standIn(mode: MailboxMode, preview: PreviewMessage): MailMessage {
  const host = createPreviewHost({ initial: { item: preview, theme: "light", mailboxMode: mode } });
  const { mailbox } = createMailbox({
    host,
    mode,
    schedule: (task) => setTimeout(task, 0),
    storage: createMemoryStorage(),
    htmlToText: (html) => html.replace(/<[^>]+>/g, ""),
    parseXml,
  });
  (globalThis as Record<string, unknown>).Office = {
    AsyncResultStatus,
    CoercionType,
    MailboxEnums,
    context: { requirements: createRequirements(mode), mailbox },
  };
  return readMailMessage(mailbox["item"] as Office.MessageRead)!;
}

afterEach(removeOfficeGlobal);

describe.each([
  ["modern", "office"],
  ["onPremises15", "ews"],
] as const)("mail content on the %s stand-in", (mode, source) => {
  it(`reads every attachment of the sample through ${source}, bytes exact`, async () => {
    const preview = await messageFromEml(sampleBytes("03-attachments.eml"));
    const message = standIn(mode, preview);
    const content = createOutlookMailContent({ parseXml });
    expect(content.capabilities).toEqual({ attachments: source, wholeMessage: source });

    expect(message.attachments.map((attachment) => attachment.name)).toEqual([
      "Invoice-2024-117.pdf",
      "vpn-gateway.txt",
      "affected-users.csv",
    ]);
    for (const [index, attachment] of message.attachments.entries()) {
      const file = await content.readAttachment(message, attachment);
      expect(file.name).toBe(attachment.name);
      expect(file.contentType).toBe(attachment.contentType);
      expect(sha256(await bytesOf(file))).toBe(
        sha256(Buffer.from(preview.attachments[index]!.contentBase64, "base64"))
      );
    }
  });

  it(`reads an inline image by its Content-ID through ${source}`, async () => {
    const preview = await messageFromEml(sampleBytes("02-outlook-html.eml"));
    const message = standIn(mode, preview);
    const image = message.attachments.find((attachment) => attachment.isInline)!;
    expect(image.contentId).toBe("image001.png@01DAB5C1.2F3E4A50");

    const file = await createOutlookMailContent({ parseXml }).readAttachment(message, image);
    expect(
      (await bytesOf(file)).equals(Buffer.from(preview.attachments[0]!.contentBase64, "base64"))
    ).toBe(true);
  });

  it(`reads the whole email through ${source} as the exact .eml received`, async () => {
    const preview = await messageFromEml(sampleBytes("04-non-ascii.eml"));
    const message = standIn(mode, preview);
    const file = await createOutlookMailContent({ parseXml }).readWholeMessage(message);

    expect(file.contentType).toBe("message/rfc822");
    expect(file.name).toMatch(/\.eml$/);
    expect((await bytesOf(file)).equals(sampleBytes("04-non-ascii.eml"))).toBe(true);
  });

  it("reads the body as HTML and text", async () => {
    const preview = await messageFromEml(sampleBytes("02-outlook-html.eml"));
    const message = standIn(mode, preview);
    const body = await createOutlookMailContent({ parseXml }).readBody(message);
    expect(body.html).toContain("The nightly <b>invoice export</b>");
    expect(body.text).toContain("The nightly invoice export to the ERP");
  });
});

describe("thread headers on the stand-in (preview sample 06, a reply to [SUP-2])", () => {
  it("reads In-Reply-To, the folded References and Thread-Topic on a modern client", async () => {
    const message = standIn("modern", await messageFromEml(sampleBytes("06-reply-sup-2.eml")));
    await expect(
      createOutlookMailContent({ parseXml }).readThreadHeaders(message)
    ).resolves.toEqual({
      inReplyTo: ["SUP2-reply-2.20240607@mail.contoso.example"],
      references: [
        "SUP2-original.20240607@mail.fabrikam.example",
        "SUP2-reply-2.20240607@mail.contoso.example",
      ],
      threadTopic: "[SUP-2] VPN drops every hour",
    });
  });

  it("gives empty lists on a Mailbox 1.5 client (no getAllInternetHeadersAsync)", async () => {
    const message = standIn(
      "onPremises15",
      await messageFromEml(sampleBytes("06-reply-sup-2.eml"))
    );
    await expect(
      createOutlookMailContent({ parseXml }).readThreadHeaders(message)
    ).resolves.toEqual({ inReplyTo: [], references: [] });
  });

  it("decodes an encoded Thread-Topic as the stand-in hands it over", async () => {
    const eml = sampleBytes("06-reply-sup-2.eml")
      .toString("latin1")
      .replace(
        "Thread-Topic: [SUP-2] VPN drops every hour",
        "Thread-Topic: =?ISO-8859-1?Q?[SUP-2]_VPN_f=E4llt_st=FCndlich_aus?="
      );
    const message = standIn("modern", await messageFromEml(Buffer.from(eml, "latin1")));
    const headers = await createOutlookMailContent({ parseXml }).readThreadHeaders(message);
    expect(headers.threadTopic).toBe("[SUP-2] VPN fällt stündlich aus");
  });
});
