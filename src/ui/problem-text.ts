/**
 * What the pane says about an error, in the user's language.
 *
 * English is said by the error itself: messages are written where the error is raised, with the
 * request's details (src/jira/jira-errors.ts, the session's and Office adapters' errors). Other
 * languages get the translation of the error's `code` (src/i18n/locales/<lang>/errors.json),
 * followed by what Jira itself said, which is never translated.
 */
import { currentLanguage, t } from "../i18n/translate";
import type { MessageKey } from "../i18n/catalog-types";
import { englishCatalog } from "../i18n/catalog-en";
import { errorCode } from "./error-code";

/** The text to show for `error`: its own message in English, its code's translation otherwise. */
export function problemText(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (currentLanguage() === "en") return message;
  const code = errorCode(error);
  const key = `errors.${code ?? ""}`;
  if (code === undefined || !(code in englishCatalog.errors)) return message;
  const jiraSays = jiraMessagesOf(error);
  const translated = t(key as MessageKey);
  return jiraSays.length > 0
    ? `${translated} ${t("errors.jiraSays", { text: jiraSays.join("; ") })}`
    : translated;
}

/** Jira's own words in an error (its errorMessages and field errors), which stay untranslated. */
function jiraMessagesOf(error: unknown): string[] {
  if (typeof error !== "object" || error === null) return [];
  const { errorMessages, errors } = error as { errorMessages?: unknown; errors?: unknown };
  const messages = Array.isArray(errorMessages)
    ? errorMessages.filter((item): item is string => typeof item === "string")
    : [];
  const fieldErrors =
    errors && typeof errors === "object"
      ? Object.entries(errors as Record<string, unknown>).map(
          ([field, text]) => `${field}: ${String(text)}`
        )
      : [];
  return [...messages, ...fieldErrors];
}
