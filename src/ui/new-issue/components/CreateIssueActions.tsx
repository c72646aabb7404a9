import type { Ref } from "react";
import { SubmitActions } from "./SubmitActions";
import { t } from "../../../i18n/translate";

export interface CreateIssueActionsProps {
  /** The Create issue button, for moving focus back to it. */
  createButtonRef?: Ref<HTMLButtonElement>;
  /** This email's create runs (or waits for a sign-in). */
  creating: boolean;
  /** Jira can be asked: the create screen is checked and the form can fill it. */
  ready: boolean;
  /** The connection ended: a running create waits for the new sign-in. */
  connectionEnded: boolean;
  /** What the spinner says while creating. Default: "Creating the issue…" in the pane's language. */
  busyLabel?: string;
  onCancelWaiting(): void;
}

/** The form's submit button, and what the create is doing. */
export function CreateIssueActions({
  createButtonRef,
  creating,
  busyLabel,
  ...rest
}: CreateIssueActionsProps) {
  return (
    <SubmitActions
      {...rest}
      buttonRef={createButtonRef}
      label={t("newIssue.createIssueButton")}
      busy={creating}
      busyLabel={busyLabel ?? t("newIssue.creatingIssue")}
    />
  );
}
