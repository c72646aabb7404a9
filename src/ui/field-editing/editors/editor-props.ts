/**
 * What every editor gets: its field, the value the form keeps for it (already of the shape its
 * kind keeps, or undefined when not set), whether the form is busy, and where a change goes.
 */
import type { EditableField, FieldFormValue } from "../field-form-types";

/** Props of one field's editor; `V` is the value shape its kind keeps. */
export interface EditorProps<V extends FieldFormValue> {
  editable: EditableField;
  value: V | undefined;
  /** A create runs: nothing can change. */
  disabled: boolean;
  /** The new value; undefined clears the field (Jira's default then applies). */
  onChange(value: FieldFormValue | undefined): void;
}

export type TextValue = Extract<FieldFormValue, { type: "text" }>;
export type IdsValue = Extract<FieldFormValue, { type: "ids" }>;
export type LabelsValue = Extract<FieldFormValue, { type: "labels" }>;
export type UsersValue = Extract<FieldFormValue, { type: "users" }>;

/** The text value for what was typed: an emptied input clears the field. */
export function typedText(text: string): FieldFormValue | undefined {
  return text === "" ? undefined : { type: "text", value: text };
}
