// Word list paragraphs whose levels go above where the run started.
import { markupOf } from "./support/convert";

function item(level: number, marker: string, text: string): string {
  return (
    `<p class="MsoListParagraph" style="text-indent:-18.0pt;mso-list:l0 level${level} lfo1">` +
    `<![if !supportLists]><span style="mso-list:Ignore">${marker}<span>&nbsp;&nbsp;</span></span>` +
    `<![endif]>${text}<o:p></o:p></p>`
  );
}

describe("Word lists", () => {
  it("keeps every item of a run that starts deeper than it goes on", () => {
    const html =
      '<p class="MsoNormal">Intro</p>' +
      item(2, "o", "deep first") +
      item(1, "·", "top") +
      item(2, "o", "sub") +
      item(1, "·", "top two") +
      '<p class="MsoNormal">After</p>';
    expect(markupOf(html)).toBe("Intro\n\n* deep first\n\n* top\n** sub\n* top two\n\nAfter");
  });
});
