/**
 * addCommentOnce against Jiras the simulator doesn't imitate, over real HTTP (a scripted server):
 * one that ignores `orderBy=-created` and lists the oldest comments first, and one that neither
 * stores nor lists comment properties. The simulator-backed tests
 * (test/integration/jira-client/add-comment-once.test.ts) cover the rest.
 */
import { COMMENT_PROPERTY_KEY, addCommentOnce } from "../../../src/jira/add-comment-once";
import { createJiraClient } from "../../../src/jira/create-jira-client";
import type { JiraClient } from "../../../src/jira/create-jira-client";
import { createOAuthSigner } from "../../../src/oauth/oauth-signer";
import { makeRsaKeyPair } from "../oauth/reference-oauth1";
import { startScriptedServer } from "./scripted-server";
import type { RecordedRequest, ScriptedServer } from "./scripted-server";

jest.setTimeout(20_000);

const keys = makeRsaKeyPair();
const JIRA_BASE = "https://jira.example.com";
const ISSUE = "SUP-2";
const JANE = { key: "jane", name: "jane", displayName: "Jane Doe" };
const JOHN = { key: "john", name: "john", displayName: "John Smith" };

let server: ScriptedServer;

beforeEach(async () => {
  server = await startScriptedServer();
});

afterEach(async () => {
  await server.close();
});

async function client(): Promise<JiraClient> {
  const signer = await createOAuthSigner({ consumerKey: "c", privateKeyPem: keys.pkcs8 });
  return createJiraClient({
    baseUrl: JIRA_BASE,
    relayBase: server.url,
    signer,
    accessToken: () => ({ token: "t", secret: "" }),
    retry: { sleep: async () => undefined },
  });
}

/** Jira's time format for `minutesAgo` minutes before now. */
function jiraTime(minutesAgo: number): string {
  return new Date(Date.now() - minutesAgo * 60_000).toISOString().replace("Z", "+0000");
}

interface Comment {
  id: string;
  body: string;
  author: typeof JANE;
  created: string;
  properties?: { key: string; value: unknown }[];
}

const query = (request: RecordedRequest) => new URL(request.url, server.url).searchParams;

describe("addCommentOnce with a Jira that ignores orderBy (oldest first)", () => {
  it("reads the whole list when the page is full and oldest first, and finds the marked comment at its end", async () => {
    const comments: Comment[] = Array.from({ length: 60 }, (_, index) => ({
      id: String(10_000 + index),
      body: `Comment ${index}`,
      author: JOHN,
      created: jiraTime(600 - index),
      properties: [],
    }));
    const last = comments[59] as Comment;
    last.properties = [{ key: COMMENT_PROPERTY_KEY, value: { attemptId: "a-1", messageId: "" } }];
    server.queue({ status: 502, body: { errorMessages: ["Bad gateway"] } });
    server.handle((request) => {
      const startAt = Number(query(request).get("startAt"));
      const maxResults = Number(query(request).get("maxResults"));
      return {
        status: 200,
        body: {
          startAt,
          maxResults,
          total: comments.length,
          comments: comments.slice(startAt, startAt + maxResults),
        },
      };
    });

    const outcome = await addCommentOnce(
      await client(),
      ISSUE,
      { body: "Comment 59", attemptId: "a-1", messageId: "" },
      { previousAttemptUncertain: false }
    );

    expect(outcome).toEqual({
      id: "10059",
      issueKey: ISSUE,
      self: `${JIRA_BASE}/rest/api/2/issue/${ISSUE}/comment/10059`,
      recovered: true,
    });
    const reads = server.requests.slice(1).map((request) => Object.fromEntries(query(request)));
    expect(reads).toEqual([
      { startAt: "0", maxResults: "50", orderBy: "-created", expand: "properties" },
      { startAt: "0", maxResults: "100", expand: "properties" },
    ]);
  });
});

describe("addCommentOnce with a Jira that has no comment properties", () => {
  /** Comments as such a Jira lists them: no `properties` at all, whatever was asked. */
  function answerComments(comments: Comment[]): void {
    server.handle((request) => {
      if (request.url.startsWith("/rest/api/2/myself")) {
        return { status: 200, body: JANE };
      }
      return {
        status: 200,
        body: { startAt: 0, maxResults: 50, total: comments.length, comments },
      };
    });
  }

  it("takes the current user's newest comment with the same body, written since the attempt", async () => {
    const body = "*From:* a@example.com\r\n\r\nVPN down again.";
    server.queue("destroy");
    answerComments([
      { id: "20002", body: "Other text", author: JANE, created: jiraTime(0) },
      // Jira gave the textarea's \r\n back as \n and trimmed the end: the same comment still.
      {
        id: "20001",
        body: "*From:* a@example.com\n\nVPN down again.\n",
        author: JANE,
        created: jiraTime(1),
      },
      {
        id: "20000",
        body: "*From:* a@example.com\n\nVPN down again.",
        author: JOHN,
        created: jiraTime(1),
      },
    ]);

    const outcome = await addCommentOnce(
      await client(),
      ISSUE,
      { body, attemptId: "a-2", messageId: "<m@x>" },
      { previousAttemptUncertain: false }
    );

    expect(outcome).toMatchObject({ id: "20001", recovered: true });
    const [post] = server.requests;
    expect(JSON.parse(post?.body.toString() ?? "")).toEqual({
      body,
      properties: [{ key: COMMENT_PROPERTY_KEY, value: { attemptId: "a-2", messageId: "<m@x>" } }],
    });
  });

  it("doesn't take one written more than the clock margin before the attempt", async () => {
    server.queue({ status: 504, body: { errorMessages: ["Gateway timeout"] } });
    answerComments([{ id: "20003", body: "Same text", author: JANE, created: jiraTime(11) }]);

    await expect(
      addCommentOnce(
        await client(),
        ISSUE,
        { body: "Same text", attemptId: "a-3", messageId: "" },
        { previousAttemptUncertain: false }
      )
    ).rejects.toMatchObject({ code: "comment_uncertain" });
  });
});
