/**
 * The choices of a select or multi-select as the editors list them, and the filter a searchable
 * list applies to them (the New issue form's Project and Issue type pickers search the same way).
 * Plain functions, so the rules run in Node tests.
 */
import type { EditableField } from "../field-form-types";
import { allowedValueText, offeredValues } from "../field-kinds";

/** One choice: the id Jira takes back, the text it shows. */
export interface Choice {
  id: string;
  text: string;
}

/** Above this many choices, a single select becomes a searchable combobox. */
export const SEARCHABLE_ABOVE = 10;
/** Up to this many choices, a multi-select is a group of checkboxes. */
export const CHECKBOXES_UP_TO = 6;

/** The choices Jira still offers for the field, in its order. */
export function choicesOf(editable: EditableField): Choice[] {
  return offeredValues(editable.field).map((value) => ({
    id: value.id as string,
    text: allowedValueText(value),
  }));
}

// Case- and accent-insensitive: "zur" finds "Zürich".
const folded = (text: string) =>
  text
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLocaleLowerCase();

/** The choices whose text contains every word of `query` (all of them for a blank query). */
export function filterChoices<C extends { text: string }>(
  choices: readonly C[],
  query: string
): C[] {
  const words = folded(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...choices];
  return choices.filter((choice) => {
    const text = folded(choice.text);
    return words.every((word) => text.includes(word));
  });
}

/** The text of the choice with `id` (the id itself for one Jira no longer offers). */
export function choiceText(choices: readonly Choice[], id: string): string {
  return choices.find((choice) => choice.id === id)?.text ?? id;
}
