/**
 * The issues an email is linked to, as the pane lists them: which are in the session's Jira (looked
 * up for their summary and status, offered "Add as comment"), which are in another Jira (named with
 * its host), and which Jira no longer shows. Plain functions, tested in Node.
 */
import { t } from "../../i18n/translate";
import type { IssueSummary } from "../../jira/issue-lookup";
import type { EmailIssueLink } from "../ports";

/** One linked issue's row. */
export interface LinkedIssueRow {
  link: EmailIssueLink;
  /** In the session's Jira: looked up, and the email can be added to it. */
  here: boolean;
  /** The issue as Jira has it now, once looked up. */
  issue?: IssueSummary;
  /** Looked up and not found: deleted, or not visible to this user. */
  missing: boolean;
  /** The key to act on: Jira's current one (an issue moved to another project has a new key). */
  currentKey: string;
}

const LINK_KIND_KEYS = {
  created: "linkedIssues.createdFromEmail",
  commented: "linkedIssues.addedAsComment",
} as const satisfies Record<EmailIssueLink["kind"], string>;

/** A row's wording of how the email and the issue are linked: "created from this email", … */
export function linkKindText(kind: EmailIssueLink["kind"]): string {
  return t(LINK_KIND_KEYS[kind]);
}

/** Compares Jira base URLs as the links store them (no trailing slash, any case). */
export function sameJira(a: string, b: string): boolean {
  const normalized = (url: string) => url.replace(/\/+$/, "").toLowerCase();
  return normalized(a) === normalized(b);
}

/** The keys to look up: the links into the session's Jira, each once, in the email's order. */
export function keysToLookUp(links: readonly EmailIssueLink[], jiraBaseUrl: string): string[] {
  const keys = links
    .filter((link) => sameJira(link.jiraBaseUrl, jiraBaseUrl))
    .map((link) => link.issueKey);
  return [...new Set(keys)];
}

/**
 * The rows for `links`, with what the lookup found (`found` undefined: not looked up, or the
 * lookup failed; the keys are listed all the same). An issue is matched by its id first, which
 * survives a move to another project, then by key.
 */
export function linkedIssueRows(
  links: readonly EmailIssueLink[],
  jiraBaseUrl: string,
  found: readonly IssueSummary[] | undefined
): LinkedIssueRow[] {
  return links.map((link) => {
    if (!sameJira(link.jiraBaseUrl, jiraBaseUrl)) {
      return { link, here: false, missing: false, currentKey: link.issueKey };
    }
    const issue =
      found?.find((candidate) => candidate.id === link.issueId) ??
      found?.find((candidate) => candidate.key === link.issueKey);
    return {
      link,
      here: true,
      ...(issue ? { issue } : {}),
      missing: found !== undefined && !issue,
      currentKey: issue?.key ?? link.issueKey,
    };
  });
}
