import { Button } from "@fluentui/react-components";
import { noticeForError } from "../../../session/session-notices";
import { errorCode } from "../../error-code";
import type { SessionNotice } from "../../ports";
import { NoticeMessageBar } from "../../components/NoticeMessageBar";

export interface CreateProblemBarProps {
  error: unknown;
  jiraBaseUrl: string;
  onTryAgain(): void;
  onDismiss(): void;
}

/** Why the issue was not created (or may have been); the draft stays as it is. */
export function CreateProblemBar({
  error,
  jiraBaseUrl,
  onTryAgain,
  onDismiss,
}: CreateProblemBarProps) {
  const code = errorCode(error);
  if (code === "create_uncertain") {
    return (
      <NoticeMessageBar
        notice={UNCERTAIN_NOTICE}
        testId="new-issue-problem"
        onDismiss={onDismiss}
        actions={<Button onClick={onTryAgain}>Try again</Button>}
      />
    );
  }
  const notice =
    code === "sign_in_required"
      ? SIGN_IN_NOTICE
      : code === "other_user_signed_in"
        ? otherUserNotice(error)
        : noticeForError(error, { jiraBaseUrl });
  return <NoticeMessageBar notice={notice} testId="new-issue-problem" onDismiss={onDismiss} />;
}

// The create waited for a sign-in that didn't come (cancelled, or signed out).
const SIGN_IN_NOTICE: SessionNotice = {
  code: "sign_in_required",
  intent: "warning",
  title: "",
  message: "Not created: sign in to Jira to continue.",
};

// The create waited, and someone else signed in: it was handed back, not made as them.
function otherUserNotice(error: unknown): SessionNotice {
  return {
    code: "other_user_signed_in",
    intent: "warning",
    title: "",
    message: `Not created. ${error instanceof Error ? error.message : ""}`.trim(),
  };
}

// IssueCreateUncertainError: the draft now says so, and the next try looks before it creates.
const UNCERTAIN_NOTICE: SessionNotice = {
  code: "create_uncertain",
  intent: "warning",
  title: "Jira did not confirm the new issue",
  message:
    "The issue may or may not have been created. Try again looks for it in Jira first, so it won't be created twice.",
};
