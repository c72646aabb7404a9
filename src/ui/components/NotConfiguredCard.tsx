import { Card, Text, makeStyles, tokens, useId } from "@fluentui/react-components";
import type { SessionNotice } from "../ports";

const useStyles = makeStyles({
  card: { marginInline: tokens.spacingHorizontalL },
  message: { whiteSpace: "pre-line", overflowWrap: "anywhere" },
});

export interface NotConfiguredCardProps {
  /** What is wrong with the add-in's configuration. */
  notice: SessionNotice;
}

/** The add-in's host is not set up for Jira: nothing the user can fix, so say who can. */
export function NotConfiguredCard({ notice }: NotConfiguredCardProps) {
  const styles = useStyles();
  const headingId = useId("not-configured-heading");
  return (
    <Card
      className={styles.card}
      aria-labelledby={headingId}
      data-testid="not-configured"
      data-code={notice.code}
    >
      <Text as="h2" id={headingId} weight="semibold" size={400}>
        Jira for Outlook is not set up
      </Text>
      <Text as="p" className={styles.message} dir="auto">
        {notice.message}
      </Text>
      <Text as="p">{"Ask your administrator to check the add-in's configuration."}</Text>
    </Card>
  );
}
