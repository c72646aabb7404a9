/**
 * The create-screen field checks in French (Office's display language fr-FR): the messages name
 * Jira's field names as Jira gives them, and a field name may be of either gender in French
 * ("Référence", "Environnement"), so no message refers back to it with "il" or "elle".
 */
import { activateLanguage } from "../../../../src/i18n/translate";
import { validateFieldValues } from "../../../../src/ui/field-editing/field-values";
import { everyKindScreen } from "./create-meta-fixtures";

/** How French groups thousands (a narrow no-break space), as Intl writes it. */
const THOUSAND_256 = new Intl.NumberFormat("fr-FR").format(1256);

beforeEach(async () => {
  await activateLanguage("fr-FR");
});

afterEach(async () => {
  await activateLanguage("en-US");
});

describe("the field checks in French", () => {
  it("name the fix, with the field's name as Jira gives it and no pronoun for it", () => {
    expect(validateFieldValues(everyKindScreen(true), {})).toMatchObject({
      customfield_1: "Renseignez Reference.",
      customfield_6: "Choisissez une valeur pour Impact.",
    });
    const problems = validateFieldValues(everyKindScreen(), {
      customfield_1: { type: "text", value: "x".repeat(1256) },
      customfield_3: { type: "text", value: "douze" },
      customfield_4: { type: "text", value: "31/03/2026" },
    });
    expect(problems).toEqual({
      customfield_1: `Reference peut compter au plus 255 caractères (${THOUSAND_256} actuellement).`,
      customfield_3: "Affected Users doit être un nombre.",
      customfield_4: "Incident Date doit être une date (AAAA-MM-JJ).",
    });
    expect(Object.values(problems).join(" ")).not.toMatch(/\b(il|elle) en compte\b/);
  });
});
