/**
 * Faults on adding a comment, over real HTTP with OAuth: a 502 "after" answers the client with
 * the failure although the comment (and its properties) was stored, which is the lost answer the
 * add-in must recover from without posting a second comment; "before" stores nothing. The fault
 * is queued through `/__sim/faults`, as the e2e tests do.
 */
import type { RunningJiraSimulator } from "../../../src/simulator/create-jira-simulator";
import { runThreeLeggedDance, signedFetch } from "../../support/reference-oauth-client";
import type { SignedResponse } from "../../support/reference-oauth-client";
import { me, setUpConsumerSimulators } from "./faults-kit";

jest.setTimeout(30_000);

const start = setUpConsumerSimulators();

const COMMENT_PATH = "/rest/api/2/issue/SUP-2/comment";

/** `POST issue/SUP-2/comment` with a marker property, signed with `token`. */
const postComment = (
  simulator: RunningJiraSimulator,
  token: string,
  body: string
): Promise<SignedResponse> =>
  signedFetch(simulator, {
    ...me,
    token,
    method: "POST",
    path: COMMENT_PATH,
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({
      body,
      properties: [{ key: "com.jira-for-outlook.comment", value: { attemptId: body } }],
    }),
  });

interface StoredComment {
  body: string;
  properties: Record<string, unknown>;
}

/** SUP-2's comments in the simulator's own state (not through the REST API). */
function storedOnSup2(simulator: RunningJiraSimulator): StoredComment[] {
  const data = simulator.control.state().data as {
    issues: { key: string; comments: StoredComment[] }[];
  };
  return data.issues.find((issue) => issue.key === "SUP-2")?.comments ?? [];
}

/** Queues a fault through the HTTP control, as a browser test would. */
async function queueFault(simulator: RunningJiraSimulator, fault: object): Promise<void> {
  const response = await fetch(`${simulator.url}/__sim/faults`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(fault),
  });
  expect(response.status).toBe(201);
}

describe("faults on POST issue/{key}/comment", () => {
  it('502 "after": the comment and its marker are stored, the client gets the 502', async () => {
    const simulator = await start();
    const token = await runThreeLeggedDance(simulator, me);
    await queueFault(simulator, {
      status: 502,
      when: "after",
      method: "POST",
      pathPrefix: COMMENT_PATH,
    });

    const lost = await postComment(simulator, token, "stored, answer lost");

    expect(lost.status).toBe(502);
    expect(JSON.parse(lost.body)).toEqual({ errorMessages: ["Simulated 502"] });
    expect(storedOnSup2(simulator)).toContainEqual(
      expect.objectContaining({
        body: "stored, answer lost",
        properties: {
          "com.jira-for-outlook.comment": { attemptId: "stored, answer lost" },
        },
      })
    );
    expect(simulator.control.state().faults).toEqual([]);
    expect((await postComment(simulator, token, "next")).status).toBe(201);
  });

  it('502 "before": nothing is stored', async () => {
    const simulator = await start();
    const token = await runThreeLeggedDance(simulator, me);
    const before = storedOnSup2(simulator).length;
    await queueFault(simulator, { status: 502, method: "POST", pathPrefix: COMMENT_PATH });

    const failed = await postComment(simulator, token, "never stored");

    expect(failed.status).toBe(502);
    expect(storedOnSup2(simulator)).toHaveLength(before);
  });

  it("a fault for another issue's comments leaves SUP-2's alone", async () => {
    const simulator = await start();
    const token = await runThreeLeggedDance(simulator, me);
    await queueFault(simulator, {
      status: 502,
      when: "after",
      method: "POST",
      pathPrefix: "/rest/api/2/issue/SUP-1/comment",
    });

    expect((await postComment(simulator, token, "unaffected")).status).toBe(201);
    expect(simulator.control.state().faults).toHaveLength(1);
  });
});
