// Links kept on an email, as the email links tests build them.
import type { EmailIssueLink } from "../../../src/ui/ports";

/** The Jira the links point into. */
export const JIRA = "https://jira.example.com";

/** A link to `issueKey` made by a create (issue 10012), with `overrides`. */
export function link(issueKey: string, overrides: Partial<EmailIssueLink> = {}): EmailIssueLink {
  return {
    issueKey,
    issueId: "10012",
    jiraBaseUrl: JIRA,
    kind: "created",
    linkedAt: "2026-11-30T09:15:00.000Z",
    ...overrides,
  };
}
