// Outlook desktop's Word HTML: Office markup removed, Word lines and lists restored.
import { markupOf } from "./support/convert";

describe("Outlook cleanup", () => {
  it("drops Office elements, VML and <o:p>, keeps smart-tag text, makes MsoNormal paragraphs lines", () => {
    const html =
      '<html xmlns:o="urn:schemas-microsoft-com:office:office"><body><div class="WordSection1">' +
      '<p class="MsoNormal">Hi <st1:City>Seattle</st1:City>,<o:p></o:p></p>' +
      '<p class="MsoNormal"><o:p>&nbsp;</o:p></p>' +
      '<p class="MsoNormal"><o:p>&nbsp;</o:p></p>' +
      '<p class="MsoNormal">line one<o:p></o:p></p>' +
      '<p class="MsoNormal">line two<o:p></o:p></p>' +
      '<!--[if gte vml 1]><v:shape><v:imagedata src="cid:x"/></v:shape><![endif]-->' +
      "<w:Sdt>word</w:Sdt><m:oMath>math</m:oMath>" +
      "</div></body></html>";
    expect(markupOf(html)).toBe("Hi Seattle,\n\nline one\nline two");
  });

  it("turns Word's list paragraphs into nested lists", () => {
    const item = (level: number, marker: string, text: string) =>
      `<p class="MsoListParagraph" style="text-indent:-18.0pt;mso-list:l0 level${level} lfo1"><![if !supportLists]><span style="font-family:Symbol"><span style="mso-list:Ignore">${marker}<span style="font:7.0pt &quot;Times New Roman&quot;">&nbsp;&nbsp;&nbsp; </span></span></span><![endif]>${text}<o:p></o:p></p>`;
    const html =
      '<p class="MsoNormal">Intro</p>' +
      item(1, "·", "first") +
      item(2, "o", "sub <b>one</b>") +
      item(2, "o", "sub two") +
      item(1, "·", "second") +
      '<p class="MsoNormal">Then</p>' +
      item(1, "1.", "step one") +
      item(1, "2.", "step two");
    expect(markupOf(html)).toBe(
      "Intro\n\n* first\n** sub *one*\n** sub two\n* second\n\nThen\n\n# step one\n# step two"
    );
  });

  it("leaves no trailing spaces and no runs of blank lines", () => {
    const html = "<p>a&nbsp;</p><p>&nbsp;</p><p>&nbsp;</p><div><br></div><div><br></div><p>b </p>";
    const markup = markupOf(html);
    expect(markup).toBe("a\n\nb");
    expect(markup).not.toMatch(/ $/m);
    expect(markup).not.toMatch(/\n\n\n/);
  });
});
