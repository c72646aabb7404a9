import { Input } from "@fluentui/react-components";
import type { EditorProps, TextValue } from "./editor-props";
import { typedText } from "./editor-props";

/** A single-line text field (text fields, URLs). Put it in a Field: the Field's label names it. */
export function TextEditor({ value, disabled, onChange }: EditorProps<TextValue>) {
  const handleChange = (_event: unknown, data: { value: string }) =>
    onChange(typedText(data.value));
  // readOnly, not disabled, while busy: a disabled input would drop the keyboard user's focus.
  return (
    <Input value={value?.value ?? ""} readOnly={disabled} dir="auto" onChange={handleChange} />
  );
}
