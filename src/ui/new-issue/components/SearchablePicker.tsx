import { Combobox, Option } from "@fluentui/react-components";
import { useState } from "react";
import { filterChoices } from "../../field-editing/editors/choices";
import { isClearByTyping } from "../../field-editing/editors/SelectEditor";
import type { PickerOption } from "../new-issue-choices";
import { t } from "../../../i18n/translate";
import { expandIconNamed } from "../../components/expand-icon";

export interface SearchablePickerProps {
  /** Undefined while loading (or when loading failed). */
  options: PickerOption[] | undefined;
  /** The chosen option's value ("" for none). */
  value: string;
  placeholder: string;
  /** The Field's label, which also names the list's open button. */
  listName: string;
  disabled: boolean;
  onChange(value: string): void;
}

/**
 * A Fluent Combobox to pick one of many by typing part of its name (arrow keys, Enter, Escape as
 * usual). Put it in a Field: the Field's label names it.
 */
export function SearchablePicker({
  options,
  value,
  placeholder,
  listName,
  disabled,
  onChange,
}: SearchablePickerProps) {
  // What the user typed since the list opened; undefined: show the chosen option's text.
  const [query, setQuery] = useState<string | undefined>(undefined);
  const selected = options?.find((option) => option.value === value);
  // Every typed word, in any order, ignoring case and accents: "sup cust" finds
  // "Customer Support (SUP)".
  const shown = options ? filterChoices(options, query ?? "") : [];

  const handleInput = (event: { target: { value: string } }) => setQuery(event.target.value);
  const handleSelect = optionSelectHandler(setQuery, onChange);
  const handleOpenChange = (_event: unknown, data: { open: boolean }) => {
    if (!data.open) setQuery(undefined);
  };

  return (
    <Combobox
      expandIcon={expandIconNamed(listName)}
      value={query ?? selected?.text ?? ""}
      selectedOptions={selected ? [selected.value] : []}
      placeholder={placeholder}
      disabled={disabled}
      autoComplete="off"
      dir="auto"
      onChange={handleInput}
      onOptionSelect={handleSelect}
      onOpenChange={handleOpenChange}
    >
      {shown.map((option) => (
        <Option key={option.value} value={option.value} text={option.text}>
          {option.text}
        </Option>
      ))}
      {options && shown.length === 0 && (
        <Option key="" value="" text="" disabled>
          {t("newIssue.pickerNoMatch")}
        </Option>
      )}
    </Combobox>
  );
}

/**
 * The picker's onOptionSelect: an option picked becomes the value and ends the search. Fluent also
 * calls it by itself, without an option, as soon as the typed text starts no option's text (it
 * matches from the start only): that keeps the choice and the search being typed, else the input
 * would jump back to the chosen option at the first letter of "support" or "ops".
 */
export function optionSelectHandler(
  setQuery: (query: undefined) => void,
  onChange: (value: string) => void
) {
  return (event: { type: string }, data: { optionValue?: string }) => {
    if (isClearByTyping(event, data)) return;
    setQuery(undefined);
    if (data.optionValue) onChange(data.optionValue);
  };
}
