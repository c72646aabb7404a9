import { MessageBar, MessageBarBody, makeStyles } from "@fluentui/react-components";
import { formatList } from "../../../i18n/format";
import { t } from "../../../i18n/translate";

const useStyles = makeStyles({
  wrap: { overflowWrap: "anywhere" },
});

export interface UnfillableFieldsBarProps {
  /** The required fields' names, as Jira gives them. */
  names: string[];
}

/** The issue type needs fields the form doesn't have: Jira would refuse the issue. */
export function UnfillableFieldsBar({ names }: UnfillableFieldsBarProps) {
  const styles = useStyles();
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="unsupported-fields">
      <MessageBarBody className={styles.wrap} dir="auto">
        {t("newIssue.unfillableFields", { fields: formatList(names) })}
      </MessageBarBody>
    </MessageBar>
  );
}
