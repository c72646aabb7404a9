import { Field, Input } from "@fluentui/react-components";
import { memo } from "react";
import { MAX_SUMMARY_LENGTH } from "../../../mail/summary";
import { focusIfLost } from "../../focus";
import { singleLine, summaryProblem } from "../new-issue-draft";
import { t } from "../../../i18n/translate";

export interface SummaryFieldProps {
  value: string;
  /** The problem Create found (e.g. "Enter a summary."); too long shows at once. */
  problem?: string;
  readOnly: boolean;
  onChange(summary: string): void;
}

// The counter shows from here on, so the limit never comes as a surprise.
const COUNTER_FROM = MAX_SUMMARY_LENGTH - 30;

/**
 * "Summary": one line (pasted line breaks become spaces), at most 255 characters. Memoized: the
 * form renders again for every list that arrives while the pane starts.
 */
export const SummaryField = memo(function SummaryField({
  value,
  problem,
  readOnly,
  onChange,
}: SummaryFieldProps) {
  const length = value.trim().length;
  const message = problem ?? summaryProblem(value);
  const handleChange = (_event: unknown, data: { value: string }) =>
    onChange(singleLine(data.value));
  return (
    <Field
      label={t("newIssue.summaryLabel")}
      required
      validationMessage={message}
      hint={
        !message && length >= COUNTER_FROM
          ? t("newIssue.summaryCounter", { count: length, max: MAX_SUMMARY_LENGTH })
          : undefined
      }
    >
      {/* Back from "Created SUP-12" (its New issue button is gone), focus lands here. */}
      <Input
        ref={focusIfLost}
        value={value}
        readOnly={readOnly}
        dir="auto"
        onChange={handleChange}
      />
    </Field>
  );
});
