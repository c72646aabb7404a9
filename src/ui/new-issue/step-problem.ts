/**
 * Why a delivery step failed, in words that say what to do, kept as plain JSON (it is stored with
 * the delivery). Outlook's 9030 is the common one: Outlook reads only the email that is open, so a
 * file of another email can't be read until that email is open again.
 */
import { noticeForError } from "../../session/session-notices";
import type { StepProblem } from "./delivery";
import { t } from "../../i18n/translate";
import { problemText } from "../problem-text";
import { LocalizedError } from "./localized-error";

/** Office's "the item is not the current item" (learn.microsoft.com/office/dev/add-ins/reference/javascript-api-for-office-error-codes). */
export const OFFICE_ITEM_NOT_CURRENT = 9030;

/** The problem of a failed step, from whatever the step threw. */
export function stepProblemOf(error: unknown, jiraBaseUrl: string): StepProblem {
  // The pane's own errors are already in the user's language, with details (a file name) that a
  // translation by code would lose: shown as they are.
  if (error instanceof LocalizedError) return { code: error.code, message: error.message };
  const code = (error as { code?: unknown } | null | undefined)?.code;
  if (code === OFFICE_ITEM_NOT_CURRENT) {
    return {
      code: "item_not_current",
      message: t("newIssue.stepItemNotCurrent"),
    };
  }
  const notice = noticeForError(error, { jiraBaseUrl });
  // Other coded errors of the add-in (Office's attachment_unavailable, upload_uncertain,
  // no_message_id) say what to do in English; problemText translates them by code. "unexpected"
  // is only what knows no better.
  if (notice.code === "unexpected_error" && typeof code === "string" && error instanceof Error) {
    return { code, message: problemText(error) };
  }
  const message = notice.title
    ? t("newIssue.stepProblemWithTitle", { title: notice.title, message: notice.message })
    : notice.message;
  return { code: notice.code, message };
}
