import { Field } from "@fluentui/react-components";
import type { JSX } from "react";
import type { EditableField, FieldFormValue, FieldKind, UserSearch } from "../field-form-types";
import { DateEditor } from "./DateEditor";
import { DateTimeEditor } from "./DateTimeEditor";
import { LabelsEditor } from "./LabelsEditor";
import { MultiSelectEditor } from "./MultiSelectEditor";
import { MultiUserEditor } from "./MultiUserEditor";
import { NumberEditor } from "./NumberEditor";
import { SelectEditor } from "./SelectEditor";
import { TextEditor } from "./TextEditor";
import { TextareaEditor } from "./TextareaEditor";
import { UserEditor } from "./UserEditor";
import type { MessageKey } from "../../../i18n/catalog-types";
import { t } from "../../../i18n/translate";

export interface FieldEditorProps {
  editable: EditableField;
  /** The value kept for the field, of the shape its kind keeps (see valueOfField). */
  value: FieldFormValue | undefined;
  problem: string | undefined;
  disabled: boolean;
  onChange(fieldId: string, value: FieldFormValue | undefined): void;
  searchUsers: UserSearch;
}

/** What to type, where the control alone doesn't say it. */
const HINTS: Partial<Record<FieldKind, MessageKey>> = {
  labels: "fields.labelsHint",
};

/** The value when it is of `type`; the editors take only their own shape. */
function ofType<T extends FieldFormValue["type"]>(
  value: FieldFormValue | undefined,
  type: T
): Extract<FieldFormValue, { type: T }> | undefined {
  return value?.type === type ? (value as Extract<FieldFormValue, { type: T }>) : undefined;
}

/**
 * One create-screen field: a Fluent Field labelled with the field's name exactly (required ones
 * marked), the editor of its kind, and what is wrong with its value.
 */
export function FieldEditor({
  editable,
  value,
  problem,
  disabled,
  onChange,
  searchUsers,
}: FieldEditorProps) {
  const { field, kind } = editable;
  const handleChange = (next: FieldFormValue | undefined) => onChange(field.fieldId, next);
  const common = { editable, disabled, onChange: handleChange };
  const text = ofType(value, "text");
  const ids = ofType(value, "ids");
  const users = ofType(value, "users");
  const hint = HINTS[kind];
  const editor = {
    text: () => <TextEditor {...common} value={text} />,
    textarea: () => <TextareaEditor {...common} value={text} />,
    number: () => <NumberEditor {...common} value={text} />,
    date: () => <DateEditor {...common} value={text} />,
    datetime: () => <DateTimeEditor {...common} value={text} />,
    select: () => <SelectEditor {...common} value={ids} />,
    multiselect: () => <MultiSelectEditor {...common} value={ids} />,
    labels: () => <LabelsEditor {...common} value={ofType(value, "labels")} />,
    user: () => <UserEditor {...common} value={users} searchUsers={searchUsers} />,
    multiuser: () => <MultiUserEditor {...common} value={users} searchUsers={searchUsers} />,
  } satisfies Record<FieldKind, () => JSX.Element>;
  return (
    <Field
      label={field.name || field.fieldId}
      required={editable.required}
      validationMessage={problem}
      hint={hint && t(hint)}
    >
      {editor[kind]()}
    </Field>
  );
}
