/** Links as an email keeps them, for the linked issues' tests. */
import type { EmailIssueLink } from "../../../../src/ui/ports";

export const JIRA = "https://jira.example.com";
export const OTHER_JIRA = "https://jira.other.example";

/** A link of the email to `issueKey` in {@link JIRA} ("created"; id from the number). */
export function link(issueKey: string, overrides: Partial<EmailIssueLink> = {}): EmailIssueLink {
  return {
    issueKey,
    issueId: String(10000 + Number(issueKey.split("-")[1])),
    jiraBaseUrl: JIRA,
    kind: "created",
    linkedAt: "2026-12-04T09:00:00.000Z",
    ...overrides,
  };
}
