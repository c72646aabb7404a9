import { Button, MessageBar, MessageBarActions, MessageBarBody } from "@fluentui/react-components";
import { t } from "../../../i18n/translate";
import type { EmailIssueLink } from "../../ports";
import { alreadyAddedText } from "../already-added";

export interface AlreadyAddedBarProps {
  /** The email's earlier link to the chosen issue. */
  link: EmailIssueLink;
  disabled: boolean;
  onAddAgain(): void;
}

/**
 * The email is already on the chosen issue: says when, and "Add it again" lets the comment go
 * anyway (Add comment waits for it).
 */
export function AlreadyAddedBar({ link, disabled, onAddAgain }: AlreadyAddedBarProps) {
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="already-added">
      <MessageBarBody dir="auto">{alreadyAddedText(link)}</MessageBarBody>
      <MessageBarActions>
        <Button disabled={disabled} onClick={onAddAgain}>
          {t("addToIssue.addItAgain")}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
