/**
 * Dropped connections (`{drop: true}` faults) over real HTTP: the client gets no answer at all,
 * `before` with nothing done, `after` with the work stored; and `/__sim/state` over HTTP showing
 * attachments with their issue key and content hash.
 */
import { createHash } from "node:crypto";
import type { RunningJiraSimulator } from "../../../src/simulator/create-jira-simulator";
import { runThreeLeggedDance, signRequest } from "../../support/reference-oauth-client";
import { createIssue, me, setUpConsumerSimulators } from "./faults-kit";

jest.setTimeout(30_000);

const start = setUpConsumerSimulators();

/** An OAuth-signed multipart upload of one file (multipart bodies are not signed). */
async function upload(
  simulator: RunningJiraSimulator,
  token: string,
  issueKey: string,
  name: string,
  content: string
): Promise<Response> {
  const path = `/rest/api/2/issue/${issueKey}/attachments`;
  const { headerValue } = signRequest(simulator, { ...me, token, method: "POST", path });
  const body = new FormData();
  body.append("file", new Blob([content], { type: "text/plain" }), name);
  return fetch(`${simulator.url}${path}`, {
    method: "POST",
    headers: { Authorization: headerValue, "X-Atlassian-Token": "no-check" },
    body,
  });
}

const summaries = (simulator: RunningJiraSimulator): string[] =>
  (simulator.control.state().data as { issues: { values: { summary: string } }[] }).issues.map(
    (issue) => issue.values.summary
  );

/** The rejection of `promise` (fails the test if it resolves). */
async function rejectionOf(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error("Expected no answer, but one came.");
}

describe("dropped connections", () => {
  it('"before": no answer at all and nothing stored; the next request works', async () => {
    const simulator = await start();
    const token = await runThreeLeggedDance(simulator, me);
    const added = simulator.control.failNext({
      drop: true,
      method: "POST",
      pathPrefix: "/rest/api/2/issue",
    });

    const error = await rejectionOf(createIssue(simulator, token, "never stored"));

    expect(added).toEqual({
      id: expect.any(Number),
      drop: true,
      remaining: 1,
      when: "before",
      method: "POST",
      pathPrefix: "/rest/api/2/issue",
    });
    expect(error).toMatchObject({ name: "TypeError", message: "fetch failed" });
    expect(summaries(simulator)).not.toContain("never stored");
    expect((await createIssue(simulator, token, "next")).status).toBe(201);
  });

  it('"after": the issue is stored, then the connection is cut before any answer', async () => {
    const simulator = await start();
    const token = await runThreeLeggedDance(simulator, me);
    simulator.control.failNext({ drop: true, when: "after", pathPrefix: "/rest/api/2/issue" });

    const error = await rejectionOf(createIssue(simulator, token, "stored, answer lost"));

    expect(error).toMatchObject({ name: "TypeError", message: "fetch failed" });
    expect(summaries(simulator)).toContain("stored, answer lost");
    expect(simulator.control.state().faults).toEqual([]);
  });

  it('"after" an upload: the file is on the issue though the client got no answer', async () => {
    const simulator = await start();
    const token = await runThreeLeggedDance(simulator, me);
    simulator.control.failNext({
      drop: true,
      when: "after",
      method: "POST",
      pathPrefix: "/rest/api/2/issue/SUP-2/attachments",
    });

    const error = await rejectionOf(upload(simulator, token, "SUP-2", "log.txt", "line 1"));

    expect(error).toMatchObject({ name: "TypeError", message: "fetch failed" });
    const response = await fetch(`${simulator.url}/__sim/state`);
    const state = (await response.json()) as {
      data: { attachments: Record<string, unknown>[] };
    };
    expect(state.data.attachments).toContainEqual(
      expect.objectContaining({
        issueKey: "SUP-2",
        filename: "log.txt",
        size: 6,
        sha256: createHash("sha256").update("line 1").digest("hex"),
      })
    );
  });

  it.each([
    [{ drop: true, status: 502 }, "status"],
    [{ drop: "yes" }, "drop"],
    [{ drop: true, retryAfterSeconds: 3 }, "retryAfterSeconds"],
    [{ drop: false }, "status"],
  ])("refuses the fault %j naming %s", async (fault, field) => {
    const simulator = await start();

    const response = await fetch(`${simulator.url}/__sim/faults`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(fault),
    });

    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      field,
      error: expect.stringMatching(new RegExp(`^${field}: `)),
    });
  });
});
