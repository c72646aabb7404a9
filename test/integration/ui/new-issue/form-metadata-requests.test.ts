/**
 * How many Jira requests the New issue form costs, over real HTTP to the simulator, through the
 * pane's own session (token read from roaming settings, as a reopened pane does) and the same
 * metadata calls the form's hooks make (use-new-issue-choices.ts, use-attachment-meta.ts): every
 * request the session's fetch sends is counted. A pane opened for the first time asks Jira five
 * times; a pane reopened by a user who was there before asks nothing while the cache is fresh, two
 * requests once the create screen went stale (after an hour), at most 2 in every warm case.
 */
import { createJiraMetadataCache } from "../../../../src/jira/jira-metadata-cache";
import type { RunningJiraSimulator } from "../../../../src/simulator/create-jira-simulator";
import { CUSTOM_FIELD_IDS, ISSUE_TYPE_IDS } from "../../../../src/simulator/data/catalog";
import {
  METADATA_TTL_MS,
  createJiraMetadata,
  forgetMetadataOnSignOut,
  ownerOfSession,
} from "../../../../src/ui/jira-metadata";
import type { JiraMetadata } from "../../../../src/ui/jira-metadata";
import {
  chosenIssueTypeId,
  chosenProjectKey,
  creatableIssueTypes,
  loadCreateScreen,
} from "../../../../src/ui/new-issue/new-issue-choices";
import { MemoryWebStorage } from "../../../support/memory-web-storage";
import { createMemorySettings, setUpSessionSimulator } from "../../../unit/session/session-fakes";
import type { TestPane } from "../../../unit/session/session-fakes";

jest.setTimeout(30_000);

const { startSimulator, startPane } = setUpSessionSimulator();

/** Where the destination memory sends the email: Customer Support, Service Request. */
const DESTINATION = { projectKey: "SUP", issueTypeId: ISSUE_TYPE_IDS.serviceRequest };

/** The cache's clock (the session signs with the real one). */
const clock = { now: Date.UTC(2026, 3, 1, 9) };

/** The browser's localStorage, kept between page loads. */
let storage: MemoryWebStorage;

interface PageLoad {
  pane: TestPane;
  metadata: JiraMetadata;
}

/**
 * A new page load of the pane, signed in from the stored token: the session started, the metadata
 * built over the same storage as src/taskpane/index.tsx builds it.
 */
async function openPane(
  sim: RunningJiraSimulator,
  persisted: Record<string, unknown>
): Promise<PageLoad> {
  const pane = await startPane(sim, { settings: createMemorySettings(persisted) });
  const metadata = createJiraMetadata(pane.session, {
    cache: createJiraMetadataCache(storage, { now: () => clock.now }),
    owner: () => ownerOfSession(pane.session.getState(), pane.config.consumerKey),
  });
  forgetMetadataOnSignOut(pane.session, metadata, () => pane.config.consumerKey);
  return { pane, metadata };
}

/**
 * What the form loads until it is ready to fill, as its hooks do: the projects, the remembered
 * project's issue types and create screen (the draft's choice stands while the lists load, so
 * these run at once), and the attachment settings (the work views' hook, email-work.tsx).
 */
async function loadForm(metadata: JiraMetadata) {
  const [projects, issueTypes, screen, attachmentMeta] = await Promise.all([
    metadata.projects(),
    metadata.issueTypes(DESTINATION.projectKey),
    loadCreateScreen(metadata, DESTINATION.projectKey, DESTINATION.issueTypeId),
    metadata.attachmentMeta(),
  ]);
  const projectKey = chosenProjectKey(projects, DESTINATION.projectKey);
  const issueTypeId = chosenIssueTypeId(creatableIssueTypes(issueTypes), DESTINATION.issueTypeId);
  return { projectKey, issueTypeId, screen, attachmentMeta };
}

/** The Jira requests of a page load from its start to a ready form, without the context path. */
async function requestsOfFormLoad(sim: RunningJiraSimulator, persisted: Record<string, unknown>) {
  const page = await openPane(sim, persisted);
  const form = await loadForm(page.metadata);
  expect(form).toMatchObject({
    projectKey: "SUP",
    issueTypeId: ISSUE_TYPE_IDS.serviceRequest,
    attachmentMeta: { enabled: true },
  });
  expect(form.screen.editable.map((editable) => editable.field.fieldId)).toContain(
    CUSTOM_FIELD_IDS.customerImpact
  );
  const contextPath = new URL(sim.settings.baseUrl).pathname.replace(/\/$/, "");
  return { page, requests: page.pane.requests.map((request) => request.replace(contextPath, "")) };
}

const COLD = [
  "GET /rest/api/2/attachment/meta",
  "GET /rest/api/2/issue/createmeta/SUP/issuetypes",
  "GET /rest/api/2/issue/createmeta/SUP/issuetypes/10100",
  "GET /rest/api/2/project",
  "GET /rest/api/2/serverInfo",
];

/** A simulator and Jane's token in roaming settings, signed in through the real dance. */
async function signedInMailbox() {
  const sim = await startSimulator();
  const first = await startPane(sim);
  await first.session.signIn();
  return { sim, persisted: first.settings.persisted };
}

beforeEach(() => {
  storage = new MemoryWebStorage();
  clock.now = Date.UTC(2026, 3, 1, 9);
});

describe("Jira requests from opening the pane to a ready New issue form", () => {
  it("cold: five; warm: none while fresh, two after the create screen went stale, five after a day", async () => {
    const { sim, persisted } = await signedInMailbox();

    const cold = await requestsOfFormLoad(sim, persisted);
    expect([...cold.requests].sort()).toEqual(COLD);

    const warm = await requestsOfFormLoad(sim, persisted);
    expect(warm.requests).toEqual([]);

    clock.now += METADATA_TTL_MS.fields;
    const staleFields = await requestsOfFormLoad(sim, persisted);
    expect([...staleFields.requests].sort()).toEqual([
      "GET /rest/api/2/issue/createmeta/SUP/issuetypes/10100",
      "GET /rest/api/2/serverInfo",
    ]);
    for (const load of [warm, staleFields]) expect(load.requests.length).toBeLessThanOrEqual(2);

    clock.now += METADATA_TTL_MS.projects;
    const dayLater = await requestsOfFormLoad(sim, persisted);
    expect([...dayLater.requests].sort()).toEqual(COLD);
  });

  it("after Refresh, and after a create Jira refused for its fields, the next load asks again", async () => {
    const { sim, persisted } = await signedInMailbox();
    const first = await requestsOfFormLoad(sim, persisted);

    // A create without the required Customer Impact: Jira refuses it for that field.
    const refused = await first.page.pane.session
      .withJira((jira) =>
        jira.createIssue({
          project: { key: "SUP" },
          issuetype: { id: ISSUE_TYPE_IDS.serviceRequest },
          summary: "VPN drops every hour",
        })
      )
      .catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: "jira_validation" });
    expect(first.page.metadata.forgetAfterCreateFailure(refused, DESTINATION)).toBe(true);
    const afterRefusal = await requestsOfFormLoad(sim, persisted);
    expect([...afterRefusal.requests].sort()).toEqual([
      "GET /rest/api/2/issue/createmeta/SUP/issuetypes/10100",
      "GET /rest/api/2/serverInfo",
    ]);

    afterRefusal.page.metadata.refresh();
    const afterRefresh = await requestsOfFormLoad(sim, persisted);
    expect([...afterRefresh.requests].sort()).toEqual(COLD);
  });

  it("after sign-out, the same user's next pane starts cold", async () => {
    const { sim, persisted } = await signedInMailbox();
    const first = await requestsOfFormLoad(sim, persisted);
    await first.page.pane.session.signOut();
    expect(storage.items.size).toBe(0);
    const again = await requestsOfFormLoad(sim, persisted);
    expect([...again.requests].sort()).toEqual(COLD);
  });
});
