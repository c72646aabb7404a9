import { Input, makeStyles, tokens } from "@fluentui/react-components";
import type { KeyboardEvent } from "react";
import { useRef, useState } from "react";
import { ChosenTags } from "./ChosenTags";
import type { EditorProps, LabelsValue } from "./editor-props";
import { splitLabelInput, withLabels } from "./label-input";
import { t } from "../../../i18n/translate";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
});

/**
 * Labels: typed into an input, added at Enter, a comma or a blank (and when the input loses
 * focus, so a typed label isn't lost by clicking Create), shown as removable tags.
 */
export function LabelsEditor({ editable, value, disabled, onChange }: EditorProps<LabelsValue>) {
  const styles = useStyles();
  // The label being typed: not part of the value until it is finished.
  const [typing, setTyping] = useState("");
  const inputRef = useRef<HTMLInputElement>(null);
  const labels = value?.labels ?? [];

  const add = (added: string[]) => {
    const next = withLabels(labels, added);
    if (next.length !== labels.length) onChange({ type: "labels", labels: next });
  };
  const handleChange = (_event: unknown, data: { value: string }) => {
    const { labels: finished, rest } = splitLabelInput(data.value);
    setTyping(rest);
    if (finished.length > 0) add(finished);
  };
  const finishTyping = () => {
    const label = typing.trim();
    setTyping("");
    if (label) add([label]);
  };
  const handleKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    // Enter adds the label instead of submitting a surrounding form.
    if (event.key === "Enter" && typing.trim() !== "") {
      event.preventDefault();
      finishTyping();
    }
  };
  const handleRemove = (label: string) => {
    const next = labels.filter((kept) => kept !== label);
    onChange(next.length > 0 ? { type: "labels", labels: next } : undefined);
  };

  return (
    <div className={styles.root}>
      <Input
        ref={inputRef}
        value={typing}
        readOnly={disabled}
        autoComplete="off"
        placeholder={labels.length > 0 ? t("fields.addAnotherLabel") : t("fields.typeALabel")}
        onChange={handleChange}
        onKeyDown={handleKeyDown}
        onBlur={finishTyping}
      />
      <ChosenTags
        label={t("fields.chosenGroupLabel", { field: editable.field.name })}
        items={labels.map((label) => ({ value: label, text: label }))}
        disabled={disabled}
        onRemove={handleRemove}
        returnFocusTo={inputRef}
      />
    </div>
  );
}
