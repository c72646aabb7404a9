import { Button, MessageBar, MessageBarActions, MessageBarBody } from "@fluentui/react-components";
import { t } from "../../../i18n/translate";

export interface UncertainAttemptBarProps {
  /** The key of the issue the uncertain attempt went to. */
  issueKey: string;
  onForget(): void;
}

/**
 * The last try may have added the comment (its answer was lost): Add comment looks for it on that
 * issue first, and until then the draft stays on that issue, with its visibility. The user who
 * checked the issue in Jira may forget the try and choose again.
 */
export function UncertainAttemptBar({ issueKey, onForget }: UncertainAttemptBarProps) {
  return (
    <MessageBar intent="info" layout="multiline" data-testid="uncertain-attempt">
      <MessageBarBody>{t("addToIssue.uncertainAttempt", { issueKey })}</MessageBarBody>
      <MessageBarActions>
        <Button onClick={onForget}>{t("addToIssue.forgetLastTry")}</Button>
      </MessageBarActions>
    </MessageBar>
  );
}
