import {
  FluentProvider,
  MessageBar,
  MessageBarBody,
  makeStyles,
  tokens,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import { useCallback, useState } from "react";
import { CurrentEmailCard } from "./components/CurrentEmailCard";
import { EmptyState } from "./components/EmptyState";
import { Header } from "./components/Header";
import type { MailboxPort, ThemePort } from "./ports";
import { useCurrentMessage } from "./use-current-message";
import { useThemeName } from "./use-theme-name";

const useStyles = makeStyles({
  root: {
    minHeight: "100vh",
    display: "flex",
    flexDirection: "column",
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  main: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    paddingBlock: tokens.spacingVerticalM,
  },
  problem: { marginInline: tokens.spacingHorizontalL },
});

export interface AppProps {
  mailbox: MailboxPort;
  theme: ThemePort;
  /** BCP 47 language of Office's UI. */
  locale: string;
}

/** The task pane inside Outlook. */
export function App({ mailbox, theme, locale }: AppProps) {
  const styles = useStyles();
  const [hostProblem, setHostProblem] = useState<string | null>(null);
  const handleHostError = useCallback(
    (error: Error) =>
      setHostProblem(`Outlook did not accept an event subscription: ${error.message}`),
    []
  );
  const themeName = useThemeName(theme, handleHostError);
  const message = useCurrentMessage(mailbox, handleHostError);

  return (
    <FluentProvider
      theme={themeName === "dark" ? webDarkTheme : webLightTheme}
      className={styles.root}
      data-theme={themeName}
    >
      <Header />
      <main className={styles.main}>
        {hostProblem && (
          <MessageBar intent="warning" className={styles.problem}>
            <MessageBarBody>
              {hostProblem} The pane may not follow your selection; reopen it if it looks stale.
            </MessageBarBody>
          </MessageBar>
        )}
        {message ? (
          <CurrentEmailCard message={message} locale={locale} />
        ) : (
          <EmptyState title="No email selected">
            Select an email in Outlook to create a Jira issue from it.
          </EmptyState>
        )}
      </main>
    </FluentProvider>
  );
}
