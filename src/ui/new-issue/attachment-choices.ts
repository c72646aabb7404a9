/**
 * What the New issue and Add to issue forms offer to attach, and what they will upload: one entry
 * per file the user attached to the email (inline images belong to the description or comment
 * instead), what this Outlook and this Jira allow, and the files over Jira's upload limit, flagged
 * before anything is sent. Plain data rules, no React.
 */
import type { InlineImageRef } from "../../mail/email-description-types";
import { attachmentFileNames, emlFileName, uniqueFileNames } from "../../mail/file-names";
import type { MailAttachmentInfo, MailMessage } from "../../mail/mail-message";
import { isRecord } from "./delivery";
import type { PlannedUpload } from "./delivery";
import type { MailContentCapabilities } from "../ports";
import { formatFileSize, formatList } from "../../i18n/format";
import { t } from "../../i18n/translate";
import type { MessageKey } from "../../i18n/catalog-types";

/** A draft's file choices, and the markup whose inline images go with the files. */
export interface FileChoices {
  /** The user's own choices per attachment id; absent ids follow the default. */
  attachmentChoices: Record<string, boolean>;
  /** Upload the whole email as .eml. */
  attachEmail: boolean;
  /** The email's inline images the conversion referenced. */
  inlineImages: InlineImageRef[];
  /** The description or comment: inline images it still references (`!name!`) are uploaded. */
  markup: string;
}

/** Jira's attachment settings (`GET /rest/api/2/attachment/meta`); undefined while unknown. */
export interface JiraAttachmentLimits {
  enabled: boolean;
  /** Bytes. */
  uploadLimit: number;
}

/** What decides whether files can be attached. */
export interface AttachmentPolicy {
  capabilities: MailContentCapabilities;
  /** Undefined while Jira's settings load (or when they couldn't be loaded): nothing is refused. */
  jira?: JiraAttachmentLimits;
}

/** One file of the email as the form offers it. */
export interface OfferedAttachment {
  attachment: MailAttachmentInfo;
  /** Checked (and uploaded on Create). */
  chosen: boolean;
  /** Why it can't be chosen at all (a cloud file); the section's note covers the rest. */
  unavailable?: string;
  /** It can't be chosen: unavailable, or nothing can be attached here. */
  disabled: boolean;
  /** Over Jira's upload limit: "larger than Jira's limit of 10 MB". */
  tooLarge?: string;
}

/** Why no file can be attached here (the section says it once); undefined: they can. */
export function attachmentsBlockedReason(policy: AttachmentPolicy): string | undefined {
  if (policy.jira && !policy.jira.enabled) return t("newIssue.attachmentsTurnedOff");
  if (policy.capabilities.attachments === "none") return t("newIssue.attachmentsUnreadable");
  return undefined;
}

/** Why the whole email can't be attached here; undefined: it can. */
export function emailAttachBlockedReason(policy: AttachmentPolicy): string | undefined {
  if (policy.jira && !policy.jira.enabled) return t("newIssue.emailAttachTurnedOff");
  if (policy.capabilities.wholeMessage === "none") return t("newIssue.emailExportUnavailable");
  return undefined;
}

/** The email's own files (not its inline images), in Outlook's order. */
export function fileAttachmentsOf(message: Pick<MailMessage, "attachments">): MailAttachmentInfo[] {
  return message.attachments.filter((attachment) => !attachment.isInline);
}

/**
 * The files the form offers, with what is checked: the user's own choice where they made one,
 * else every file that can be attached and is within Jira's limit.
 */
export function offeredAttachments(
  message: Pick<MailMessage, "attachments">,
  choices: Readonly<Record<string, boolean>>,
  policy: AttachmentPolicy
): OfferedAttachment[] {
  const blocked = attachmentsBlockedReason(policy) !== undefined;
  return fileAttachmentsOf(message).map((attachment) => {
    const unavailable =
      attachment.attachmentType === "cloud" ? t("newIssue.cloudAttachment") : undefined;
    const tooLarge =
      policy.jira && attachment.size > policy.jira.uploadLimit
        ? t("newIssue.largerThanLimit", { limit: formatFileSize(policy.jira.uploadLimit) })
        : undefined;
    const disabled = blocked || unavailable !== undefined;
    const chosen = !disabled && (choices[attachment.id] ?? tooLarge === undefined);
    return {
      attachment,
      chosen,
      disabled,
      ...(unavailable ? { unavailable } : {}),
      ...(tooLarge ? { tooLarge } : {}),
    };
  });
}

/** What unchecking a file over the limit allows: "create" the issue, or add the "comment". */
export type TooLargeAction = "create" | "comment";

const UNCHECK_TO: Record<TooLargeAction, MessageKey> = {
  create: "newIssue.uncheckToCreate",
  comment: "newIssue.uncheckToComment",
};

/**
 * Create (or Add comment) refuses while a file over the limit is checked: the message names each
 * one and the fix ("Uncheck it", "Uncheck them": a plural on the number of files); `action` is
 * what unchecking allows.
 */
export function tooLargeProblem(
  offered: readonly OfferedAttachment[],
  action: TooLargeAction = "create"
): string | undefined {
  const flagged = offered.filter((entry) => entry.chosen && entry.tooLarge);
  if (flagged.length === 0) return undefined;
  // "a.bin is larger than … and b.zip is larger than …", joined as the pane's language joins lists.
  const files = formatList(
    flagged.map((entry) =>
      t("newIssue.fileTooLarge", { fileName: entry.attachment.name, problem: entry.tooLarge ?? "" })
    )
  );
  return t(UNCHECK_TO[action], { files, count: flagged.length });
}

/**
 * The inline images `markup` still references (`!name.png!`, also with Jira's `|thumbnail`-style
 * parameters): the user may have deleted some from the description, and those aren't uploaded.
 */
export function referencedInlineImages(
  markup: string,
  images: readonly InlineImageRef[]
): InlineImageRef[] {
  return images.filter(
    (image) => markup.includes(`!${image.fileName}!`) || markup.includes(`!${image.fileName}|`)
  );
}

/**
 * The files to upload: the checked attachments, the inline images the markup still shows, and the
 * email as .eml; nothing when no file can be attached here. Each under the name the markup's
 * `!name!` expects (attachmentFileNames), the .eml unique among the email's own files.
 */
export function plannedFileUploads(
  choices: FileChoices,
  message: Pick<MailMessage, "attachments" | "subject">,
  policy: AttachmentPolicy
): PlannedUpload[] {
  if (attachmentsBlockedReason(policy) && emailAttachBlockedReason(policy)) return [];
  const names = attachmentFileNames(message.attachments);
  const uploads: PlannedUpload[] = [];
  if (!attachmentsBlockedReason(policy)) {
    for (const entry of offeredAttachments(message, choices.attachmentChoices, policy)) {
      if (!entry.chosen) continue;
      const { id, name } = entry.attachment;
      uploads.push({
        source: { kind: "attachment", attachmentId: id },
        fileName: names.get(id) ?? name,
      });
    }
    for (const image of referencedInlineImages(choices.markup, choices.inlineImages)) {
      const source = { kind: "inline-image" as const, attachmentId: image.attachmentId };
      uploads.push({ source, fileName: image.fileName });
    }
  }
  if (choices.attachEmail && !emailAttachBlockedReason(policy)) {
    // Unique among the email's own files, so it never replaces one of them on the issue.
    const all = uniqueFileNames([...names.values(), emlFileName(message.subject)]);
    uploads.push({ source: { kind: "email" }, fileName: all[all.length - 1] as string });
  }
  return uploads;
}

/** Stored choices per attachment id read back: only boolean entries are kept. */
export function parseAttachmentChoices(value: unknown): Record<string, boolean> {
  const choices: Record<string, boolean> = {};
  if (!isRecord(value)) return choices;
  for (const [id, chosen] of Object.entries(value)) {
    if (typeof chosen === "boolean") choices[id] = chosen;
  }
  return choices;
}

/** Stored inline image references read back: entries without an id or a name are dropped. */
export function parseInlineImageRefs(value: unknown): InlineImageRef[] {
  if (!Array.isArray(value)) return [];
  const images: InlineImageRef[] = [];
  for (const entry of value as unknown[]) {
    if (!isRecord(entry)) continue;
    const { attachmentId, contentId, fileName } = entry;
    if (typeof attachmentId !== "string" || typeof fileName !== "string" || fileName === "") {
      continue;
    }
    images.push({
      attachmentId,
      fileName,
      ...(typeof contentId === "string" ? { contentId } : {}),
    });
  }
  return images;
}
