/**
 * What the pane says about an error, in the user's language: the error's own message in English,
 * its code's translation (src/i18n/locales/<lang>/errors.json) followed by Jira's own words in
 * other languages. The rules live with the session's notices (src/session/error-text.ts), which
 * say errors the same way.
 */
import { errorText } from "../session/error-text";

/** The text to show for `error`: its own message in English, its code's translation otherwise. */
export function problemText(error: unknown): string {
  return errorText(error);
}
