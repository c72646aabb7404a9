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
        Connect to Jira
      </Text>
      <Text as="p">
        {
          "Sign in with your Jira account. You approve access on Jira's own page; the add-in never sees your password."
        }
      </Text>
      <div className={styles.actions}>
        {/* Busy, it stays focusable (aria-disabled): a disabled button would drop the keyboard
            user's focus to <body> while the dialog is open. */}
        <Button appearance="primary" disabledFocusable={signingIn} onClick={onSignIn}>
          Sign in to Jira
        </Button>
        {signingIn && <Spinner size="tiny" label="Waiting for Jira…" />}
      </div>
      <Caption1>{jiraHostCaption(jiraBaseUrl)}</Caption1>
    </Card>
  );
}
