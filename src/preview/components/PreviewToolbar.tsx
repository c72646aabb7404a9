import { Switch, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { MailboxMode, PreviewTheme } from "../host-model";

export interface PreviewToolbarProps {
  readonly theme: PreviewTheme;
  readonly mailboxMode: MailboxMode;
  readonly onThemeChange: (theme: PreviewTheme) => void;
  readonly onMailboxModeChange: (mode: MailboxMode) => void;
}

const useStyles = makeStyles({
  root: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalXL,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground3,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  title: { marginRight: "auto" },
});

/** The preview's host controls: Office theme and the emulated Outlook client. */
export function PreviewToolbar({
  theme,
  mailboxMode,
  onThemeChange,
  onMailboxModeChange,
}: PreviewToolbarProps) {
  const styles = useStyles();
  return (
    <div role="toolbar" aria-label="Outlook preview settings" className={styles.root}>
      <Text as="h1" weight="semibold" size={400} className={styles.title}>
        Outlook preview
      </Text>
      <Switch
        label="Dark theme"
        checked={theme === "dark"}
        onChange={(_event, data) => onThemeChange(data.checked ? "dark" : "light")}
      />
      <Switch
        label="On-premises Exchange (Mailbox 1.5)"
        checked={mailboxMode === "onPremises15"}
        onChange={(_event, data) => onMailboxModeChange(data.checked ? "onPremises15" : "modern")}
      />
    </div>
  );
}
