import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { t } from "../../i18n/translate";
import type { SessionNotice } from "../ports";
import { NoticeLink } from "./NoticeLink";

const useStyles = makeStyles({
  bar: { marginInline: tokens.spacingHorizontalL },
  line: {
    display: "block",
    marginBlockStart: tokens.spacingVerticalXS,
    whiteSpace: "pre-line",
    overflowWrap: "anywhere",
  },
});

export interface ConnectionEndedBannerProps {
  /** Why it ended; absent while the new sign-in runs (that state carries none). */
  notice?: SessionNotice;
  /** Operations waiting for the sign-in to continue. */
  waitingOperations: number;
  /** The new sign-in runs. */
  signingIn: boolean;
  onSignIn(): void;
}

/** Jira stopped accepting the token mid-work: the work waits, one click signs in again. */
export function ConnectionEndedBanner({
  notice,
  waitingOperations,
  signingIn,
  onSignIn,
}: ConnectionEndedBannerProps) {
  const styles = useStyles();
  return (
    <MessageBar
      intent="warning"
      layout="multiline"
      className={styles.bar}
      data-testid="connection-ended"
      data-code={notice?.code}
      // Read out as it appears: Fluent's MessageBar alone announces nothing here.
      role="alert"
    >
      <MessageBarBody>
        <MessageBarTitle>{t("notices.connectionEndedTitle")}</MessageBarTitle>
        {notice && (
          <span className={styles.line} dir="auto">
            {notice.message}
          </span>
        )}
        {notice?.link && (
          <span className={styles.line}>
            <NoticeLink link={notice.link} />
          </span>
        )}
        <span className={styles.line}>{t("notices.connectionEndedKept")}</span>
        {waitingOperations > 0 && (
          <span className={styles.line}>
            {t("notices.waitingActions", { count: waitingOperations })}
          </span>
        )}
      </MessageBarBody>
      <MessageBarActions>
        {/* Busy, it stays focusable (aria-disabled): a disabled button would drop the keyboard
            user's focus to <body> while the dialog is open. */}
        <Button appearance="primary" disabledFocusable={signingIn} onClick={onSignIn}>
          {t("notices.signInAgain")}
        </Button>
        {signingIn && <Spinner size="tiny" label={t("notices.waitingForJira")} />}
      </MessageBarActions>
    </MessageBar>
  );
}
