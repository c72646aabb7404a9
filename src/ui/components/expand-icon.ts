import { t } from "../../i18n/translate";

/**
 * The props of a Fluent Combobox's open button, named in the user's language ("Projekt öffnen").
 * Fluent names it "Open" + the field's label in English whatever the language, so every Combobox
 * in the pane passes this as its `expandIcon`.
 */
export function expandIconNamed(listName: string): { "aria-label": string } {
  return { "aria-label": t("common.openList", { name: listName }) };
}
