/**
 * The simulator's controls over real HTTP (`{ctx}/__sim/*`) and in process (SimulatorControl):
 * injected faults before and after the work, Retry-After, latency, settings, token revocation,
 * consumers and reset, against the simulator's real Jira (an issue created shows in the state's data).
 */
import { startJiraSimulator } from "../../../src/simulator/create-jira-simulator";
import type {
  RunningJiraSimulator,
  SimulatorState,
} from "../../../src/simulator/create-jira-simulator";
import {
  generateConsumerKeyPair,
  runThreeLeggedDance,
  signedFetch,
} from "../../support/reference-oauth-client";
import { CONSUMER_KEY, createIssue, keys, me, setUpConsumerSimulators } from "./faults-kit";

jest.setTimeout(30_000);

/** A simulator that knows our consumer; closed after the test. */
const start = setUpConsumerSimulators();

/** A JSON request to the controls. */
async function control(
  simulator: RunningJiraSimulator,
  method: string,
  path: string,
  body?: unknown
): Promise<{ status: number; body: unknown; headers: Headers }> {
  const response = await fetch(`${simulator.url}/__sim${path}`, {
    method,
    ...(body === undefined
      ? {}
      : { headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: text === "" ? undefined : (JSON.parse(text) as unknown),
    headers: response.headers,
  };
}

/** The summaries of the issues in the state's data, seed issues included. */
const summariesOf = (state: SimulatorState): string[] =>
  (state.data as { issues: { values: { summary: string } }[] }).issues.map(
    (issue) => issue.values.summary
  );

describe("GET /__sim/state", () => {
  it("shows settings, consumers, token counts, pending faults and the data", async () => {
    const simulator = await start();
    await runThreeLeggedDance(simulator, me);
    await runThreeLeggedDance(simulator, { ...me, as: "john" });
    await runThreeLeggedDance(simulator, me);

    const state = await control(simulator, "GET", "/state");

    expect(state).toMatchObject({ status: 200 });
    expect(state.body).toEqual({
      settings: {
        baseUrl: simulator.url,
        version: "9.12.2",
        uploadLimitBytes: 10_485_760,
        attachmentsEnabled: true,
        twoLeggedOAuth: false,
        clockSkewSeconds: 0,
        latencyMs: 0,
      },
      consumers: [{ consumerKey: CONSUMER_KEY, name: "Jira for Outlook" }],
      tokens: { accessTokensByUser: { jane: 2, john: 1 }, openRequestTokens: 0 },
      faults: [],
      data: expect.objectContaining({ issues: expect.any(Array) }),
    });
    expect(simulator.control.state()).toEqual(state.body);
  });

  it("answers 404 naming the known controls for anything else", async () => {
    const simulator = await start();

    const answer = await control(simulator, "GET", "/nothing");

    expect(answer.status).toBe(404);
    expect(answer.body).toEqual({
      error: expect.stringContaining("No simulator control GET /__sim/nothing"),
    });
  });
});

describe("faults", () => {
  it('"before": the next N matching responses fail without doing the work, with Retry-After', async () => {
    const simulator = await start();
    const token = await runThreeLeggedDance(simulator, me);

    const added = await control(simulator, "POST", "/faults", {
      status: 503,
      count: 2,
      retryAfterSeconds: 7,
      pathPrefix: "/rest/api/2/issue",
      method: "post",
    });
    const unaffected = await fetch(`${simulator.url}/rest/api/2/serverInfo`);
    const first = await createIssue(simulator, token, "one");
    const second = await createIssue(simulator, token, "two");
    const third = await createIssue(simulator, token, "three");

    expect(added).toMatchObject({
      status: 201,
      body: {
        id: expect.any(Number),
        status: 503,
        remaining: 2,
        when: "before",
        retryAfterSeconds: 7,
        pathPrefix: "/rest/api/2/issue",
        method: "POST",
      },
    });
    expect(unaffected.status).toBe(200);
    for (const failed of [first, second]) {
      expect({
        status: failed.status,
        retryAfter: failed.headers.get("retry-after"),
        contentType: failed.headers.get("content-type"),
        body: failed.body,
      }).toEqual({
        status: 503,
        retryAfter: "7",
        contentType: "application/json; charset=utf-8",
        body: '{"errorMessages":["Simulated 503"]}',
      });
    }
    expect(third.status).toBe(201);
    const summaries = summariesOf(simulator.control.state());
    expect(summaries).toContain("three");
    expect(summaries).not.toContain("one");
    expect(summaries).not.toContain("two");
    expect(simulator.control.state().faults).toEqual([]);
  });

  it('"after": the route runs and its effect is stored, then its response is replaced', async () => {
    const simulator = await start();
    const token = await runThreeLeggedDance(simulator, me);
    simulator.control.failNext({ status: 502, when: "after", pathPrefix: "/rest/api/2/issue" });

    const lost = await createIssue(simulator, token, "created but the answer was lost");

    expect({
      status: lost.status,
      retryAfter: lost.headers.get("retry-after"),
      contentType: lost.headers.get("content-type"),
      body: lost.body,
    }).toEqual({
      status: 502,
      retryAfter: null,
      contentType: "application/json; charset=utf-8",
      body: '{"errorMessages":["Simulated 502"]}',
    });
    expect(summariesOf(simulator.control.state())).toContain("created but the answer was lost");
    expect((await createIssue(simulator, token, "next")).status).toBe(201);
  });

  it("also hits the OAuth servlets, and a path prefix may include the context path", async () => {
    const simulator = await start({ baseUrl: "http://jira.example.com/jira" });
    simulator.control.failNext({
      status: 500,
      pathPrefix: "/jira/plugins/servlet/oauth/request-token",
    });

    const failed = await signedFetch(simulator, {
      ...me,
      method: "POST",
      path: "/plugins/servlet/oauth/request-token",
      oauthParams: { oauth_callback: "oob" },
    });
    const next = await signedFetch(simulator, {
      ...me,
      method: "POST",
      path: "/plugins/servlet/oauth/request-token",
      oauthParams: { oauth_callback: "oob" },
    });

    expect({ status: failed.status, body: failed.body }).toEqual({
      status: 500,
      body: '{"errorMessages":["Simulated 500"]}',
    });
    expect(next.status).toBe(200);
  });

  it("DELETE /__sim/faults clears pending faults", async () => {
    const simulator = await start();
    await control(simulator, "POST", "/faults", { status: 500, count: 5 });

    const cleared = await control(simulator, "DELETE", "/faults");

    expect(cleared.status).toBe(204);
    expect((await fetch(`${simulator.url}/rest/api/2/serverInfo`)).status).toBe(200);
    expect(simulator.control.state().faults).toEqual([]);
  });

  it.each([
    [{}, "status"],
    [{ status: 200 }, "status"],
    [{ status: 503, count: 0 }, "count"],
    [{ status: 503, when: "during" }, "when"],
    [{ status: 503, retryAfterSeconds: -1 }, "retryAfterSeconds"],
    [{ status: 503, pathPrefix: "rest" }, "pathPrefix"],
    [{ status: 503, method: "P O" }, "method"],
    [{ status: 503, colour: "red" }, "colour"],
  ])("refuses the fault %j naming %s", async (fault, field) => {
    const simulator = await start();

    const answer = await control(simulator, "POST", "/faults", fault);

    expect(answer).toMatchObject({
      status: 400,
      body: { field, error: expect.stringMatching(new RegExp(`^${field}: `)) },
    });
  });
});

describe("settings", () => {
  it("PATCH /__sim/settings changes them at once and returns them", async () => {
    const simulator = await start();

    const answer = await control(simulator, "PATCH", "/settings", {
      version: "8.20.1",
      uploadLimitBytes: 1024,
      attachmentsEnabled: false,
    });

    expect(answer).toMatchObject({
      status: 200,
      body: { version: "8.20.1", uploadLimitBytes: 1024, attachmentsEnabled: false },
    });
    expect(simulator.settings).toMatchObject({ version: "8.20.1", uploadLimitBytes: 1024 });
  });

  it.each([
    [{ baseUrl: "http://elsewhere" }, "baseUrl"],
    [{ version: "nine" }, "version"],
    [{ uploadLimitBytes: -1 }, "uploadLimitBytes"],
    [{ uploadLimitBytes: 1.5 }, "uploadLimitBytes"],
    [{ twoLeggedOAuth: "yes" }, "twoLeggedOAuth"],
    [{ attachmentsEnabled: 1 }, "attachmentsEnabled"],
    [{ clockSkewSeconds: "600" }, "clockSkewSeconds"],
    [{ latencyMs: 10_000_000 }, "latencyMs"],
    [{ speed: 1 }, "speed"],
  ])("refuses %j naming %s, changing nothing", async (patch, field) => {
    const simulator = await start();

    const answer = await control(simulator, "PATCH", "/settings", { latencyMs: 5, ...patch });

    expect(answer).toMatchObject({ status: 400, body: { field } });
    expect(simulator.settings.latencyMs).toBe(0);
  });

  it("latency delays Jira responses but not the controls", async () => {
    const simulator = await start();
    await control(simulator, "PATCH", "/settings", { latencyMs: 300 });

    let started = Date.now();
    await fetch(`${simulator.url}/rest/api/2/serverInfo`);
    const jiraMs = Date.now() - started;
    started = Date.now();
    await control(simulator, "GET", "/state");
    const controlMs = Date.now() - started;

    expect(jiraMs).toBeGreaterThanOrEqual(290);
    expect(controlMs).toBeLessThan(250);
  });

  it("clock skew shows in the Jira surface's Date header, not in the controls'", async () => {
    const simulator = await start({ settings: { clockSkewSeconds: -3600 } });

    const jira = await fetch(`${simulator.url}/rest/api/2/serverInfo`);
    const controls = await control(simulator, "GET", "/state");

    const jiraDate = Date.parse(jira.headers.get("date") ?? "");
    const realDate = Date.parse(controls.headers.get("date") ?? "");
    expect(Math.round((realDate - jiraDate) / 1000)).toBeGreaterThanOrEqual(3599);
    expect(Math.round((realDate - jiraDate) / 1000)).toBeLessThanOrEqual(3601);
  });
});

describe("tokens and consumers", () => {
  it("POST /__sim/revoke-tokens revokes every access token", async () => {
    const simulator = await start();
    const token = await runThreeLeggedDance(simulator, me);

    const answer = await control(simulator, "POST", "/revoke-tokens");
    const refused = await createIssue(simulator, token, "x");

    expect(answer).toMatchObject({ status: 200, body: { revoked: 1 } });
    expect(refused.status).toBe(401);
    expect(refused.headers.get("www-authenticate")).toContain('oauth_problem="token_rejected"');
  });

  it("POST /__sim/consumers registers an application link that works at once", async () => {
    const simulator = await start({ consumers: [] });
    const newcomer = generateConsumerKeyPair();

    const added = await control(simulator, "POST", "/consumers", {
      consumerKey: "newcomer",
      publicKeyPem: newcomer.publicKeyPem,
      name: "Newcomer",
    });
    const token = await runThreeLeggedDance(simulator, {
      consumerKey: "newcomer",
      privateKeyPem: newcomer.privateKeyPem,
    });

    expect(added).toMatchObject({
      status: 201,
      body: { consumerKey: "newcomer", name: "Newcomer" },
    });
    expect(token).toMatch(/^[0-9a-f]{32}$/);
  });

  it.each([
    ["consumerKey", "missing", { publicKeyPem: "x", name: "n" }],
    ["publicKeyPem", "not PEM", { consumerKey: "k", publicKeyPem: "not a pem" }],
    ["publicKeyPem", "a private key", { consumerKey: "k", publicKeyPem: keys.privateKeyPem }],
    ["name", "a number", { consumerKey: "k", publicKeyPem: keys.publicKeyPem, name: 3 }],
  ])("refuses a consumer whose %s is %s", async (field, _why, consumer) => {
    const simulator = await start();

    const answer = await control(simulator, "POST", "/consumers", consumer);

    expect(answer).toMatchObject({ status: 400, body: { field } });
  });

  it("refuses to start with a private key, saying to give the public half", async () => {
    await expect(
      startJiraSimulator({ consumers: [{ consumerKey: "k", publicKeyPem: keys.privateKeyPem }] })
    ).rejects.toThrow(
      "publicKeyPem is a private key: give the PUBLIC half (openssl pkey -in private.pem -pubout), never the private key"
    );
  });
});

describe("POST /__sim/reset", () => {
  it("puts data, tokens, nonces, faults and settings back to their start values", async () => {
    const simulator = await start({ settings: { version: "9.4.0" } });
    const seedSummaries = summariesOf(simulator.control.state());
    const token = await runThreeLeggedDance(simulator, me);
    const created = await createIssue(simulator, token, "before reset");
    simulator.control.updateSettings({ version: "8.0.0", latencyMs: 5, twoLeggedOAuth: true });
    simulator.control.failNext({ status: 500, pathPrefix: "/nowhere" });
    const nonce = "reused-after-reset";
    const beforeReset = await signedFetch(simulator, {
      ...me,
      path: "/rest/api/2/serverInfo",
      nonce,
    });

    const answer = await control(simulator, "POST", "/reset");
    const afterReset = await signedFetch(simulator, {
      ...me,
      path: "/rest/api/2/serverInfo",
      nonce,
    });
    const oldToken = await createIssue(simulator, token, "after reset");

    expect(created.status).toBe(201);
    expect(beforeReset.status).toBe(200);
    expect(answer.status).toBe(204);
    expect(afterReset.status).toBe(200);
    expect(oldToken.headers.get("www-authenticate")).toContain('oauth_problem="token_rejected"');
    expect(summariesOf(simulator.control.state())).toEqual(seedSummaries);
    expect(simulator.control.state()).toEqual({
      settings: {
        baseUrl: simulator.url,
        version: "9.4.0",
        uploadLimitBytes: 10_485_760,
        attachmentsEnabled: true,
        twoLeggedOAuth: false,
        clockSkewSeconds: 0,
        latencyMs: 0,
      },
      consumers: [{ consumerKey: CONSUMER_KEY, name: "Jira for Outlook" }],
      tokens: { accessTokensByUser: {}, openRequestTokens: 0 },
      faults: [],
      data: expect.any(Object),
    });
  });
});
