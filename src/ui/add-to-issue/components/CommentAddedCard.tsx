import { Link, MessageBar, MessageBarBody } from "@fluentui/react-components";
import { t } from "../../../i18n/translate";
import { ELEMENT_MARK, withElements } from "../../../i18n/text-with-elements";
import { DeliveryResultCard } from "../../new-issue/components/DeliveryResultCard";
import { commentUrl } from "../comment-delivery";
import type { CommentedDelivery } from "../comment-delivery";

export interface CommentAddedCardProps {
  delivery: CommentedDelivery;
  /** Steps still run: no retry, no Done yet. */
  busy: boolean;
  onRetry(): void;
  onDone(): void;
}

/**
 * "Added to SUP-2" (the key linking to the comment in Jira), the issue's summary and the steps;
 * after a partial failure, "Retry failed steps" runs only those.
 */
export function CommentAddedCard({ delivery, busy, onRetry, onDone }: CommentAddedCardProps) {
  const { issue, comment, jiraBaseUrl } = delivery;
  return (
    <DeliveryResultCard
      testId="comment-added"
      heading={withElements(t("addToIssue.addedTo", { issueKey: ELEMENT_MARK }), [
        <Link
          key="issue"
          href={commentUrl(jiraBaseUrl, issue.key, comment.id)}
          target="_blank"
          rel="noreferrer"
        >
          {issue.key}
        </Link>,
      ])}
      summary={issue.summary}
      recoveredNote={comment.recovered ? t("addToIssue.recoveredNote") : undefined}
      delivery={delivery}
      failedMessage={(failed) => t("addToIssue.stepsFailedNote", { count: failed })}
      finishLabel={t("addToIssue.done")}
      busy={busy}
      onRetry={onRetry}
      onFinish={onDone}
    >
      {delivery.unsentEdits && (
        <MessageBar intent="warning" layout="multiline" data-testid="unsent-edits">
          <MessageBarBody>{t("addToIssue.unsentEdits")}</MessageBarBody>
        </MessageBar>
      )}
    </DeliveryResultCard>
  );
}
