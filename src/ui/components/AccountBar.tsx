import { memo } from "react";
import { Button, Caption1, Text, makeStyles, tokens } from "@fluentui/react-components";
import { t } from "../../i18n/translate";
import { jiraHostCaption } from "../jira-host-caption";
import type { JiraAccount } from "../ports";

const useStyles = makeStyles({
  bar: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalM,
    marginInline: tokens.spacingHorizontalL,
  },
  who: { display: "flex", flexDirection: "column", minWidth: 0 },
  name: { overflowWrap: "anywhere" },
});

export interface AccountBarProps {
  account: JiraAccount;
  jiraBaseUrl: string;
  onSignOut(): void;
}

/** Who the pane acts as in Jira, on which Jira, and the way out. */
export const AccountBar = memo(function AccountBar({
  account,
  jiraBaseUrl,
  onSignOut,
}: AccountBarProps) {
  const styles = useStyles();
  const name = account.displayName || account.name;
  return (
    <section className={styles.bar} aria-label={t("app.accountRegion")} data-testid="account-bar">
      <div className={styles.who}>
        {/* One text node, so "Signed in as Jane Doe" can be matched exactly; dir="auto" for RTL names. */}
        <Text weight="semibold" className={styles.name} dir="auto">
          {t("app.signedInAs", { name })}
        </Text>
        <Caption1>{jiraHostCaption(jiraBaseUrl)}</Caption1>
      </div>
      <Button appearance="subtle" onClick={onSignOut}>
        {t("app.signOut")}
      </Button>
    </section>
  );
});
