import {
  Button,
  Checkbox,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Spinner,
  Switch,
  Textarea,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import { currentLanguage, t } from "../../../i18n/translate";
import type { DescriptionOptions } from "../../../mail/email-description-types";
import {
  preloadDescriptionPreview,
  useDescriptionPreview,
} from "../../description-preview/lazy-description-preview";
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

/**
 * A field's label inside a sentence: English writes it in lower case ("Replace the description
 * with…"); German and French messages quote it as shown (a German noun keeps its capital, and an
 * article would need the noun's gender).
 */
function labelInSentence(label: string): string {
  return currentLanguage() === "en" ? label.toLowerCase() : label;
}

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
  /** The textarea's label, also named in the messages: "Description", "Comment". */
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
 * replaces them on request. The Preview switch shows below the markup what Jira will make of it
 * (src/ui/description-preview/, loaded the first time it is switched on).
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
  const [previewOn, setPreviewOn] = useState(false);
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
  const handlePreview = (_event: unknown, data: { checked: boolean }) => setPreviewOn(data.checked);

  return (
    <div className={styles.section}>
      <div className={styles.options}>
        <Checkbox
          label={t("description.headerBlock")}
          checked={options.includeHeaderBlock}
          disabled={readOnly}
          onChange={handleHeaderBlock}
        />
        <Checkbox
          label={t("description.cutHistory")}
          checked={options.cutQuotedHistory}
          disabled={readOnly}
          onChange={handleCutHistory}
        />
      </div>
      {editsKept && (
        <MessageBar intent="info" layout="multiline" data-testid="description-edits-kept">
          <MessageBarBody>
            {t("description.editsKept", { noun: labelInSentence(label) })}
          </MessageBarBody>
          <MessageBarActions>
            <Button disabled={readOnly || converting} onClick={handleReplace}>
              {t("description.replaceWithEmail")}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {conversion.status === "failed" && (
        <MessageBar intent="warning" layout="multiline" data-testid="description-problem">
          <MessageBarBody className={styles.problem}>{conversion.problem}</MessageBarBody>
          <MessageBarActions>
            <Button disabled={readOnly} onClick={handleReplace}>
              {t("description.convertAgain")}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      <Field label={label} hint={t("description.markupHint")} validationMessage={problem}>
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
      {converting && (
        <Spinner size="tiny" labelPosition="after" label={t("description.converting")} />
      )}
      <Switch
        label={t("description.previewSwitch")}
        checked={previewOn}
        onChange={handlePreview}
        data-testid="description-preview-switch"
      />
      {previewOn && <PreviewOfText markup={text.markup} label={label} />}
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
      label={t("description.label")}
      text={text}
      conversion={conversion}
      readOnly={readOnly}
      onText={(markup) => onChange({ description: markup, descriptionState: "edited" })}
      onOptions={(options) => onChange({ descriptionOptions: options })}
      onConvert={onConvert}
    />
  );
}

/** The preview below the markup, once its chunk is in: a spinner meanwhile, a retry if it failed. */
function PreviewOfText({ markup, label }: { markup: string; label: string }) {
  const preview = useDescriptionPreview(true);
  if (preview.status === "loaded") {
    const { DescriptionPreview } = preview.module;
    return <DescriptionPreview markup={markup} label={label} />;
  }
  if (preview.status === "failed") {
    return (
      <MessageBar intent="warning" layout="multiline" data-testid="description-preview-problem">
        <MessageBarBody>{t("description.previewUnavailable")}</MessageBarBody>
        <MessageBarActions>
          <Button onClick={preloadDescriptionPreview}>{t("description.tryAgain")}</Button>
        </MessageBarActions>
      </MessageBar>
    );
  }
  return <Spinner size="tiny" labelPosition="after" label={t("description.previewLoading")} />;
}
