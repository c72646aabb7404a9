import {
  Button,
  Card,
  Link,
  MessageBar,
  MessageBarBody,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useCallback, useRef } from "react";
import { focusIfLost } from "../../focus";
import { failedSteps } from "../../new-issue/delivery";
import { DeliverySteps } from "../../new-issue/components/DeliverySteps";
import { commentUrl } from "../comment-delivery";
import type { CommentedDelivery } from "../comment-delivery";

const useStyles = makeStyles({
  card: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  summary: { overflowWrap: "anywhere" },
  actions: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalM },
});

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
  const styles = useStyles();
  const { issue, comment, jiraBaseUrl } = delivery;
  const failed = failedSteps(delivery).length;
  const doneButton = useRef<HTMLButtonElement | null>(null);
  // Stable, so React attaches it once, when the button appears (see CreatedIssueCard).
  const setDoneButton = useCallback((element: HTMLButtonElement | null) => {
    doneButton.current = element;
    focusIfLost(element); // It replaces the Add comment button the user was on: focus follows.
  }, []);
  // The Retry button goes away while the steps run: keep the keyboard user on Done.
  const handleRetry = () => {
    doneButton.current?.focus();
    onRetry();
  };
  return (
    <Card className={styles.card} data-testid="comment-added">
      <Text as="h3" weight="semibold" size={400}>
        {"Added to "}
        <Link
          href={commentUrl(jiraBaseUrl, issue.key, comment.id)}
          target="_blank"
          rel="noreferrer"
        >
          {issue.key}
        </Link>
      </Text>
      <Text className={styles.summary} dir="auto">
        {issue.summary}
      </Text>
      {comment.recovered && (
        <Text size={200}>It had already been added; the answer was lost on the way.</Text>
      )}
      {delivery.unsentEdits && (
        <MessageBar intent="warning" layout="multiline" data-testid="unsent-edits">
          <MessageBarBody>
            {
              "The comment in Jira is the one from that earlier try: the changes you made to the text afterwards were not sent. They are still in the form after Done."
            }
          </MessageBarBody>
        </MessageBar>
      )}
      <DeliverySteps steps={delivery.steps} />
      {!busy && failed > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            {failed === 1
              ? "The comment was added, but one step failed. Retry runs only that step."
              : `The comment was added, but ${failed} steps failed. Retry runs only those.`}
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        {!busy && failed > 0 && (
          <Button appearance="primary" onClick={handleRetry}>
            Retry failed steps
          </Button>
        )}
        {/* Busy, it stays focusable (aria-disabled), so the keyboard user keeps their place. */}
        <Button ref={setDoneButton} disabledFocusable={busy} onClick={onDone}>
          Done
        </Button>
      </div>
    </Card>
  );
}
