import { Button } from "@fluentui/react-components";
import { t } from "../../i18n/translate";
import type { SessionNotice } from "../ports";
import { NoticeMessageBar } from "./NoticeMessageBar";

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
            {t("notices.tryAgain")}
          </Button>
        )
      }
    />
  );
}
