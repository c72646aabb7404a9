import { FluentProvider, makeStyles, tokens, webLightTheme } from "@fluentui/react-components";
import { EmptyState } from "./components/EmptyState";
import { Header } from "./components/Header";
import { t } from "../i18n/translate";

const useStyles = makeStyles({
  root: { minHeight: "100vh", backgroundColor: tokens.colorNeutralBackground1 },
});

/** Shown when the pane is opened in a plain browser instead of inside Outlook. */
export function NotInOutlook() {
  const styles = useStyles();
  return (
    <FluentProvider theme={webLightTheme} className={styles.root}>
      <Header />
      <EmptyState title={t("app.notInOutlookTitle")}>{t("app.notInOutlookHint")}</EmptyState>
    </FluentProvider>
  );
}
