import { Combobox, Dropdown, Option } from "@fluentui/react-components";
import type { ChangeEvent } from "react";
import { useState } from "react";
import type { EditableField } from "../field-form-types";
import { ChoiceOptions, NO_MATCH } from "./ChoiceOptions";
import type { Choice } from "./choices";
import { SEARCHABLE_ABOVE, choiceText, choicesOf, filterChoices } from "./choices";
import type { EditorProps, IdsValue } from "./editor-props";
import { t } from "../../../i18n/translate";
import { expandIconNamed } from "../../components/expand-icon";

/** The value of the "None" choice. */
const NONE = "";

/**
 * "None" is offered for an optional field without a default. Left out, a field with a default
 * gets that default from Jira, so a "None" there would not do what it says.
 */
export function offersNone(editable: EditableField): boolean {
  return !editable.required && editable.field.hasDefaultValue !== true;
}

/**
 * True for the unselect Fluent's combobox does by itself when the typed text no longer starts
 * like the chosen option (a change event, no option): searching must not lose the choice.
 */
export function isClearByTyping(event: { type: string }, data: { optionValue?: string }): boolean {
  return data.optionValue === undefined && event.type === "change";
}

interface ChoiceProps extends EditorProps<IdsValue> {
  choices: Choice[];
}

const chosen = (id: string | undefined): IdsValue | undefined =>
  id ? { type: "ids", ids: [id] } : undefined;

/** A short list: a dropdown, type-ahead by first letters like a native select. */
function DropdownSelect({ editable, value, disabled, onChange, choices }: ChoiceProps) {
  const selectedId = value?.ids[0];
  const none = offersNone(editable);
  const handleSelect = (_event: unknown, data: { optionValue?: string }) =>
    onChange(chosen(data.optionValue));
  return (
    <Dropdown
      value={selectedId ? choiceText(choices, selectedId) : ""}
      selectedOptions={selectedId ? [selectedId] : none ? [NONE] : []}
      placeholder={none ? t("fields.none") : t("fields.choose")}
      disabled={disabled}
      onOptionSelect={handleSelect}
    >
      {none && <Option value={NONE}>{t("fields.none")}</Option>}
      {choices.map((choice) => (
        <Option key={choice.id} value={choice.id}>
          {choice.text}
        </Option>
      ))}
    </Dropdown>
  );
}

/** A long list: a combobox whose typed text filters the choices. */
function SearchableSelect({ editable, value, disabled, onChange, choices }: ChoiceProps) {
  // undefined: not searching, the input shows the chosen option.
  const [query, setQuery] = useState<string | undefined>(undefined);
  const selectedId = value?.ids[0];
  const none = offersNone(editable) && !query?.trim();
  const shown = filterChoices(choices, query ?? "");
  const handleInput = (event: ChangeEvent<HTMLInputElement>) => setQuery(event.target.value);
  const handleSelect = (event: { type: string }, data: { optionValue?: string }) => {
    // Fluent unselects while the typed text matches no option: the choice stays until another.
    if (isClearByTyping(event, data)) return;
    setQuery(undefined);
    if (data.optionValue !== NO_MATCH) onChange(chosen(data.optionValue));
  };
  const handleOpenChange = (_event: unknown, data: { open: boolean }) => {
    if (!data.open) setQuery(undefined);
  };
  return (
    <Combobox
      expandIcon={expandIconNamed(editable.field.name)}
      value={query ?? (selectedId ? choiceText(choices, selectedId) : "")}
      selectedOptions={selectedId ? [selectedId] : none ? [NONE] : []}
      placeholder={none ? t("fields.noneTypeToSearch") : t("fields.typeToSearch")}
      disabled={disabled}
      onChange={handleInput}
      onOptionSelect={handleSelect}
      onOpenChange={handleOpenChange}
    >
      {none && <Option value={NONE}>{t("fields.none")}</Option>}
      <ChoiceOptions shown={shown} />
    </Combobox>
  );
}

/**
 * One choice among Jira's allowed values (select, radio buttons, priority, security level): a
 * dropdown, or a searchable combobox above {@link SEARCHABLE_ABOVE} choices.
 */
export function SelectEditor(props: EditorProps<IdsValue>) {
  const choices = choicesOf(props.editable);
  return choices.length > SEARCHABLE_ABOVE ? (
    <SearchableSelect {...props} choices={choices} />
  ) : (
    <DropdownSelect {...props} choices={choices} />
  );
}
