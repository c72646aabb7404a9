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
import { useMemo } from "react";
import { formatFileSize } from "../../../i18n/format";
import type { MessageKey } from "../../../i18n/catalog-types";
import { t } from "../../../i18n/translate";
import { attachmentFileNames } from "../../../mail/file-names";
import type { MailMessage } from "../../../mail/mail-message";
import {
  attachmentsBlockedReason,
  emailAttachBlockedReason,
  offeredAttachments,
  referencedInlineImages,
} from "../attachment-choices";
import type { AttachmentPolicy, FileChoices } from "../attachment-choices";

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

/** The inline images' note: in the description (issue) or the comment, uploaded or not. */
const INLINE_IMAGES_NOTE = {
  issue: {
    uploaded: "newIssue.inlineImagesInDescriptionUploaded",
    notUploaded: "newIssue.inlineImagesInDescriptionNotUploaded",
  },
  comment: {
    uploaded: "newIssue.inlineImagesInCommentUploaded",
    notUploaded: "newIssue.inlineImagesInCommentNotUploaded",
  },
} as const satisfies Record<string, Record<string, MessageKey>>;

/** What the section changes in a draft. */
export type AttachmentChanges = Partial<Pick<FileChoices, "attachmentChoices" | "attachEmail">>;

export interface AttachmentsSectionProps {
  message: Pick<MailMessage, "attachments">;
  /** The file choices; a New issue draft's `description` is its markup unless `markup` is given. */
  draft: Pick<FileChoices, "attachmentChoices" | "attachEmail" | "inlineImages"> & {
    description?: string;
  };
  /** The markup whose `!name!` inline images are uploaded with it (default: the description). */
  markup?: string;
  /** What the files go with, for the inline images' note. Default "issue". */
  target?: "issue" | "comment";
  policy: AttachmentPolicy;
  /** Sending refused: a checked file is over Jira's limit. */
  problem?: string;
  /** Something is being sent: nothing can change. */
  disabled: boolean;
  onChange(
    changes:
      AttachmentChanges | ((draft: Pick<FileChoices, "attachmentChoices">) => AttachmentChanges)
  ): void;
}

/**
 * The files the issue (or the comment) gets: a checkbox per attachment (the name it gets on the
 * issue, the size beside it), the email itself as .eml, and the inline images the description or
 * comment shows (uploaded with it). Says why a file can't be attached, before sending rather than
 * after.
 */
export function AttachmentsSection(props: AttachmentsSectionProps) {
  const { message, draft, policy, problem, disabled, onChange } = props;
  const styles = useStyles();
  const headingId = useId("attachments-heading");
  const offered = offeredAttachments(message, draft.attachmentChoices, policy);
  const blocked = attachmentsBlockedReason(policy);
  const emailBlocked = emailAttachBlockedReason(policy);
  const markup = props.markup ?? draft.description ?? "";
  const inline = referencedInlineImages(markup, draft.inlineImages);
  const inlineNote =
    INLINE_IMAGES_NOTE[props.target ?? "issue"][blocked ? "notUploaded" : "uploaded"];
  // Each box shows the name the upload uses (plannedFileUploads): the sender's name made safe, so
  // "invoice\u202Efdp.exe" can't read as "invoiceexe.pdf" and "..\\x.exe" shows as "_x.exe".
  const uploadNames = useMemo(
    () => attachmentFileNames(message.attachments),
    [message.attachments]
  );

  const choose = (id: string, chosen: boolean) =>
    onChange((latest) => ({ attachmentChoices: { ...latest.attachmentChoices, [id]: chosen } }));
  const handleEmail = (_event: unknown, data: { checked: boolean | "mixed" }) =>
    onChange({ attachEmail: data.checked === true });

  return (
    <section className={styles.section} aria-labelledby={headingId} data-testid="attachments">
      <Text as="h3" id={headingId} weight="semibold">
        {t("newIssue.attachmentsHeading")}
      </Text>
      {blocked && <Caption1 className={styles.note}>{blocked}</Caption1>}
      {offered.map(({ attachment, chosen, disabled: unavailable, unavailable: why, tooLarge }) => (
        <div key={attachment.id} className={styles.row}>
          <Checkbox
            label={
              <span className={styles.name} dir="auto">
                {uploadNames.get(attachment.id)}
              </span>
            }
            checked={chosen}
            disabled={disabled || unavailable}
            onChange={(_event, data) => choose(attachment.id, data.checked === true)}
          />
          <Caption1>{formatFileSize(attachment.size)}</Caption1>
          {why && <Caption1 className={styles.note}>{why}</Caption1>}
          {tooLarge && !why && <Caption1 className={styles.flag}>{tooLarge}</Caption1>}
        </div>
      ))}
      <div className={styles.row}>
        <Checkbox
          label={t("newIssue.attachEmail")}
          checked={draft.attachEmail && !emailBlocked}
          disabled={disabled || emailBlocked !== undefined}
          onChange={handleEmail}
        />
        {emailBlocked && !blocked && <Caption1 className={styles.note}>{emailBlocked}</Caption1>}
      </div>
      {inline.length > 0 && (
        <Caption1 data-testid="inline-images">{t(inlineNote, { count: inline.length })}</Caption1>
      )}
      {problem && (
        <MessageBar
          intent="error"
          layout="multiline"
          role="alert"
          data-testid="attachments-problem"
        >
          <MessageBarBody className={styles.name}>{problem}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
