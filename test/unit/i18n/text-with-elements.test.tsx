/**
 * A translated sentence with elements in it: the elements land where the message's marks are,
 * in order, and a list of marks is joined as the active locale joins lists.
 */
import { renderToStaticMarkup } from "react-dom/server";
import { activateLanguage } from "../../../src/i18n/translate";
import { ELEMENT_MARK, listOfMarks, withElements } from "../../../src/i18n/text-with-elements";

const html = (text: string, count: number) =>
  renderToStaticMarkup(
    <p>
      {withElements(
        text,
        Array.from({ length: count }, (_, index) => <b key={index}>{`K-${index + 1}`}</b>)
      )}
    </p>
  );

describe("withElements", () => {
  it("puts each element where its mark is, in order, the text around kept as text", () => {
    expect(html(`Linked to ${ELEMENT_MARK}, ${ELEMENT_MARK}`, 2)).toBe(
      "<p>Linked to <b>K-1</b>, <b>K-2</b></p>"
    );
    expect(html(`${ELEMENT_MARK} <i>hinzugefügt</i>`, 1)).toBe(
      "<p><b>K-1</b> &lt;i&gt;hinzugefügt&lt;/i&gt;</p>"
    );
  });

  it("gives the text alone when it has no mark, and leaves out a mark without an element", () => {
    expect(html("Nothing to link", 1)).toBe("<p>Nothing to link</p>");
    expect(html(`A ${ELEMENT_MARK} and ${ELEMENT_MARK}`, 1)).toBe("<p>A <b>K-1</b> and </p>");
  });
});

describe("listOfMarks", () => {
  afterEach(async () => {
    await activateLanguage("en-US");
  });

  it("joins the marks as the locale joins a list of names", async () => {
    const shown = (count: number) => listOfMarks(count).replaceAll(ELEMENT_MARK, "■");
    expect(shown(1)).toBe("■");
    expect(shown(3)).toBe("■, ■, and ■");
    await activateLanguage("de-DE");
    expect(shown(3)).toBe("■, ■ und ■");
    await activateLanguage("fr-FR");
    expect(shown(2)).toBe("■ et ■");
  });
});
