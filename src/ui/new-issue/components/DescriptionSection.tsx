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
import type { DescriptionState, NewIssueDraft } from "../new-issue-draft";
import type { ConversionMode, DraftChanges } from "../new-issue-store";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  options: { display: "flex", flexDirection: "column" },
  markup: { fontFamily: tokens.fontFamilyMonospace },
  problem: { overflowWrap: "anywhere" },
});

/** A draft's text converted from the email, as the section shows it. */
export interface EmailText {
  /** Jira wiki markup, sent as it is. */
  markup: string;
  state: DescriptionState;
  /** What the user chose about the conversion (header block, quoted history). */
  options: DescriptionOptions;
  /** The options the current generated text was made with (undefined: none made yet). */
  generatedWith?: DescriptionOptions;
}

export interface EmailTextSectionProps {
  /** The textarea's label, also the noun in the messages: "Description", "Comment". */
  label: string;
  text: EmailText;
  conversion: ConversionState;
  /** Something is being sent: nothing can change. */
  readOnly: boolean;
  /** Why sending refuses the text (shown under it). */
  problem?: string;
  /** The user typed: `markup` is theirs now ("edited"). */
  onText(markup: string): void;
  /** The user changed an option (the section then asks to convert with it). */
  onOptions(options: DescriptionOptions): void;
  onConvert(mode: ConversionMode): void;
}

/**
 * A text made from the email (the description of a new issue, the body of a comment): the email
 * converted to Jira wiki markup, editable as markup, and the options of the conversion. Changing an
 * option converts again unless the user edited the text; then their edits stay, and a button
 * replaces them on request.
 */
export function EmailTextSection({
  label,
  text,
  conversion,
  readOnly,
  problem,
  onText,
  onOptions,
  onConvert,
}: EmailTextSectionProps) {
  const styles = useStyles();
  const noun = label.toLowerCase();
  const converting = isAwaitingConversion(text.state, conversion);
  const { options, generatedWith } = text;
  const editsKept =
    text.state === "edited" &&
    generatedWith !== undefined &&
    !sameDescriptionOptions(generatedWith, options);

  const setOption = (changes: Partial<DescriptionOptions>) => {
    onOptions({ ...options, ...changes });
    onConvert("options");
  };
  const handleHeaderBlock = (_event: unknown, data: { checked: boolean | "mixed" }) =>
    setOption({ includeHeaderBlock: data.checked === true });
  const handleCutHistory = (_event: unknown, data: { checked: boolean | "mixed" }) =>
    setOption({ cutQuotedHistory: data.checked === true });
  const handleText = (_event: unknown, data: { value: string }) => onText(data.value);
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
            {`Your edits are kept. Replace the ${noun} with the email's conversion?`}
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
      <Field label={label} hint="Jira wiki markup, sent as you see it." validationMessage={problem}>
        <Textarea
          className={styles.markup}
          textarea={{ className: styles.markup }}
          value={text.markup}
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

/** The New issue description: {@link EmailTextSection} over the draft's description fields. */
export function DescriptionSection({
  draft,
  conversion,
  readOnly,
  onChange,
  onConvert,
}: DescriptionSectionProps) {
  const text: EmailText = {
    markup: draft.description,
    state: draft.descriptionState,
    options: draft.descriptionOptions,
    ...(draft.generatedWith ? { generatedWith: draft.generatedWith } : {}),
  };
  return (
    <EmailTextSection
      label="Description"
      text={text}
      conversion={conversion}
      readOnly={readOnly}
      onText={(markup) => onChange({ description: markup, descriptionState: "edited" })}
      onOptions={(options) => onChange({ descriptionOptions: options })}
      onConvert={onConvert}
    />
  );
}
