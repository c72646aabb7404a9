import { Text, makeStyles, tokens } from "@fluentui/react-components";
import { Fragment } from "react";
import { jiraHostCaption } from "../../jira-host-caption";
import type { EmailIssueLink } from "../../ports";
import { IssueLink } from "./IssueLink";
import { t } from "../../../i18n/translate";
import { textAround } from "../message-parts";

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
 * Outlook). Issues in another Jira are named with their host, as text.
 */
export function EmailLinksBar({ links, jiraBaseUrl }: EmailLinksBarProps) {
  const styles = useStyles();
  if (links.length === 0) return null;
  const here = normalized(jiraBaseUrl);
  const [before, after] = textAround("newIssue.linkedTo", "issues");
  return (
    <section
      className={styles.bar}
      aria-label={t("newIssue.linkedIssuesLabel")}
      data-testid="email-links"
    >
      <Text>
        {before}
        {links.map((link, index) => (
          <Fragment key={`${link.jiraBaseUrl} ${link.issueKey}`}>
            {index > 0 && ", "}
            {normalized(link.jiraBaseUrl) === here ? (
              <IssueLink jiraBaseUrl={jiraBaseUrl} issueKey={link.issueKey} />
            ) : (
              <span dir="auto">{`${link.issueKey} (${jiraHostCaption(link.jiraBaseUrl)})`}</span>
            )}
          </Fragment>
        ))}
        {after}
      </Text>
    </section>
  );
}

function normalized(url: string): string {
  return url.replace(/\/+$/, "").toLowerCase();
}
