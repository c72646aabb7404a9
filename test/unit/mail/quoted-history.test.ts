// Cutting the quoted history from HTML, per mail client: the separator and everything after it in
// document order goes, everything before it stays.
import { markupOf } from "./support/convert";

const cut = (html: string): string => markupOf(html, { cutQuotedHistory: true });

describe("cutting the quoted history from HTML", () => {
  it.each([
    [
      "Outlook desktop (border-top block)",
      '<div class="WordSection1"><p class="MsoNormal">Answer<o:p></o:p></p><div><div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm"><p class="MsoNormal"><b>From:</b> Sam<br><b>Sent:</b> Monday<br><b>To:</b> Chris<br><b>Subject:</b> RE: x</p></div></div><p class="MsoNormal">old</p></div>',
    ],
    [
      "Outlook desktop in German",
      '<p class="MsoNormal">Answer</p><div style="border:none;border-top:solid #B5C4DF 1.0pt"><p class="MsoNormal"><b>Von:</b> Sam<br><b>Gesendet:</b> Montag, 10. Juni 2024 09:02<br><b>An:</b> Chris<br><b>Betreff:</b> AW: x</p></div><p class="MsoNormal">alt</p>',
    ],
    [
      "Outlook desktop in French",
      '<p class="MsoNormal">Answer</p><div style="border-top:solid #E1E1E1 1.0pt"><p class="MsoNormal"><b>De&nbsp;:</b> Sam<br><b>Envoyé&nbsp;:</b> lundi<br><b>À&nbsp;:</b> Chris<br><b>Objet&nbsp;:</b> RE: x</p></div><p>ancien</p>',
    ],
    [
      "Outlook desktop in Italian",
      '<p class="MsoNormal">Answer</p><div style="border-top:solid #E1E1E1 1.0pt"><p class="MsoNormal"><b>Da:</b> Sam<br><b>Inviato:</b> lunedì<br><b>A:</b> Chris<br><b>Oggetto:</b> R: x</p></div><p>vecchio</p>',
    ],
    [
      "Outlook desktop in Dutch",
      '<p class="MsoNormal">Answer</p><div style="border-top:solid #E1E1E1 1.0pt"><p class="MsoNormal"><b>Van:</b> Sam<br><b>Verzonden:</b> maandag<br><b>Aan:</b> Chris<br><b>Onderwerp:</b> RE: x</p></div><p>oud</p>',
    ],
    [
      "older Outlook (Original Message)",
      '<p class="MsoNormal">Answer</p><p class="MsoNormal">-----Original Message-----<br>From: Sam<br>Sent: Monday</p><p>old</p>',
    ],
    [
      "Outlook on the web (appendonsend, hr, divRplyFwdMsg)",
      '<div>Answer</div><div id="appendonsend"></div><hr style="display:inline-block;width:98%" tabindex="-1"><div id="divRplyFwdMsg" dir="ltr"><b>From:</b> Sam</div><div>old</div>',
    ],
    [
      "Outlook on the web, quoted once more (x_divRplyFwdMsg)",
      '<div>Answer</div><div id="x_divRplyFwdMsg"><b>From:</b> Sam</div><div>old</div>',
    ],
    [
      "new Outlook for Mac",
      '<div>Answer</div><div id="mail-editor-reference-message-container"><div>From: Sam</div><div>old</div></div>',
    ],
    ["Hotmail (hr#stopSpelling)", '<div>Answer</div><hr id="stopSpelling"><div>old</div>'],
    [
      "Gmail (gmail_quote)",
      '<div dir="ltr">Answer</div><br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">On Mon, Sam wrote:<br></div><blockquote class="gmail_quote">old</blockquote></div>',
    ],
    [
      "Gmail, quoted by Outlook (x_gmail_quote)",
      '<div>Answer</div><div class="x_gmail_quote">On Mon, Sam wrote:<blockquote>old</blockquote></div>',
    ],
    [
      "Apple Mail (attribution inside the cite)",
      '<div>Answer</div><div><br><blockquote type="cite"><div>On 10 Jun 2024, at 09:02, Sam &lt;sam@x&gt; wrote:</div><br class="Apple-interchange-newline"><div>old</div></blockquote></div>',
    ],
    [
      "Apple Mail (attribution before the cite)",
      '<div>Answer</div><div>On 10 Jun 2024, at 09:02, Sam &lt;sam@x&gt; wrote:<br><br><blockquote type="cite"><div>old</div></blockquote></div>',
    ],
    [
      "Thunderbird (moz-cite-prefix)",
      '<p>Answer</p><div class="moz-cite-prefix">On 10.06.24 09:02, Sam wrote:<br></div><blockquote type="cite">old</blockquote>',
    ],
    [
      "Yahoo (yahoo_quoted)",
      '<div>Answer</div><div class="yahoo_quoted"><div>On Monday, Sam wrote:</div><div>old</div></div>',
    ],
    [
      "an On … wrote: line before a plain blockquote",
      "<div>Answer</div><div>Le lun. 10 juin 2024 à 09:02, Sam &lt;sam@x&gt; a écrit :</div><blockquote>old</blockquote>",
    ],
  ])("%s", (_client, html) => {
    expect(cut(html)).toBe("Answer");
    const kept = markupOf(html);
    expect(kept.startsWith("Answer")).toBe(true);
    expect(kept).toMatch(/\b(?:old|alt|ancien|vecchio|oud)\b/);
  });

  it("cuts at the first separator and keeps everything before it, at any depth", () => {
    const html =
      '<div><div><p>First</p><div><p>Second</p><div class="gmail_quote">old<div>older</div></div><p>after the quote</p></div></div><p>outside</p></div><div id="divRplyFwdMsg">later</div>';
    expect(cut(html)).toBe("First\n\nSecond");
  });

  it("keeps a blockquote that is not a reply (Gmail's indent)", () => {
    expect(
      cut('<div>Answer</div><blockquote style="margin:0 0 0 40px">indented</blockquote>')
    ).toBe("Answer\n\n{quote}\nindented\n{quote}");
  });

  it("keeps a paragraph that merely starts with From:", () => {
    expect(cut("<p>From: the logs I saw, the job failed.</p><p>Sent: nothing</p>")).toBe(
      "From: the logs I saw, the job failed.\n\nSent: nothing"
    );
  });

  it("leaves the email alone when there is no history", () => {
    expect(cut("<p>Just a message.</p>")).toBe("Just a message.");
  });
});
