import { Button, MessageBar, MessageBarActions, MessageBarBody } from "@fluentui/react-components";

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
      <MessageBarBody>
        {`The last try may have added this comment already, to ${issueKey}: Add comment looks for it there first, so it won't be added twice. Until then the issue and who can see the comment stay as they are, and a changed text is sent only if the comment isn't there. Checked ${issueKey} in Jira yourself? "Forget the last try" lets you choose again.`}
      </MessageBarBody>
      <MessageBarActions>
        <Button onClick={onForget}>Forget the last try</Button>
      </MessageBarActions>
    </MessageBar>
  );
}
