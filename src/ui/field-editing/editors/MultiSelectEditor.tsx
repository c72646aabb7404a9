import {
  Checkbox,
  Combobox,
  FieldContextProvider,
  makeStyles,
  tokens,
  useFieldContext_unstable,
} from "@fluentui/react-components";
import type { ChangeEvent } from "react";
import { useRef, useState } from "react";
import { ChoiceOptions } from "./ChoiceOptions";
import type { Choice } from "./choices";
import { CHECKBOXES_UP_TO, choiceText, choicesOf, filterChoices } from "./choices";
import { ChosenTags } from "./ChosenTags";
import type { EditorProps, IdsValue } from "./editor-props";
import { t } from "../../../i18n/translate";
import { expandIconNamed } from "../../components/expand-icon";

const useStyles = makeStyles({
  group: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  searchable: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
});

interface ChoiceProps extends EditorProps<IdsValue> {
  choices: Choice[];
}

/**
 * The chosen ids, keeping only choices Jira still offers: any change drops an option it no longer
 * offers (there is nothing on screen to untick it by).
 */
function chosenIds(ids: readonly string[], choices: readonly Choice[]): IdsValue | undefined {
  const offered = new Set(choices.map((choice) => choice.id));
  const kept = [...new Set(ids)].filter((id) => offered.has(id));
  return kept.length > 0 ? { type: "ids", ids: kept } : undefined;
}

/** A few choices: one checkbox each, in a group named by the Field's label. */
function CheckboxGroup({ value, disabled, onChange, choices }: ChoiceProps) {
  const styles = useStyles();
  const field = useFieldContext_unstable();
  const ids = value?.ids ?? [];
  const toggle = (id: string, checked: boolean) =>
    onChange(chosenIds(checked ? [...ids, id] : ids.filter((chosen) => chosen !== id), choices));
  return (
    <div
      role="group"
      className={styles.group}
      aria-labelledby={field?.labelId}
      aria-describedby={field?.validationMessageId}
    >
      {/* Each checkbox is named by its own label, not the Field's (the Field names the group). */}
      <FieldContextProvider value={undefined}>
        {choices.map((choice) => (
          <Checkbox
            key={choice.id}
            label={choice.text}
            checked={ids.includes(choice.id)}
            disabled={disabled}
            onChange={(_event, data) => toggle(choice.id, data.checked === true)}
          />
        ))}
      </FieldContextProvider>
    </div>
  );
}

/** Many choices: a searchable multi-select combobox, the chosen ones as removable tags below. */
function SearchableMultiSelect({ editable, value, disabled, onChange, choices }: ChoiceProps) {
  const styles = useStyles();
  const [query, setQuery] = useState("");
  const inputRef = useRef<HTMLInputElement>(null);
  const ids = value?.ids ?? [];
  const shown = filterChoices(choices, query);
  const handleInput = (event: ChangeEvent<HTMLInputElement>) => setQuery(event.target.value);
  const handleSelect = (_event: unknown, data: { selectedOptions: string[] }) => {
    setQuery("");
    onChange(chosenIds(data.selectedOptions, choices));
  };
  const handleOpenChange = (_event: unknown, data: { open: boolean }) => {
    if (!data.open) setQuery("");
  };
  const handleRemove = (id: string) =>
    onChange(
      chosenIds(
        ids.filter((chosen) => chosen !== id),
        choices
      )
    );
  return (
    <div className={styles.searchable}>
      <Combobox
        expandIcon={expandIconNamed(editable.field.name)}
        ref={inputRef}
        multiselect
        value={query}
        selectedOptions={ids}
        placeholder={
          ids.length > 0
            ? t("fields.chosenTypeToSearch", { count: ids.length })
            : t("fields.typeToSearch")
        }
        disabled={disabled}
        onChange={handleInput}
        onOptionSelect={handleSelect}
        onOpenChange={handleOpenChange}
      >
        <ChoiceOptions shown={shown} />
      </Combobox>
      <ChosenTags
        label={t("fields.chosenGroupLabel", { field: editable.field.name })}
        items={ids.map((id) => ({ value: id, text: choiceText(choices, id) }))}
        disabled={disabled}
        onRemove={handleRemove}
        returnFocusTo={inputRef}
      />
    </div>
  );
}

/**
 * Several choices among Jira's allowed values (multi-selects, checkboxes, components, versions):
 * checkboxes up to {@link CHECKBOXES_UP_TO} choices, a searchable combobox above.
 */
export function MultiSelectEditor(props: EditorProps<IdsValue>) {
  const choices = choicesOf(props.editable);
  return choices.length > CHECKBOXES_UP_TO ? (
    <SearchableMultiSelect {...props} choices={choices} />
  ) : (
    <CheckboxGroup {...props} choices={choices} />
  );
}
