import { Button, MessageBar, MessageBarActions, MessageBarBody } from "@fluentui/react-components";
import type { EmailIssueLink } from "../../ports";
import { alreadyAddedText } from "../already-added";

export interface AlreadyAddedBarProps {
  /** The email's earlier link to the chosen issue. */
  link: EmailIssueLink;
  locale: string;
  disabled: boolean;
  onAddAgain(): void;
}

/**
 * The email is already on the chosen issue: says when, and "Add it again" lets the comment go
 * anyway (Add comment waits for it).
 */
export function AlreadyAddedBar({ link, locale, disabled, onAddAgain }: AlreadyAddedBarProps) {
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="already-added">
      <MessageBarBody dir="auto">{alreadyAddedText(link, locale)}</MessageBarBody>
      <MessageBarActions>
        <Button disabled={disabled} onClick={onAddAgain}>
          Add it again
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
