import {
  Caption1,
  Checkbox,
  MessageBar,
  MessageBarBody,
  Text,
  makeStyles,
  tokens,
  useId,
} from "@fluentui/react-components";
import type { MailMessage } from "../../../mail/mail-message";
import {
  attachmentsBlockedReason,
  emailAttachBlockedReason,
  formatFileSize,
  offeredAttachments,
  referencedInlineImages,
} from "../attachment-choices";
import type { AttachmentPolicy } from "../attachment-choices";
import type { NewIssueDraft } from "../new-issue-draft";
import type { DraftChanges } from "../new-issue-store";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  row: {
    display: "flex",
    alignItems: "center",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
  },
  name: { overflowWrap: "anywhere" },
  note: { color: tokens.colorNeutralForeground3 },
  flag: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

export interface AttachmentsSectionProps {
  message: Pick<MailMessage, "attachments">;
  draft: Pick<NewIssueDraft, "attachmentChoices" | "attachEmail" | "description" | "inlineImages">;
  policy: AttachmentPolicy;
  locale: string;
  /** Create refused: a checked file is over Jira's limit. */
  problem?: string;
  /** A create runs: nothing can change. */
  disabled: boolean;
  onChange(changes: DraftChanges | ((draft: NewIssueDraft) => DraftChanges)): void;
}

/**
 * The files the issue gets: a checkbox per attachment (its name exactly, the size beside it), the
 * email itself as .eml, and the inline images the description shows (uploaded with it). Says why
 * a file can't be attached, before Create rather than after.
 */
export function AttachmentsSection(props: AttachmentsSectionProps) {
  const { message, draft, policy, locale, problem, disabled, onChange } = props;
  const styles = useStyles();
  const headingId = useId("attachments-heading");
  const offered = offeredAttachments(message, draft.attachmentChoices, policy);
  const blocked = attachmentsBlockedReason(policy);
  const emailBlocked = emailAttachBlockedReason(policy);
  const inline = referencedInlineImages(draft.description, draft.inlineImages);

  const choose = (id: string, chosen: boolean) =>
    onChange((latest) => ({ attachmentChoices: { ...latest.attachmentChoices, [id]: chosen } }));
  const handleEmail = (_event: unknown, data: { checked: boolean | "mixed" }) =>
    onChange({ attachEmail: data.checked === true });

  return (
    <section className={styles.section} aria-labelledby={headingId} data-testid="attachments">
      <Text as="h3" id={headingId} weight="semibold">
        Attachments
      </Text>
      {blocked && <Caption1 className={styles.note}>{blocked}</Caption1>}
      {offered.map(({ attachment, chosen, disabled: unavailable, unavailable: why, tooLarge }) => (
        <div key={attachment.id} className={styles.row}>
          <Checkbox
            label={
              <span className={styles.name} dir="auto">
                {attachment.name}
              </span>
            }
            checked={chosen}
            disabled={disabled || unavailable}
            onChange={(_event, data) => choose(attachment.id, data.checked === true)}
          />
          <Caption1>{formatFileSize(attachment.size, locale)}</Caption1>
          {why && <Caption1 className={styles.note}>{why}</Caption1>}
          {tooLarge && !why && <Caption1 className={styles.flag}>{tooLarge}</Caption1>}
        </div>
      ))}
      <div className={styles.row}>
        <Checkbox
          label="Attach the email (.eml)"
          checked={draft.attachEmail && !emailBlocked}
          disabled={disabled || emailBlocked !== undefined}
          onChange={handleEmail}
        />
        {emailBlocked && !blocked && <Caption1 className={styles.note}>{emailBlocked}</Caption1>}
      </div>
      {inline.length > 0 && (
        <Caption1 data-testid="inline-images">
          {`Inline images in the description (${inline.length})`}
          {blocked ? ": not uploaded" : ": uploaded with the issue"}
        </Caption1>
      )}
      {problem && (
        <MessageBar intent="error" layout="multiline" data-testid="attachments-problem">
          <MessageBarBody className={styles.name}>{problem}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
