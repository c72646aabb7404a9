import type { CreatedDelivery } from "../new-issue-submission";
import { DeliveryResultCard } from "./DeliveryResultCard";
import { IssueLink } from "./IssueLink";
import { t } from "../../../i18n/translate";
import { textAround } from "../message-parts";

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
  const [before, after] = textAround("newIssue.createdIssueHeading", "issueKey");
  return (
    <DeliveryResultCard
      testId="issue-created"
      heading={
        <>
          {before}
          <IssueLink jiraBaseUrl={jiraBaseUrl} issueKey={issue.key} />
          {after}
        </>
      }
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
