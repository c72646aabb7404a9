import { memo } from "react";
import { Caption1, Card, CardHeader, Text, makeStyles, tokens } from "@fluentui/react-components";
import { formatDateTime } from "../../i18n/format";
import { t } from "../../i18n/translate";
import type { MailMessage } from "../../mail/mail-message";
import { visibleSingleLine } from "../../mail/visible-text";

const useStyles = makeStyles({
  card: { margin: tokens.spacingHorizontalL },
  subject: { wordBreak: "break-word" },
});

export interface CurrentEmailCardProps {
  message: MailMessage;
}

/**
 * Which email the pane is acting on: subject, sender, date, attachments. The subject and the
 * sender come from whoever wrote the email: shown without zero-width and bidi control characters
 * (visible-text.ts), each in its own <bdi> so a right-to-left name can't reorder the text around it.
 */
export const CurrentEmailCard = memo(function CurrentEmailCard({ message }: CurrentEmailCardProps) {
  const styles = useStyles();
  const files = message.attachments.filter((attachment) => !attachment.isInline).length;
  const subject = visibleSingleLine(message.subject).trim();
  const name = message.from ? visibleSingleLine(message.from.name).trim() : "";
  const address = message.from ? visibleSingleLine(message.from.address).trim() : "";
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
            <bdi>{subject || t("app.noSubject")}</bdi>
          </Text>
        }
        description={
          <Caption1 data-testid="current-sender">
            <Sender name={name} address={address} />
            {message.sentAt && <> · {sentAtText(message.sentAt)}</>}
          </Caption1>
        }
      />
      {files > 0 && <Caption1>{t("app.attachmentCount", { count: files })}</Caption1>}
    </Card>
  );
});

/**
 * "Name <address>", name and address isolated from each other and from the date: in one <bdi>, a
 * Hebrew or Arabic name would make the whole run right-to-left and put "<address>" before it.
 */
function Sender({ name, address }: { name: string; address: string }) {
  if (name === "" && address === "") {
    return <>{t("app.unknownSender")}</>;
  }
  if (name === "" || address === "" || name.toLowerCase() === address.toLowerCase()) {
    return <bdi>{address || name}</bdi>;
  }
  return (
    <>
      <bdi>{name}</bdi> &lt;<bdi>{address}</bdi>&gt;
    </>
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
