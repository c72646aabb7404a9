/**
 * The email → Jira wiki markup conversion as the New issue form runs it: read the body from
 * Outlook, name the inline images, load the converter (lazily: it stays out of the pane's first
 * paint) and convert. Failures are coded, so the form can say which part failed; either way the
 * description stays editable and Create is never blocked by it.
 */
import type {
  DescriptionOptions,
  EmailConverter,
  EmailDescription,
} from "../../mail/email-description-types";
import { inlineImagesOf } from "../../mail/inline-images";
import type { MailMessage } from "../../mail/mail-message";
import type { DescriptionState } from "./new-issue-draft";
import type { MailContentPort } from "../ports";

/** Where the conversion of one email stands (kept per email by the store, not stored). */
export type ConversionState =
  { status: "idle" } | { status: "converting" } | { status: "failed"; problem: string };

/**
 * Whether the description waits for a conversion (read-only, Create not yet offered): one runs, or
 * the email was never converted and no conversion of it failed. After a failure the description is
 * the user's to write, and Create is available.
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

/** The body could not be read, or the converter failed (or could not be loaded). */
export class DescriptionConversionError extends Error {
  override readonly name = "DescriptionConversionError";

  constructor(
    readonly code: DescriptionConversionCode,
    message: string,
    options?: { cause?: unknown }
  ) {
    super(message, options);
  }
}

/** What a conversion needs. */
export interface ConversionInput {
  mailContent: MailContentPort;
  loadConverter: () => Promise<EmailConverter>;
  message: MailMessage;
  options: DescriptionOptions;
  /** BCP 47 language of the header block's date. */
  locale: string;
}

/** The email's description in wiki markup, and the inline images it references. */
export async function convertEmail(input: ConversionInput): Promise<EmailDescription> {
  const { mailContent, loadConverter, message, options, locale } = input;
  let body;
  try {
    body = await mailContent.readBody(message);
  } catch (error) {
    throw new DescriptionConversionError(
      "body_unreadable",
      `Outlook didn't give the email's text (${reasonOf(error)}). ` +
        "Write the description yourself, or open the email again and choose Convert again.",
      { cause: error }
    );
  }
  try {
    const converter = await loadConverter();
    return converter.describe({
      message,
      body,
      options,
      inlineImages: inlineImagesOf(message, body.html),
      locale,
    });
  } catch (error) {
    throw new DescriptionConversionError(
      "conversion_failed",
      `The email couldn't be turned into a description (${reasonOf(error)}). ` +
        "Write it yourself, or choose Convert again.",
      { cause: error }
    );
  }
}

function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown } | null | undefined)?.code;
  return typeof code === "number" ? `${message}, error ${code}` : message;
}
