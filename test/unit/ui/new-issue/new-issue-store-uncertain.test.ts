/**
 * The pane's New issue store after a create whose outcome was lost (createNewIssueStore, Jira
 * faked): the next create looks for the issue by the attempt's marker before posting, whatever the
 * form does meanwhile, however long ago, and even after the pane was closed mid-create.
 */
import { IssueCreateUncertainError } from "../../../../src/jira/create-issue-once";
import { SessionError } from "../../../../src/session/session-types";
import { storedValueOf } from "../../../../src/ui/new-issue/stored-entry";
import { deferred, settle } from "../../../support/deferred";
import { A, B, draftIn, messageA, requestA, setup, typedA } from "./store-fixture";

describe("createNewIssueStore: an uncertain create", () => {
  it("remembers it in the stored draft, and the next create looks first with the same attempt id", async () => {
    const { store, session, creates, searches, drafts } = setup();
    session.withJira.mockImplementationOnce(() =>
      Promise.reject(new IssueCreateUncertainError(new Error("504")))
    );
    store.create(A, messageA, requestA);
    await settle();
    expect(store.get(A).submission).toMatchObject({
      status: "failed",
      error: { code: "create_uncertain" },
    });
    expect(draftIn(drafts, A.key)).toMatchObject({
      previousAttemptUncertain: true,
      attemptId: "attempt-1",
    });

    store.create(A, messageA, requestA);
    await settle();
    expect(searches).toHaveLength(1);
    expect(creates).toHaveLength(0);
    searches[0]?.resolve({ issues: [] });
    await settle();
    expect(creates).toHaveLength(1);
    expect(JSON.stringify(creates[0]?.extras)).toContain('"attemptId":"attempt-1"');
  });

  // f33dc7a: the flag was written by the unmounted form from its own copy of the draft, while the
  // form mounted again for A held the draft without it.
  it("keeps the flag through edits made by a form mounted again meanwhile", async () => {
    const { store, session, searches, creates, drafts } = setup();
    const uncertain = deferred<never>();
    session.withJira.mockImplementationOnce(() => uncertain.promise);
    store.create(A, messageA, requestA);
    await settle();
    store.get(B);
    expect(store.get(A).submission.status).toBe("creating");
    uncertain.reject(new IssueCreateUncertainError(new Error("504")));
    await settle();
    store.update(A, { summary: "Printer jams on every job!" });
    expect(draftIn(drafts, A.key)).toMatchObject({
      summary: "Printer jams on every job!",
      previousAttemptUncertain: true,
    });
    store.create(A, messageA, requestA);
    await settle();
    expect(searches).toHaveLength(1);
    expect(creates).toHaveLength(0);
  });

  it("keeps the flag when a later attempt fails for another reason (it proves nothing)", async () => {
    const { store, session } = setup({
      [A.key]: storedValueOf({ ...typedA, previousAttemptUncertain: true, attemptId: "old" }),
    });
    session.withJira.mockImplementationOnce(() =>
      Promise.reject(new SessionError("sign_in_required", "Sign in to Jira to continue."))
    );
    store.create(A, messageA, requestA);
    await settle();
    expect(store.get(A).submission).toMatchObject({ error: { code: "sign_in_required" } });
    expect(store.get(A).draft).toMatchObject({ previousAttemptUncertain: true, attemptId: "old" });
  });

  // createIssueOnce looks back 15 minutes unless told when the uncertain attempt was made.
  it("remembers when the uncertain attempt was made, and the retry searches back to it", async () => {
    const { store, session, searches, clock, client } = setup();
    session.withJira.mockImplementationOnce(() =>
      Promise.reject(new IssueCreateUncertainError(new Error("504")))
    );
    store.create(A, messageA, requestA);
    const attemptedAt = clock.now;
    await settle();
    expect(store.get(A).draft.uncertainSince).toBe(attemptedAt);

    clock.now = attemptedAt + 60 * 60_000; // an hour later
    store.create(A, messageA, requestA);
    await settle();
    expect(searches).toHaveLength(1);
    expect(client.search.mock.calls[0]?.[0]).toMatchObject({
      jql: expect.stringContaining("created >= -75m"),
    });
  });

  it("finds the issue its marker names instead of creating another, and clears the flag", async () => {
    const { store, searches, creates, properties } = setup({
      [A.key]: storedValueOf({ ...typedA, previousAttemptUncertain: true, attemptId: "attempt-0" }),
    });
    properties.set("OPS-1", {
      formatVersion: 1,
      emails: [{ kind: "created", attemptId: "attempt-0" }],
    });
    store.create(A, messageA, requestA);
    await settle();
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
    expect(creates).toHaveLength(0);
    expect(store.get(A).submission).toMatchObject({
      delivery: { issue: { key: "OPS-1", recovered: true } },
    });
    expect(store.get(A).draft.previousAttemptUncertain).toBe(false);
    expect(store.get(A).draft.attemptId).toBeUndefined();
  });

  it("after a reload, takes a create that was still running for an uncertain one", async () => {
    const { store, searches, creates } = setup({
      [A.key]: {
        formatVersion: 1,
        draft: { ...typedA, attemptId: "attempt-0" },
        delivery: {
          startedAt: Date.UTC(2026, 11, 4, 8, 0),
          jiraBaseUrl: "https://jira.example.com",
          projectKey: "OPS",
          issueTypeId: "3",
          summary: typedA.summary,
          steps: [{ id: "create", kind: "create", label: "Create the issue", status: "running" }],
        },
      },
    });
    expect(store.get(A)).toMatchObject({
      submission: { status: "idle" },
      draft: { previousAttemptUncertain: true, attemptId: "attempt-0" },
    });
    store.create(A, messageA, requestA);
    await settle();
    expect(searches).toHaveLength(1);
    expect(creates).toHaveLength(0);
  });
});
