import { t } from "../../../i18n/translate";
import { DeliveryProblemBar } from "../../new-issue/components/DeliveryProblemBar";
import type { SessionNotice } from "../../ports";

export interface CommentProblemBarProps {
  error: unknown;
  jiraBaseUrl: string;
  onTryAgain(): void;
  onDismiss(): void;
}

/** Why the comment was not added (or may have been); the draft stays as it is. */
export function CommentProblemBar(props: CommentProblemBarProps) {
  return (
    <DeliveryProblemBar
      {...props}
      testId="add-to-issue-problem"
      notDone={t("addToIssue.notAdded")}
      uncertainCode="comment_uncertain"
      uncertainNotice={uncertainNotice}
    />
  );
}

// CommentUncertainError: the draft now says so (and stays on the issue), and the next try looks
// there before it posts.
function uncertainNotice(error: unknown): SessionNotice {
  const { issueKey } = error as { issueKey?: unknown };
  const known = typeof issueKey === "string" && issueKey !== "";
  return {
    code: "comment_uncertain",
    intent: "warning",
    title: t("addToIssue.uncertainTitle"),
    message: known
      ? t("addToIssue.uncertainMessageTo", { issueKey })
      : t("addToIssue.uncertainMessage"),
  };
}
