import { Button } from "@fluentui/react-components";
import { noticeForError } from "../../../session/session-notices";
import { NoticeMessageBar } from "../../components/NoticeMessageBar";

export interface LoadProblemBarProps {
  /** What could not be loaded, e.g. "projects". */
  what: string;
  error: unknown;
  jiraBaseUrl: string;
  onRetry(): void;
}

/** A list the form needs could not be loaded: why, and Retry. */
export function LoadProblemBar({ what, error, jiraBaseUrl, onRetry }: LoadProblemBarProps) {
  const notice = noticeForError(error, { jiraBaseUrl });
  return (
    <NoticeMessageBar
      notice={{ ...notice, title: `Couldn't load the ${what}` }}
      testId="new-issue-load-problem"
      actions={<Button onClick={onRetry}>Retry</Button>}
    />
  );
}
