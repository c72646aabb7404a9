/**
 * The New issue store with the Jira client, Outlook and the converter faked, for the store's unit
 * tests (the delivery against the real simulator is in test/integration/ui/new-issue/).
 */
import type { JiraClient } from "../../../../src/jira/create-jira-client";
import { EMAIL_PROPERTY_KEY } from "../../../../src/jira/email-reference";
import type { EmailConverter } from "../../../../src/mail/email-description-types";
import { createDestinationMemory } from "../../../../src/ui/new-issue/destination-memory";
import { initialDraftFor } from "../../../../src/ui/new-issue/new-issue-draft";
import type { NewIssueDraft } from "../../../../src/ui/new-issue/new-issue-draft";
import { newIssueItemFor } from "../../../../src/ui/new-issue/new-issue-item";
import { createNewIssueStore } from "../../../../src/ui/new-issue/new-issue-store";
import type {
  CreateRequest,
  NewIssueStoreOptions,
} from "../../../../src/ui/new-issue/new-issue-store";
import type { JiraSession } from "../../../../src/ui/ports";
import { storedValueOf } from "../../../../src/ui/new-issue/stored-entry";
import { deferred } from "../../../support/deferred";
import type { Deferred } from "../../../support/deferred";
import { createMemorySettings } from "../../session/session-fakes";
import { memoryDrafts } from "../memory-drafts";
import { memoryEmailLinks, memoryMailContent, sampleMessage } from "../ui-fakes";

/** A Jira client whose createIssue and search calls the test answers. */
export function fakeJira() {
  const creates: Array<{ fields: unknown; extras: unknown; answer: Deferred<unknown> }> = [];
  const searches: Array<Deferred<unknown>> = [];
  const properties = new Map<string, unknown>();
  const client = {
    baseUrl: "https://jira.example.com",
    createIssue: jest.fn((fields: unknown, extras: unknown) => {
      const answer = deferred<unknown>();
      creates.push({ fields, extras, answer });
      return answer.promise;
    }),
    search: jest.fn(() => {
      const answer = deferred<unknown>();
      searches.push(answer);
      return answer.promise;
    }),
    getIssueProperty: jest.fn(async (key: string) => ({
      key: EMAIL_PROPERTY_KEY,
      value: properties.get(key),
    })),
    createOrUpdateRemoteLink: jest.fn(async () => ({ id: 1, self: "x" })),
  } as unknown as JiraClient & {
    createIssue: jest.Mock;
    search: jest.Mock;
    createOrUpdateRemoteLink: jest.Mock;
  };
  return { client, creates, searches, properties };
}

/** withJira that runs the operation at once with the fake client (the session is tested elsewhere). */
export function fakeSession(client: JiraClient) {
  const withJira = jest.fn(<T>(operation: (client: JiraClient) => Promise<T>) => operation(client));
  return { withJira } as Pick<JiraSession, "withJira"> & { withJira: jest.Mock };
}

/** A converter that says which options it was given (the real one is tested in test/unit/mail/). */
export const echoConverter: EmailConverter = {
  describe: ({ body, options, inlineImages }) => ({
    markup: `header=${options.includeHeaderBlock} cut=${options.cutQuotedHistory}\n${body.text}`,
    usedInlineImages: inlineImages,
  }),
  describeAsync: (input) => Promise.resolve(echoConverter.describe(input)),
};

export const messageA = sampleMessage({ attachments: [] });
export const messageB = sampleMessage({
  itemId: "item-B",
  subject: "VPN drops",
  internetMessageId: "<vpn@x>",
  conversationId: "conv-B",
});
export const A = newIssueItemFor(messageA);
export const B = newIssueItemFor(messageB);

export const typedA: NewIssueDraft = {
  ...initialDraftFor({ subject: "x" }),
  projectKey: "OPS",
  issueTypeId: "3",
  summary: "Printer jams on every job",
  description: "Since Monday.",
  descriptionState: "edited",
};

export const requestA: CreateRequest = {
  issue: {
    projectKey: "OPS",
    issueTypeId: "3",
    summary: "Printer jams on every job",
    description: "Since Monday.",
    fields: { priority: { id: "2" } },
  },
  uploads: [],
  jiraBaseUrl: "https://jira.example.com",
};

export const createdAnswer = {
  id: "10001",
  key: "OPS-1",
  self: "https://jira.example.com/issue/10001",
};

export function setup(
  stored: Record<string, unknown> = { [A.key]: storedValueOf(typedA) },
  overrides: Partial<NewIssueStoreOptions> = {}
) {
  const jira = fakeJira();
  const session = fakeSession(jira.client);
  const drafts = memoryDrafts(stored);
  const settings = createMemorySettings();
  const clock = { now: Date.UTC(2026, 11, 4, 9, 0) };
  const mailContent = memoryMailContent(messageA, { body: { html: null, text: "Hello" } });
  const emailLinks = memoryEmailLinks();
  const ids = ["attempt-1", "attempt-2", "attempt-3"];
  const warnings: string[] = [];
  const store = createNewIssueStore({
    session,
    drafts,
    mailContent,
    emailLinks,
    destinations: createDestinationMemory(settings),
    locale: "en-US",
    loadConverter: async () => echoConverter,
    now: () => clock.now,
    randomId: () => ids.shift() as string,
    warn: (message) => warnings.push(message),
    ...overrides,
  });
  return { ...jira, session, drafts, settings, store, clock, mailContent, emailLinks, warnings };
}

export const draftIn = (drafts: { map: Map<string, unknown> }, key: string) =>
  (drafts.map.get(key) as { draft?: unknown } | undefined)?.draft;
