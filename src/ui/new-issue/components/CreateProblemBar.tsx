import type { SessionNotice } from "../../ports";
import { DeliveryProblemBar } from "./DeliveryProblemBar";
import { t } from "../../../i18n/translate";

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
      notDone={t("newIssue.notCreated")}
      uncertainCode="create_uncertain"
      uncertainNotice={uncertainNotice}
    />
  );
}

// IssueCreateUncertainError: the draft now says so, and the next try looks before it creates.
function uncertainNotice(): SessionNotice {
  return {
    code: "create_uncertain",
    intent: "warning",
    title: t("newIssue.createUncertainTitle"),
    message: t("newIssue.createUncertainMessage"),
  };
}
