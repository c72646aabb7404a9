/**
 * addCommentOnce against the real simulator over HTTP: a comment whose answer is lost (a 502 or a
 * cut connection after Jira stored it, a 502 before) ends on the issue exactly once, found by its
 * marker property or posted; the look failing too is `comment_uncertain`, and the retry still
 * finds the one comment; another attempt's comment with the same text is never taken; Jira's
 * refusals (visibility) pass through.
 */
import {
  COMMENT_PROPERTY_KEY,
  CommentAttemptIdMissingError,
  CommentUncertainError,
  addCommentOnce,
} from "../../../src/jira/add-comment-once";
import type { CommentDraft } from "../../../src/jira/add-comment-once";
import type { JiraClient } from "../../../src/jira/create-jira-client";
import { JiraValidationError, OAuthProblem } from "../../../src/jira/jira-errors";
import { runThreeLeggedDance } from "../../support/reference-oauth-client";
import {
  CONSUMER_KEY,
  consumerKeys,
  rejectionOf,
  setUpSimulatorKit,
  signIn,
} from "./jira-client-kit";

jest.setTimeout(30_000);

const kit = setUpSimulatorKit({ lifetime: "file", signedIn: true });

beforeEach(() => {
  kit.sim.control.clearFaults();
  kit.sleeps.length = 0;
});

const ISSUE = "SUP-2";
const COMMENTS_PATH = `/rest/api/2/issue/${ISSUE}/comment`;

let drafts = 0;
/** A draft whose body no other test uses (the simulator's comments live for the whole file). */
function draft(overrides: Partial<CommentDraft> = {}): CommentDraft {
  drafts += 1;
  return {
    body: `*From:* finance@customer.example\n\nThe VPN dropped again at 10:00. #${drafts} ${Date.now()}`,
    attemptId: `attempt-${drafts}-${Math.random().toString(36).slice(2)}`,
    messageId: `<mail-${drafts}@customer.example>`,
    ...overrides,
  };
}

interface StoredComment {
  id: string;
  body: string;
  authorKey: string;
  visibility?: { type: string; value: string };
  properties: Record<string, unknown>;
}

/** The simulator's own record of the issue's comments with `body` (not through the client). */
function storedWithBody(body: string, issueKey = ISSUE): StoredComment[] {
  const data = kit.sim.control.state().data as {
    issues: { key: string; comments: StoredComment[] }[];
  };
  const issue = data.issues.find((candidate) => candidate.key === issueKey);
  return (issue?.comments ?? []).filter((comment) => comment.body === body);
}

/** A client signed in as John Smith (another Jira user). */
async function johnsClient(): Promise<JiraClient> {
  const token = await runThreeLeggedDance(kit.sim, {
    consumerKey: CONSUMER_KEY,
    privateKeyPem: consumerKeys.privateKeyPem,
    as: "john",
  });
  return kit.clientWith(kit.signer, { accessToken: () => ({ token, secret: "" }) });
}

const NOT_FOUND_MESSAGE =
  `Jira did not confirm that the comment was added to ${ISSUE}, and it isn't on the issue yet. ` +
  "It may still appear: check the issue in Jira. Try again looks for it first, so it won't be " +
  "added twice.";
const LOOKUP_FAILED_MESSAGE =
  `Jira did not confirm that the comment was added to ${ISSUE}, and looking for it failed too. ` +
  "It may have been added: check the issue in Jira. Try again looks for it first, so it won't " +
  "be added twice.";

describe("addCommentOnce", () => {
  it("posts the comment once, with the marker property Jira keeps and gives back", async () => {
    const comment = draft();

    const outcome = await addCommentOnce(kit.jira, ISSUE, comment, {
      previousAttemptUncertain: false,
    });

    expect(outcome).toEqual({
      id: expect.stringMatching(/^\d+$/),
      issueKey: ISSUE,
      self: expect.stringContaining(`/rest/api/2/issue/10001/comment/${outcome.id}`),
      recovered: false,
    });
    const stored = storedWithBody(comment.body);
    expect(stored).toEqual([
      expect.objectContaining({
        id: outcome.id,
        authorKey: "jane",
        properties: {
          [COMMENT_PROPERTY_KEY]: { attemptId: comment.attemptId, messageId: comment.messageId },
        },
      }),
    ]);
    // The round trip through the client: newest first, with properties, one page.
    const [newest] = await kit.jira.getComments(ISSUE, {
      newestFirst: true,
      expandProperties: true,
      maxResults: 1,
    });
    expect(newest).toMatchObject({
      id: outcome.id,
      body: comment.body,
      properties: [
        {
          key: COMMENT_PROPERTY_KEY,
          value: { attemptId: comment.attemptId, messageId: comment.messageId },
        },
      ],
    });
  });

  it("a 502 after Jira stored the comment: finds it (recovered) and posts no second one", async () => {
    const comment = draft();
    kit.sim.control.failNext({
      status: 502,
      when: "after",
      method: "POST",
      pathPrefix: COMMENTS_PATH,
    });

    const outcome = await addCommentOnce(kit.jira, ISSUE, comment, {
      previousAttemptUncertain: false,
    });

    const stored = storedWithBody(comment.body);
    expect(stored).toHaveLength(1);
    expect(outcome).toEqual({
      id: stored[0]?.id,
      issueKey: ISSUE,
      self: expect.stringContaining(`/comment/${stored[0]?.id}`),
      recovered: true,
    });
    expect(kit.sim.control.state().faults).toEqual([]);
  });

  it("the connection cut after Jira stored the comment: found the same way", async () => {
    const comment = draft();
    kit.sim.control.failNext({
      drop: true,
      when: "after",
      method: "POST",
      pathPrefix: COMMENTS_PATH,
    });

    const outcome = await addCommentOnce(kit.jira, ISSUE, comment, {
      previousAttemptUncertain: false,
    });

    expect(outcome.recovered).toBe(true);
    expect(storedWithBody(comment.body)).toEqual([expect.objectContaining({ id: outcome.id })]);
  });

  it("the look failing too: comment_uncertain; the retry returns the same comment and posts nothing", async () => {
    const comment = draft();
    const attemptedAt = Date.now();
    kit.sim.control.failNext({
      status: 502,
      when: "after",
      method: "POST",
      pathPrefix: COMMENTS_PATH,
    });
    // The look is a GET, retried 3 times by the transport: make every try fail.
    kit.sim.control.failNext({ status: 503, count: 3, method: "GET", pathPrefix: COMMENTS_PATH });

    const error = await rejectionOf(
      addCommentOnce(kit.jira, ISSUE, comment, { previousAttemptUncertain: false })
    );

    expect(error).toBeInstanceOf(CommentUncertainError);
    expect(error).toMatchObject({
      name: "CommentUncertainError",
      code: "comment_uncertain",
      issueKey: ISSUE,
      message: LOOKUP_FAILED_MESSAGE,
      cause: expect.objectContaining({ name: "JiraHttpError", code: "http_502" }),
      lookupError: expect.objectContaining({ name: "JiraHttpError", code: "http_503" }),
    });
    expect(storedWithBody(comment.body)).toHaveLength(1);

    // Any POST now would fail loudly: the retry must not send one.
    kit.sim.control.failNext({ status: 500, method: "POST", pathPrefix: COMMENTS_PATH });
    const retried = await addCommentOnce(kit.jira, ISSUE, comment, {
      previousAttemptUncertain: true,
      uncertainSince: attemptedAt,
    });

    const stored = storedWithBody(comment.body);
    expect(stored).toHaveLength(1);
    expect(retried).toMatchObject({ id: stored[0]?.id, recovered: true });
    expect(kit.sim.control.state().faults).toEqual([
      expect.objectContaining({ status: 500, method: "POST", remaining: 1 }),
    ]);
  });

  it("a 502 before Jira did anything: comment_uncertain (not found yet), then the retry posts exactly one", async () => {
    const comment = draft();
    kit.sim.control.failNext({ status: 502, method: "POST", pathPrefix: COMMENTS_PATH });

    const error = await rejectionOf(
      addCommentOnce(kit.jira, ISSUE, comment, { previousAttemptUncertain: false })
    );

    expect(error).toMatchObject({
      code: "comment_uncertain",
      message: NOT_FOUND_MESSAGE,
      cause: expect.objectContaining({ code: "http_502" }),
    });
    expect((error as unknown as CommentUncertainError).lookupError).toBeUndefined();
    expect(storedWithBody(comment.body)).toEqual([]);

    const retried = await addCommentOnce(kit.jira, ISSUE, comment, {
      previousAttemptUncertain: true,
      uncertainSince: Date.now(),
    });

    expect(retried.recovered).toBe(false);
    expect(storedWithBody(comment.body)).toEqual([expect.objectContaining({ id: retried.id })]);
  });

  it("another attempt's comment with the same body is not taken: the email added again is a second comment", async () => {
    const first = draft();
    const firstOutcome = await addCommentOnce(kit.jira, ISSUE, first, {
      previousAttemptUncertain: false,
    });
    // "Add it again": same email, same body, a new attempt whose POST is lost before Jira stores it.
    const again: CommentDraft = { ...first, attemptId: `${first.attemptId}-again` };
    kit.sim.control.failNext({ status: 502, method: "POST", pathPrefix: COMMENTS_PATH });

    const error = await rejectionOf(
      addCommentOnce(kit.jira, ISSUE, again, { previousAttemptUncertain: false })
    );
    const retried = await addCommentOnce(kit.jira, ISSUE, again, {
      previousAttemptUncertain: true,
      uncertainSince: Date.now(),
    });

    expect(error).toMatchObject({ code: "comment_uncertain", message: NOT_FOUND_MESSAGE });
    expect(retried).toMatchObject({ recovered: false });
    expect(retried.id).not.toBe(firstOutcome.id);
    expect(storedWithBody(first.body).map((comment) => comment.id)).toEqual([
      firstOutcome.id,
      retried.id,
    ]);
  });

  describe("a comment without any marker (a Jira that ignored the properties)", () => {
    it("is taken when the current user wrote it since the uncertain attempt, with the same body", async () => {
      const comment = draft();
      const attemptedAt = Date.now();
      // What such a Jira stores: the comment, but no property.
      const stored = await kit.jira.addComment(ISSUE, { body: comment.body });

      const outcome = await addCommentOnce(kit.jira, ISSUE, comment, {
        previousAttemptUncertain: true,
        uncertainSince: attemptedAt,
      });

      expect(outcome).toMatchObject({ id: stored.id, recovered: true });
      expect(storedWithBody(comment.body)).toHaveLength(1);
    });

    it("is not taken when written long before the uncertain attempt", async () => {
      const comment = draft();
      const old = await kit.jira.addComment(ISSUE, { body: comment.body });
      // This computer's clock says the uncertain attempt was an hour after that comment.
      const inAnHour = Date.now() + 60 * 60_000;

      const outcome = await addCommentOnce(kit.jira, ISSUE, comment, {
        previousAttemptUncertain: true,
        uncertainSince: inAnHour,
        now: () => inAnHour,
      });

      expect(outcome).toMatchObject({ recovered: false });
      expect(outcome.id).not.toBe(old.id);
      expect(storedWithBody(comment.body)).toHaveLength(2);
    });

    it("is not taken when another user wrote it", async () => {
      const comment = draft();
      const attemptedAt = Date.now();
      const johns = await (await johnsClient()).addComment(ISSUE, { body: comment.body });

      const outcome = await addCommentOnce(kit.jira, ISSUE, comment, {
        previousAttemptUncertain: true,
        uncertainSince: attemptedAt,
      });

      expect(outcome).toMatchObject({ recovered: false });
      expect(outcome.id).not.toBe(johns.id);
      expect(storedWithBody(comment.body).map((stored) => stored.authorKey)).toEqual([
        "john",
        "jane",
      ]);
    });

    it("is not taken when its visibility differs from the draft's", async () => {
      const comment = draft({ visibility: { type: "role", value: "Developers" } });
      const attemptedAt = Date.now();
      await kit.jira.addComment(ISSUE, { body: comment.body });

      const outcome = await addCommentOnce(kit.jira, ISSUE, comment, {
        previousAttemptUncertain: true,
        uncertainSince: attemptedAt,
      });

      expect(outcome.recovered).toBe(false);
      expect(storedWithBody(comment.body).map((stored) => stored.visibility)).toEqual([
        undefined,
        { type: "role", value: "Developers" },
      ]);
    });
  });

  describe("visibility", () => {
    it.each([
      [{ type: "role", value: "Developers" } as const],
      [{ type: "group", value: "jira-servicedesk-users" } as const],
    ])("a %j Jane is in is accepted and stored", async (visibility) => {
      const comment = draft({ visibility });

      const outcome = await addCommentOnce(kit.jira, ISSUE, comment, {
        previousAttemptUncertain: false,
      });

      expect(storedWithBody(comment.body)).toEqual([
        expect.objectContaining({ id: outcome.id, visibility }),
      ]);
    });

    it.each([
      [
        { type: "group", value: "jira-developers" } as const,
        "You are currently not a member of the group: jira-developers.",
      ],
      [
        { type: "role", value: "Administrators" } as const,
        "You are currently not a member of the project role: Administrators.",
      ],
    ])(
      "%j Jane is not in: Jira's JiraValidationError passes through, nothing stored",
      async (visibility, message) => {
        // OPS: Jane is a Developer there, not an Administrator, and never in jira-developers.
        const comment = draft({ visibility });

        const error = await rejectionOf(
          addCommentOnce(kit.jira, "OPS-1", comment, { previousAttemptUncertain: false })
        );

        expect(error).toBeInstanceOf(JiraValidationError);
        expect(error).toMatchObject({
          code: "jira_validation",
          status: 400,
          errors: { commentLevel: message },
        });
        expect(storedWithBody(comment.body, "OPS-1")).toEqual([]);
      }
    );
  });

  it("a refused token while looking first passes through (the session signs in and runs it again)", async () => {
    const comment = draft();
    kit.sim.control.revokeAllTokens();
    try {
      const error = await rejectionOf(
        addCommentOnce(kit.jira, ISSUE, comment, { previousAttemptUncertain: true })
      );

      expect(error).toBeInstanceOf(OAuthProblem);
      expect(error).toMatchObject({ code: "token_rejected" });
      expect(storedWithBody(comment.body)).toEqual([]);
    } finally {
      await signIn(kit);
    }
  });

  it("refuses a draft without an attemptId before sending anything", async () => {
    const comment = draft({ attemptId: " " });

    const error = await rejectionOf(
      addCommentOnce(kit.jira, ISSUE, comment, { previousAttemptUncertain: false })
    );

    expect(error).toBeInstanceOf(CommentAttemptIdMissingError);
    expect(error).toMatchObject({ code: "attempt_id_missing" });
    expect(storedWithBody(comment.body)).toEqual([]);
  });
});
