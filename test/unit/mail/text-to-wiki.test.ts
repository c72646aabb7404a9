import { historyStart, textToWiki } from "../../../src/mail/text-to-wiki";

const keep = { cutQuotedHistory: false };
const cut = { cutQuotedHistory: true };

describe("textToWiki", () => {
  it("keeps line breaks and blank-line paragraphs, and no more than one blank line", () => {
    expect(textToWiki("Hi,\r\n\r\n\r\n\r\nline one\nline two  \n\n", keep)).toBe(
      "Hi,\n\nline one\nline two"
    );
  });

  it("escapes markup so the text stays text", () => {
    expect(
      textToWiki("* not a list\nh1. not a heading\n[link|javascript:x] {color:red} *b*\n----", keep)
    ).toBe(
      "\\* not a list\nh1&#46; not a heading\n\\[link\\|javascript:x\\] \\{color:red\\} \\*b*\n\\----"
    );
  });

  it("turns quoted runs into {quote} blocks when not cutting", () => {
    expect(
      textToWiki("My answer.\n\nOn Mon, Sam wrote:\n> question *one*\n>> older\n\nBye", keep)
    ).toBe("My answer.\n\nOn Mon, Sam wrote:\n{quote}\nquestion \\*one*\nolder\n{quote}\n\nBye");
  });

  it("removes control characters and turns no-break spaces into spaces", () => {
    expect(textToWiki("a\u0001b\u00A0c", keep)).toBe("ab c");
  });
});

describe("textToWiki cutting the quoted history", () => {
  it.each([
    [
      "Outlook's Original Message separator",
      "Fixed, thanks.\n\n-----Original Message-----\nFrom: Sam\nSent: Monday\nSubject: x\n\nold",
      "Fixed, thanks.",
    ],
    [
      "Outlook's From/Sent block under an underscore rule",
      "Fixed.\n\n________________________________\nFrom: Sam Ortiz <sam@contoso.example>\nSent: Friday, June 7, 2024 4:02 PM\nTo: Chris\nSubject: RE: VPN\n\nold text",
      "Fixed.",
    ],
    [
      "a German header block",
      "Erledigt.\n\nVon: Sam Ortiz\nGesendet: Freitag, 7. Juni 2024 16:02\nAn: Chris\nBetreff: AW: VPN\n\nalt",
      "Erledigt.",
    ],
    [
      "a French header block",
      "Corrigé.\n\nDe : Sam Ortiz\nEnvoyé : vendredi 7 juin 2024 16:02\nÀ : Chris\nObjet : RE: VPN\n\nancien",
      "Corrigé.",
    ],
    [
      "an Italian header block",
      "Risolto.\nDa: Sam Ortiz\nInviato: venerdì 7 giugno 2024 16:02\nA: Chris\nOggetto: R: VPN",
      "Risolto.",
    ],
    [
      "a Dutch header block",
      "Opgelost.\nVan: Sam Ortiz\nVerzonden: vrijdag 7 juni 2024 16:02\nAan: Chris\nOnderwerp: RE: VPN",
      "Opgelost.",
    ],
    [
      "an On … wrote: line followed by quotes",
      "Yes, that works.\n\nOn Mon, 10 Jun 2024 at 09:02, Sam Ortiz <sam@contoso.example> wrote:\n\n> Does it work?\n> Sam",
      "Yes, that works.",
    ],
    [
      "an On … wrote: line wrapped over two lines",
      "Yes.\n\nOn Mon, 10 Jun 2024 at 09:02, Sam Ortiz <\nsam@contoso.example> wrote:\n> Does it work?",
      "Yes.",
    ],
    [
      "a German Am … schrieb …: line",
      "Ja.\n\nAm Mo., 10. Juni 2024 um 09:02 Uhr schrieb Sam Ortiz <sam@contoso.example>:\n> Geht es?",
      "Ja.",
    ],
    ["a trailing quote block", "Agreed.\n\n> earlier text\n>\n> more", "Agreed."],
  ])("cuts at %s", (_name, text, expected) => {
    expect(textToWiki(text, cut)).toBe(expected);
  });

  it.each([
    ["a From: line without a Sent: line", "From: the logs I can see\nthe job failed."],
    ["an On … wrote: line without quotes after it", "On Monday Sam wrote:\nthe fix is live."],
    ["quotes followed by an answer are kept as quotes", "> question\nanswer"],
  ])("keeps %s", (_name, text) => {
    expect(historyStart(text.split("\n"))).toBe(text.split("\n").length);
  });

  it("keeps the inline quote as {quote} when the answer follows it", () => {
    expect(textToWiki("> question\nanswer", cut)).toBe("{quote}\nquestion\n{quote}\nanswer");
  });
});
