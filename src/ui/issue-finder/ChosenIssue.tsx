import { Text, makeStyles, tokens } from "@fluentui/react-components";
import type { IssueSummary } from "../../jira/issue-lookup";
import { IssueLink } from "../new-issue/components/IssueLink";
import { IssueStatusBadge } from "./IssueStatusBadge";

const useStyles = makeStyles({
  chosen: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "baseline",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
  },
  summary: { overflowWrap: "anywhere" },
});

export interface ChosenIssueProps {
  issue: IssueSummary;
  /** The Jira the issue lives in: its key links there; without it the key is plain text. */
  jiraBaseUrl?: string;
}

/** The issue the email will be added to: key (a link to it in Jira), summary and status. */
export function ChosenIssue({ issue, jiraBaseUrl }: ChosenIssueProps) {
  const styles = useStyles();
  return (
    <div className={styles.chosen} data-testid="chosen-issue" data-issue-key={issue.key}>
      <Text weight="semibold">
        {jiraBaseUrl ? <IssueLink jiraBaseUrl={jiraBaseUrl} issueKey={issue.key} /> : issue.key}
      </Text>
      <Text className={styles.summary} dir="auto">
        {issue.summary}
      </Text>
      <IssueStatusBadge issue={issue} />
    </div>
  );
}
