import {
  Button,
  Card,
  MessageBar,
  MessageBarBody,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useCallback, useRef } from "react";
import { focusIfLost } from "../../focus";
import { failedSteps } from "../delivery";
import type { CreatedDelivery } from "../new-issue-submission";
import { DeliverySteps } from "./DeliverySteps";
import { IssueLink } from "./IssueLink";

const useStyles = makeStyles({
  card: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  summary: { overflowWrap: "anywhere" },
  actions: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalM },
});

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
  const styles = useStyles();
  const { issue, jiraBaseUrl } = delivery;
  const failed = failedSteps(delivery).length;
  const newIssueButton = useRef<HTMLButtonElement | null>(null);
  // Stable, so React attaches it once, when the button appears: a new function each render would
  // run again on every progress update and pull focus to the button whenever none is set.
  const setNewIssueButton = useCallback((element: HTMLButtonElement | null) => {
    newIssueButton.current = element;
    focusIfLost(element); // It replaces the Create issue button the user was on: focus follows.
  }, []);
  // The Retry button goes away while the steps run: keep the keyboard user on New issue.
  const handleRetry = () => {
    newIssueButton.current?.focus();
    onRetry();
  };
  return (
    <Card className={styles.card} data-testid="issue-created">
      <Text as="h3" weight="semibold" size={400}>
        Created <IssueLink jiraBaseUrl={jiraBaseUrl} issueKey={issue.key} />
      </Text>
      <Text className={styles.summary} dir="auto">
        {delivery.summary}
      </Text>
      {issue.recovered && (
        <Text size={200}>It had already been created; the answer was lost on the way.</Text>
      )}
      <DeliverySteps steps={delivery.steps} />
      {!busy && failed > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            {failed === 1
              ? "The issue exists, but one step failed. Retry runs only that step."
              : `The issue exists, but ${failed} steps failed. Retry runs only those.`}
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
        <Button ref={setNewIssueButton} disabledFocusable={busy} onClick={onNewIssue}>
          New issue
        </Button>
      </div>
    </Card>
  );
}
