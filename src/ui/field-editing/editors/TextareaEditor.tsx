import { Textarea } from "@fluentui/react-components";
import type { EditorProps, TextValue } from "./editor-props";
import { typedText } from "./editor-props";

/** A multi-line text field (text area custom fields, Environment), sent as typed. */
export function TextareaEditor({ value, disabled, onChange }: EditorProps<TextValue>) {
  const handleChange = (_event: unknown, data: { value: string }) =>
    onChange(typedText(data.value));
  return (
    <Textarea
      value={value?.value ?? ""}
      readOnly={disabled}
      dir="auto"
      rows={3}
      resize="vertical"
      onChange={handleChange}
    />
  );
}
