import { Link } from "@fluentui/react-components";

export interface IssueLinkProps {
  /** The Jira the issue lives in (its base URL, no trailing slash). */
  jiraBaseUrl: string;
  issueKey: string;
}

/** An issue's key, linking to its page in Jira (`{jira}/browse/SUP-12`), opened outside the pane. */
export function IssueLink({ jiraBaseUrl, issueKey }: IssueLinkProps) {
  return (
    <Link
      href={`${jiraBaseUrl}/browse/${encodeURIComponent(issueKey)}`}
      target="_blank"
      rel="noreferrer"
    >
      {issueKey}
    </Link>
  );
}
