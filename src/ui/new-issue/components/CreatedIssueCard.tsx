import type { CreatedDelivery } from "../new-issue-submission";
import { DeliveryResultCard } from "./DeliveryResultCard";
import { IssueLink } from "./IssueLink";
import { t } from "../../../i18n/translate";
import { ELEMENT_MARK, withElements } from "../../../i18n/text-with-elements";

export interface CreatedIssueCardProps {
  delivery: CreatedDelivery;
  /** Steps still run: no retry, no new issue yet. */
  busy: boolean;
  onRetry(): void;
  onNewIssue(): void;
}

/**
 * "Created SUP-12" (the key linking to the issue in Jira), its summary and the steps; after a
 * partial failure, "Retry failed steps" runs only those.
 */
export function CreatedIssueCard({ delivery, busy, onRetry, onNewIssue }: CreatedIssueCardProps) {
  const { issue, jiraBaseUrl } = delivery;
  return (
    <DeliveryResultCard
      testId="issue-created"
      heading={withElements(t("newIssue.createdIssueHeading", { issueKey: ELEMENT_MARK }), [
        <IssueLink key="issue" jiraBaseUrl={jiraBaseUrl} issueKey={issue.key} />,
      ])}
      summary={delivery.summary}
      recoveredNote={issue.recovered ? t("newIssue.createRecoveredNote") : undefined}
      delivery={delivery}
      failedMessage={(failed) => t("newIssue.createFollowUpsFailed", { count: failed })}
      finishLabel={t("newIssue.newIssueButton")}
      busy={busy}
      onRetry={onRetry}
      onFinish={onNewIssue}
    />
  );
}
