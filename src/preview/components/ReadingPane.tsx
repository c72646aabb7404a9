import { Caption1, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { PreviewMessage } from "../message-model";
import { EmailBody } from "./EmailBody";
import { formatAddress, formatAddresses, formatDate, formatSize } from "./format";

export interface ReadingPaneProps {
  readonly message: PreviewMessage | null;
}

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    minWidth: 0,
    overflowY: "auto",
    backgroundColor: tokens.colorNeutralBackground1,
  },
  subject: { margin: 0 },
  headers: {
    display: "grid",
    gridTemplateColumns: "max-content 1fr",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, overflowWrap: "anywhere" },
  attachments: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
  },
  attachment: {
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
});

/** Outlook's reading pane: headers, attachments and the (sandboxed) body of the current message. */
export function ReadingPane({ message }: ReadingPaneProps) {
  const styles = useStyles();
  if (!message) {
    return (
      <section role="region" aria-label="Reading pane" className={styles.root}>
        <Text>Select a message to read.</Text>
      </section>
    );
  }
  const files = message.attachments.filter((attachment) => !attachment.isInline);
  return (
    <section role="region" aria-label="Reading pane" className={styles.root}>
      <Text as="h2" size={500} weight="semibold" className={styles.subject}>
        {message.subject || "(no subject)"}
      </Text>
      <dl className={styles.headers}>
        <HeaderRow term="From" value={message.from ? formatAddress(message.from) : ""} />
        <HeaderRow term="To" value={formatAddresses(message.to)} />
        {message.cc.length > 0 && <HeaderRow term="Cc" value={formatAddresses(message.cc)} />}
        <HeaderRow term="Date" value={formatDate(message.dateTimeCreated)} />
      </dl>
      {files.length > 0 && (
        <ul aria-label="Attachments" className={styles.attachments}>
          {files.map((attachment) => (
            <li key={attachment.id} className={styles.attachment}>
              <Text>{attachment.name}</Text> <Caption1>({formatSize(attachment.size)})</Caption1>
            </li>
          ))}
        </ul>
      )}
      <EmailBody message={message} />
    </section>
  );
}

function HeaderRow({ term, value }: { readonly term: string; readonly value: string }) {
  const styles = useStyles();
  return (
    <>
      <dt className={styles.term}>{term}</dt>
      <dd className={styles.value}>{value}</dd>
    </>
  );
}
