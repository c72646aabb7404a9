import { readdirSync } from "node:fs";
import { base64ToBytes } from "../../../src/preview/base64";
import { messageFromEml, normalizeSubject } from "../../../src/preview/message-from-eml";
import { buildEmailSrcdoc, EMAIL_BODY_CSP } from "../../../src/preview/email-srcdoc";
import { readSample, SAMPLES_DIR } from "./samples";

describe("messageFromEml over the built-in samples", () => {
  it("gives every sample a Message-ID, a date, a sender and recipients", async () => {
    const files = readdirSync(SAMPLES_DIR).filter((name) => name.endsWith(".eml"));
    expect(files).toHaveLength(6);
    for (const file of files) {
      const message = await messageFromEml(readSample(file));
      expect(message.internetMessageId).toMatch(/^<[^<>]+@[^<>]+>$/);
      expect(Number.isNaN(Date.parse(message.dateTimeCreated))).toBe(false);
      expect(message.from?.emailAddress).toMatch(/@/);
      expect(message.to.length).toBeGreaterThan(0);
      expect(message.subject).not.toBe("");
    }
  });

  it("maps the plain text email to a text-only body and decodes its headers", async () => {
    const message = await messageFromEml(readSample("01-plain-text.eml"));
    expect(message.subject).toBe("Cannot log in to the expense portal");
    expect(message.bodyHtml).toBeNull();
    expect(message.bodyText).toContain("Cleared the browser cache");
    expect(message.from).toEqual({
      displayName: "Dana Whitfield",
      emailAddress: "dana.whitfield@fabrikam.example",
    });
    expect(message.to).toEqual([
      { displayName: "IT Service Desk", emailAddress: "servicedesk@contoso.example" },
    ]);
    expect(message.cc).toEqual([]);
    expect(message.dateTimeCreated).toBe("2024-06-03T07:14:22.000Z");
    expect(message.attachments).toEqual([]);
  });

  it("derives the item id deterministically from the Message-ID (base64url)", async () => {
    const first = await messageFromEml(readSample("01-plain-text.eml"));
    const again = await messageFromEml(readSample("01-plain-text.eml"));
    expect(first.itemId).toBe(again.itemId);
    expect(first.itemId).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(Buffer.from(first.itemId, "base64url").toString("utf8")).toBe(
      "<CAF1plain.7d21@mail.fabrikam.example>"
    );
  });

  it("keeps the raw bytes for getAsFileAsync", async () => {
    const source = readSample("03-attachments.eml");
    const message = await messageFromEml(source);
    expect(new TextDecoder().decode(base64ToBytes(message.emlBase64))).toBe(source);
    expect(message.internetHeaders).toContain(
      "Message-ID: <20240605101500.4471@helpdesk.contoso.example>\r\n"
    );
  });

  it("lists the Outlook HTML email's pasted image as an inline attachment with its content id", async () => {
    const message = await messageFromEml(readSample("02-outlook-html.eml"));
    expect(message.bodyHtml).toContain('class="MsoNormal"');
    expect(message.cc).toEqual([
      { displayName: "Marco Rossi", emailAddress: "marco.rossi@contoso.example" },
    ]);
    expect(message.attachments).toHaveLength(1);
    const [image] = message.attachments;
    expect(image).toMatchObject({
      name: "image001.png",
      contentType: "image/png",
      isInline: true,
      contentId: "image001.png@01DAB5C1.2F3E4A50",
      attachmentType: "file",
      size: 84,
    });
    // The decoded content is a real PNG.
    expect([...base64ToBytes(image!.contentBase64).subarray(0, 8)]).toEqual([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a,
    ]);
  });

  it("sizes file attachments by their decoded bytes and gives them distinct ids", async () => {
    const message = await messageFromEml(readSample("03-attachments.eml"));
    expect(
      message.attachments.map(({ name, contentType, size, isInline }) => ({
        name,
        contentType,
        size,
        isInline,
      }))
    ).toEqual([
      { name: "Invoice-2024-117.pdf", contentType: "application/pdf", size: 330, isInline: false },
      { name: "vpn-gateway.txt", contentType: "text/plain", size: 181, isInline: false },
      { name: "affected-users.csv", contentType: "text/csv", size: 131, isInline: false },
    ]);
    expect(new Set(message.attachments.map((attachment) => attachment.id)).size).toBe(3);
    expect(new TextDecoder().decode(base64ToBytes(message.attachments[2]!.contentBase64))).toMatch(
      /^user,office,first_failure\r\n/
    );
    expect(message.cc.map((address) => address.emailAddress)).toEqual([
      "network@contoso.example",
      "lena.vogel@contoso.example",
    ]);
  });

  it("decodes RFC 2047 encoded-words in the subject and sender, and the UTF-8 body", async () => {
    const message = await messageFromEml(readSample("04-non-ascii.eml"));
    expect(message.subject).toBe("Überweisung fehlgeschlagen – Zahlung #4711 ✓");
    expect(message.from?.displayName).toBe("Jürgen Weiß");
    expect(message.bodyText).toContain("1.250,00 € wurde nicht abgebucht");
    expect(message.bodyHtml).toContain("„Konto gesperrt“");
  });

  it("keeps right-to-left HTML with its dir attribute", async () => {
    const message = await messageFromEml(readSample("05-right-to-left.eml"));
    expect(message.subject).toBe("בעיית גישה ל-Jira");
    expect(message.bodyHtml).toContain('dir="rtl"');
    expect(message.bodyText).toContain("נועה כהן");
  });

  it("puts a reply in the conversation of the message its References start with", async () => {
    const reply = await messageFromEml(readSample("06-reply-sup-2.eml"));
    expect(reply.subject).toBe("RE: [SUP-2] VPN drops every hour");
    expect(reply.normalizedSubject).toBe("[SUP-2] VPN drops every hour");
    const original = await messageFromEml(
      [
        "Message-ID: <SUP2-original.20240607@mail.fabrikam.example>",
        "Date: Fri, 7 Jun 2024 09:15:00 +0200",
        "From: Chris Young <chris.young@fabrikam.example>",
        "To: Support <support@contoso.example>",
        "Subject: [SUP-2] VPN drops every hour",
        "",
        "My VPN connection drops every hour.",
        "",
      ].join("\r\n")
    );
    expect(reply.conversationId).toBe(original.conversationId);
    expect(reply.conversationId).not.toBe(reply.itemId);
    const unrelated = await messageFromEml(readSample("01-plain-text.eml"));
    expect(unrelated.conversationId).toBe(unrelated.itemId); // no References: its own conversation
  });

  it("synthesizes a stable Message-ID when the message has none", async () => {
    const eml = "From: a@example.com\r\nTo: b@example.com\r\nSubject: no id\r\n\r\nbody\r\n";
    const fallbackDate = new Date("2024-01-01T00:00:00Z");
    const first = await messageFromEml(eml, { fallbackDate });
    expect(first.internetMessageId).toMatch(/^<preview-[0-9a-f]{16}@preview\.invalid>$/);
    expect((await messageFromEml(eml, { fallbackDate })).itemId).toBe(first.itemId);
    expect(first.dateTimeCreated).toBe("2024-01-01T00:00:00.000Z");
  });
});

describe("normalizeSubject", () => {
  it.each([
    ["RE: [SUP-2] VPN drops", "[SUP-2] VPN drops"],
    ["Re: RE: FW: hello", "hello"],
    ["AW: WG: Rechnung", "Rechnung"],
    ["Fwd: report", "report"],
    ["Regarding the invoice", "Regarding the invoice"],
  ])("%s → %s", (subject, expected) => {
    expect(normalizeSubject(subject)).toBe(expected);
  });
});

describe("buildEmailSrcdoc", () => {
  it("starts with the restrictive CSP and replaces cid: images with data: URLs", async () => {
    const message = await messageFromEml(readSample("02-outlook-html.eml"));
    const srcdoc = buildEmailSrcdoc(message);
    expect(
      srcdoc.startsWith(
        `<!DOCTYPE html><meta http-equiv="Content-Security-Policy" content="${EMAIL_BODY_CSP}">`
      )
    ).toBe(true);
    expect(EMAIL_BODY_CSP).toBe("default-src 'none'; img-src data:; style-src 'unsafe-inline'");
    expect(srcdoc).not.toContain("cid:image001.png");
    expect(srcdoc).toContain(
      `src="data:image/png;base64,${message.attachments[0]!.contentBase64}"`
    );
  });

  it("escapes a text body instead of interpreting it as HTML", () => {
    const srcdoc = buildEmailSrcdoc({
      bodyHtml: null,
      bodyText: "<script>alert(1)</script> & more",
      attachments: [],
    });
    expect(srcdoc).toContain("&lt;script&gt;alert(1)&lt;/script&gt; &amp; more");
    expect(srcdoc).not.toContain("<script>");
  });

  it("drops meta refresh, which the CSP would not stop", () => {
    const srcdoc = buildEmailSrcdoc({
      bodyHtml:
        '<html><head><meta http-equiv="refresh" content="0;url=https://evil.example/"></head><body>hi</body></html>',
      bodyText: null,
      attachments: [],
    });
    expect(srcdoc).not.toMatch(/refresh/i);
    expect(srcdoc).toContain("<body>hi</body>");
  });
});
