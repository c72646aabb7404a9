import {
  Button,
  Link,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { ReactNode } from "react";
import type { SessionNotice } from "../ports";

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
                aria-label="Dismiss"
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

export interface NoticeLinkProps {
  link: NonNullable<SessionNotice["link"]>;
}

/** A notice's link, opened outside the pane; only http(s) URLs become links. */
export function NoticeLink({ link }: NoticeLinkProps) {
  if (!isWebUrl(link.url)) {
    return <span dir="auto">{link.label}</span>;
  }
  return (
    <Link href={link.url} target="_blank" rel="noopener noreferrer">
      {link.label}
    </Link>
  );
}

export interface SessionNoticeBarProps {
  notice: SessionNotice;
  /** "Try again" for a failed save of the settings (shown when `notice.canRetrySave`). */
  onRetrySave(): void;
  onDismiss(): void;
}

/** The notice that comes with the session's state (signed out, token not saved, sign-in failed…). */
export function SessionNoticeBar({ notice, onRetrySave, onDismiss }: SessionNoticeBarProps) {
  return (
    <NoticeMessageBar
      notice={notice}
      testId="session-notice"
      onDismiss={onDismiss}
      actions={
        notice.canRetrySave && (
          <Button appearance="primary" onClick={onRetrySave}>
            Try again
          </Button>
        )
      }
    />
  );
}

// A javascript: or data: URL in a notice must never become a clickable link.
function isWebUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === "https:" || protocol === "http:";
  } catch {
    return false;
  }
}
