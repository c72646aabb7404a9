import {
  Button,
  Checkbox,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Spinner,
  Textarea,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { DescriptionOptions } from "../../../mail/email-description-types";
import { isAwaitingConversion } from "../description-conversion";
import type { ConversionState } from "../description-conversion";
import { sameDescriptionOptions } from "../new-issue-draft";
import type { NewIssueDraft } from "../new-issue-draft";
import type { ConversionMode, DraftChanges } from "../new-issue-store";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  options: { display: "flex", flexDirection: "column" },
  markup: { fontFamily: tokens.fontFamilyMonospace },
  problem: { overflowWrap: "anywhere" },
});

export interface DescriptionSectionProps {
  draft: Pick<
    NewIssueDraft,
    "description" | "descriptionState" | "descriptionOptions" | "generatedWith"
  >;
  conversion: ConversionState;
  /** A create runs: nothing can change. */
  readOnly: boolean;
  onChange(changes: DraftChanges): void;
  onConvert(mode: ConversionMode): void;
}

/**
 * The description: the email converted to Jira wiki markup, editable as markup, and the options of
 * the conversion. Changing an option converts again unless the user edited the text; then their
 * edits stay, and a button replaces them on request.
 */
export function DescriptionSection({
  draft,
  conversion,
  readOnly,
  onChange,
  onConvert,
}: DescriptionSectionProps) {
  const styles = useStyles();
  const converting = isAwaitingConversion(draft.descriptionState, conversion);
  const { descriptionOptions: options, generatedWith } = draft;
  const editsKept =
    draft.descriptionState === "edited" &&
    generatedWith !== undefined &&
    !sameDescriptionOptions(generatedWith, options);

  const setOption = (changes: Partial<DescriptionOptions>) => {
    onChange({ descriptionOptions: { ...options, ...changes } });
    onConvert("options");
  };
  const handleHeaderBlock = (_event: unknown, data: { checked: boolean | "mixed" }) =>
    setOption({ includeHeaderBlock: data.checked === true });
  const handleCutHistory = (_event: unknown, data: { checked: boolean | "mixed" }) =>
    setOption({ cutQuotedHistory: data.checked === true });
  const handleText = (_event: unknown, data: { value: string }) =>
    onChange({ description: data.value, descriptionState: "edited" });
  const handleReplace = () => onConvert("replace");

  return (
    <div className={styles.section}>
      <div className={styles.options}>
        <Checkbox
          label="Include a header block (From, Sent, To, Cc, Subject)"
          checked={options.includeHeaderBlock}
          disabled={readOnly}
          onChange={handleHeaderBlock}
        />
        <Checkbox
          label="Cut the quoted reply history"
          checked={options.cutQuotedHistory}
          disabled={readOnly}
          onChange={handleCutHistory}
        />
      </div>
      {editsKept && (
        <MessageBar intent="info" layout="multiline" data-testid="description-edits-kept">
          <MessageBarBody>
            {"Your edits are kept. Replace the description with the email's conversion?"}
          </MessageBarBody>
          <MessageBarActions>
            <Button disabled={readOnly || converting} onClick={handleReplace}>
              Replace with the email
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {conversion.status === "failed" && (
        <MessageBar intent="warning" layout="multiline" data-testid="description-problem">
          <MessageBarBody className={styles.problem}>{conversion.problem}</MessageBarBody>
          <MessageBarActions>
            <Button disabled={readOnly} onClick={handleReplace}>
              Convert again
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      <Field label="Description" hint="Jira wiki markup, sent as you see it.">
        <Textarea
          className={styles.markup}
          textarea={{ className: styles.markup }}
          value={draft.description}
          readOnly={readOnly || converting}
          dir="auto"
          rows={10}
          resize="vertical"
          onChange={handleText}
        />
      </Field>
      {converting && <Spinner size="tiny" labelPosition="after" label="Converting the email…" />}
    </div>
  );
}
