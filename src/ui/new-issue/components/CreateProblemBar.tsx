import type { SessionNotice } from "../../ports";
import { DeliveryProblemBar } from "./DeliveryProblemBar";

export interface CreateProblemBarProps {
  error: unknown;
  jiraBaseUrl: string;
  onTryAgain(): void;
  onDismiss(): void;
}

/** Why the issue was not created (or may have been); the draft stays as it is. */
export function CreateProblemBar(props: CreateProblemBarProps) {
  return (
    <DeliveryProblemBar
      {...props}
      testId="new-issue-problem"
      notDone="Not created"
      uncertainCode="create_uncertain"
      uncertainNotice={() => UNCERTAIN_NOTICE}
    />
  );
}

// IssueCreateUncertainError: the draft now says so, and the next try looks before it creates.
const UNCERTAIN_NOTICE: SessionNotice = {
  code: "create_uncertain",
  intent: "warning",
  title: "Jira did not confirm the new issue",
  message:
    "The issue may or may not have been created. Try again looks for it in Jira first, so it won't be created twice.",
};
