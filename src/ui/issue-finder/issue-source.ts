/**
 * Where the issue finder's lists come from: the issues an email names (its subject, body and
 * thread headers, and the issues earlier emails of its conversation went to), the user's recent
 * issues, and a search. Jira is reached only through `session.withJira`, so a load waits through a
 * new sign-in; the email through the MailContentPort, whose failures only mean fewer suggestions.
 */
import type { JiraClient } from "../../jira/create-jira-client";
import { lookUpIssues, recentIssues, searchIssues } from "../../jira/issue-lookup";
import type { IssueSummary } from "../../jira/issue-lookup";
import type { MailMessage } from "../../mail/mail-message";
import { detectIssueKeys, jiraIssueIdsInThread } from "../../mail/issue-key-detection";
import type { IssueKeyCandidate } from "../../mail/issue-key-detection";
import type { JiraSession, MailContentPort, ThreadHeaders } from "../ports";

/** The finder's lists. */
export interface IssueSource {
  /**
   * The issues `message` names, best first (see {@link rankEmailIssues}; visible, existing ones
   * only). `conversationKeys`: the issues earlier emails of its conversation went to, newest first.
   */
  inEmail(message: MailMessage, conversationKeys: readonly string[]): Promise<IssueSummary[]>;
  /** The user's recent issues (Jira's issue history). */
  recent(hideResolved: boolean): Promise<IssueSummary[]>;
  /** Issues matching `text`; a key typed in full gives just that issue. */
  search(text: string, hideResolved: boolean): Promise<IssueSummary[]>;
  /** One issue by key, or undefined when it doesn't exist or the user can't see it. */
  byKey(key: string): Promise<IssueSummary | undefined>;
}

const NO_HEADERS: ThreadHeaders = { inReplyTo: [], references: [] };

/** How many recent issues and search results the finder lists. */
const LIST_LIMIT = 20;

/** The {@link IssueSource} of a Jira session and an email's content. */
export function createIssueSource(
  session: Pick<JiraSession, "withJira">,
  mailContent: MailContentPort
): IssueSource {
  return {
    async inEmail(message, conversationKeys) {
      // One read after the other: Outlook on the web allows only 3 async calls at a time, and the
      // comment's conversion reads the body (the same, shared read) while this runs.
      const bodyText = await mailContent.readBody(message).then(
        (body) => body.text,
        (error: unknown) => unread("body", error, "")
      );
      const threadHeaders = await mailContent
        .readThreadHeaders(message)
        .catch((error: unknown) => unread("thread headers", error, NO_HEADERS));
      const input = {
        subject: message.subject,
        bodyText,
        threadHeaders,
        conversationKeys: [...conversationKeys],
      };
      const ids = jiraIssueIdsInThread(threadHeaders);
      return session.withJira(async (client) => {
        // Candidates are only keys of projects the user can see: "UTF-8" and "SHA-256" look like
        // issue keys too, and looking them all up would cost a request each.
        const candidates = detectIssueKeys(input, await visibleProjectKeys(client));
        if (candidates.length === 0 && ids.length === 0) return [];
        const keys = candidates.map((candidate) => candidate.key);
        return rankEmailIssues(await lookUpIssues(client, { keys, ids }), candidates, ids);
      });
    },
    recent: (hideResolved) =>
      session.withJira((client) => recentIssues(client, { hideResolved, limit: LIST_LIMIT })),
    search: (text, hideResolved) =>
      session.withJira((client) => searchIssues(client, text, { hideResolved, limit: LIST_LIMIT })),
    byKey: (key) =>
      session.withJira(async (client) => (await lookUpIssues(client, { keys: [key] }))[0]),
  };
}

/**
 * The email's issues best first: those its subject names, then those of the Jira notifications it
 * answers (`notificationIds`, from JIRA.<id> Message-IDs: a reply to a notification is about that
 * issue, whatever else its quoted text names), then the others in `found`'s order (the detector's
 * ranking: thread topic, conversation, body, Message-IDs).
 */
export function rankEmailIssues(
  found: readonly IssueSummary[],
  candidates: readonly IssueKeyCandidate[],
  notificationIds: readonly string[]
): IssueSummary[] {
  const subjectKeys = candidates
    .filter((candidate) => candidate.sources.includes("subject"))
    .map((candidate) => candidate.key);
  const ranked = [
    ...subjectKeys.map((key) => found.find((issue) => issue.key.toUpperCase() === key)),
    ...notificationIds.map((id) => found.find((issue) => issue.id === id)),
    ...found,
  ].filter((issue): issue is IssueSummary => issue !== undefined);
  return [...new Set(ranked)];
}

function unread<T>(what: string, error: unknown, instead: T): T {
  // Reading the email can fail (another email selected meanwhile, an old Outlook): the finder then
  // suggests from what it could read, and the user can still search.
  console.warn(`The email's ${what} could not be read for issue suggestions.`, error);
  return instead;
}

// One list per connection (each sign-in has its own client): another user signing in sees other
// projects. A failed answer is forgotten, so the next look asks again.
const projectKeysByClient = new WeakMap<JiraClient, Promise<ReadonlySet<string>>>();

/** The keys of the projects the user can see (GET /project), asked once per connection. */
export function visibleProjectKeys(client: JiraClient): Promise<ReadonlySet<string>> {
  const known = projectKeysByClient.get(client);
  if (known) return known;
  const asked = client.projects().then(
    (projects) => new Set(projects.map((project) => project.key.toUpperCase())),
    (error: unknown) => {
      projectKeysByClient.delete(client);
      throw error;
    }
  );
  projectKeysByClient.set(client, asked);
  return asked;
}
