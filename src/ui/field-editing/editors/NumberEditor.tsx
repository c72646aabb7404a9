import { Input } from "@fluentui/react-components";
import type { EditorProps, TextValue } from "./editor-props";
import { typedText } from "./editor-props";

/**
 * A number field. A text input with the decimal keyboard, not type="number": the typed text is
 * kept as typed ("1." while typing, "abc" to be named by the check) instead of being emptied by
 * the browser.
 */
export function NumberEditor({ value, disabled, onChange }: EditorProps<TextValue>) {
  const handleChange = (_event: unknown, data: { value: string }) =>
    onChange(typedText(data.value));
  return (
    <Input
      value={value?.value ?? ""}
      inputMode="decimal"
      autoComplete="off"
      readOnly={disabled}
      onChange={handleChange}
    />
  );
}
