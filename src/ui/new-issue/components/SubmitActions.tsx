import { Button, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Ref } from "react";
import { t } from "../../../i18n/translate";

const useStyles = makeStyles({
  actions: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalM },
});

export interface SubmitActionsProps {
  /** The submit button, for moving focus back to it. */
  buttonRef?: Ref<HTMLButtonElement> | undefined;
  /** What the submit button says ("Create issue", "Add comment"). */
  label: string;
  /** This email's delivery runs (or waits for a sign-in). */
  busy: boolean;
  /** Jira can be asked: the form has what the delivery needs. */
  ready: boolean;
  /** The connection ended: a running delivery waits for the new sign-in. */
  connectionEnded: boolean;
  /** What the spinner says while busy. */
  busyLabel: string;
  onCancelWaiting(): void;
}

/**
 * A delivery form's submit button, and what the delivery is doing: a spinner while it runs, or,
 * when the connection ended, that it waits for a sign-in (with Cancel).
 */
export function SubmitActions({
  buttonRef,
  label,
  busy,
  ready,
  connectionEnded,
  busyLabel,
  onCancelWaiting,
}: SubmitActionsProps) {
  const styles = useStyles();
  return (
    <>
      <div className={styles.actions}>
        {/* Busy, it stays focusable (aria-disabled): a focused control that becomes disabled loses
            focus to <body>, and the keyboard user would lose their place in the form. */}
        <Button
          ref={buttonRef}
          type="submit"
          appearance="primary"
          disabled={!busy && !ready}
          disabledFocusable={busy}
        >
          {label}
        </Button>
        {busy && !connectionEnded && (
          <Spinner size="tiny" labelPosition="after" label={busyLabel} />
        )}
      </div>
      {busy && connectionEnded && (
        <div className={styles.actions} role="status">
          <Text>{t("newIssue.waitingForSignIn")}</Text>
          <Button onClick={onCancelWaiting}>{t("newIssue.cancelWaiting")}</Button>
        </div>
      )}
    </>
  );
}
