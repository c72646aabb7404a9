import { MessageBar, MessageBarBody } from "@fluentui/react-components";

/** The draft's last create ended uncertain: the next one looks for the issue before posting. */
export function PreviousAttemptNote() {
  return (
    <MessageBar intent="info" layout="multiline">
      <MessageBarBody>
        {
          "The last try may have created this issue already: Create issue looks for it in Jira first, so it won't be created twice."
        }
      </MessageBarBody>
    </MessageBar>
  );
}
