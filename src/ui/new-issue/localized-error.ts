/**
 * Errors the pane raises itself, with a message already written in the user's language and the
 * details only the pane knows (a file name, Outlook's reason). The rule: an error made elsewhere
 * (Jira's, Office's, the session's) carries English and a code, and problemText translates it by
 * its code; a LocalizedError is shown as it is. Through problemText, German and French would get
 * its code's generic translation instead ("Diese Anlage kann hier nicht gelesen werden.") and lose
 * the details.
 */
import { problemText } from "../problem-text";

/** An error whose message the pane wrote in the user's language (t), with a code for the logic. */
export class LocalizedError extends Error {
  override readonly name: string = "LocalizedError";

  constructor(
    readonly code: string,
    message: string,
    options?: { cause?: unknown }
  ) {
    super(message, options);
  }
}

/** The words to show for `error`: a LocalizedError's own message, anything else's problemText. */
export function shownErrorText(error: unknown): string {
  return error instanceof LocalizedError ? error.message : problemText(error);
}
