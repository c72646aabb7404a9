/**
 * What holds an "Add to issue" draft still: while its comment is read, sent or followed up,
 * nothing the form (or an "Add as comment") asks changes it; after a lost answer the draft stays
 * on the issue that attempt went to, with its visibility, until a try settles it (also after a
 * reload), so the retry looks there and never posts the comment to another issue; a comment found
 * after the text was edited says so and keeps the edit; "Add as comment" requests are answered
 * once.
 */
import { initialCommentDraft } from "../../../../src/ui/add-to-issue/add-to-issue-draft";
import type { AddToIssueDraft } from "../../../../src/ui/add-to-issue/add-to-issue-draft";
import { planCommentDelivery } from "../../../../src/ui/add-to-issue/comment-delivery";
import { storedCommentValueOf } from "../../../../src/ui/add-to-issue/stored-comment-entry";
import { withStep } from "../../../../src/ui/new-issue/delivery";
import { deferred } from "../../../support/deferred";
import { JIRA, badGateway, item, message, ops1, settled, setup, sup2 } from "./comment-fixture";

const role = { type: "role" as const, value: "Developers" };
const opsRequest = { issue: ops1, body: "Hello", uploads: [], jiraBaseUrl: JIRA };
const supRequest = { issue: sup2, body: "Hello", uploads: [], jiraBaseUrl: JIRA };

/**
 * A store whose first comment on SUP-2 is stored by Jira but its answer lost, and the look for it
 * fails too: the draft ends uncertain.
 */
async function lostOnSup2(options: Parameters<typeof setup>[0] = {}) {
  const fixture = setup(options);
  const { store } = fixture;
  const { addComment } = fixture.client;
  let lose = true;
  fixture.client.addComment = async (...args) => {
    const added = await addComment(...args);
    if (!lose) return added;
    lose = false;
    throw badGateway("POST", "/rest/api/2/issue/SUP-2/comment");
  };
  fixture.failNext("getComments", badGateway("GET", "/rest/api/2/issue/SUP-2/comment"));
  store.update(item, { issue: sup2, comment: "Hello", commentState: "edited" });
  store.addComment(item, message, supRequest);
  const failed = await settled(store);
  expect(failed.submission).toMatchObject({
    status: "failed",
    error: { code: "comment_uncertain" },
  });
  return fixture;
}

describe("after a lost answer the draft stays on its issue", () => {
  it("keeps the issue and visibility, refuses another issue, and the retry looks on SUP-2", async () => {
    const fixture = await lostOnSup2();
    const { store, keys, comments } = fixture;
    expect(store.get(item).draft).toMatchObject({
      previousAttemptUncertain: true,
      uncertainIssue: { id: "10002", key: "SUP-2" },
      uncertainComment: "Hello",
    });

    // The user (or "Add as comment") chooses OPS-1 and a role: neither is taken.
    store.update(item, { issue: ops1, visibility: role });
    store.update(item, { issue: undefined });
    expect(store.get(item).draft.issue).toEqual(sup2);
    expect(store.get(item).draft.visibility).toBeUndefined();
    expect(store.requestIssue(item, "OPS-1")).toBe(false);
    expect(store.get(item).issueRequest).toBeUndefined();
    // SUP-2 itself is chosen already: nothing is asked of the form.
    expect(store.requestIssue(item, "sup-2")).toBe(true);
    expect(store.get(item).issueRequest).toBeUndefined();
    // A fresher copy of SUP-2 itself is taken.
    store.update(item, { issue: { ...sup2, statusName: "Waiting" } });
    expect(store.get(item).draft.issue?.statusName).toBe("Waiting");

    // Add comment for OPS-1 is refused outright: nothing is sent.
    keys.length = 0;
    expect(store.addComment(item, message, opsRequest)).toBe(false);
    expect(keys).toEqual([]);

    // Try again: looks on SUP-2, finds the comment, posts nothing.
    expect(store.addComment(item, message, supRequest)).toBe(true);
    const retried = await settled(store);
    expect(keys).toEqual(["getComments SUP-2"]);
    expect(comments).toHaveLength(1);
    expect(retried.submission).toMatchObject({
      status: "delivered",
      delivery: { issue: { key: "SUP-2" }, comment: { recovered: true } },
    });
    expect(retried.draft.uncertainIssue).toBeUndefined();
    expect(retried.draft.previousAttemptUncertain).toBe(false);
  });

  it("keeps the lock through a reload", async () => {
    const fixture = await lostOnSup2();
    const reloaded = setup({ stored: Object.fromEntries(fixture.drafts.map) });
    reloaded.comments.push(...fixture.comments);
    const { store, keys } = reloaded;
    expect(store.get(item).draft).toMatchObject({
      issue: sup2,
      previousAttemptUncertain: true,
      uncertainIssue: { id: "10002", key: "SUP-2" },
      uncertainComment: "Hello",
    });
    store.update(item, { issue: ops1 });
    expect(store.get(item).draft.issue).toEqual(sup2);
    expect(store.requestIssue(item, "OPS-1")).toBe(false);
    expect(store.addComment(item, message, opsRequest)).toBe(false);
    store.addComment(item, message, supRequest);
    await settled(store);
    expect(keys).toEqual(["getComments SUP-2"]);
    expect(reloaded.comments).toHaveLength(1);
  });

  it("locks a draft stored before the issue was recorded on the issue it had chosen", () => {
    const draft: AddToIssueDraft = {
      ...initialCommentDraft({ issue: sup2 }),
      comment: "Hello",
      commentState: "edited",
      previousAttemptUncertain: true,
      uncertainSince: 1796000000000,
      attemptId: "attempt-0",
    };
    const { store } = setup({ stored: { [item.key]: storedCommentValueOf(draft) } });
    expect(store.get(item).draft.uncertainIssue).toEqual({ id: "10002", key: "SUP-2" });
    store.update(item, { issue: ops1 });
    expect(store.get(item).draft.issue).toEqual(sup2);
  });

  it("locks a comment cut off by the pane closing on the delivery's issue", () => {
    const delivery = withStep(
      planCommentDelivery({
        startedAt: 1796374800000,
        jiraBaseUrl: JIRA,
        issue: sup2,
        attemptId: "attempt-9",
        uploads: [],
        remoteLink: true,
      }),
      "comment",
      { status: "running" }
    );
    const draft = {
      ...initialCommentDraft({ issue: sup2 }),
      comment: "Hi",
      attemptId: "attempt-9",
    };
    const { store } = setup({
      stored: { [item.key]: JSON.parse(JSON.stringify(storedCommentValueOf(draft, delivery))) },
    });
    expect(store.get(item).draft).toMatchObject({
      uncertainIssue: { id: "10002", key: "SUP-2" },
      uncertainComment: "Hi",
    });
  });

  it("a comment found after the text was edited: says the edit wasn't sent, and keeps it", async () => {
    const fixture = await lostOnSup2();
    const { store, comments, drafts } = fixture;
    store.update(item, { comment: "Hello, with more detail", commentState: "edited" });
    store.addComment(item, message, { ...supRequest, body: "Hello, with more detail" });
    const found = await settled(store);
    expect(comments.map((comment) => comment.body)).toEqual(["Hello"]);
    expect(found.submission).toMatchObject({
      status: "delivered",
      delivery: { comment: { recovered: true }, unsentEdits: true },
    });
    expect(found.draft).toMatchObject({
      issue: sup2,
      comment: "Hello, with more detail",
      commentState: "edited",
      previousAttemptUncertain: false,
    });
    // Reloaded, the card still says so.
    const reloaded = setup({ stored: Object.fromEntries(drafts.map) });
    expect(reloaded.store.get(item).submission).toMatchObject({
      status: "delivered",
      delivery: { unsentEdits: true },
    });
  });

  it("a comment found with the text as it was: a fresh draft, nothing to say", async () => {
    const fixture = await lostOnSup2();
    fixture.store.addComment(item, message, supRequest);
    const found = await settled(fixture.store);
    expect(found.submission).toMatchObject({ status: "delivered" });
    expect("unsentEdits" in (found.submission as { delivery: object }).delivery).toBe(false);
    expect(found.draft).toMatchObject({ comment: "", commentState: "pending" });
  });

  it("not found on SUP-2: the edited text is posted there, once", async () => {
    const fixture = setup();
    const { store, keys, comments } = fixture;
    fixture.failNext("addComment", badGateway("POST", "/rest/api/2/issue/SUP-2/comment"));
    fixture.failNext("getComments", badGateway("GET", "/rest/api/2/issue/SUP-2/comment"));
    store.update(item, { issue: sup2, comment: "Hello", commentState: "edited" });
    store.addComment(item, message, supRequest);
    await settled(store);
    store.update(item, { comment: "Hello again", commentState: "edited" });
    keys.length = 0;
    store.addComment(item, message, { ...supRequest, body: "Hello again" });
    const added = await settled(store);
    expect(keys).toEqual(["getComments SUP-2", "addComment SUP-2"]);
    expect(comments.map((comment) => comment.body)).toEqual(["Hello again"]);
    expect(added.submission).toMatchObject({ delivery: { comment: { recovered: false } } });
  });

  it("'Forget the last try' unlocks the draft; the next comment is a new attempt", async () => {
    const fixture = await lostOnSup2();
    const { store, keys, comments } = fixture;
    store.forgetUncertainAttempt(item);
    const draft = store.get(item).draft;
    expect(store.get(item).submission).toEqual({ status: "idle" });
    expect(draft.previousAttemptUncertain).toBe(false);
    expect(draft.uncertainIssue).toBeUndefined();
    expect(draft.attemptId).toBeUndefined();
    store.update(item, { issue: ops1 });
    expect(store.get(item).draft.issue).toEqual(ops1);
    keys.length = 0;
    store.addComment(item, message, opsRequest);
    const added = await settled(store);
    expect(keys).toEqual(["addComment OPS-1"]);
    expect(comments).toHaveLength(2);
    expect(added.submission).toMatchObject({ delivery: { attemptId: "attempt-2" } });
  });
});

describe("nothing changes while the comment runs", () => {
  it("ignores the issue, the text and the visibility while reading and sending", async () => {
    const fixture = setup();
    const { store, comments, keys } = fixture;
    // The issue's file names are asked before the comment: held, the comment is "commenting".
    const names = deferred<unknown>();
    const { getIssue } = fixture.client;
    fixture.client.getIssue = (async (...args: Parameters<typeof getIssue>) => {
      await names.promise;
      return getIssue(...args);
    }) as typeof getIssue;
    store.update(item, { issue: sup2, comment: "Hello", commentState: "edited" });
    const withFile = {
      ...supRequest,
      uploads: [
        { source: { kind: "attachment" as const, attachmentId: "att-1" }, fileName: "log.txt" },
      ],
    };
    store.addComment(item, message, withFile);
    expect(store.get(item).submission.status).toBe("reading");
    store.update(item, { issue: ops1 }, { touch: false });
    store.update(item, { comment: "Changed", commentState: "edited", visibility: role });
    expect(store.requestIssue(item, "OPS-1")).toBe(false);
    expect(store.get(item).draft).toMatchObject({ issue: sup2, comment: "Hello" });

    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(store.get(item).submission.status).toBe("commenting");
    store.update(item, { issue: ops1 }, { touch: false });
    store.update(item, (draft) => ({ comment: `${draft.comment}!` }));
    expect(store.get(item).draft).toMatchObject({ issue: sup2, comment: "Hello" });
    expect(store.get(item).draft.visibility).toBeUndefined();

    names.resolve(undefined);
    const done = await settled(store);
    expect(keys).toEqual(["addComment SUP-2"]);
    expect(comments.map((comment) => [comment.body, comment.visibility])).toEqual([
      ["Hello", undefined],
    ]);
    expect(done.draft.issue).toEqual(sup2);
  });
});

describe("'Add as comment' requests", () => {
  it("are kept until an issue is chosen, and never survive Add comment or a withdrawal", async () => {
    const { store } = setup();
    const seen: number[] = [];
    store.subscribe(item.key, () => seen.push(1));
    expect(store.requestIssue(item, "OPS-1")).toBe(true);
    expect(store.get(item).issueRequest).toEqual({ issueKey: "OPS-1" });
    // Something else changes: the request stays.
    store.update(item, { comment: "Typed", commentState: "edited" });
    expect(store.get(item).issueRequest).toEqual({ issueKey: "OPS-1" });
    // The finder chose it (or the user chose another): answered.
    store.update(item, { issue: ops1 }, { touch: false });
    expect(store.get(item).issueRequest).toBeUndefined();

    store.requestIssue(item, "SUP-2");
    store.withdrawIssueRequest(item.key);
    expect(store.get(item).issueRequest).toBeUndefined();
    expect(seen.length).toBeGreaterThanOrEqual(5);

    // Add comment decides the issue: a request still looked up is dropped.
    store.requestIssue(item, "SUP-2");
    store.addComment(item, message, opsRequest);
    expect(store.get(item).issueRequest).toBeUndefined();
    expect(store.requestIssue(item, "SUP-2")).toBe(false);
    await settled(store);
    expect(store.get(item).draft.issue).toEqual(ops1);
  });
});
