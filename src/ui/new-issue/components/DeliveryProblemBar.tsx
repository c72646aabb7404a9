import { Button } from "@fluentui/react-components";
import { noticeForError } from "../../../session/session-notices";
import { errorCode } from "../../error-code";
import type { SessionNotice } from "../../ports";
import { NoticeMessageBar } from "../../components/NoticeMessageBar";
import { t } from "../../../i18n/translate";
import { problemText } from "../../problem-text";

export interface DeliveryProblemBarProps {
  error: unknown;
  jiraBaseUrl: string;
  onTryAgain(): void;
  onDismiss(): void;
  testId: string;
  /** What the bar starts with when nothing was sent: "Not created", "Not added". */
  notDone: string;
  /** The error code of an outcome Jira didn't confirm ("create_uncertain"). */
  uncertainCode: string;
  /** What the bar says of that outcome (it offers Try again, which looks in Jira first). */
  uncertainNotice(error: unknown): SessionNotice;
}

/**
 * Why the main step of a delivery (the create, the comment) was not done, or may have been; the
 * draft stays as it is. The New issue and "Add to issue" problem bars give it their own words.
 */
export function DeliveryProblemBar(props: DeliveryProblemBarProps) {
  const { error, jiraBaseUrl, onTryAgain, onDismiss, testId, notDone } = props;
  const code = errorCode(error);
  if (code === props.uncertainCode) {
    return (
      <NoticeMessageBar
        notice={props.uncertainNotice(error)}
        testId={testId}
        onDismiss={onDismiss}
        actions={<Button onClick={onTryAgain}>{t("newIssue.tryAgain")}</Button>}
      />
    );
  }
  const notice =
    code === "sign_in_required"
      ? signInNotice(notDone)
      : code === "other_user_signed_in"
        ? otherUserNotice(notDone, error)
        : noticeForError(error, { jiraBaseUrl });
  return <NoticeMessageBar notice={notice} testId={testId} onDismiss={onDismiss} />;
}

// The delivery waited for a sign-in that didn't come (cancelled, or signed out).
function signInNotice(notDone: string): SessionNotice {
  return {
    code: "sign_in_required",
    intent: "warning",
    title: "",
    message: t("newIssue.signInToContinue", { notDone }),
  };
}

// The delivery waited, and someone else signed in: it was handed back, not done as them.
function otherUserNotice(notDone: string, error: unknown): SessionNotice {
  return {
    code: "other_user_signed_in",
    intent: "warning",
    title: "",
    message: `${notDone}. ${error instanceof Error ? problemText(error) : ""}`.trim(),
  };
}
