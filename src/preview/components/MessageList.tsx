import { useId } from "react";
import type { ChangeEvent } from "react";
import {
  Caption1,
  Label,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import type { PreviewMessage } from "../message-model";

export interface MessageListEntry {
  /** React key and selection id. */
  readonly key: string;
  readonly message: PreviewMessage;
}

export interface MessageListProps {
  readonly entries: readonly MessageListEntry[];
  readonly selectedKey: string | null;
  readonly onSelect: (entry: MessageListEntry) => void;
  readonly onOpenEml: (file: File) => void;
  /** A problem with the last opened file, shown as an alert. */
  readonly openError: string | null;
}

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingVerticalM,
    overflowY: "auto",
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
  },
  item: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    width: "100%",
    textAlign: "start",
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: "none",
    borderLeft: `${tokens.strokeWidthThicker} solid transparent`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: "transparent",
    color: tokens.colorNeutralForeground1,
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorSubtleBackgroundHover },
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  selected: {
    backgroundColor: tokens.colorSubtleBackgroundSelected,
    borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorBrandStroke1}`,
  },
  // Long subjects end in an ellipsis instead of running under the reading pane.
  subject: { maxWidth: "100%" },
  open: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  error: { color: tokens.colorPaletteRedForeground1 },
});

/** The message list: built-in samples (and an opened .eml) plus the "Open .eml" file input. */
export function MessageList({
  entries,
  selectedKey,
  onSelect,
  onOpenEml,
  openError,
}: MessageListProps) {
  const styles = useStyles();
  const inputId = useId();

  const handleFileChange = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (file) {
      onOpenEml(file);
    }
    event.target.value = ""; // opening the same file again still raises change
  };

  return (
    <nav aria-label="Messages" className={styles.root}>
      <ul className={styles.list}>
        {entries.map((entry) => (
          <MessageListItem
            key={entry.key}
            entry={entry}
            selected={entry.key === selectedKey}
            onSelect={onSelect}
          />
        ))}
      </ul>
      <div className={styles.open}>
        <Label htmlFor={inputId}>Open .eml</Label>
        <input id={inputId} type="file" accept=".eml,message/rfc822" onChange={handleFileChange} />
        {openError && (
          <Text role="alert" className={styles.error}>
            {openError}
          </Text>
        )}
      </div>
    </nav>
  );
}

interface MessageListItemProps {
  readonly entry: MessageListEntry;
  readonly selected: boolean;
  readonly onSelect: (entry: MessageListEntry) => void;
}

function MessageListItem({ entry, selected, onSelect }: MessageListItemProps) {
  const styles = useStyles();
  const subjectId = useId();
  const senderId = useId();
  const { message } = entry;
  return (
    <li>
      {/* Named by the subject alone (tests and screen readers find "the email titled X"); the sender describes it. */}
      <button
        type="button"
        className={mergeClasses(styles.item, selected && styles.selected)}
        aria-current={selected ? "true" : undefined}
        aria-labelledby={subjectId}
        aria-describedby={senderId}
        onClick={() => onSelect(entry)}
      >
        <Text
          id={subjectId}
          weight="semibold"
          truncate
          wrap={false}
          className={styles.subject}
          dir="auto"
        >
          {message.subject || "(no subject)"}
        </Text>
        <Caption1 id={senderId} dir="auto">
          {message.from?.displayName ?? "(unknown sender)"}
        </Caption1>
      </button>
    </li>
  );
}
