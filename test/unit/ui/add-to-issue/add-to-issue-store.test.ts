/**
 * The "Add to issue" store: drafts per email stored only once the user touched them, the comment
 * converted from the email, and "Add comment" with its steps: names made unique against the issue's
 * attachments (the comment rewritten to match), one comment at most across attempts, the follow-up
 * steps (uploads, remote link, the issue property merged, the link on the email) and "Retry failed
 * steps" running only those.
 */
import { COMMENT_PROPERTY_KEY } from "../../../../src/jira/add-comment-once";
import { EMAIL_PROPERTY_KEY } from "../../../../src/jira/email-reference";
import { initialCommentDraft } from "../../../../src/ui/add-to-issue/add-to-issue-draft";
import { planCommentDelivery } from "../../../../src/ui/add-to-issue/comment-delivery";
import { storedCommentValueOf } from "../../../../src/ui/add-to-issue/stored-comment-entry";
import { withStep } from "../../../../src/ui/new-issue/delivery";
import { officeError, sampleMessage } from "../ui-fakes";
import { JIRA, badGateway, item, message, request, settled, setup, sup2 } from "./comment-fixture";

const stepsOf = (entry: ReturnType<ReturnType<typeof setup>["store"]["get"]>) =>
  "delivery" in entry.submission
    ? entry.submission.delivery.steps.map((step) => [step.id, step.status])
    : [];

/** A store whose storage already holds `value` (format 1) for the email's entry, as a reload finds it. */
function setupWithStored(value: Record<string, unknown>) {
  return setup({ stored: { [item.key]: { formatVersion: 1, ...value } } });
}

describe("AddToIssueStore drafts", () => {
  it("starts fresh, stores nothing for an issue the finder chose, and stores what the user typed", () => {
    const { store, drafts } = setup();
    expect(store.get(item).draft).toEqual(initialCommentDraft());
    expect(item.key).toBe("add-to-issue:item-1");

    store.update(item, { issue: sup2 }, { touch: false });
    expect(store.get(item).draft.issue).toEqual(sup2);
    expect(drafts.map.size).toBe(0);

    store.update(item, { comment: "Mine", commentState: "edited" });
    expect(drafts.map.get(item.key)).toEqual({
      formatVersion: 1,
      draft: expect.objectContaining({ issue: sup2, comment: "Mine", commentState: "edited" }),
    });
  });

  it("withdraws 'Add it again' and a visibility of another project when another issue is chosen", () => {
    const { store } = setup();
    const role = { type: "role" as const, value: "Developers" };
    store.update(item, { issue: sup2, confirmedRepeat: true, visibility: role });
    store.update(item, { issue: { ...sup2, id: "10003", key: "SUP-3" } });
    expect(store.get(item).draft).toMatchObject({ confirmedRepeat: false, visibility: role });
    store.update(item, { issue: { ...sup2, id: "1", key: "OPS-1", projectKey: "OPS" } });
    expect(store.get(item).draft.visibility).toBeUndefined();
  });

  it("converts the email into the comment, and never over the user's edits", async () => {
    const { store } = setup();
    store.convert(item, message, "if-pending");
    expect(store.get(item).conversion.status).toBe("converting");
    await settled(store);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(store.get(item).draft).toMatchObject({
      comment: "header=true cut=false\nIt dropped again. !image001.png!",
      commentState: "generated",
      generatedWith: { includeHeaderBlock: true, cutQuotedHistory: false },
    });
    expect(store.get(item).draft.inlineImages).toEqual([
      expect.objectContaining({ attachmentId: "att-3", fileName: "image001.png" }),
    ]);

    store.update(item, { comment: "Mine", commentState: "edited" });
    store.update(item, { commentOptions: { includeHeaderBlock: false, cutQuotedHistory: true } });
    store.convert(item, message, "options");
    expect(store.get(item).conversion.status).toBe("idle");
    expect(store.get(item).draft.comment).toBe("Mine");
  });

  it("reads a draft stored by an earlier version, whose visibility still has an English label", () => {
    const { store } = setupWithStored({
      draft: {
        comment: "Kept",
        visibility: { type: "role", value: "Developers", label: "Role: Developers" },
      },
    });
    // The picker names the choice in the user's language; the stored label is left behind.
    expect(store.get(item).draft.visibility).toEqual({ type: "role", value: "Developers" });
  });

  it("reads a damaged or planted stored draft defensively", () => {
    const { store } = setupWithStored({
      draft: {
        comment: "Kept",
        issue: { key: "SUP-2" }, // not a whole issue: dropped
        visibility: { type: "admin", value: "x" },
        attachmentChoices: { "att-1": false, bad: "yes" },
        confirmedRepeat: true,
        inlineImages: [{ attachmentId: "att-3", fileName: "" }],
      },
      delivery: { steps: [], startedAt: 1, jiraBaseUrl: "javascript:alert(1)//" },
    });
    const entry = store.get(item);
    expect(entry.submission).toEqual({ status: "idle" });
    expect(entry.draft).toEqual({
      ...initialCommentDraft(),
      comment: "Kept",
      commentState: "edited",
      attachmentChoices: { "att-1": false },
    });
  });
});

describe("AddToIssueStore.addComment", () => {
  it("renames colliding uploads, rewrites the comment, adds it once and runs every step", async () => {
    const fixture = setup({ attachmentNames: ["image001.png", "LOG.TXT", "screenshot.png"] });
    const { store, comments, uploads, properties, remoteLinks, emailLinks, drafts } = fixture;
    store.update(item, { issue: sup2, comment: request.body, commentState: "edited" });

    expect(store.addComment(item, message, request)).toBe(true);
    expect(store.get(item).submission.status).toBe("reading");
    expect(store.addComment(item, message, request)).toBe(false);
    const entry = await settled(store);

    expect(stepsOf(entry)).toEqual([
      ["comment", "done"],
      ["upload:1", "done"],
      ["upload:2", "done"],
      ["upload:3", "done"],
      ["remote-link", "done"],
      ["issue-property", "done"],
      ["email-link", "done"],
    ]);
    expect(comments).toHaveLength(1);
    expect(comments[0]?.body).toBe("It dropped again.\n!image001 (2).png!\nLog: [^log (2).txt]");
    expect(comments[0]?.properties).toEqual([
      {
        key: COMMENT_PROPERTY_KEY,
        value: { attemptId: "attempt-1", messageId: "<printer-1@contoso.example>" },
      },
    ]);
    expect(uploads).toEqual([
      "log (2).txt",
      "image001 (2).png",
      "RE_ [SUP-2] VPN drops every hour.eml",
    ]);
    expect(remoteLinks).toEqual([
      expect.objectContaining({ globalId: "outlook-message:printer-1@contoso.example" }),
    ]);
    expect(properties.get(EMAIL_PROPERTY_KEY)).toEqual({
      formatVersion: 1,
      emails: [expect.objectContaining({ kind: "commented", attemptId: "attempt-1" })],
    });
    expect(await emailLinks.read(message)).toEqual([
      expect.objectContaining({ issueKey: "SUP-2", issueId: "10002", jiraBaseUrl: JIRA }),
    ]);
    expect((await emailLinks.read(message))[0]?.kind).toBe("commented");
    expect(entry.linksRevision).toBe(1);
    expect(fixture.destinations.issuesOfConversation(message)).toEqual(["SUP-2"]);

    // The draft starts again on the same issue, which now counts as an earlier link of the email
    // (also when the link on the email failed); the result is stored with it.
    expect(entry.draft).toEqual({
      ...initialCommentDraft(),
      issue: sup2,
      lastAdded: {
        issueKey: "SUP-2",
        issueId: "10002",
        jiraBaseUrl: JIRA,
        kind: "commented",
        linkedAt: new Date(fixture.clock.now).toISOString(),
      },
    });
    expect(drafts.map.get(item.key)).toMatchObject({
      draft: { issue: { key: "SUP-2" }, commentState: "pending" },
      delivery: { comment: { id: "30000", issueKey: "SUP-2" }, attemptId: "attempt-1" },
    });
    expect(entry.submission).toMatchObject({
      status: "delivered",
      delivery: {
        issue: { key: "SUP-2", summary: "VPN drops every hour" },
        steps: expect.arrayContaining([
          expect.objectContaining({
            id: "upload:1",
            upload: expect.objectContaining({ fileName: "log (2).txt" }),
          }),
        ]),
      },
    });

    // Done: a fresh form, and nothing of this email left in the DraftStore.
    store.dismiss(item);
    expect(store.get(item).submission).toEqual({ status: "idle" });
    expect(drafts.map.has(item.key)).toBe(false);
  });

  it("asks Jira for the issue's file names only when something is uploaded", async () => {
    const { store, calls, comments } = setup();
    store.update(item, { issue: sup2 });
    store.addComment(item, message, { ...request, uploads: [] });
    await settled(store);
    expect(calls).not.toContain("getIssue");
    expect(comments[0]?.body).toBe(request.body);
  });

  it("sends the visibility chosen", async () => {
    const { store, comments } = setup();
    const role = { type: "role" as const, value: "Developers" };
    store.addComment(item, message, { ...request, uploads: [], visibility: role });
    await settled(store);
    expect(comments[0]?.visibility).toEqual({ type: "role", value: "Developers" });
  });

  it("a lost answer with a failed look: uncertain, kept through a reload, and Try again finds the comment", async () => {
    const fixture = setup();
    const { store, comments, failNext, drafts } = fixture;
    store.update(item, { issue: sup2, comment: request.body, commentState: "edited" });
    // Jira stores the comment but the answer is lost; the look that follows fails as well.
    const { addComment } = fixture.client;
    fixture.client.addComment = async (...args) => {
      await addComment(...args);
      throw badGateway("POST", "/rest/api/2/issue/SUP-2/comment");
    };
    failNext("getComments", badGateway("GET", "/rest/api/2/issue/SUP-2/comment"));
    store.addComment(item, message, request);
    const failed = await settled(store);

    expect(failed.submission).toMatchObject({
      status: "failed",
      error: { code: "comment_uncertain" },
    });
    expect(failed.draft).toMatchObject({
      previousAttemptUncertain: true,
      uncertainSince: fixture.clock.now,
      attemptId: "attempt-1",
      comment: request.body,
    });
    expect(comments).toHaveLength(1);
    expect(fixture.uploads).toEqual([]);

    // The pane reloads: the next store reads the flag back and looks before it posts.
    fixture.client.addComment = addComment;
    const reloaded = setup({ stored: Object.fromEntries(drafts.map) });
    reloaded.comments.push(...comments);
    expect(reloaded.store.get(item).draft).toMatchObject({
      previousAttemptUncertain: true,
      attemptId: "attempt-1",
    });
    reloaded.store.addComment(item, message, request);
    const retried = await settled(reloaded.store);
    expect(retried.submission).toMatchObject({
      status: "delivered",
      delivery: { comment: { id: "30000", recovered: true }, attemptId: "attempt-1" },
    });
    expect(reloaded.comments).toHaveLength(1);
    expect(reloaded.calls).not.toContain("addComment");
    expect(retried.draft.previousAttemptUncertain).toBe(false);
  });

  it("a failure before anything was posted proves nothing: an earlier uncertainty stays", async () => {
    const draft = {
      ...initialCommentDraft({ issue: sup2 }),
      comment: "Typed",
      commentState: "edited" as const,
      previousAttemptUncertain: true,
      uncertainSince: 1796000000000,
      attemptId: "attempt-0",
    };
    const { store, failNext, calls } = setup({
      stored: { [item.key]: storedCommentValueOf(draft) },
    });
    // The issue's file names can't be read: nothing is posted.
    failNext("getIssue", badGateway("GET", "/rest/api/2/issue/SUP-2"));
    store.addComment(item, message, request);
    const failed = await settled(store);
    expect(failed.submission).toMatchObject({ status: "failed", error: { code: "http_502" } });
    expect(calls).not.toContain("addComment");
    expect(failed.draft).toMatchObject({
      previousAttemptUncertain: true,
      uncertainSince: 1796000000000,
      attemptId: "attempt-0",
    });
  });

  it("marks a comment cut off by the pane closing as uncertain", () => {
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
    const draft = { ...initialCommentDraft({ issue: sup2 }), attemptId: "attempt-9" };
    const { store } = setup({
      stored: { [item.key]: JSON.parse(JSON.stringify(storedCommentValueOf(draft, delivery))) },
    });
    expect(store.get(item).submission).toEqual({ status: "idle" });
    expect(store.get(item).draft).toMatchObject({
      previousAttemptUncertain: true,
      uncertainSince: 1796374800000,
      attemptId: "attempt-9",
    });
  });

  it("a failed step is retried alone; the comment is never added again", async () => {
    const fixture = setup();
    const { store, failNext, comments, mailContent } = fixture;
    store.update(item, { issue: sup2 });
    failNext("createOrUpdateRemoteLink", new Error("No connection"));
    store.addComment(item, message, request);
    const partial = await settled(store);
    expect(stepsOf(partial).filter(([, status]) => status === "failed")).toEqual([
      ["remote-link", "failed"],
    ]);
    expect(store.retry(item, message)).toBe(true);
    expect(store.retry(item, message)).toBe(false);
    mailContent.reads.length = 0;
    const retried = await settled(store);
    expect(stepsOf(retried).every(([, status]) => status === "done")).toBe(true);
    expect(comments).toHaveLength(1);
    expect(fixture.uploads).toHaveLength(3);
    expect(mailContent.reads).toEqual([]);
    expect(store.retry(item, message)).toBe(false);
  });

  it("an upload of a file Outlook can't read any more fails alone, saying to open the email", async () => {
    const fixture = setup();
    const { store, mailContent } = fixture;
    mailContent.failNext("att-1", officeError(9030));
    store.addComment(item, message, request);
    const entry = await settled(store);
    const failedStep =
      "delivery" in entry.submission
        ? entry.submission.delivery.steps.find((step) => step.status === "failed")
        : undefined;
    expect(failedStep).toMatchObject({
      id: "upload:1",
      problem: { code: "item_not_current" },
    });
    expect(fixture.comments).toHaveLength(1);
    expect(fixture.uploads).toEqual(["image001.png", "RE_ [SUP-2] VPN drops every hour.eml"]);
  });

  it("files each comment under its own email", async () => {
    const { store, mailContent } = setup();
    const other = sampleMessage({ itemId: "item-B", internetMessageId: "<b@x>" });
    store.addComment(item, message, { ...request, uploads: [] });
    mailContent.current = other;
    await settled(store);
    const otherItem = { ...item, key: "add-to-issue:item-B" };
    expect(store.get(otherItem).submission).toEqual({ status: "idle" });
    expect(store.get(item).submission.status).toBe("delivered");
  });
});
