import { Badge } from "@fluentui/react-components";
import type { BadgeProps } from "@fluentui/react-components";
import type { IssueSummary } from "../../jira/issue-lookup";

// Jira colours statuses by category: grey for to do, blue-ish for in progress, green for done.
const CATEGORY_COLORS: Readonly<Record<IssueSummary["statusCategory"], BadgeProps["color"]>> = {
  new: "informative",
  indeterminate: "brand",
  done: "success",
  unknown: "subtle",
};

export interface IssueStatusBadgeProps {
  issue: Pick<IssueSummary, "statusName" | "statusCategory">;
}

/** An issue's status ("In Progress") as a small badge coloured by its category; text only. */
export function IssueStatusBadge({ issue }: IssueStatusBadgeProps) {
  return (
    <Badge
      appearance="tint"
      size="small"
      shape="rounded"
      color={CATEGORY_COLORS[issue.statusCategory] ?? "subtle"}
      data-status-category={issue.statusCategory}
    >
      {issue.statusName}
    </Badge>
  );
}
