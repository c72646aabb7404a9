import { MessageBar, MessageBarBody } from "@fluentui/react-components";
import { t } from "../../../i18n/translate";

/** The draft's last create ended uncertain: the next one looks for the issue before posting. */
export function PreviousAttemptNote() {
  return (
    <MessageBar intent="info" layout="multiline">
      <MessageBarBody>{t("newIssue.previousAttemptNote")}</MessageBarBody>
    </MessageBar>
  );
}
