import { Button, Caption1, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import { t } from "../../i18n/translate";
import { noticeForError } from "../../session/session-notices";
import { IssueStatusBadge } from "../issue-finder/IssueStatusBadge";
import { jiraHostCaption } from "../jira-host-caption";
import type { JiraLoadState } from "../jira-load";
import { IssueLink } from "../new-issue/components/IssueLink";
import type { IssueSummary } from "../../jira/issue-lookup";
import type { EmailIssueLink } from "../ports";
import { linkKindText, linkedIssueRows } from "./linked-issue-rows";
import type { LinkedIssueRow } from "./linked-issue-rows";
import { listOfMarks, withElements } from "../../i18n/text-with-elements";

const useStyles = makeStyles({
  section: {
    marginInline: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    overflowWrap: "anywhere",
  },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  row: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
  },
  note: { color: tokens.colorNeutralForeground3 },
});

export interface LinkedIssuesListProps {
  links: readonly EmailIssueLink[];
  /** The session's Jira: its issues are links, looked up, and can take the email as a comment. */
  jiraBaseUrl: string;
  /** The lookup of the session's issues (idle: not looked up, e.g. signed out). */
  lookup: JiraLoadState<IssueSummary[]>;
  /** Offer "Add as comment" (connected to Jira). */
  canComment: boolean;
  onAddAsComment(issueKey: string): void;
  onRetryLookup(): void;
}

/**
 * "Linked to SUP-12, SUP-3" and a row per issue: key (opens it in Jira), summary, status, how it
 * is linked, and "Add as comment". Issues in another Jira are named with its host, as text. A
 * failed lookup still lists the keys. Jira's text is shown as text only.
 */
export function LinkedIssuesList(props: LinkedIssuesListProps) {
  const { links, jiraBaseUrl, lookup, canComment, onAddAsComment, onRetryLookup } = props;
  const styles = useStyles();
  if (links.length === 0) return null;
  const rows = linkedIssueRows(
    links,
    jiraBaseUrl,
    lookup.status === "loaded" ? lookup.value : undefined
  );
  return (
    <section
      className={styles.section}
      aria-label={t("linkedIssues.sectionLabel")}
      data-testid="email-links"
    >
      <Text>
        {withElements(
          t("linkedIssues.linkedTo", { issues: listOfMarks(rows.length) }),
          rows.map((row) => <RowKey key={rowId(row)} row={row} jiraBaseUrl={jiraBaseUrl} />)
        )}
      </Text>
      {lookup.status === "loading" && (
        <Spinner size="extra-tiny" labelPosition="after" label={t("linkedIssues.loadingStatus")} />
      )}
      {lookup.status === "failed" && (
        <Caption1 className={styles.note} data-testid="linked-issues-problem">
          {`${t("linkedIssues.lookupFailed")} ${noticeForError(lookup.error, { jiraBaseUrl }).message} `}
          <Button size="small" appearance="transparent" onClick={onRetryLookup}>
            {t("linkedIssues.tryAgain")}
          </Button>
        </Caption1>
      )}
      <ul className={styles.list}>
        {rows.map((row) => (
          <li
            key={rowId(row)}
            className={styles.row}
            data-testid="linked-issue"
            data-issue-key={row.link.issueKey}
          >
            <Text weight="semibold">
              <RowKey row={row} jiraBaseUrl={jiraBaseUrl} />
            </Text>
            {row.issue && (
              <>
                <Text dir="auto">{row.issue.summary}</Text>
                <IssueStatusBadge issue={row.issue} />
              </>
            )}
            <Caption1 className={styles.note}>
              {linkKindText(row.link.kind)}
              {row.missing && ` · ${t("linkedIssues.notFound")}`}
            </Caption1>
            {row.here && canComment && !row.missing && (
              <Button size="small" onClick={() => onAddAsComment(row.currentKey)}>
                {t("linkedIssues.addAsComment")}
              </Button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function rowId(row: LinkedIssueRow): string {
  return `${row.link.jiraBaseUrl} ${row.link.issueKey}`;
}

/** The issue's key: a link into the session's Jira ("now OPS-7" after a move), else key and host. */
function RowKey({ row, jiraBaseUrl }: { row: LinkedIssueRow; jiraBaseUrl: string }) {
  if (!row.here) {
    return (
      <span dir="auto">{`${row.link.issueKey} (${jiraHostCaption(row.link.jiraBaseUrl)})`}</span>
    );
  }
  return (
    <>
      <IssueLink jiraBaseUrl={jiraBaseUrl} issueKey={row.link.issueKey} />
      {row.currentKey !== row.link.issueKey &&
        ` ${t("linkedIssues.movedTo", { issueKey: row.currentKey })}`}
    </>
  );
}
