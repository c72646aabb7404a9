import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { ReactNode } from "react";
import { t } from "../../i18n/translate";
import type { SessionNotice } from "../ports";
import { NoticeLink } from "./NoticeLink";

const useStyles = makeStyles({
  bar: { marginInline: tokens.spacingHorizontalL },
  // Notices are plain text and may hold line breaks.
  message: { whiteSpace: "pre-line", overflowWrap: "anywhere" },
  line: { display: "block", marginBlockStart: tokens.spacingVerticalXS },
});

export interface NoticeMessageBarProps {
  /** An empty `title` shows the message alone. */
  notice: SessionNotice;
  /** `data-testid` of the bar; `data-code` is the notice's code. */
  testId: string;
  /** Shows a Dismiss button. */
  onDismiss?: () => void;
  /** Buttons after the text (e.g. "Try again"). */
  actions?: ReactNode;
  /** More lines after the message. */
  children?: ReactNode;
}

/** Any SessionNotice (also those made from errors) as a Fluent MessageBar. */
export function NoticeMessageBar({
  notice,
  testId,
  onDismiss,
  actions,
  children,
}: NoticeMessageBarProps) {
  const styles = useStyles();
  const hasActions = Boolean(actions) || onDismiss !== undefined;
  return (
    <MessageBar
      intent={notice.intent}
      layout="multiline"
      className={styles.bar}
      data-testid={testId}
      data-code={notice.code}
      // Fluent's MessageBar announces itself only inside an AriaLiveAnnouncer; an alert is read
      // out as it appears (https://www.w3.org/WAI/ARIA/apg/patterns/alert/), so a failure is
      // heard without looking for it.
      role={notice.intent === "error" || notice.intent === "warning" ? "alert" : undefined}
    >
      <MessageBarBody>
        {notice.title && <MessageBarTitle>{notice.title}</MessageBarTitle>}
        <span className={styles.message} dir="auto">
          {notice.message}
        </span>
        {notice.link && (
          <span className={styles.line}>
            <NoticeLink link={notice.link} />
          </span>
        )}
        {children}
      </MessageBarBody>
      {hasActions && (
        <MessageBarActions
          containerAction={
            onDismiss && (
              <Button
                appearance="transparent"
                aria-label={t("notices.dismiss")}
                icon={<span aria-hidden="true">✕</span>}
                onClick={onDismiss}
              />
            )
          }
        >
          {actions}
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
