import { useId } from "react";
import { Label, Select, Switch, Text, makeStyles, tokens } from "@fluentui/react-components";
import { PREVIEW_LANGUAGES, PREVIEW_THEMES } from "../host-model";
import type { MailboxMode, PreviewTheme } from "../host-model";

export interface PreviewToolbarProps {
  readonly theme: PreviewTheme;
  readonly mailboxMode: MailboxMode;
  /** Office's display language, a BCP 47 tag (may be one the toolbar doesn't list: from the URL). */
  readonly displayLanguage: string;
  readonly onThemeChange: (theme: PreviewTheme) => void;
  readonly onMailboxModeChange: (mode: MailboxMode) => void;
  readonly onDisplayLanguageChange: (displayLanguage: string) => void;
}

/** The toolbar's names of the themes and languages (the preview itself is English only). */
const THEME_NAMES: Record<PreviewTheme, string> = {
  light: "Light",
  dark: "Dark",
  highContrast: "High contrast",
};

const LANGUAGE_NAMES: Record<(typeof PREVIEW_LANGUAGES)[number], string> = {
  "en-US": "English (en-US)",
  "de-DE": "Deutsch (de-DE)",
  "fr-FR": "Français (fr-FR)",
};

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalXL,
    rowGap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground3,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  title: { marginRight: "auto" },
  field: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
});

/** The preview's host controls: Office theme, Office display language and the emulated client. */
export function PreviewToolbar({
  theme,
  mailboxMode,
  displayLanguage,
  onThemeChange,
  onMailboxModeChange,
  onDisplayLanguageChange,
}: PreviewToolbarProps) {
  const styles = useStyles();
  const themeId = useId();
  const languageId = useId();
  const languages: readonly string[] = PREVIEW_LANGUAGES;
  // A language from the URL that the list lacks is shown as itself, so the select tells the truth.
  const languageOptions = languages.includes(displayLanguage)
    ? languages
    : [...languages, displayLanguage];
  return (
    <div role="toolbar" aria-label="Outlook preview settings" className={styles.root}>
      <Text as="h1" weight="semibold" size={400} className={styles.title}>
        Outlook preview
      </Text>
      <div className={styles.field}>
        <Label htmlFor={themeId}>Office theme</Label>
        <Select
          id={themeId}
          value={theme}
          onChange={(_event, data) => {
            const chosen = PREVIEW_THEMES.find((candidate) => candidate === data.value);
            if (chosen) onThemeChange(chosen);
          }}
        >
          {PREVIEW_THEMES.map((candidate) => (
            <option key={candidate} value={candidate}>
              {THEME_NAMES[candidate]}
            </option>
          ))}
        </Select>
      </div>
      <div className={styles.field}>
        <Label htmlFor={languageId}>Display language</Label>
        <Select
          id={languageId}
          value={displayLanguage}
          onChange={(_event, data) => onDisplayLanguageChange(data.value)}
        >
          {languageOptions.map((language) => (
            <option key={language} value={language}>
              {LANGUAGE_NAMES[language as keyof typeof LANGUAGE_NAMES] ?? language}
            </option>
          ))}
        </Select>
      </div>
      <Switch
        label="On-premises Exchange (Mailbox 1.5)"
        checked={mailboxMode === "onPremises15"}
        onChange={(_event, data) => onMailboxModeChange(data.checked ? "onPremises15" : "modern")}
      />
    </div>
  );
}
