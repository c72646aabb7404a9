/**
 * The "Add to issue" store with Jira, Outlook and the converter faked, for the store's unit tests
 * (the comment against the real simulator is in test/integration/ui/add-to-issue/). The fake Jira
 * keeps one issue's comments, attachments, property and remote links in memory (whatever key is
 * asked: `keys` records which), answers the finder's lookups of SUP-2 and OPS-1, and fails the
 * next call of a method when told to.
 */
import type { JiraClient } from "../../../../src/jira/create-jira-client";
import { JiraHttpError } from "../../../../src/jira/jira-errors";
import type { IssueSummary } from "../../../../src/jira/issue-lookup";
import type { JiraComment } from "../../../../src/jira/jira-types";
import { addToIssueItemFor } from "../../../../src/ui/add-to-issue/add-to-issue-item";
import { createAddToIssueStore } from "../../../../src/ui/add-to-issue/add-to-issue-store";
import type {
  AddToIssueStoreOptions,
  CommentRequest,
} from "../../../../src/ui/add-to-issue/add-to-issue-store";
import { createDestinationMemory } from "../../../../src/ui/new-issue/destination-memory";
import { createMemorySettings } from "../../session/session-fakes";
import { memoryDrafts } from "../memory-drafts";
import { echoConverter, fakeSession } from "../new-issue/store-fixture";
import { memoryEmailLinks, memoryMailContent, sampleMessage } from "../ui-fakes";

export const JIRA = "https://jira.example.com";

export const sup2: IssueSummary = {
  id: "10002",
  key: "SUP-2",
  summary: "VPN drops every hour",
  statusName: "In Progress",
  statusCategory: "indeterminate",
  resolved: false,
  projectKey: "SUP",
  issueTypeId: "10004",
  issueTypeName: "Bug",
};

/** Another project's issue. */
export const ops1: IssueSummary = {
  id: "10100",
  key: "OPS-1",
  summary: "Nightly invoice export fails",
  statusName: "Open",
  statusCategory: "new",
  resolved: false,
  projectKey: "OPS",
  issueTypeId: "10004",
  issueTypeName: "Bug",
};

/** An issue as Jira's search answers it (the fields an IssueSummary is read from). */
function searchBean(issue: IssueSummary) {
  return {
    id: issue.id,
    key: issue.key,
    fields: {
      summary: issue.summary,
      status: { name: issue.statusName, statusCategory: { key: issue.statusCategory } },
      resolution: issue.resolved ? { name: "Done" } : null,
      project: { key: issue.projectKey },
      issuetype: { id: issue.issueTypeId, name: issue.issueTypeName },
    },
  };
}

/** An email with a file and an inline picture, replying about SUP-2. */
export const message = sampleMessage({
  subject: "RE: [SUP-2] VPN drops every hour",
  conversationId: "conv-vpn",
  attachments: sampleMessage().attachments.filter((attachment) => attachment.id !== "att-2"),
});
export const item = addToIssueItemFor(message);

/** A 502 as the transport reports it: Jira may have done the work. */
export function badGateway(method: string, path: string): JiraHttpError {
  return new JiraHttpError({
    code: "http_502",
    status: 502,
    message: "Bad gateway",
    request: { method, path },
  });
}

type FakeMethod =
  | "addComment"
  | "getComments"
  | "getIssue"
  | "addAttachment"
  | "setIssueProperty"
  | "createOrUpdateRemoteLink";

/** SUP-2 in memory, and a client over it. */
export function fakeIssueJira(options: { attachmentNames?: string[] } = {}) {
  const comments: Array<JiraComment & { properties: Array<{ key: string; value: unknown }> }> = [];
  const attachments = (options.attachmentNames ?? []).map((filename, index) => ({
    id: String(20000 + index),
    filename,
    size: 1,
  }));
  const uploads: string[] = [];
  const properties = new Map<string, unknown>();
  const remoteLinks: unknown[] = [];
  const failures = new Map<FakeMethod, Error[]>();
  const calls: string[] = [];
  /** "addComment SUP-2", "getComments SUP-2": which issue each comment call was about. */
  const keys: string[] = [];
  const me = { name: "jane", key: "jane", displayName: "Jane Doe" };

  function call(method: FakeMethod, key?: string): void {
    calls.push(method);
    if (key !== undefined) keys.push(`${method} ${key}`);
    const error = failures.get(method)?.shift();
    if (error) throw error;
  }

  const client = {
    baseUrl: JIRA,
    myself: async () => me,
    getIssue: async () => {
      call("getIssue");
      return { id: sup2.id, key: sup2.key, fields: { attachment: [...attachments] } };
    },
    addComment: async (key: string, comment: JiraComment & { properties?: [] }) => {
      call("addComment", key);
      const stored = {
        ...comment,
        id: String(30000 + comments.length),
        self: `${JIRA}/rest/api/2/issue/${key}/comment/${30000 + comments.length}`,
        author: me,
        created: new Date().toISOString(),
        properties: comment.properties ?? [],
      };
      comments.push(stored);
      return stored;
    },
    getComments: async (key: string) => {
      call("getComments", key);
      return [...comments].reverse();
    },
    addAttachment: async (
      _key: string,
      file: { name: string; data: Blob },
      onProgress?: (loaded: number, total: number) => void
    ) => {
      call("addAttachment");
      onProgress?.(file.data.size, file.data.size);
      const bean = { id: String(20000 + attachments.length), filename: file.name, size: 1 };
      attachments.push(bean);
      uploads.push(file.name);
      return [bean];
    },
    getIssueProperty: async (key: string, propertyKey: string) => {
      if (!properties.has(propertyKey)) {
        throw new JiraHttpError({
          code: "http_404",
          status: 404,
          message: "No property",
          request: { method: "GET", path: `/issue/${key}/properties/${propertyKey}` },
        });
      }
      return { key: propertyKey, value: properties.get(propertyKey) };
    },
    setIssueProperty: async (_key: string, propertyKey: string, value: unknown) => {
      call("setIssueProperty");
      properties.set(propertyKey, structuredClone(value));
    },
    createOrUpdateRemoteLink: async (_key: string, link: unknown) => {
      call("createOrUpdateRemoteLink");
      remoteLinks.push(link);
      return { id: 1, self: "x" };
    },
    // The finder's and the linked issues' lookups: SUP-2 and OPS-1 exist.
    projects: async () => [{ key: "SUP" }, { key: "OPS" }],
    issuePicker: async () => ({ sections: [] }),
    search: async ({ jql }: { jql: string }) => {
      const asked = [...jql.matchAll(/"([A-Z]+-\d+)"/g)].map((match) => match[1]);
      const issues = [sup2, ops1].filter((issue) => asked.includes(issue.key)).map(searchBean);
      return { startAt: 0, maxResults: 50, total: issues.length, issues };
    },
    projectRoles: async () => [{ name: "Developers" }],
    myGroups: async () => ["jira-developers"],
  } as unknown as JiraClient;

  return {
    client,
    comments,
    uploads,
    properties,
    remoteLinks,
    calls,
    keys,
    /** The next calls of `method` fail with these errors, in order. */
    failNext(method: FakeMethod, ...errors: Error[]) {
      failures.set(method, [...(failures.get(method) ?? []), ...errors]);
    },
  };
}

/** A store over the fake Jira, memory drafts and settings, a fixed clock and attempt ids. */
export function setup(
  options: {
    stored?: Record<string, unknown>;
    attachmentNames?: string[];
    overrides?: Partial<AddToIssueStoreOptions>;
  } = {}
) {
  const jira = fakeIssueJira(
    options.attachmentNames ? { attachmentNames: options.attachmentNames } : {}
  );
  const session = fakeSession(jira.client);
  const drafts = memoryDrafts(options.stored ?? {});
  const settings = createMemorySettings();
  const destinations = createDestinationMemory(settings);
  const clock = { now: Date.UTC(2026, 11, 4, 9, 0) };
  const mailContent = memoryMailContent(message, {
    body: { html: null, text: "It dropped again. !image001.png!" },
  });
  const emailLinks = memoryEmailLinks();
  const ids = ["attempt-1", "attempt-2", "attempt-3"];
  const warnings: string[] = [];
  const store = createAddToIssueStore({
    session,
    drafts,
    mailContent,
    emailLinks,
    destinations,
    locale: "en-US",
    loadConverter: async () => echoConverter,
    now: () => clock.now,
    randomId: () => ids.shift() as string,
    warn: (text) => warnings.push(text),
    ...options.overrides,
  });
  return {
    ...jira,
    jira,
    session,
    drafts,
    settings,
    destinations,
    store,
    clock,
    mailContent,
    emailLinks,
    warnings,
  };
}

/** What the form sends for SUP-2: the comment, the file, the inline picture and the .eml. */
export const request: CommentRequest = {
  issue: sup2,
  body: "It dropped again.\n!image001.png!\nLog: [^log.txt]",
  uploads: [
    { source: { kind: "attachment", attachmentId: "att-1" }, fileName: "log.txt" },
    { source: { kind: "inline-image", attachmentId: "att-3" }, fileName: "image001.png" },
    { source: { kind: "email" }, fileName: "RE_ [SUP-2] VPN drops every hour.eml" },
  ],
  jiraBaseUrl: JIRA,
};

/** Resolves once nothing runs for `item` any more. */
export async function settled(store: ReturnType<typeof setup>["store"]) {
  for (let i = 0; i < 50; i++) {
    const { status } = store.get(item).submission;
    if (status === "delivered" || status === "failed" || status === "idle") return store.get(item);
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  throw new Error(`Still running: ${JSON.stringify(store.get(item).submission)}`);
}
