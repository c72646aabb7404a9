import { Button, makeStyles } from "@fluentui/react-components";
import { t } from "../../../i18n/translate";

const useStyles = makeStyles({ button: { alignSelf: "flex-start" } });

export interface RefreshFromJiraButtonProps {
  /** A list is loading, or a create runs. */
  disabled: boolean;
  onRefresh(): void;
}

/**
 * "Refresh fields from Jira": the projects, issue types and fields are kept between page loads
 * (up to a day, the fields an hour); this asks Jira for them again, e.g. after an admin changed the
 * create screen.
 */
export function RefreshFromJiraButton({ disabled, onRefresh }: RefreshFromJiraButtonProps) {
  const styles = useStyles();
  return (
    <Button
      className={styles.button}
      appearance="subtle"
      size="small"
      disabled={disabled}
      onClick={onRefresh}
      data-testid="refresh-from-jira"
    >
      {t("newIssue.refreshFromJira")}
    </Button>
  );
}
