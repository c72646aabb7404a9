import { Input } from "@fluentui/react-components";
import type { EditorProps, TextValue } from "./editor-props";
import { typedText } from "./editor-props";

/**
 * A date-time field: the browser's local date-time input (YYYY-MM-DDTHH:mm, in this computer's
 * time zone); the offset is added when the value is sent to Jira.
 */
export function DateTimeEditor({ value, disabled, onChange }: EditorProps<TextValue>) {
  const handleChange = (_event: unknown, data: { value: string }) =>
    onChange(typedText(data.value));
  return (
    <Input
      type="datetime-local"
      value={value?.value ?? ""}
      readOnly={disabled}
      onChange={handleChange}
    />
  );
}
