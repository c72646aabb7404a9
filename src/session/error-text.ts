/**
 * An error as the pane says it, in the user's language.
 *
 * English is said by the error itself: messages are written where the error is raised, with the
 * request's details (src/jira/jira-errors.ts, the session's, the configuration's and the Office
 * adapters' errors). Other languages get the translation of the error's `code`
 * (src/i18n/locales/<lang>/errors.json), followed by what Jira itself said, which is never
 * translated. A code without a translation keeps the English message: better precise than vague.
 */
import { englishCatalog } from "../i18n/catalog-en";
import type { MessageKey, MessageParams } from "../i18n/catalog-types";
import { currentLanguage, t } from "../i18n/translate";

/** The text to show for `error`: its own message in English, its code's translation otherwise. */
export function errorText(error: unknown): string {
  const message = messageOf(error);
  if (currentLanguage() === "en") return message;
  const translated = translatedCode(error);
  if (translated === undefined) return message;
  const jiraSays = jiraWordsOf(error);
  return jiraSays.length > 0
    ? `${translated} ${t("errors.jiraSays", { text: jiraSays.join("; ") })}`
    : translated;
}

/** True when errors.json has a message for `code` (a generic one stands in for other HTTP statuses). */
export function hasErrorText(code: string): boolean {
  return code in englishCatalog.errors || /^http_\d{3}$/.test(code);
}

/** The error's own message (English), whatever it is. */
function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  const message = (error as { message?: unknown } | null | undefined)?.message;
  return typeof message === "string" ? message : String(error);
}

function translatedCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null | undefined)?.code;
  if (typeof code !== "string") return undefined;
  const params: MessageParams = {};
  const status = (error as { status?: unknown }).status;
  if (typeof status === "number") params.status = String(status);
  if (code in englishCatalog.errors) return t(`errors.${code}` as MessageKey, params);
  // http_418 and other statuses without an entry of their own.
  const http = /^http_(\d{3})$/.exec(code);
  return http ? t("errors.httpStatus", { status: http[1] }) : undefined;
}

/** Jira's own words in an error (its errorMessages, field errors, OAuth advice): never translated. */
function jiraWordsOf(error: unknown): string[] {
  if (typeof error !== "object" || error === null) return [];
  const { errorMessages, errors, parameters, relayError } = error as {
    errorMessages?: unknown;
    errors?: unknown;
    parameters?: unknown;
    relayError?: unknown;
  };
  // The relay's own English explanation, not Jira's words: the translated code says it.
  if (relayError !== undefined) return [];
  const messages = Array.isArray(errorMessages)
    ? errorMessages.filter((item): item is string => typeof item === "string")
    : [];
  const fieldErrors =
    errors && typeof errors === "object"
      ? Object.entries(errors as Record<string, unknown>).map(
          ([field, text]) => `${field}: ${String(text)}`
        )
      : [];
  const advice = (parameters as { oauth_problem_advice?: unknown } | undefined)
    ?.oauth_problem_advice;
  return [...messages, ...fieldErrors, ...(typeof advice === "string" ? [advice] : [])];
}
