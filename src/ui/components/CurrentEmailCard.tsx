import { Caption1, Card, CardHeader, Text, makeStyles, tokens } from "@fluentui/react-components";
import { formatDateTime } from "../../i18n/format";
import { t } from "../../i18n/translate";
import type { MailMessage } from "../../mail/mail-message";

const useStyles = makeStyles({
  card: { margin: tokens.spacingHorizontalL },
  subject: { wordBreak: "break-word" },
});

export interface CurrentEmailCardProps {
  message: MailMessage;
}

/** Which email the pane is acting on: subject, sender, date, attachments. */
export function CurrentEmailCard({ message }: CurrentEmailCardProps) {
  const styles = useStyles();
  const files = message.attachments.filter((attachment) => !attachment.isInline).length;
  const sender = message.from
    ? `${message.from.name} <${message.from.address}>`
    : t("app.unknownSender");
  return (
    <Card className={styles.card} aria-label={t("app.currentEmailRegion")}>
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
            <bdi>{message.subject || t("app.noSubject")}</bdi>
          </Text>
        }
        description={
          <Caption1>
            <bdi>{sender}</bdi>
            {message.sentAt && <> · {sentAtText(message.sentAt)}</>}
          </Caption1>
        }
      />
      {files > 0 && <Caption1>{t("app.attachmentCount", { count: files })}</Caption1>}
    </Card>
  );
}

/** When the email was sent, for the active language ("Nov 30, 2026, 9:15 AM" / "30.11.2026, 09:15"). */
function sentAtText(date: Date): string {
  try {
    return formatDateTime(date);
  } catch {
    return date.toISOString(); // An unknown locale tag or an invalid date must not break the pane.
  }
}
