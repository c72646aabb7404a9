/**
 * The pane's Jira metadata over a fake client and the real cache (memory Web Storage, fake clock):
 * a second page load asks Jira nothing while the entries are fresh, the fields go stale before the
 * rest, Refresh and a create Jira refused for its fields make the views load again, failures are
 * never kept, two views asking at once share one request, and each user has their own entries.
 * (The real HTTP counts against the simulator are in test/integration/ui/new-issue/.)
 */
import type { JiraClient } from "../../../src/jira/create-jira-client";
import { JiraHttpError, JiraValidationError } from "../../../src/jira/jira-errors";
import { createJiraMetadataCache } from "../../../src/jira/jira-metadata-cache";
import type { MetadataOwner } from "../../../src/jira/jira-metadata-cache";
import type { JiraProject } from "../../../src/jira/jira-types";
import {
  METADATA_TTL_MS,
  createJiraMetadata,
  forgetMetadataOnSignOut,
  ownerOfSession,
} from "../../../src/ui/jira-metadata";
import type { JiraSession, SessionState } from "../../../src/ui/ports";
import { deferred } from "../../support/deferred";
import { MemoryWebStorage } from "../../support/memory-web-storage";

const BASE = "https://jira.example.com";
const JANE: MetadataOwner = { jiraBaseUrl: BASE, userKey: "jane", consumerKey: "jfo" };
const JOHN: MetadataOwner = { jiraBaseUrl: BASE, userKey: "john", consumerKey: "jfo" };
const HOUR = 60 * 60 * 1000;

const SUP: JiraProject = {
  id: "10000",
  key: "SUP",
  name: "Customer Support",
  self: `${BASE}/rest/api/2/project/10000`,
  projectTypeKey: "service_desk",
  avatarUrls: { "48x48": `${BASE}/avatar.png` },
};

/** A client answering the metadata calls, counting them by name. */
function fakeClient() {
  const calls: string[] = [];
  const answer =
    <T>(name: string, value: () => T) =>
    async (...args: unknown[]) => {
      calls.push([name, ...args].join(" "));
      return value();
    };
  const client = {
    baseUrl: BASE,
    projects: jest.fn(answer("projects", () => [SUP])),
    createMetaIssueTypes: jest.fn(
      answer("issue-types", () => [{ id: "10001", name: "Task", subtask: false }])
    ),
    createMetaFields: jest.fn(
      answer("fields", () => [
        { fieldId: "summary", name: "Summary", required: true, schema: { type: "string" } },
      ])
    ),
    attachmentMeta: jest.fn(answer("attachment-meta", () => ({ enabled: true, uploadLimit: 10 }))),
  };
  return { client: client as unknown as JiraClient & typeof client, calls };
}

/** One page load: its own metadata over the shared storage, as `owner()` says. */
function setup(storage = new MemoryWebStorage()) {
  const clock = { now: Date.UTC(2026, 3, 1, 9) };
  const { client, calls } = fakeClient();
  const who: { owner: MetadataOwner | undefined } = { owner: JANE };
  const session = {
    withJira: <T>(operation: (jira: JiraClient) => Promise<T>) => operation(client),
  };
  const load = () =>
    createJiraMetadata(session, {
      cache: createJiraMetadataCache(storage, { now: () => clock.now }),
      owner: () => who.owner,
    });
  return { storage, clock, client, calls, who, load, metadata: load() };
}

/** What the New issue form loads, in its order. */
async function formLoad(metadata: ReturnType<typeof createJiraMetadata>) {
  await Promise.all([
    metadata.projects(),
    metadata.issueTypes("SUP"),
    metadata.fields("SUP", "10001"),
    metadata.attachmentMeta(),
  ]);
}

describe("createJiraMetadata with a cache", () => {
  it("asks Jira once; the next page load asks nothing while the entries are fresh", async () => {
    const { metadata, load, calls } = setup();
    await formLoad(metadata);
    expect(calls).toEqual(["projects", "issue-types SUP", "fields SUP 10001", "attachment-meta"]);
    calls.length = 0;

    await formLoad(load());
    expect(calls).toEqual([]);
  });

  it("keeps only what the pane shows of a project", async () => {
    const { metadata, load } = setup();
    const expected = [
      { id: "10000", key: "SUP", name: "Customer Support", projectTypeKey: "service_desk" },
    ];
    await expect(metadata.projects()).resolves.toEqual(expected);
    await expect(load().projects()).resolves.toEqual(expected);
  });

  it("asks again for the fields after an hour, and for the rest after a day", async () => {
    const { metadata, load, calls, clock } = setup();
    await formLoad(metadata);
    calls.length = 0;

    clock.now += METADATA_TTL_MS.fields;
    await formLoad(load());
    expect(calls).toEqual(["fields SUP 10001"]);
    calls.length = 0;

    clock.now += 24 * HOUR;
    await formLoad(load());
    expect(calls).toEqual(["projects", "issue-types SUP", "fields SUP 10001", "attachment-meta"]);
  });

  it("never keeps a failure: the next call asks Jira again", async () => {
    const { metadata, client, calls } = setup();
    client.projects.mockRejectedValueOnce(
      new JiraHttpError({
        code: "http_503",
        status: 503,
        message: "down",
        request: { method: "GET", path: "/p" },
      })
    );
    await expect(metadata.projects()).rejects.toMatchObject({ code: "http_503" });
    await expect(metadata.projects()).resolves.toHaveLength(1);
    expect(client.projects).toHaveBeenCalledTimes(2);
    expect(calls).toEqual(["projects"]);
  });

  it("shares one request between two views asking at once", async () => {
    const { metadata, client } = setup();
    const [a, b] = await Promise.all([metadata.projects(), metadata.projects()]);
    expect(a).toEqual(b);
    expect(client.projects).toHaveBeenCalledTimes(1);
  });

  it("peeks at what is kept without asking Jira: nothing before a load, the same answer after", async () => {
    const { metadata, load, calls, clock, who } = setup();
    expect(metadata.peek({ kind: "projects" })).toBeUndefined();
    await formLoad(metadata);
    calls.length = 0;

    // The next page load has the whole form at once, as the load gave it, without a request.
    const next = load();
    expect(next.peek({ kind: "projects" })?.map((project) => project.key)).toEqual(["SUP"]);
    expect(next.peek({ kind: "issue-types", projectKey: "SUP" })).toEqual([
      { id: "10001", name: "Task", subtask: false },
    ]);
    expect(next.peek({ kind: "fields", projectKey: "SUP", issueTypeId: "10001" })).toHaveLength(1);
    expect(next.peek({ kind: "attachment-meta" })).toEqual({ enabled: true, uploadLimit: 10 });
    // The same object each time: a view peeking twice does not render again for nothing.
    expect(next.peek({ kind: "projects" })).toBe(next.peek({ kind: "projects" }));
    expect(next.peek({ kind: "fields", projectKey: "OPS", issueTypeId: "10001" })).toBeUndefined();
    expect(calls).toEqual([]);

    // Stale, another user, or nobody signed in: nothing to peek at.
    clock.now += 2 * HOUR;
    expect(next.peek({ kind: "fields", projectKey: "SUP", issueTypeId: "10001" })).toBeUndefined();
    expect(next.peek({ kind: "projects" })).toBeDefined();
    who.owner = JOHN;
    expect(next.peek({ kind: "projects" })).toBeUndefined();
    who.owner = undefined;
    expect(next.peek({ kind: "projects" })).toBeUndefined();
    // Refresh forgets what a peek would show.
    who.owner = JANE;
    next.refresh();
    expect(next.peek({ kind: "projects" })).toBeUndefined();
  });

  it("keeps each user's entries apart, and asks Jira uncached when nobody is signed in", async () => {
    const { metadata, who, calls } = setup();
    await metadata.projects();
    who.owner = JOHN;
    await metadata.projects();
    who.owner = JANE;
    await metadata.projects();
    who.owner = undefined;
    await metadata.projects();
    await metadata.projects();
    expect(calls).toEqual(["projects", "projects", "projects", "projects"]);
  });

  it("Refresh forgets the user's entries and changes every revision, so the views load again", async () => {
    const { metadata, load, calls } = setup();
    await formLoad(metadata);
    const before = metadata.revisionOf({ kind: "projects" });
    const listener = jest.fn();
    metadata.subscribe(listener);

    metadata.refresh();
    expect(listener).toHaveBeenCalledTimes(1);
    expect(metadata.revisionOf({ kind: "projects" })).not.toBe(before);
    calls.length = 0;
    await formLoad(load());
    expect(calls).toEqual(["projects", "issue-types SUP", "fields SUP 10001", "attachment-meta"]);
  });

  it("doesn't keep an answer that was asked for before a Refresh", async () => {
    const { metadata, client, calls } = setup();
    const answer = deferred<JiraProject[]>();
    client.projects.mockImplementationOnce(() => answer.promise);
    const running = metadata.projects();
    metadata.refresh();
    answer.resolve([SUP]);
    await running;
    await metadata.projects();
    expect(client.projects).toHaveBeenCalledTimes(2);
    expect(calls).toEqual(["projects"]);
  });

  it("after a create Jira refused for a field, forgets that screen once and only that", async () => {
    const { metadata, calls } = setup();
    await formLoad(metadata);
    const fieldsBefore = metadata.revisionOf({
      kind: "fields",
      projectKey: "SUP",
      issueTypeId: "10001",
    });
    const projectsBefore = metadata.revisionOf({ kind: "projects" });
    const refused = new JiraValidationError({
      code: "jira_validation",
      status: 400,
      message: "Jira refused the issue.",
      request: { method: "POST", path: "/rest/api/2/issue" },
      errors: { customfield_10300: "Customer Impact is required." },
    });

    expect(
      metadata.forgetAfterCreateFailure(refused, { projectKey: "SUP", issueTypeId: "10001" })
    ).toBe(true);
    expect(
      metadata.revisionOf({ kind: "fields", projectKey: "SUP", issueTypeId: "10001" })
    ).not.toBe(fieldsBefore);
    expect(metadata.revisionOf({ kind: "projects" })).toBe(projectsBefore);
    // The same failure seen again (the form shown again) forgets nothing more.
    expect(
      metadata.forgetAfterCreateFailure(refused, { projectKey: "SUP", issueTypeId: "10001" })
    ).toBe(false);

    calls.length = 0;
    await formLoad(metadata);
    expect(calls).toEqual(["fields SUP 10001"]);
  });

  it("after a refused project or issue type, forgets those lists too", async () => {
    const { metadata, calls } = setup();
    await formLoad(metadata);
    const refused = new JiraValidationError({
      code: "jira_validation",
      status: 400,
      message: "Jira refused the issue.",
      request: { method: "POST", path: "/rest/api/2/issue" },
      errors: { project: "valid project is required", issuetype: "valid issue type is required" },
    });
    metadata.forgetAfterCreateFailure(refused, { projectKey: "SUP", issueTypeId: "10001" });
    calls.length = 0;
    await formLoad(metadata);
    expect(calls).toEqual(["projects", "issue-types SUP", "fields SUP 10001"]);
  });

  it("keeps everything after other create failures", () => {
    const { metadata } = setup();
    const request = { method: "POST", path: "/rest/api/2/issue" };
    const screen = { projectKey: "SUP", issueTypeId: "10001" };
    expect(
      metadata.forgetAfterCreateFailure(
        new JiraHttpError({ code: "http_500", status: 500, message: "x", request }),
        screen
      )
    ).toBe(false);
    expect(
      metadata.forgetAfterCreateFailure(
        new JiraValidationError({
          code: "jira_validation",
          status: 400,
          message: "x",
          request,
          errorMessages: ["No"],
        }),
        screen
      )
    ).toBe(false);
    expect(metadata.forgetAfterCreateFailure(new Error("network"), screen)).toBe(false);
  });
});

describe("createJiraMetadata without a cache", () => {
  it("asks Jira every time, and Refresh still changes the revisions", async () => {
    const { client, calls } = fakeClient();
    const metadata = createJiraMetadata({ withJira: (operation) => operation(client) });
    await metadata.projects();
    await metadata.projects();
    expect(calls).toEqual(["projects", "projects"]);
    const before = metadata.revisionOf({ kind: "attachment-meta" });
    metadata.refresh();
    expect(metadata.revisionOf({ kind: "attachment-meta" })).not.toBe(before);
  });
});

describe("ownerOfSession", () => {
  const account = { name: "jane", key: "JIRAUSER10100", displayName: "Jane Doe" };
  it("is the signed-in (or interrupted) user's key, Jira and consumer", () => {
    const signedIn: SessionState = { status: "signed_in", jiraBaseUrl: BASE, account };
    expect(ownerOfSession(signedIn, "jfo")).toEqual({
      jiraBaseUrl: BASE,
      userKey: "JIRAUSER10100",
      consumerKey: "jfo",
    });
    expect(
      ownerOfSession(
        { status: "signed_in", jiraBaseUrl: BASE, account: { name: "jane", displayName: "J" } },
        "jfo"
      )
    ).toMatchObject({ userKey: "jane" });
    expect(ownerOfSession({ status: "signed_out", jiraBaseUrl: BASE }, "jfo")).toBeUndefined();
    expect(ownerOfSession(signedIn, undefined)).toBeUndefined();
  });
});

describe("forgetMetadataOnSignOut", () => {
  it("forgets the user's entries when they sign out, not when the connection only ended", async () => {
    const { metadata, load, calls } = setup();
    const listeners = new Set<() => void>();
    let state: SessionState = {
      status: "signed_in",
      jiraBaseUrl: BASE,
      account: { name: "jane", key: "jane", displayName: "Jane Doe" },
    };
    const session: Pick<JiraSession, "getState" | "subscribe"> = {
      getState: () => state,
      subscribe: (listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    };
    const move = (next: SessionState) => {
      state = next;
      for (const listener of listeners) listener();
    };
    forgetMetadataOnSignOut(session, metadata, () => "jfo");
    await formLoad(metadata);
    calls.length = 0;

    move({
      status: "ended",
      jiraBaseUrl: BASE,
      account: { name: "jane", key: "jane", displayName: "Jane Doe" },
      notice: { code: "connection_ended", intent: "warning", title: "t", message: "m" },
      waitingOperations: 0,
    });
    await formLoad(load());
    expect(calls).toEqual([]);

    move({ status: "signed_out", jiraBaseUrl: BASE });
    await formLoad(load());
    expect(calls).toEqual(["projects", "issue-types SUP", "fields SUP 10001", "attachment-meta"]);
  });
});
