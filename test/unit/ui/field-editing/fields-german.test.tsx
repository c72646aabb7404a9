/**
 * The create-screen field editors in German (Office's display language de-DE): the checks' messages
 * name Jira's field names as Jira gives them, and the controls' placeholders, hints and tag names
 * are German.
 */
import { activateLanguage } from "../../../../src/i18n/translate";
import { CreateMetaFields } from "../../../../src/ui/field-editing/CreateMetaFields";
import type { CreateScreen } from "../../../../src/ui/field-editing/field-form-types";
import { validateFieldValues } from "../../../../src/ui/field-editing/field-values";
import { createUserSearchRunner } from "../../../../src/ui/field-editing/editors/user-search-runner";
import { everyKindScreen } from "./create-meta-fixtures";
import { all, controlOf, fieldOf, renderDocument } from "./render-markup";

const noop = () => undefined;

beforeEach(async () => {
  await activateLanguage("de-DE");
});

afterEach(async () => {
  await activateLanguage("en-US");
});

/** Every field of `screen` shown at once (as if each were a common one). */
function allProminent(screen: CreateScreen): CreateScreen {
  return { ...screen, editable: screen.editable.map((field) => ({ ...field, prominent: true })) };
}

describe("the field checks in German", () => {
  it("name the fix, with the field's name as Jira gives it", () => {
    expect(validateFieldValues(everyKindScreen(true), {})).toMatchObject({
      customfield_1: "Geben Sie einen Wert für Reference ein.",
      customfield_6: "Wählen Sie einen Wert für Impact aus.",
    });
    expect(
      validateFieldValues(everyKindScreen(), {
        customfield_1: { type: "text", value: "x".repeat(1256) },
        customfield_3: { type: "text", value: "zwölf" },
        customfield_4: { type: "text", value: "31.03.2026" },
        customfield_8: { type: "labels", labels: ["two words"] },
      })
    ).toEqual({
      customfield_1: "Reference darf höchstens 255 Zeichen haben (es sind 1.256).",
      customfield_3: "Affected Users muss eine Zahl sein.",
      customfield_4: "Incident Date muss ein Datum sein (JJJJ-MM-TT).",
      customfield_8: "Stichwörter dürfen keine Leerzeichen enthalten.",
    });
  });

  it("say in German that the user search failed, with the reason", async () => {
    const runner = createUserSearchRunner({ setTimer: (run) => run(), clearTimer: noop });
    runner.type("jo", () => Promise.reject(new Error("Jira is down")));
    await new Promise((resolve) => setImmediate(resolve));
    expect(runner.getState()).toEqual({
      status: "failed",
      query: "jo",
      message: "Die Benutzersuche ist fehlgeschlagen: Jira is down",
    });
  });
});

describe("the field editors in German", () => {
  it("show German placeholders, hints and tag names, and Jira's names as they are", () => {
    const { doc } = renderDocument(
      <CreateMetaFields
        screen={allProminent(everyKindScreen())}
        values={{
          customfield_7: { type: "ids", ids: ["20000", "20001"] },
          customfield_8: { type: "labels", labels: ["vpn"] },
        }}
        problems={{}}
        disabled={false}
        onChange={noop}
        searchUsers={async () => []}
      />
    );
    expect(controlOf(doc, "Impact").textContent).toContain("Keine");
    expect(controlOf(doc, "Systems").getAttribute("placeholder")).toBe(
      "2 ausgewählt; zum Suchen tippen"
    );
    expect(controlOf(doc, "Contact").getAttribute("placeholder")).toBe(
      "Zum Suchen einen Namen eingeben"
    );
    expect(controlOf(doc, "Tags").getAttribute("placeholder")).toBe(
      "Weiteres Stichwort hinzufügen"
    );
    expect(fieldOf(doc, "Tags").textContent).toContain(
      "Die Eingabetaste, ein Komma oder ein Leerzeichen fügt das Stichwort hinzu."
    );
    const groups = all(doc, '[role="group"]').map((group) => group.getAttribute("aria-label"));
    expect(groups).toEqual(expect.arrayContaining(["Systems: ausgewählt", "Tags: ausgewählt"]));
    expect(all(doc, "[aria-label]").map((tag) => tag.getAttribute("aria-label"))).toContain(
      "vpn entfernen"
    );
  });
});
