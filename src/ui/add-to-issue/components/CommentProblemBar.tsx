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
      notDone="Not added"
      uncertainCode="comment_uncertain"
      uncertainNotice={uncertainNotice}
    />
  );
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
