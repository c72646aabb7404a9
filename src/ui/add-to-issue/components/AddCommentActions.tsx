import { Button, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Ref } from "react";

const useStyles = makeStyles({
  actions: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalM },
});

export interface AddCommentActionsProps {
  /** The Add comment button, for moving focus back to it. */
  buttonRef?: Ref<HTMLButtonElement>;
  /** This email's comment is being added (or waits for a sign-in). */
  sending: boolean;
  /** Jira can be asked: an issue is chosen, the comment converted, a repeat confirmed. */
  ready: boolean;
  /** The connection ended: a running comment waits for the new sign-in. */
  connectionEnded: boolean;
  /** What the spinner says while sending. */
  busyLabel: string;
  onCancelWaiting(): void;
}

/** The form's submit button ("Add comment"), and what the comment is doing. */
export function AddCommentActions({
  buttonRef,
  sending,
  ready,
  connectionEnded,
  busyLabel,
  onCancelWaiting,
}: AddCommentActionsProps) {
  const styles = useStyles();
  return (
    <>
      <div className={styles.actions}>
        {/* Busy, it stays focusable (aria-disabled), so the keyboard user keeps their place. */}
        <Button
          ref={buttonRef}
          type="submit"
          appearance="primary"
          disabled={!sending && !ready}
          disabledFocusable={sending}
        >
          Add comment
        </Button>
        {sending && !connectionEnded && (
          <Spinner size="tiny" labelPosition="after" label={busyLabel} />
        )}
      </div>
      {sending && connectionEnded && (
        <div className={styles.actions} role="status">
          <Text>Waiting for you to sign in to Jira again…</Text>
          <Button onClick={onCancelWaiting}>Cancel</Button>
        </div>
      )}
    </>
  );
}
