import { Caption1, Card, CardHeader, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { MailMessage } from "../../mail/mail-message";

const useStyles = makeStyles({
  card: { margin: tokens.spacingHorizontalL },
  subject: { wordBreak: "break-word" },
});

export interface CurrentEmailCardProps {
  message: MailMessage;
  /** BCP 47 language for dates, e.g. Office's display language. */
  locale: string;
}

/** Which email the pane is acting on: subject, sender, date, attachments. */
export function CurrentEmailCard({ message, locale }: CurrentEmailCardProps) {
  const styles = useStyles();
  const files = message.attachments.filter((attachment) => !attachment.isInline).length;
  const sender = message.from ? `${message.from.name} <${message.from.address}>` : "Unknown sender";
  return (
    <Card className={styles.card} aria-label="Current email">
      <CardHeader
        header={
          // dir="auto": subjects can be right-to-left; <bdi> keeps them from reordering the rest.
          <Text
            as="h2"
            weight="semibold"
            className={styles.subject}
            dir="auto"
            data-testid="current-subject"
          >
            <bdi>{message.subject || "(no subject)"}</bdi>
          </Text>
        }
        description={
          <Caption1>
            <bdi>{sender}</bdi>
            {message.sentAt && <> · {formatDate(message.sentAt, locale)}</>}
          </Caption1>
        }
      />
      {files > 0 && <Caption1>{files === 1 ? "1 attachment" : `${files} attachments`}</Caption1>}
    </Card>
  );
}

function formatDate(date: Date, locale: string): string {
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(
      date
    );
  } catch {
    return date.toISOString(); // An unknown locale tag must not break the pane.
  }
}
