import {
  Button,
  Caption1,
  Card,
  Spinner,
  Text,
  makeStyles,
  tokens,
  useId,
} from "@fluentui/react-components";
import { t } from "../../i18n/translate";
import { focusIfLost } from "../focus";
import { jiraHostCaption } from "../jira-host-caption";

const useStyles = makeStyles({
  card: { marginInline: tokens.spacingHorizontalL },
  actions: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalM },
});

export interface SignInCardProps {
  jiraBaseUrl: string;
  /** The sign-in dialog is open or the token exchange runs. */
  signingIn: boolean;
  onSignIn(): void;
}

/** Not connected: what signing in means, and the button that starts it. */
export function SignInCard({ jiraBaseUrl, signingIn, onSignIn }: SignInCardProps) {
  const styles = useStyles();
  const headingId = useId("sign-in-heading");
  return (
    <Card className={styles.card} aria-labelledby={headingId} data-testid="sign-in-card">
      <Text as="h2" id={headingId} weight="semibold" size={400}>
        {t("app.signInTitle")}
      </Text>
      <Text as="p">{t("app.signInExplanation")}</Text>
      <div className={styles.actions}>
        {/* Busy, it stays focusable (aria-disabled): a disabled button would drop the keyboard
            user's focus to <body> while the dialog is open. After Sign out (the button the user
            was on is gone), focus goes on to this one. */}
        <Button
          ref={focusIfLost}
          appearance="primary"
          disabledFocusable={signingIn}
          onClick={onSignIn}
        >
          {t("app.signInButton")}
        </Button>
        {signingIn && <Spinner size="tiny" label={t("app.waitingForJira")} />}
      </div>
      <Caption1>{jiraHostCaption(jiraBaseUrl)}</Caption1>
    </Card>
  );
}
