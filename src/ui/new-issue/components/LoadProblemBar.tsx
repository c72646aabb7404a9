import { Button } from "@fluentui/react-components";
import { noticeForError } from "../../../session/session-notices";
import { NoticeMessageBar } from "../../components/NoticeMessageBar";
import type { MessageKey } from "../../../i18n/catalog-types";
import { t } from "../../../i18n/translate";

export interface LoadProblemBarProps {
  /** What could not be loaded: "projects", "issue types", "fields of this issue type". */
  what: string;
  error: unknown;
  jiraBaseUrl: string;
  onRetry(): void;
}

// Each list's title is a whole sentence of its own: a noun dropped into one sentence can't take
// the article and case German and French give it.
const TITLES: ReadonlyMap<string, MessageKey> = new Map<string, MessageKey>([
  ["projects", "newIssue.loadProjectsFailed"],
  ["issue types", "newIssue.loadIssueTypesFailed"],
  ["fields of this issue type", "newIssue.loadFieldsFailed"],
]);

/** The bar's title for `what`: "Couldn't load the projects". */
export function loadProblemTitle(what: string): string {
  const key = TITLES.get(what);
  return key ? t(key) : t("newIssue.loadListFailed", { what });
}

/** A list the form needs could not be loaded: why, and Retry. */
export function LoadProblemBar({ what, error, jiraBaseUrl, onRetry }: LoadProblemBarProps) {
  const notice = noticeForError(error, { jiraBaseUrl });
  return (
    <NoticeMessageBar
      notice={{ ...notice, title: loadProblemTitle(what) }}
      testId="new-issue-load-problem"
      actions={<Button onClick={onRetry}>{t("newIssue.retry")}</Button>}
    />
  );
}
