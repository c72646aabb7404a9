import { Link, MessageBar, MessageBarBody } from "@fluentui/react-components";
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
      heading={
        <>
          {"Added to "}
          <Link
            href={commentUrl(jiraBaseUrl, issue.key, comment.id)}
            target="_blank"
            rel="noreferrer"
          >
            {issue.key}
          </Link>
        </>
      }
      summary={issue.summary}
      recoveredNote={
        comment.recovered ? "It had already been added; the answer was lost on the way." : undefined
      }
      delivery={delivery}
      failedMessage={(failed) =>
        failed === 1
          ? "The comment was added, but one step failed. Retry runs only that step."
          : `The comment was added, but ${failed} steps failed. Retry runs only those.`
      }
      finishLabel="Done"
      busy={busy}
      onRetry={onRetry}
      onFinish={onDone}
    >
      {delivery.unsentEdits && (
        <MessageBar intent="warning" layout="multiline" data-testid="unsent-edits">
          <MessageBarBody>
            {
              "The comment in Jira is the one from that earlier try: the changes you made to the text afterwards were not sent. They are still in the form after Done."
            }
          </MessageBarBody>
        </MessageBar>
      )}
    </DeliveryResultCard>
  );
}
