import type { Ref } from "react";
import { t } from "../../../i18n/translate";
import { SubmitActions } from "../../new-issue/components/SubmitActions";

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
export function AddCommentActions({ sending, ...rest }: AddCommentActionsProps) {
  return <SubmitActions {...rest} label={t("addToIssue.addCommentButton")} busy={sending} />;
}
