import { Option, OptionGroup, makeStyles, tokens } from "@fluentui/react-components";
import type { IssueSummary } from "../../jira/issue-lookup";
import { NoMatchOption } from "../field-editing/editors/ChoiceOptions";
import { issueGroupLabel } from "./finder-texts";
import type { IssueGroup } from "./issue-options";
import { issueOptionText } from "./issue-options";
import { IssueStatusBadge } from "./IssueStatusBadge";

const useStyles = makeStyles({
  option: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "baseline",
    columnGap: tokens.spacingHorizontalS,
  },
  text: { overflowWrap: "anywhere" },
});

export interface IssueOptionsProps {
  groups: readonly IssueGroup[];
  /** The disabled line shown when no group has an issue ("No matching issues"). */
  emptyText: string;
}

/**
 * The finder's options under their group labels: "SUP-2 VPN drops every hour" (what the input
 * shows once chosen and what typing matches) with the status beside it; the value is the key.
 */
export function IssueOptions({ groups, emptyText }: IssueOptionsProps) {
  const styles = useStyles();
  if (groups.length === 0) return <NoMatchOption>{emptyText}</NoMatchOption>;
  return groups.map((group) => (
    <OptionGroup key={group.id} label={issueGroupLabel(group.id)}>
      {group.issues.map((issue: IssueSummary) => (
        <Option key={issue.key} value={issue.key} text={issueOptionText(issue)}>
          <div className={styles.option}>
            <span className={styles.text} dir="auto">
              {issueOptionText(issue)}
            </span>
            <IssueStatusBadge issue={issue} />
          </div>
        </Option>
      ))}
    </OptionGroup>
  ));
}
