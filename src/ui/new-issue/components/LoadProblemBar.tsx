import { Button } from "@fluentui/react-components";
import { noticeForError } from "../../../session/session-notices";
import { NoticeMessageBar } from "../../components/NoticeMessageBar";
import type { MessageKey } from "../../../i18n/catalog-types";
import { t } from "../../../i18n/translate";

/** The lists the New issue form loads from Jira. */
export type LoadedList = "projects" | "issueTypes" | "fields";

export interface LoadProblemBarProps {
  /** What could not be loaded: the projects, the issue types, or the fields of the issue type. */
  what: LoadedList;
  error: unknown;
  jiraBaseUrl: string;
  onRetry(): void;
}

// Each list's title is a whole sentence of its own: a noun dropped into one sentence can't take
// the article and case German and French give it.
const TITLES: Record<LoadedList, MessageKey> = {
  projects: "newIssue.loadProjectsFailed",
  issueTypes: "newIssue.loadIssueTypesFailed",
  fields: "newIssue.loadFieldsFailed",
};

/** A list the form needs could not be loaded: which one ("Couldn't load the projects"), why, and Retry. */
export function LoadProblemBar({ what, error, jiraBaseUrl, onRetry }: LoadProblemBarProps) {
  const notice = noticeForError(error, { jiraBaseUrl });
  return (
    <NoticeMessageBar
      notice={{ ...notice, title: t(TITLES[what]) }}
      testId="new-issue-load-problem"
      actions={<Button onClick={onRetry}>{t("newIssue.retry")}</Button>}
    />
  );
}
