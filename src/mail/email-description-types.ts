/**
 * The contract of the email → Jira wiki markup conversion. The converter itself (turndown with
 * Jira rules) is loaded lazily by `loadEmailConverter()` (src/mail/load-email-converter.ts): it is
 * only needed once a form shows a description, and it must stay out of the pane's first paint.
 */
import type { MailBody, MailMessage } from "./mail-message";

/** What the user chooses about the description. */
export interface DescriptionOptions {
  /** Start with a block naming From, Sent, To, Cc and Subject. */
  includeHeaderBlock: boolean;
  /** Drop the quoted reply history (Outlook's "From: … Sent: …" separator, Gmail's and Apple Mail's quote blocks, "-----Original Message-----", "> " lines). */
  cutQuotedHistory: boolean;
}

/** The default options of a fresh draft. */
export const DEFAULT_DESCRIPTION_OPTIONS: DescriptionOptions = {
  includeHeaderBlock: true,
  cutQuotedHistory: false,
};

/** An inline image of the email and the file name it gets as a Jira attachment. */
export interface InlineImageRef {
  /** Outlook's attachment id (to read its content later). */
  attachmentId: string;
  /** Content-ID without angle brackets, when known. */
  contentId?: string;
  /** The attachment's name in Jira, unique among the email's files: the markup says `!fileName!`. */
  fileName: string;
}

/** What the converter makes of an email. */
export interface EmailDescription {
  /** Jira wiki markup. */
  markup: string;
  /** The inline images the markup references (`!fileName!`), in order of first use. */
  usedInlineImages: InlineImageRef[];
}

/** Input of {@link EmailConverter.describe}. */
export interface DescribeInput {
  message: MailMessage;
  body: MailBody;
  options: DescriptionOptions;
  /** From `inlineImagesOf(message)` (src/mail/inline-images.ts). */
  inlineImages: InlineImageRef[];
  /** BCP 47 language for the header block's date ("Sent"). */
  locale: string;
  /** IANA time zone for that date (default: the runtime's). */
  timeZone?: string;
}

/** The loaded converter. Pure: same input, same output; never loads or runs anything from the email. */
export interface EmailConverter {
  describe(input: DescribeInput): EmailDescription;
  /**
   * The same result as `describe`, made in slices that give the main thread back between them
   * (no task over ~50 ms on a 1 MB email), so the pane stays responsive while converting. The
   * pane's forms use this one.
   */
  describeAsync(input: DescribeInput): Promise<EmailDescription>;
}
