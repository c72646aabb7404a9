import { Link, MessageBar, MessageBarBody } from "@fluentui/react-components";
import type { CreatedIssueOutcome } from "../../jira/create-issue-once";

export interface CreatedIssueBarProps {
  issue: Pick<CreatedIssueOutcome, "key" | "recovered">;
  jiraBaseUrl: string;
}

/** "Created SUP-12", the key linking to the issue in Jira. */
export function CreatedIssueBar({ issue, jiraBaseUrl }: CreatedIssueBarProps) {
  return (
    <MessageBar intent="success" layout="multiline" data-testid="issue-created">
      <MessageBarBody>
        <span>
          Created{" "}
          <Link
            href={`${jiraBaseUrl}/browse/${encodeURIComponent(issue.key)}`}
            target="_blank"
            rel="noopener noreferrer"
          >
            {issue.key}
          </Link>
          {issue.recovered && " (it had already been created; the answer was lost on the way)"}
        </span>
      </MessageBarBody>
    </MessageBar>
  );
}
