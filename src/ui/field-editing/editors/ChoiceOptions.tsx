import { Option } from "@fluentui/react-components";
import type { Choice } from "./choices";
import { t } from "../../../i18n/translate";

/** The value of the "no match" line of a searchable list (disabled, never chosen). */
export const NO_MATCH = "\u0000no-match";

/** The disabled line a searchable list shows when nothing matches what was typed. */
export function NoMatchOption({ children }: { children: string }) {
  return (
    <Option value={NO_MATCH} text="" disabled>
      {children}
    </Option>
  );
}

/** The choices a search left, one option each (id as value), or "No matching options". */
export function ChoiceOptions({ shown }: { shown: readonly Choice[] }) {
  if (shown.length === 0) return <NoMatchOption>{t("fields.noMatchingOptions")}</NoMatchOption>;
  return shown.map((choice) => (
    <Option key={choice.id} value={choice.id}>
      {choice.text}
    </Option>
  ));
}
