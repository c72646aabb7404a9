import type { CreatedDelivery } from "../new-issue-submission";
import { DeliveryResultCard } from "./DeliveryResultCard";
import { IssueLink } from "./IssueLink";

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
      heading={
        <>
          Created <IssueLink jiraBaseUrl={jiraBaseUrl} issueKey={issue.key} />
        </>
      }
      summary={delivery.summary}
      recoveredNote={
        issue.recovered ? "It had already been created; the answer was lost on the way." : undefined
      }
      delivery={delivery}
      failedMessage={(failed) =>
        failed === 1
          ? "The issue exists, but one step failed. Retry runs only that step."
          : `The issue exists, but ${failed} steps failed. Retry runs only those.`
      }
      finishLabel="New issue"
      busy={busy}
      onRetry={onRetry}
      onFinish={onNewIssue}
    />
  );
}
