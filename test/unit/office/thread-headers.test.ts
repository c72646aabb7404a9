/**
 * Reading In-Reply-To, References and Thread-Topic out of the header section Outlook gives
 * (getAllInternetHeadersAsync): folding, comments, obsolete forms, encoded words, bounds.
 */
import {
  MAX_THREAD_IDS,
  messageIdsIn,
  parseThreadHeaders,
  readThreadHeadersFrom,
} from "../../../src/office/thread-headers";

const CRLF = "\r\n";
const headerSection = (...lines: string[]) => lines.join(CRLF) + CRLF;

describe("messageIdsIn", () => {
  it.each([
    ["<a@b>", ["a@b"]],
    ["  <a@b>  ", ["a@b"]],
    ["<a@b> <c@d>", ["a@b", "c@d"]],
    ["<a@b><c@d>", ["a@b", "c@d"]],
    ["<a@b>,<c@d>", ["a@b", "c@d"]],
    ["<a@b>\r\n <c@d>\r\n\t<e@f>", ["a@b", "c@d", "e@f"]],
    // Comments, nested and with quoted pairs, are skipped with what they hold.
    ["<a@b> (Chris's message of Mon, 10 Jun <x@y>)", ["a@b"]],
    ["(note (nested <x@y>) \\) still) <a@b>", ["a@b"]],
    // The obsolete In-Reply-To form: a phrase and an id (RFC 5322 §4.5.4).
    ['"Chris <x@y>" <a@b>', ["a@b"]],
    ['Your message of "Mon, 10 Jun" <a@b>', ["a@b"]],
    // Whitespace inside brackets (folding by a broken mailer) is dropped.
    ["<long-id.2024\r\n @host.example>", ["long-id.2024@host.example"]],
    // No brackets at all (some mailers): the words with an "@".
    ["a@b c@d plain", ["a@b", "c@d"]],
    ["<>", []],
    ["", []],
    ["no ids here", []],
    ["(only a comment <a@b>)", []],
    ["<unclosed@id", ["unclosed@id"]],
  ])("%p → %p", (value, expected) => {
    expect(messageIdsIn(value)).toEqual(expected);
  });

  it("drops an id longer than a header line may be", () => {
    expect(messageIdsIn(`<${"x".repeat(999)}@h> <ok@h>`)).toEqual(["ok@h"]);
  });
});

describe("parseThreadHeaders", () => {
  it("reads folded References, In-Reply-To and Thread-Topic, names in any case", () => {
    const raw = headerSection(
      "Received: from mail.fabrikam.example (10.0.0.1) by mx.contoso.example;",
      " Mon, 10 Jun 2024 08:30:46 +0200",
      "Message-ID: <SUP2-reply-3.20240610@mail.fabrikam.example>",
      "in-reply-to: <SUP2-reply-2.20240607@mail.contoso.example>",
      "REFERENCES: <SUP2-original.20240607@mail.fabrikam.example>",
      " <SUP2-reply-2.20240607@mail.contoso.example>",
      "Thread-Topic: [SUP-2] VPN drops",
      "\tevery hour",
      "Subject: RE: [SUP-2] VPN drops every hour"
    );
    expect(parseThreadHeaders(raw)).toEqual({
      inReplyTo: ["SUP2-reply-2.20240607@mail.contoso.example"],
      references: [
        "SUP2-original.20240607@mail.fabrikam.example",
        "SUP2-reply-2.20240607@mail.contoso.example",
      ],
      threadTopic: "[SUP-2] VPN drops every hour",
    });
  });

  it("gives empty lists and no topic when the headers have none (LF line ends too)", () => {
    expect(parseThreadHeaders("Subject: hello\nFrom: a@b\n")).toEqual({
      inReplyTo: [],
      references: [],
    });
    expect(parseThreadHeaders("")).toEqual({ inReplyTo: [], references: [] });
    expect(parseThreadHeaders("Thread-Topic:   \r\n")).toEqual({ inReplyTo: [], references: [] });
  });

  it("ignores header names that only start or end like the wanted ones", () => {
    const raw = headerSection(
      "X-References: <x@y>",
      "In-Reply-To-Extra: <x@y>",
      "Thread-Topic-Note: x",
      "not a header line",
      "References <no-colon@y>"
    );
    expect(parseThreadHeaders(raw)).toEqual({ inReplyTo: [], references: [] });
  });

  it("takes the first of a repeated field, and stops at the blank line ending the headers", () => {
    const raw = headerSection(
      "In-Reply-To: <first@x>",
      "In-Reply-To: <second@x>",
      "",
      "References: <in-the-body@x>"
    );
    expect(parseThreadHeaders(raw)).toEqual({ inReplyTo: ["first@x"], references: [] });
  });

  it(`keeps at most ${MAX_THREAD_IDS} references: the first and the newest`, () => {
    const ids = Array.from({ length: 250 }, (_, i) => `<id-${i}@x>`);
    const { references } = parseThreadHeaders(headerSection(`References: ${ids.join("\r\n ")}`));
    expect(references).toHaveLength(MAX_THREAD_IDS);
    expect(references[0]).toBe("id-0@x");
    expect(references[1]).toBe(`id-${250 - (MAX_THREAD_IDS - 1)}@x`);
    expect(references.at(-1)).toBe("id-249@x");
  });

  it("decodes the topic with the decoder given, only when it holds an encoded word", () => {
    const decoded: string[] = [];
    const decodeWords = (text: string) => {
      decoded.push(text);
      return "Ärger mit SUP-2";
    };
    const encoded = headerSection("Thread-Topic: =?utf-8?B?w4RyZ2VyIG1pdCBTVVAtMg==?=");
    expect(parseThreadHeaders(encoded).threadTopic).toBe("=?utf-8?B?w4RyZ2VyIG1pdCBTVVAtMg==?=");
    expect(parseThreadHeaders(encoded, decodeWords).threadTopic).toBe("Ärger mit SUP-2");
    expect(parseThreadHeaders(headerSection("Thread-Topic: plain"), decodeWords).threadTopic).toBe(
      "plain"
    );
    expect(decoded).toEqual([" =?utf-8?B?w4RyZ2VyIG1pdCBTVVAtMg==?="]);
  });
});

describe("readThreadHeadersFrom: encoded words (RFC 2047) decoded by postal-mime", () => {
  it.each([
    ["B, UTF-8", "=?utf-8?B?w4RyZ2VyIG1pdCBTVVAtMg==?=", "Ärger mit SUP-2"],
    ["Q, ISO-8859-1", "=?ISO-8859-1?Q?=C4rger_mit_SUP-2?=", "Ärger mit SUP-2"],
    [
      "folded adjacent words",
      "=?UTF-8?Q?Caf=C3=A9_?=\r\n =?UTF-8?Q?SUP-2?= plain",
      "Café SUP-2 plain",
    ],
    ["plain text with =?", "a=?b SUP-2", "a=?b SUP-2"],
  ])("%s", async (_what, topic, expected) => {
    const headers = await readThreadHeadersFrom(headerSection(`Thread-Topic: ${topic}`));
    expect(headers.threadTopic).toBe(expected);
  });

  it("reads a header section without encoded words as it is", async () => {
    await expect(
      readThreadHeadersFrom(headerSection("In-Reply-To: <a@b>", "Thread-Topic: plain"))
    ).resolves.toEqual({ inReplyTo: ["a@b"], references: [], threadTopic: "plain" });
  });
});
