import { Button, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Ref } from "react";

const useStyles = makeStyles({
  actions: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalM },
});

export interface CreateIssueActionsProps {
  /** The Create issue button, for moving focus back to it. */
  createButtonRef?: Ref<HTMLButtonElement>;
  /** This email's create runs (or waits for a sign-in). */
  creating: boolean;
  /** Jira can be asked: the create screen is checked and the form can fill it. */
  ready: boolean;
  /** The connection ended: a running create waits for the new sign-in. */
  connectionEnded: boolean;
  /** What the spinner says while creating. Default "Creating the issue…". */
  busyLabel?: string;
  onCancelWaiting(): void;
}

/** The form's submit button, and what the create is doing. */
export function CreateIssueActions({
  createButtonRef,
  creating,
  ready,
  connectionEnded,
  busyLabel = "Creating the issue…",
  onCancelWaiting,
}: CreateIssueActionsProps) {
  const styles = useStyles();
  return (
    <>
      <div className={styles.actions}>
        {/* Busy, it stays focusable (aria-disabled): a focused control that becomes disabled loses
            focus to <body>, and the keyboard user would lose their place in the form. */}
        <Button
          ref={createButtonRef}
          type="submit"
          appearance="primary"
          disabled={!creating && !ready}
          disabledFocusable={creating}
        >
          Create issue
        </Button>
        {creating && !connectionEnded && (
          <Spinner size="tiny" labelPosition="after" label={busyLabel} />
        )}
      </div>
      {creating && connectionEnded && (
        <div className={styles.actions} role="status">
          <Text>Waiting for you to sign in to Jira again…</Text>
          <Button onClick={onCancelWaiting}>Cancel</Button>
        </div>
      )}
    </>
  );
}
