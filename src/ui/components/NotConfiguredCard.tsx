import { Button, Card, Text, makeStyles, tokens, useId } from "@fluentui/react-components";
import { t } from "../../i18n/translate";
import type { SessionNotice } from "../ports";

const useStyles = makeStyles({
  card: { marginInline: tokens.spacingHorizontalL },
  message: { whiteSpace: "pre-line", overflowWrap: "anywhere" },
  actions: { display: "flex", gap: tokens.spacingHorizontalS },
});

export interface NotConfiguredCardProps {
  /** What is wrong with the add-in's configuration. */
  notice: SessionNotice;
  /**
   * Tries again once the administrator fixed the configuration (the session's `start()`).
   * Default: reloads the pane, which fetches the configuration afresh.
   */
  onTryAgain?: () => void;
}

/** The add-in's host is not set up for Jira: nothing the user can fix, so say who can, and offer Try again. */
export function NotConfiguredCard({ notice, onTryAgain }: NotConfiguredCardProps) {
  const styles = useStyles();
  const headingId = useId("not-configured-heading");
  const handleTryAgain = onTryAgain ?? (() => window.location.reload());
  return (
    <Card
      className={styles.card}
      aria-labelledby={headingId}
      data-testid="not-configured"
      data-code={notice.code}
    >
      <Text as="h2" id={headingId} weight="semibold" size={400}>
        {t("notices.notConfiguredHeading")}
      </Text>
      <Text as="p" className={styles.message} dir="auto">
        {notice.message}
      </Text>
      <Text as="p">
        {t("notices.notConfiguredWho")} {t("notices.notConfiguredRetryHint")}
      </Text>
      <div className={styles.actions}>
        <Button onClick={handleTryAgain}>{t("notices.tryAgain")}</Button>
      </div>
    </Card>
  );
}
