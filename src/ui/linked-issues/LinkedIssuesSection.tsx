import { lookUpIssues } from "../../jira/issue-lookup";
import type { MailMessage } from "../../mail/mail-message";
import type { EmailLinksPort, JiraSession, SessionState } from "../ports";
import { useEmailLinks } from "../new-issue/use-email-links";
import { useJiraLoad } from "../use-jira-load";
import { useSessionState } from "../use-session-state";
import { keysToLookUp } from "./linked-issue-rows";
import { LinkedIssuesList } from "./LinkedIssuesList";

export interface LinkedIssuesSectionProps {
  /** Where the email keeps its links ("Linked to SUP-12", in any Outlook). */
  emailLinks: EmailLinksPort;
  /** The email shown (key the section by it). */
  message: MailMessage;
  /** The session's Jira. */
  jiraBaseUrl: string;
  /** Its state says whether to look the issues up and offer "Add as comment"; `withJira` looks up. */
  session: JiraSession;
  /** Bumped when a delivery linked the email: the links are read again. */
  linksRevision: number;
  /** "Add as comment" on a row: add this email to that issue (its current key). */
  onAddAsComment(issueKey: string): void;
}

/**
 * The issues the shown email is linked to, with their summary and status from Jira, and "Add as
 * comment" on each; kept fresh after a delivery linked it.
 */
export function LinkedIssuesSection(props: LinkedIssuesSectionProps) {
  const { emailLinks, message, jiraBaseUrl, session, linksRevision, onAddAsComment } = props;
  const links = useEmailLinks(emailLinks, message, linksRevision);
  const state = useSessionState(session);
  const connected = isConnected(state);
  const keys = keysToLookUp(links, jiraBaseUrl);
  const lookup = useJiraLoad(
    connected && keys.length > 0 ? `linked ${keys.join(" ")}` : null,
    state.status === "signed_in",
    () => session.withJira((client) => lookUpIssues(client, { keys }))
  );
  return (
    <LinkedIssuesList
      links={links}
      jiraBaseUrl={jiraBaseUrl}
      lookup={lookup}
      canComment={connected}
      onAddAsComment={onAddAsComment}
      onRetryLookup={lookup.retry}
    />
  );
}

/** Signed in, or was and waits for a new sign-in (the views stay): the issues can be worked on. */
function isConnected(state: SessionState): boolean {
  if (state.status === "signed_in" || state.status === "ended") return true;
  return state.status === "signing_in" && state.reconnecting;
}
