import { Text, makeStyles, tokens } from "@fluentui/react-components";
import { jiraHostCaption } from "../../jira-host-caption";
import type { EmailIssueLink } from "../../ports";
import { IssueLink } from "./IssueLink";
import { t } from "../../../i18n/translate";
import { listOfMarks, withElements } from "../../../i18n/text-with-elements";

const useStyles = makeStyles({
  bar: { marginInline: tokens.spacingHorizontalL, overflowWrap: "anywhere" },
});

export interface EmailLinksBarProps {
  links: readonly EmailIssueLink[];
  /** The session's Jira: only its issues become links. */
  jiraBaseUrl: string;
}

/**
 * "Linked to SUP-12": the issues made from this email, as the email itself remembers them (in any
 * Outlook). Issues in another Jira are named with their host, as text. The keys are joined as the
 * pane's language joins a list ("SUP-1, SUP-2 und SUP-3"), each key still a link.
 */
export function EmailLinksBar({ links, jiraBaseUrl }: EmailLinksBarProps) {
  const styles = useStyles();
  if (links.length === 0) return null;
  const here = normalized(jiraBaseUrl);
  return (
    <section
      className={styles.bar}
      aria-label={t("newIssue.linkedIssuesLabel")}
      data-testid="email-links"
    >
      <Text>
        {withElements(
          t("linkedIssues.linkedTo", { issues: listOfMarks(links.length) }),
          links.map((link) =>
            normalized(link.jiraBaseUrl) === here ? (
              <IssueLink
                key={`${link.jiraBaseUrl} ${link.issueKey}`}
                jiraBaseUrl={jiraBaseUrl}
                issueKey={link.issueKey}
              />
            ) : (
              <span
                key={`${link.jiraBaseUrl} ${link.issueKey}`}
                dir="auto"
              >{`${link.issueKey} (${jiraHostCaption(link.jiraBaseUrl)})`}</span>
            )
          )
        )}
      </Text>
    </section>
  );
}

function normalized(url: string): string {
  return url.replace(/\/+$/, "").toLowerCase();
}
