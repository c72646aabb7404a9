import { FluentProvider, makeStyles, tokens, webLightTheme } from "@fluentui/react-components";
import { EmptyState } from "./components/EmptyState";
import { Header } from "./components/Header";

const useStyles = makeStyles({
  root: { minHeight: "100vh", backgroundColor: tokens.colorNeutralBackground1 },
});

/** Shown when the pane is opened in a plain browser instead of inside Outlook. */
export function NotInOutlook() {
  const styles = useStyles();
  return (
    <FluentProvider theme={webLightTheme} className={styles.root}>
      <Header />
      <EmptyState title="Open this add-in from Outlook">
        This page is the Jira for Outlook task pane. Open an email in Outlook and choose Jira on the
        ribbon, or try it without Outlook in the preview (npm start).
      </EmptyState>
    </FluentProvider>
  );
}
