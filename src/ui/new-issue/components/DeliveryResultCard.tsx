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
import type { ReactNode } from "react";
import { focusIfLost } from "../../focus";
import { failedSteps } from "../delivery";
import type { StepsDelivery } from "../delivery";
import { DeliverySteps } from "./DeliverySteps";
import { t } from "../../../i18n/translate";

const useStyles = makeStyles({
  card: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  summary: { overflowWrap: "anywhere" },
  actions: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalM },
});

export interface DeliveryResultCardProps {
  testId: string;
  /** "Created SUP-12", "Added to SUP-2": the key links to what was made in Jira. */
  heading: ReactNode;
  /** The summary. */
  summary: string;
  /** Said when the main step had been done already and only its answer was lost. */
  recoveredNote?: string | undefined;
  /** Notes of the view's own, shown above the steps. */
  children?: ReactNode;
  delivery: StepsDelivery;
  /** What the warning says when `failed` steps after the main one failed. */
  failedMessage(failed: number): string;
  /** The button back to a fresh form ("New issue", "Done"). */
  finishLabel: string;
  /** Steps still run: no retry, no finishing yet. */
  busy: boolean;
  onRetry(): void;
  onFinish(): void;
}

/**
 * What a delivery did: the heading, the summary and the steps; after a partial failure,
 * "Retry failed steps" runs only those. The New issue and "Add to issue" results both use it.
 */
export function DeliveryResultCard(props: DeliveryResultCardProps) {
  const { delivery, busy, onRetry, onFinish } = props;
  const styles = useStyles();
  const failed = failedSteps(delivery).length;
  const finishButton = useRef<HTMLButtonElement | null>(null);
  // Stable, so React attaches it once, when the button appears: a new function each render would
  // run again on every progress update and pull focus to the button whenever none is set.
  const setFinishButton = useCallback((element: HTMLButtonElement | null) => {
    finishButton.current = element;
    focusIfLost(element); // It replaces the button the user was on (Create, Add): focus follows.
  }, []);
  // The Retry button goes away while the steps run: keep the keyboard user on the finish button.
  const handleRetry = () => {
    finishButton.current?.focus();
    onRetry();
  };
  return (
    <Card className={styles.card} data-testid={props.testId}>
      <Text as="h3" weight="semibold" size={400}>
        {props.heading}
      </Text>
      <Text className={styles.summary} dir="auto">
        {props.summary}
      </Text>
      {props.recoveredNote && <Text size={200}>{props.recoveredNote}</Text>}
      {props.children}
      <DeliverySteps steps={delivery.steps} />
      {!busy && failed > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{props.failedMessage(failed)}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        {!busy && failed > 0 && (
          <Button appearance="primary" onClick={handleRetry}>
            {t("newIssue.retryFailedSteps")}
          </Button>
        )}
        {/* Busy, it stays focusable (aria-disabled), so the keyboard user keeps their place. */}
        <Button ref={setFinishButton} disabledFocusable={busy} onClick={onFinish}>
          {props.finishLabel}
        </Button>
      </div>
    </Card>
  );
}
