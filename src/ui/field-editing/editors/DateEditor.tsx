import { Input } from "@fluentui/react-components";
import type { EditorProps, TextValue } from "./editor-props";
import { typedText } from "./editor-props";

/** A date field (Due Date, date pickers): the browser's date input, whose value is YYYY-MM-DD. */
export function DateEditor({ value, disabled, onChange }: EditorProps<TextValue>) {
  const handleChange = (_event: unknown, data: { value: string }) =>
    onChange(typedText(data.value));
  return (
    <Input type="date" value={value?.value ?? ""} readOnly={disabled} onChange={handleChange} />
  );
}
