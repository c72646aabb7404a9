import { formatAddress, formatSentDate, headerBlock } from "../../../src/mail/header-block";
import { mailMessage } from "./support/messages";

describe("headerBlock", () => {
  it("names From, Sent, To, Cc and Subject, then a rule", () => {
    const markup = headerBlock(
      mailMessage({
        cc: [
          { name: "Marco Rossi", address: "marco.rossi@contoso.example" },
          { name: "lena@contoso.example", address: "lena@contoso.example" },
        ],
      }),
      { locale: "en-US", timeZone: "Europe/Berlin" }
    );
    expect(markup).toBe(
      [
        "*From:* Chris Young <chris.young@fabrikam.example>",
        "*Sent:* Friday, June 7, 2024 at 4:02 PM",
        "*To:* Support <support@contoso.example>",
        "*Cc:* Marco Rossi <marco.rossi@contoso.example>; lena@contoso.example",
        "*Subject:* VPN drops every hour",
        "----",
      ].join("\n")
    );
  });

  it("leaves Cc out when there is none, and formats the date in the given locale and zone", () => {
    const markup = headerBlock(mailMessage(), { locale: "de-DE", timeZone: "Asia/Tokyo" });
    expect(markup).not.toContain("Cc:");
    expect(markup).toContain("*Sent:* Freitag, 7. Juni 2024 um 23:02");
  });

  it("leaves out lines without a value", () => {
    const markup = headerBlock(mailMessage({ from: null, sentAt: null, subject: "" }), {
      locale: "en-US",
    });
    expect(markup).toBe("*To:* Support <support@contoso.example>\n----");
  });

  it("escapes names, addresses and the subject so they can't become markup", () => {
    const markup = headerBlock(
      mailMessage({
        from: { name: "[evil|javascript:alert(1)]", address: "*x*@example.com" },
        to: [{ name: "{color:red}Boss{color}", address: "boss@example.com" }],
        subject: "Invoice\nh1. !https://tracker.example/p.gif!",
      }),
      { locale: "en-US", timeZone: "UTC" }
    );
    expect(markup.split("\n")).toEqual([
      "*From:* \\[evil\\|javascript:alert(1)\\] <\\*x*@example.com>",
      "*Sent:* Friday, June 7, 2024 at 2:02 PM",
      "*To:* \\{color:red\\}Boss\\{color\\} <boss@example.com>",
      "*Subject:* Invoice h1. \\!https://tracker.example/p.gif!",
      "----",
    ]);
  });

  it("drops zero-width and bidi control characters from names, addresses and the subject", () => {
    const markup = headerBlock(
      mailMessage({
        from: {
          name: "Bob\u202Eexe.pdf\u202C \u200BAdmin\uFEFF",
          address: "bob@\u200Bexample.com",
        },
        to: [{ name: "\u2066Support\u2069", address: "support@contoso.example" }],
        subject: "\u200BInvoice\u202Efdp.exe\u200F \u2067overdue\u2069",
      }),
      { locale: "en-US", timeZone: "UTC" }
    );
    expect(markup.split("\n")).toEqual([
      "*From:* Bobexe.pdf Admin <bob@example.com>",
      "*Sent:* Friday, June 7, 2024 at 2:02 PM",
      "*To:* Support <support@contoso.example>",
      "*Subject:* Invoicefdp.exe overdue",
      "----",
    ]);
    expect(markup).not.toMatch(/[\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/u);
  });

  it("escapes a doubled delimiter in the subject so it reads literally in Jira", () => {
    const markup = headerBlock(mailMessage({ subject: "Crash in __init__ and **x**" }), {
      locale: "en-US",
    });
    expect(markup).toContain("*Subject:* Crash in \\_\\_init__ and \\*\\*x**");
  });
});

describe("formatAddress", () => {
  it("shows the address alone when there is no distinct name", () => {
    expect(formatAddress({ name: "", address: "a@b.example" })).toBe("a@b.example");
    expect(formatAddress({ name: "A@B.example", address: "a@b.example" })).toBe("a@b.example");
    expect(formatAddress({ name: "Ann", address: "" })).toBe("Ann");
  });

  it("compares and shows name and address without invisible characters", () => {
    expect(formatAddress({ name: "a@b\u200B.example", address: "a@b.example" })).toBe(
      "a@b.example"
    );
    expect(formatAddress({ name: "\u202EAnn\u202C", address: " ann@\u200Bb.example" })).toBe(
      "Ann <ann@b.example>"
    );
  });
});

describe("formatSentDate", () => {
  const date = new Date("2024-06-07T14:02:00Z");

  it("falls back to the runtime's locale for an unknown locale", () => {
    expect(formatSentDate(date, { locale: "not a locale!", timeZone: "UTC" })).toBe(
      new Intl.DateTimeFormat(undefined, {
        dateStyle: "full",
        timeStyle: "short",
        timeZone: "UTC",
      }).format(date)
    );
  });

  it("falls back to the runtime's time zone for an unknown one", () => {
    expect(formatSentDate(date, { locale: "en-US", timeZone: "Mars/Olympus" })).toBe(
      new Intl.DateTimeFormat(undefined, { dateStyle: "full", timeStyle: "short" }).format(date)
    );
  });

  it("gives nothing for an invalid date", () => {
    expect(formatSentDate(new Date(Number.NaN), { locale: "en-US" })).toBe("");
  });
});
