/**
 * "Already added": the email is already linked to the chosen issue (made from it, or added to it
 * as a comment), as the email itself remembers (EmailLinksPort) or as this draft's last comment
 * left it (the link on the email may have failed). Adding it again is allowed, but only once the
 * user said so, and only once the email's links were read. Plain rules, no React.
 */
import { formatDateTime } from "../../i18n/format";
import { t } from "../../i18n/translate";
import type { EmailIssueLink } from "../ports";
import type { AddToIssueDraft } from "./add-to-issue-draft";

/** The reading of the email's links (EmailLinksPort.read) for the open email. */
export type EmailLinksCheck =
  | { status: "reading" }
  | { status: "read"; links: EmailIssueLink[] }
  | { status: "failed"; error: unknown };

/** What the form knows about an earlier link of the email to the chosen issue. */
export interface RepeatCheck {
  /** The email's earlier link to the chosen issue, if any ("already added"). */
  earlier?: EmailIssueLink;
  /** The email's links are still being read: Add comment waits for them. */
  checking: boolean;
  /** The email's links could not be read: the form says so, and lets the comment go. */
  unchecked: boolean;
}

/**
 * Whether the chosen issue already has this email: the email's links (once read), then the
 * draft's last comment (`lastAdded`, counted even when its link on the email failed).
 */
export function repeatCheck(
  draft: Pick<AddToIssueDraft, "issue" | "lastAdded">,
  check: EmailLinksCheck,
  jiraBaseUrl: string
): RepeatCheck {
  const links = [
    ...(check.status === "read" ? check.links : []),
    ...(draft.lastAdded ? [draft.lastAdded] : []),
  ];
  const earlier = draft.issue ? earlierLinkTo(links, draft.issue.key, jiraBaseUrl) : undefined;
  return {
    ...(earlier ? { earlier } : {}),
    checking: check.status === "reading",
    unchecked: check.status === "failed",
  };
}

/**
 * The link from the email to `issueKey` in the session's Jira (`jiraBaseUrl`), newest first as the
 * port lists them; undefined when there is none. Keys compare case-insensitively, base URLs without
 * a trailing slash and case.
 */
export function earlierLinkTo(
  links: readonly EmailIssueLink[],
  issueKey: string,
  jiraBaseUrl: string
): EmailIssueLink | undefined {
  const here = normalizedUrl(jiraBaseUrl);
  const key = issueKey.toUpperCase();
  return links.find(
    (link) => link.issueKey.toUpperCase() === key && normalizedUrl(link.jiraBaseUrl) === here
  );
}

/**
 * The warning about an earlier link: "This email was already added to SUP-2 on Dec 4, 2026." (or
 * "SUP-2 was created from this email on …"), in the active language; without a date when the
 * stored one is unreadable.
 */
export function alreadyAddedText(link: EmailIssueLink): string {
  const issueKey = link.issueKey;
  const date = new Date(link.linkedAt);
  if (!Number.isFinite(date.getTime())) {
    return link.kind === "created"
      ? t("addToIssue.createdFromEmail", { issueKey })
      : t("addToIssue.alreadyAdded", { issueKey });
  }
  const on = { issueKey, date: formatDateTime(date, { dateStyle: "medium" }) };
  return link.kind === "created"
    ? t("addToIssue.createdFromEmailOn", on)
    : t("addToIssue.alreadyAddedOn", on);
}

function normalizedUrl(url: string): string {
  return url.replace(/\/+$/, "").toLowerCase();
}
