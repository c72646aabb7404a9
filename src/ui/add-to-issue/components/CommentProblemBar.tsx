import { Button } from "@fluentui/react-components";
import { noticeForError } from "../../../session/session-notices";
import { NoticeMessageBar } from "../../components/NoticeMessageBar";
import { errorCode } from "../../error-code";
import type { SessionNotice } from "../../ports";

export interface CommentProblemBarProps {
  error: unknown;
  jiraBaseUrl: string;
  onTryAgain(): void;
  onDismiss(): void;
}

/** Why the comment was not added (or may have been); the draft stays as it is. */
export function CommentProblemBar({
  error,
  jiraBaseUrl,
  onTryAgain,
  onDismiss,
}: CommentProblemBarProps) {
  const code = errorCode(error);
  if (code === "comment_uncertain") {
    return (
      <NoticeMessageBar
        notice={uncertainNotice(error)}
        testId="add-to-issue-problem"
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
  return <NoticeMessageBar notice={notice} testId="add-to-issue-problem" onDismiss={onDismiss} />;
}

// The comment waited for a sign-in that didn't come (cancelled, or signed out).
const SIGN_IN_NOTICE: SessionNotice = {
  code: "sign_in_required",
  intent: "warning",
  title: "",
  message: "Not added: sign in to Jira to continue.",
};

// The comment waited, and someone else signed in: it was handed back, not added as them.
function otherUserNotice(error: unknown): SessionNotice {
  return {
    code: "other_user_signed_in",
    intent: "warning",
    title: "",
    message: `Not added. ${error instanceof Error ? error.message : ""}`.trim(),
  };
}

// CommentUncertainError: the draft now says so (and stays on the issue), and the next try looks
// there before it posts.
function uncertainNotice(error: unknown): SessionNotice {
  const { issueKey } = error as { issueKey?: unknown };
  const where = typeof issueKey === "string" && issueKey !== "" ? ` to ${issueKey}` : "";
  return {
    code: "comment_uncertain",
    intent: "warning",
    title: "Jira did not confirm the comment",
    message:
      `The comment may or may not have been added${where}. Try again looks for it in Jira ` +
      "first, so it won't be added twice. Until then the issue and who can see the comment stay " +
      "as they are.",
  };
}
