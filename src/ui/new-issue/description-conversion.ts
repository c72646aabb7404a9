/**
 * The email → Jira wiki markup conversion as the forms run it (the New issue description, the Add
 * to issue comment): read the body from Outlook, name the inline images, load the converter
 * (lazily: it stays out of the pane's first paint) and convert in slices (describeAsync, so the
 * pane stays responsive on a large email). Failures are coded, so the form can say which part
 * failed; either way the text stays editable and sending is never blocked by it.
 */
import type {
  DescriptionOptions,
  EmailConverter,
  EmailDescription,
} from "../../mail/email-description-types";
import { inlineImagesOf } from "../../mail/inline-images";
import type { MailMessage } from "../../mail/mail-message";
import { isRecord } from "./delivery";
import type { DescriptionState } from "./new-issue-draft";
import type { MailContentPort } from "../ports";
import { t } from "../../i18n/translate";
import { LocalizedError } from "./localized-error";

/** Where the conversion of one email stands (kept per email by the store, not stored). */
export type ConversionState =
  { status: "idle" } | { status: "converting" } | { status: "failed"; problem: string };

/**
 * Whether the text waits for a conversion (read-only, Create or Add comment not yet offered): one
 * runs, or the email was never converted and no conversion of it failed. After a failure the text
 * is the user's to write, and sending is available.
 */
export function isAwaitingConversion(
  descriptionState: DescriptionState,
  conversion: ConversionState
): boolean {
  return (
    conversion.status === "converting" ||
    (descriptionState === "pending" && conversion.status !== "failed")
  );
}

/** Codes of {@link DescriptionConversionError}. */
export type DescriptionConversionCode = "body_unreadable" | "conversion_failed";

/**
 * The body could not be read, or the converter failed (or could not be loaded). Its message is
 * already in the user's language, with Outlook's or the converter's reason in it.
 */
export class DescriptionConversionError extends LocalizedError {
  override readonly name: string = "DescriptionConversionError";

  constructor(
    override readonly code: DescriptionConversionCode,
    message: string,
    options?: { cause?: unknown }
  ) {
    super(code, message, options);
  }
}

/** What the converted text becomes: the New issue description, or the Add to issue comment. */
export type ConvertedTextName = "description" | "comment";

/** What a conversion needs. */
export interface ConversionInput {
  mailContent: MailContentPort;
  loadConverter: () => Promise<EmailConverter>;
  message: MailMessage;
  options: DescriptionOptions;
  /** BCP 47 language of the header block's date. */
  locale: string;
  /** What the text becomes, for the messages: "description" (default) or "comment". */
  textName?: ConvertedTextName;
}

/** The email's description in wiki markup, and the inline images it references. */
export async function convertEmail(input: ConversionInput): Promise<EmailDescription> {
  const { mailContent, loadConverter, message, options, locale } = input;
  const textName = input.textName ?? "description";
  let body;
  try {
    body = await mailContent.readBody(message);
  } catch (error) {
    const key =
      textName === "comment"
        ? "newIssue.commentBodyUnreadable"
        : "newIssue.descriptionBodyUnreadable";
    throw new DescriptionConversionError("body_unreadable", t(key, { reason: reasonOf(error) }), {
      cause: error,
    });
  }
  try {
    const converter = await loadConverter();
    return await converter.describeAsync({
      message,
      body,
      options,
      inlineImages: inlineImagesOf(message, body.html),
      locale,
    });
  } catch (error) {
    const key =
      textName === "comment"
        ? "newIssue.commentConversionFailed"
        : "newIssue.descriptionConversionFailed";
    throw new DescriptionConversionError("conversion_failed", t(key, { reason: reasonOf(error) }), {
      cause: error,
    });
  }
}

const TEXT_STATES: ReadonlySet<string> = new Set(["pending", "generated", "edited"]);

/**
 * A stored text's state read back. A text stored without one (an older pane kept plain text)
 * counts as the user's, unless there is none: then the email is converted.
 */
export function parseTextState(value: unknown, text: string): DescriptionState {
  if (typeof value === "string" && TEXT_STATES.has(value)) return value as DescriptionState;
  return text === "" ? "pending" : "edited";
}

/** Stored conversion options read back; undefined unless both are booleans. */
export function parseDescriptionOptions(value: unknown): DescriptionOptions | undefined {
  if (!isRecord(value)) return undefined;
  const { includeHeaderBlock, cutQuotedHistory } = value;
  if (typeof includeHeaderBlock !== "boolean" || typeof cutQuotedHistory !== "boolean") {
    return undefined;
  }
  return { includeHeaderBlock, cutQuotedHistory };
}

function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown } | null | undefined)?.code;
  // The code as Office gives it (9030), not formatted as a number ("9,030").
  return typeof code === "number"
    ? t("newIssue.reasonWithCode", { message, code: String(code) })
    : message;
}
