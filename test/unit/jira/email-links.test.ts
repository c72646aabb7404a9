/**
 * The builders of what the add-in writes on an issue for an email: the EmailReference, its bounded
 * merge into the issue property (whatever the property held before), the remote link's globalId
 * and the remote link itself.
 */
import {
  EmailLinkError,
  MAX_EMAIL_PROPERTY_BYTES,
  MAX_EMAIL_REFERENCES,
  emailGlobalId,
  emailReference,
  emailRemoteLink,
  mergeEmailProperty,
} from "../../../src/jira/email-links";
import type { EmailPropertyValue, EmailReference } from "../../../src/jira/email-reference";
import { customerEmail as message } from "./customer-email";

const NOW = new Date("2026-05-04T09:30:00.000Z");

function reference(overrides: Partial<EmailReference> = {}): EmailReference {
  return { ...emailReference(message(), "created", "attempt-1", NOW), ...overrides };
}

const bytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value)).length;

describe("emailReference", () => {
  it("takes the email's ids, sender, subject and dates, with the kind and the attempt", () => {
    expect(emailReference(message(), "created", "7c6f3a52-uuid", NOW)).toEqual({
      messageId: "<CAF=abc123@mail.customer.example>",
      conversationId: "AAQkAGI2TG93conv=",
      sender: { name: "Finance Team", address: "finance@customer.example" },
      subject: "Printer jams on every second page",
      sentAt: "2026-05-03T16:45:12.000Z",
      kind: "created",
      attemptId: "7c6f3a52-uuid",
      linkedAt: "2026-05-04T09:30:00.000Z",
    });
  });

  it("has no sender or sent date when Outlook reports none (or an invalid date)", () => {
    const ref = emailReference(
      message({ from: null, sentAt: new Date(Number.NaN) }),
      "commented",
      "a",
      NOW
    );

    expect(ref).toMatchObject({ sender: null, sentAt: null, kind: "commented" });
  });

  it("caps the subject at 255 characters without splitting a surrogate pair", () => {
    const long = emailReference(message({ subject: "x".repeat(1000) }), "created", "a", NOW);
    const emoji = emailReference(
      message({ subject: `${"y".repeat(254)}😀 and more` }),
      "created",
      "a",
      NOW
    );

    expect(long.subject).toHaveLength(255);
    expect(emoji.subject).toBe("y".repeat(254));
  });

  it("caps sender name and address, Message-ID and conversation id", () => {
    const ref = emailReference(
      message({
        from: { name: "n".repeat(5000), address: `${"a".repeat(5000)}@x.example` },
        internetMessageId: `<${"m".repeat(5000)}@x>`,
        conversationId: "c".repeat(5000),
      }),
      "created",
      "a",
      NOW
    );

    expect(ref.sender?.name).toHaveLength(255);
    expect(ref.sender?.address).toHaveLength(320);
    expect(ref.messageId).toHaveLength(998);
    expect(ref.conversationId).toHaveLength(512);
  });
});

describe("mergeEmailProperty", () => {
  it("starts the property when the issue has none", () => {
    const ref = reference();

    expect(mergeEmailProperty(undefined, ref)).toEqual({ formatVersion: 1, emails: [ref] });
  });

  it("appends a reference of another email, attempt or kind, oldest first", () => {
    const first = reference();
    const otherAttempt = reference({ attemptId: "attempt-2" });
    const comment = reference({ kind: "commented" });
    const otherEmail = reference({ messageId: "<other@x>" });

    let value = mergeEmailProperty(undefined, first);
    value = mergeEmailProperty(value, otherAttempt);
    value = mergeEmailProperty(value, comment);
    value = mergeEmailProperty(value, otherEmail);

    expect(value.emails).toEqual([first, otherAttempt, comment, otherEmail]);
  });

  it("replaces the entry with the same messageId, kind and attemptId (moved to the end)", () => {
    const first = reference();
    const other = reference({ messageId: "<other@x>" });
    const again = reference({ linkedAt: "2026-05-04T10:00:00.000Z", subject: "Edited" });

    const value = mergeEmailProperty(
      mergeEmailProperty(mergeEmailProperty(undefined, first), other),
      again
    );

    expect(value.emails).toEqual([other, again]);
  });

  it("keeps the newest 50 entries", () => {
    let value: EmailPropertyValue | undefined;
    for (let index = 0; index < MAX_EMAIL_REFERENCES + 7; index++) {
      value = mergeEmailProperty(value, reference({ attemptId: `attempt-${index}` }));
    }

    expect(value?.emails).toHaveLength(MAX_EMAIL_REFERENCES);
    expect(value?.emails[0]?.attemptId).toBe("attempt-7");
    expect(value?.emails.at(-1)?.attemptId).toBe(`attempt-${MAX_EMAIL_REFERENCES + 6}`);
  });

  it("drops the oldest entries to stay under 24 KB of JSON, keeping the new one", () => {
    const big = (index: number) =>
      emailReference(
        message({
          subject: "s".repeat(300),
          internetMessageId: `<${index}-${"m".repeat(2000)}@x>`,
          conversationId: "c".repeat(600),
          from: { name: "n".repeat(300), address: "a".repeat(400) },
        }),
        "created",
        `attempt-${index}`,
        NOW
      );
    let value: EmailPropertyValue | undefined;
    for (let index = 0; index < 40; index++) {
      value = mergeEmailProperty(value, big(index));
    }

    expect(bytes(value)).toBeLessThanOrEqual(MAX_EMAIL_PROPERTY_BYTES);
    expect(value?.emails.at(-1)?.attemptId).toBe("attempt-39");
    expect(value?.emails.length).toBeGreaterThan(5);
    expect(value?.emails.length).toBeLessThan(40);
    // Oldest dropped first: what is left is the newest run, in order.
    const kept = value?.emails.map((entry) => Number(entry.attemptId.split("-")[1]));
    expect(kept).toEqual([...kept!].sort((a, b) => a - b));
    expect(kept?.at(0)).toBe(40 - kept!.length);
  });

  it.each([
    ["null", null],
    ["a string", "hello"],
    ["a number", 42],
    ["an array", [reference()]],
    ["another format version", { formatVersion: 2, emails: [reference()] }],
    ["emails not an array", { formatVersion: 1, emails: { 0: reference() } }],
    ["another app's data", { tasks: [1, 2, 3] }],
  ])("starts fresh over %s", (_label, existing) => {
    const ref = reference({ attemptId: "fresh" });

    expect(mergeEmailProperty(existing, ref)).toEqual({ formatVersion: 1, emails: [ref] });
  });

  it("drops malformed entries and keeps only the known members of valid ones", () => {
    const valid = reference({ attemptId: "valid" });
    // As Jira returns it: JSON, so "__proto__" is an own key here, not the prototype.
    const withExtras = JSON.parse(
      JSON.stringify(valid).replace(
        /^\{/,
        '{"__proto__":{"polluted":true},"extra":"<script>alert(1)</script>",'
      )
    ) as unknown;
    const hostile = {
      formatVersion: 1,
      emails: [
        withExtras,
        { ...valid, attemptId: 7 },
        { ...valid, kind: "deleted" },
        { ...valid, sender: { name: "x" } },
        { ...valid, sentAt: 12 },
        "a string",
        null,
      ],
      other: "kept? no",
    };
    const ref = reference({ attemptId: "new" });

    const merged = mergeEmailProperty(hostile, ref);

    expect(merged).toEqual({ formatVersion: 1, emails: [valid, ref] });
    expect(Object.keys(merged.emails[0] ?? {}).sort()).toEqual(Object.keys(valid).sort());
    expect(Object.getPrototypeOf(merged.emails[0])).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("caps oversized strings of existing entries", () => {
    const existing = {
      formatVersion: 1,
      emails: [reference({ attemptId: "old", subject: "s".repeat(100_000) })],
    };

    const merged = mergeEmailProperty(existing, reference());

    expect(merged.emails[0]?.subject).toHaveLength(255);
    expect(bytes(merged)).toBeLessThanOrEqual(MAX_EMAIL_PROPERTY_BYTES);
  });

  it("reads only the newest 50 entries of a huge existing array", () => {
    const emails = Array.from({ length: 100_000 }, (_, index) =>
      reference({ attemptId: `a${index}` })
    );

    const merged = mergeEmailProperty(
      { formatVersion: 1, emails },
      reference({ attemptId: "new" })
    );

    expect(merged.emails).toHaveLength(MAX_EMAIL_REFERENCES);
    expect(merged.emails[0]?.attemptId).toBe("a99951");
    expect(bytes(merged)).toBeLessThanOrEqual(MAX_EMAIL_PROPERTY_BYTES);
  });
});

describe("emailGlobalId", () => {
  it("is the prefix and the Message-ID without angle brackets, trimmed", () => {
    expect(emailGlobalId("<CAF=abc123@mail.customer.example>")).toBe(
      "outlook-message:CAF=abc123@mail.customer.example"
    );
    expect(emailGlobalId("  <CAF=abc123@mail.customer.example>\r\n")).toBe(
      "outlook-message:CAF=abc123@mail.customer.example"
    );
  });

  it("is the same with or without brackets (clients report it both ways)", () => {
    expect(emailGlobalId("abc@x.example")).toBe(emailGlobalId("<abc@x.example>"));
  });

  it("keeps an id that fits 255 characters whole", () => {
    const id = `${"a".repeat(255 - "outlook-message:".length - 2)}@x`;

    expect(emailGlobalId(`<${id}>`)).toBe(`outlook-message:${id}`);
    expect(emailGlobalId(`<${id}>`)).toHaveLength(255);
  });

  it("past 255 characters: the prefix, the start of the id and a hash of the whole id", () => {
    const long = `<${"a".repeat(300)}@x.example>`;
    const other = `<${"a".repeat(300)}@y.example>`;

    const id = emailGlobalId(long);

    expect(id).toHaveLength(255);
    expect(id).toMatch(/^outlook-message:a+#fnv1a64:[0-9a-f]{16}$/);
    expect(emailGlobalId(long)).toBe(id);
    // Same first 214 characters, different ends: different ids.
    expect(emailGlobalId(other)).not.toBe(id);
    expect(emailGlobalId(other)).toHaveLength(255);
  });

  it("hashes the bare id with FNV-1a 64 over its UTF-8 bytes (known answers)", () => {
    // Computed independently (Python, FNV-1a 64: offset basis cbf29ce484222325, prime 100000001b3;
    // the same code gives the published vectors "a" → af63dc4c8601ec8c, "foobar" → 85944171f73967e8).
    expect(emailGlobalId(`<${"a".repeat(300)}@x.example>`)).toBe(
      `outlook-message:${"a".repeat(214)}#fnv1a64:d26703d80b132f09`
    );
    expect(emailGlobalId(` ${"a".repeat(300)}@y.example `)).toBe(
      `outlook-message:${"a".repeat(214)}#fnv1a64:df00d2518d995a4e`
    );
  });

  it.each([
    ["empty", ""],
    ["blank", "   "],
    ["only brackets", "<>"],
    ["spaces in brackets", "< >"],
  ])("throws no_message_id when the Message-ID is %s", (_label, id) => {
    let caught: unknown;
    try {
      emailGlobalId(id);
    } catch (error) {
      caught = error;
    }

    expect(caught).toBeInstanceOf(EmailLinkError);
    expect(caught).toMatchObject({
      name: "EmailLinkError",
      code: "no_message_id",
      message: expect.stringContaining("no Message-ID"),
    });
  });
});

describe("emailRemoteLink", () => {
  it("links to the email by mid: with Outlook as the application and the email relationship", () => {
    expect(
      emailRemoteLink(message(), { iconUrl: "https://addin.example.com/assets/icon-16.png" })
    ).toEqual({
      globalId: "outlook-message:CAF=abc123@mail.customer.example",
      application: { type: "com.microsoft.outlook", name: "Outlook" },
      relationship: "email",
      object: {
        url: "mid:CAF=abc123@mail.customer.example",
        title: "Printer jams on every second page",
        summary: "From Finance Team <finance@customer.example>, 2026-05-03T16:45:12.000Z",
        icon: { url16x16: "https://addin.example.com/assets/icon-16.png", title: "Email" },
      },
    });
  });

  it("percent-encodes what a URL can't carry in the Message-ID, '/' and '%' included (RFC 2392)", () => {
    const link = emailRemoteLink(message({ internetMessageId: '<a/b%c d?e#f"g<h>ü@x.example>' }));

    expect(link.object.url).toBe("mid:a%2Fb%25c%20d%3Fe%23f%22g%3Ch%3E%C3%BC@x.example");
    expect(decodeURIComponent(link.object.url.slice(4))).toBe('a/b%c d?e#f"g<h>ü@x.example');
  });

  it('titles an email without a subject "(no subject)" and leaves the icon URL out when none is given', () => {
    const link = emailRemoteLink(message({ subject: "   " }));

    expect(link.object.title).toBe("(no subject)");
    expect(link.object.icon).toEqual({ title: "Email" });
  });

  it("summarises a sender whose name is the address, or who is unknown, and no date", () => {
    const sameName = emailRemoteLink(
      message({ from: { name: "a@x.example", address: "a@x.example" }, sentAt: null })
    );
    const unknown = emailRemoteLink(message({ from: null }));

    expect(sameName.object.summary).toBe("From a@x.example");
    expect(unknown.object.summary).toBe("From an unknown sender, 2026-05-03T16:45:12.000Z");
  });

  it("caps the title at 255 characters", () => {
    expect(emailRemoteLink(message({ subject: "t".repeat(600) })).object.title).toHaveLength(255);
  });

  it("throws no_message_id for an email without a Message-ID", () => {
    expect(() => emailRemoteLink(message({ internetMessageId: "" }))).toThrow(EmailLinkError);
  });
});
