/**
 * The pane's New issue drafts and creates per email (createNewIssueStore). The pane is pinned: the
 * user switches email while a create runs and comes back, and the form for an email is mounted
 * again each time. These are the reproductions of what went wrong when the create lived in the
 * form (f33dc7a): a second create after coming back, the result lost, the uncertain flag lost.
 */
import { IssueCreateUncertainError } from "../../../src/jira/create-issue-once";
import type { IssueDraftFields } from "../../../src/jira/create-issue-once";
import type { JiraClient } from "../../../src/jira/create-jira-client";
import { SessionError } from "../../../src/session/session-types";
import type { NewIssueDraft } from "../../../src/ui/new-issue-draft";
import type { NewIssueItem } from "../../../src/ui/new-issue-item";
import { createNewIssueStore } from "../../../src/ui/new-issue-store";
import type { JiraSession } from "../../../src/ui/ports";
import { deferred, settle } from "../../support/deferred";
import type { Deferred } from "../../support/deferred";
import { memoryDrafts } from "./memory-drafts";

/** A Jira client whose createIssue and search calls the test answers. */
function fakeJira() {
  const creates: Array<{ fields: unknown; answer: Deferred<unknown> }> = [];
  const searches: Array<Deferred<unknown>> = [];
  const client = {
    baseUrl: "https://jira.example.com",
    createIssue: jest.fn((fields: unknown) => {
      const answer = deferred<unknown>();
      creates.push({ fields, answer });
      return answer.promise;
    }),
    search: jest.fn(() => {
      const answer = deferred<unknown>();
      searches.push(answer);
      return answer.promise;
    }),
  } as unknown as JiraClient & {
    createIssue: jest.Mock;
    search: jest.Mock;
  };
  return { client, creates, searches };
}

/** withJira that runs the operation at once with the fake client (the session is tested elsewhere). */
function fakeSession(client: JiraClient) {
  const withJira = jest.fn(<T>(operation: (client: JiraClient) => Promise<T>) => operation(client));
  return { withJira } as Pick<JiraSession, "withJira"> & { withJira: jest.Mock };
}

const A: NewIssueItem = { key: "new-issue:A", persistent: true, subject: "Printer jams" };
const B: NewIssueItem = { key: "new-issue:B", persistent: true, subject: "VPN drops" };

const typedA: NewIssueDraft = {
  projectKey: "OPS",
  issueTypeId: "3",
  summary: "Printer jams on every job",
  description: "Since Monday.",
  previousAttemptUncertain: false,
};

const fieldsA: IssueDraftFields = {
  projectKey: "OPS",
  issueTypeId: "3",
  summary: "Printer jams on every job",
  description: "Since Monday.",
};

const createdAnswer = { id: "10001", key: "OPS-1", self: "https://jira.example.com/issue/10001" };

function setup(stored: Record<string, unknown> = { [A.key]: typedA }) {
  const jira = fakeJira();
  const session = fakeSession(jira.client);
  const drafts = memoryDrafts(stored);
  const clock = { now: Date.UTC(2026, 11, 4, 9, 0) };
  const store = createNewIssueStore({ session, drafts, now: () => clock.now });
  return { ...jira, session, drafts, store, clock };
}

describe("createNewIssueStore: drafts", () => {
  it("starts an email's draft from the DraftStore, else from its subject", () => {
    const { store } = setup();
    expect(store.get(A).draft).toEqual(typedA);
    expect(store.get(B).draft).toEqual({
      projectKey: "",
      issueTypeId: "",
      summary: "VPN drops",
      description: "",
      previousAttemptUncertain: false,
    });
    expect(store.get(A).submission).toEqual({ status: "idle" });
  });

  it("returns the same entry until it changes (what useSyncExternalStore needs)", () => {
    const { store } = setup();
    const before = store.get(A);
    expect(store.get(A)).toBe(before);
    store.update(A, { summary: "Changed" });
    expect(store.get(A)).not.toBe(before);
    expect(store.get(A).draft.summary).toBe("Changed");
  });

  it("stores every change under the email's key and tells only that email's listeners", () => {
    const { store, drafts } = setup();
    const onA = jest.fn();
    const onB = jest.fn();
    store.subscribe(A.key, onA);
    const unsubscribeB = store.subscribe(B.key, onB);
    store.update(A, { description: "More detail" });
    expect(drafts.map.get(A.key)).toEqual({ ...typedA, description: "More detail" });
    expect(onA).toHaveBeenCalledTimes(1);
    expect(onB).not.toHaveBeenCalled();
    unsubscribeB();
    store.update(B, { summary: "x" });
    expect(onB).not.toHaveBeenCalled();
  });

  it("keeps the draft of an email without any id in memory only", () => {
    const { store, drafts } = setup({});
    const unsaved: NewIssueItem = {
      key: "new-issue:unidentified:1",
      persistent: false,
      subject: "s",
    };
    store.update(unsaved, { summary: "typed" });
    expect(store.get(unsaved).draft.summary).toBe("typed");
    expect(drafts.map.size).toBe(0);
  });
});

describe("createNewIssueStore: creating", () => {
  it("creates through withJira and, once created, starts a fresh draft in the same place", async () => {
    const { store, session, creates, drafts } = setup();
    expect(store.create(A, fieldsA)).toBe(true);
    expect(store.get(A).submission).toEqual({ status: "creating" });
    expect(session.withJira).toHaveBeenCalledTimes(1);
    expect(creates[0]?.fields).toEqual({
      project: { key: "OPS" },
      issuetype: { id: "3" },
      summary: "Printer jams on every job",
      description: "Since Monday.",
    });
    creates[0]?.answer.resolve(createdAnswer);
    await settle();
    expect(store.get(A)).toEqual({
      draft: {
        projectKey: "OPS",
        issueTypeId: "3",
        summary: "Printer jams",
        description: "",
        previousAttemptUncertain: false,
      },
      submission: { status: "created", issue: { ...createdAnswer, recovered: false } },
    });
    expect(drafts.map.has(A.key)).toBe(false);
    store.dismiss(A);
    expect(store.get(A).submission).toEqual({ status: "idle" });
  });

  it("never sends a second create while the first one runs (Create clicked twice)", async () => {
    const { store, session, creates } = setup();
    expect(store.create(A, fieldsA)).toBe(true);
    expect(store.create(A, fieldsA)).toBe(false);
    expect(session.withJira).toHaveBeenCalledTimes(1);
    creates[0]?.answer.resolve(createdAnswer);
    await settle();
    expect(creates).toHaveLength(1);
  });

  // f33dc7a: the create lived in the form. Switching to email B unmounted A's form; back on A a
  // new form knew nothing of the running create, offered Create again and sent a second POST.
  it("shows a form mounted again for the email that the create still runs, and refuses a second one", () => {
    const { store, session } = setup();
    store.create(A, fieldsA);
    store.get(B); // the user looks at another email…
    // …and comes back: the new form reads A's entry.
    expect(store.get(A).submission).toEqual({ status: "creating" });
    expect(store.create(A, fieldsA)).toBe(false);
    expect(session.withJira).toHaveBeenCalledTimes(1);
  });

  // f33dc7a: the result of a create that ended while another email was shown was lost ("Created"
  // never appeared for A) and only the stored draft was removed.
  it("lands the result on the email the create was made from, never on the email shown", async () => {
    const { store, creates, drafts } = setup({
      [A.key]: typedA,
      [B.key]: { ...typedA, summary: "B's own draft" },
    });
    store.create(A, fieldsA);
    const bBefore = store.get(B);
    creates[0]?.answer.resolve(createdAnswer);
    await settle();
    expect(store.get(B)).toBe(bBefore);
    expect(drafts.map.get(B.key)).toMatchObject({ summary: "B's own draft" });
    expect(store.get(A).submission).toMatchObject({ status: "created", issue: { key: "OPS-1" } });
    expect(drafts.map.has(A.key)).toBe(false);
  });

  it("creates B while A's create runs: each on its own", async () => {
    const { store, creates } = setup({ [A.key]: typedA, [B.key]: typedA });
    expect(store.create(A, fieldsA)).toBe(true);
    expect(store.create(B, { ...fieldsA, summary: "B" })).toBe(true);
    creates[1]?.answer.reject(new Error("B failed"));
    creates[0]?.answer.resolve(createdAnswer);
    await settle();
    expect(store.get(A).submission.status).toBe("created");
    expect(store.get(B).submission).toMatchObject({
      status: "failed",
      error: { message: "B failed" },
    });
  });

  it("turns a withJira that throws at once into a failure", async () => {
    const { store, session } = setup();
    session.withJira.mockImplementationOnce(() => {
      throw new Error("no session");
    });
    expect(store.create(A, fieldsA)).toBe(true);
    await settle();
    expect(store.get(A).submission).toMatchObject({ status: "failed" });
  });
});

describe("createNewIssueStore: an uncertain create", () => {
  it("remembers it in the stored draft, and the next create looks before it posts", async () => {
    const { store, session, creates, searches, drafts } = setup();
    session.withJira.mockImplementationOnce(() =>
      Promise.reject(new IssueCreateUncertainError(new Error("504")))
    );
    store.create(A, fieldsA);
    await settle();
    expect(store.get(A).submission).toMatchObject({
      status: "failed",
      error: { code: "create_uncertain" },
    });
    expect(store.get(A).draft.previousAttemptUncertain).toBe(true);
    expect(drafts.map.get(A.key)).toMatchObject({ previousAttemptUncertain: true });

    store.create(A, fieldsA);
    expect(searches).toHaveLength(1);
    expect(creates).toHaveLength(0);
    searches[0]?.resolve({ issues: [] });
    await settle();
    expect(creates).toHaveLength(1);
  });

  // f33dc7a: the flag was written by the unmounted form from its own copy of the draft, while the
  // form mounted again for A held the draft without it: its next keystroke stored the flag away,
  // and its Create posted without looking first.
  it("keeps the flag through edits made by a form mounted again meanwhile", async () => {
    const { store, session, searches, creates, drafts } = setup();
    const uncertain = deferred<never>();
    session.withJira.mockImplementationOnce(() => uncertain.promise);
    store.create(A, fieldsA);
    store.get(B); // away…
    const remounted = store.get(A); // …and back, while the create still runs
    expect(remounted.submission.status).toBe("creating");
    uncertain.reject(new IssueCreateUncertainError(new Error("504")));
    await settle();
    store.update(A, { summary: "Printer jams on every job!" });
    expect(drafts.map.get(A.key)).toMatchObject({
      summary: "Printer jams on every job!",
      previousAttemptUncertain: true,
    });
    store.create(A, { ...fieldsA, summary: "Printer jams on every job!" });
    expect(searches).toHaveLength(1);
    expect(creates).toHaveLength(0);
  });

  it("keeps the flag when a later attempt fails for another reason (it proves nothing)", async () => {
    const { store, session } = setup({ [A.key]: { ...typedA, previousAttemptUncertain: true } });
    session.withJira.mockImplementationOnce(() =>
      Promise.reject(new SessionError("sign_in_required", "Sign in to Jira to continue."))
    );
    store.create(A, fieldsA);
    await settle();
    expect(store.get(A).submission).toMatchObject({ error: { code: "sign_in_required" } });
    expect(store.get(A).draft.previousAttemptUncertain).toBe(true);
  });

  // createIssueOnce looks back 15 minutes unless told when the uncertain attempt was made
  // (uncertainSince): a retry an hour after a Jira outage would not find the issue and post again.
  it("remembers when the uncertain attempt was made, and the retry searches back to it", async () => {
    const { store, session, searches, drafts, clock, client } = setup();
    const attemptedAt = clock.now;
    session.withJira.mockImplementationOnce(() =>
      Promise.reject(new IssueCreateUncertainError(new Error("504")))
    );
    store.create(A, fieldsA);
    clock.now += 5_000; // the answer comes later than the attempt
    await settle();
    expect(store.get(A).draft.uncertainSince).toBe(attemptedAt);
    expect(drafts.map.get(A.key)).toMatchObject({ uncertainSince: attemptedAt });

    clock.now = attemptedAt + 60 * 60_000; // an hour later
    store.create(A, fieldsA);
    expect(searches).toHaveLength(1);
    expect(client.search.mock.calls[0]?.[0]).toMatchObject({
      jql: expect.stringContaining("created >= -75m"),
    });
  });

  it("keeps the first uncertain attempt's time through later uncertain ones", async () => {
    const { store, session, clock } = setup();
    const first = clock.now;
    const uncertain = () => Promise.reject(new IssueCreateUncertainError(new Error("504")));
    session.withJira.mockImplementationOnce(uncertain).mockImplementationOnce(uncertain);
    store.create(A, fieldsA);
    await settle();
    clock.now += 10 * 60_000;
    store.create(A, fieldsA);
    await settle();
    expect(store.get(A).draft.uncertainSince).toBe(first);
  });

  it("clears the flag once the issue is created (or found)", async () => {
    const { store, searches, drafts } = setup({
      [A.key]: { ...typedA, previousAttemptUncertain: true },
    });
    store.create(A, fieldsA);
    searches[0]?.resolve({
      issues: [
        {
          id: "10001",
          key: "OPS-1",
          self: "https://jira.example.com/rest/api/2/issue/10001",
          fields: {
            project: { key: "OPS" },
            issuetype: { id: "3" },
            summary: "Printer jams on every job",
            description: "Since Monday.",
          },
        },
      ],
    });
    await settle();
    expect(store.get(A).submission).toMatchObject({
      status: "created",
      issue: { key: "OPS-1", recovered: true },
    });
    expect(store.get(A).draft.previousAttemptUncertain).toBe(false);
    expect(drafts.map.has(A.key)).toBe(false);
  });
});
