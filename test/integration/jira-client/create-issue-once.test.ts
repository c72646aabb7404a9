/**
 * createIssueOnce against the real simulator over HTTP: a create whose answer is lost (injected
 * 502 after Jira stored the issue, 502 before, no server at all) ends with exactly one issue, found
 * or created, never two; failures that certainly created nothing pass through unchanged.
 */
import {
  IssueCreateUncertainError,
  createIssueOnce,
  isUncertainFailure,
} from "../../../src/jira/create-issue-once";
import type { IssueDraftFields } from "../../../src/jira/create-issue-once";
import {
  JiraHttpError,
  JiraNetworkError,
  JiraValidationError,
  OAuthProblem,
} from "../../../src/jira/jira-errors";
import { rejectionOf, setUpSimulatorKit, signIn } from "./jira-client-kit";

jest.setTimeout(30_000);

const kit = setUpSimulatorKit({ lifetime: "file", signedIn: true });

beforeEach(() => {
  kit.sim.control.clearFaults();
  kit.sleeps.length = 0;
});

// SUP / Task (id 3): summary is the only required field, description is on the screen.
const SUP_TASK = { projectKey: "SUP", issueTypeId: "3" } as const;

let drafts = 0;
/** A draft whose summary no other test uses (the simulator's issues live for the whole file). */
function draft(overrides: Partial<IssueDraftFields> = {}): IssueDraftFields {
  drafts += 1;
  return {
    ...SUP_TASK,
    summary: `Printer jams on every second page #${drafts} ${Date.now()}`,
    description: "Reported by email from finance@customer.example.\n\nHappens since Monday.",
    ...overrides,
  };
}

interface StoredIssue {
  key: string;
  id: string;
  values: Record<string, unknown>;
}

/** The simulator's own record of the issues with `summary` (not through the client under test). */
function storedWithSummary(summary: string): StoredIssue[] {
  const data = kit.sim.control.state().data as { issues: StoredIssue[] };
  return data.issues.filter((issue) => issue.values.summary === summary);
}

const UNCERTAIN_MESSAGE =
  "Jira did not confirm whether the issue was created, and none was found yet. " +
  "Trying again looks for it first, so it won't be created twice.";
const LOOKUP_FAILED_MESSAGE =
  "Jira did not confirm whether the issue was created, and looking for it failed too. " +
  "Trying again looks for it first, so it won't be created twice.";

describe("createIssueOnce", () => {
  it("creates the issue with one POST when nothing goes wrong", async () => {
    const fields = draft();

    const outcome = await createIssueOnce(kit.jira, fields);

    expect(outcome).toEqual({
      id: expect.any(String),
      key: expect.stringMatching(/^SUP-\d+$/),
      self: expect.stringContaining(`/rest/api/2/issue/${outcome.id}`),
      recovered: false,
    });
    const stored = storedWithSummary(fields.summary);
    expect(stored).toEqual([expect.objectContaining({ key: outcome.key, id: outcome.id })]);
    expect(stored[0]?.values.description).toBe(fields.description);
    expect(stored[0]?.values).toMatchObject({ summary: fields.summary });
  });

  it("sends no description when the draft's is empty", async () => {
    const fields = draft({ description: "" });

    const outcome = await createIssueOnce(kit.jira, fields);

    const issue = await kit.jira.getIssue(outcome.key, ["description"]);
    expect(issue.fields.description ?? null).toBeNull();
  });

  it("a 502 after Jira stored the issue: finds it (recovered) and creates no second one", async () => {
    const fields = draft();
    kit.sim.control.failNext({
      status: 502,
      when: "after",
      method: "POST",
      pathPrefix: "/rest/api/2/issue",
    });

    const outcome = await createIssueOnce(kit.jira, fields);

    const stored = storedWithSummary(fields.summary);
    expect(stored).toHaveLength(1);
    expect(outcome).toEqual({
      id: stored[0]?.id,
      key: stored[0]?.key,
      self: expect.stringContaining(`/rest/api/2/issue/${stored[0]?.id}`),
      recovered: true,
    });
    expect(kit.sim.control.state().faults).toEqual([]);
  });

  it("a 502 before Jira did anything: IssueCreateUncertainError, then a retry creates exactly one", async () => {
    const fields = draft();
    kit.sim.control.failNext({ status: 502, method: "POST", pathPrefix: "/rest/api/2/issue" });

    const error = await rejectionOf(createIssueOnce(kit.jira, fields));

    expect(error).toBeInstanceOf(IssueCreateUncertainError);
    expect(error).toMatchObject({
      name: "IssueCreateUncertainError",
      code: "create_uncertain",
      message: UNCERTAIN_MESSAGE,
      cause: expect.objectContaining({ name: "JiraHttpError", code: "http_502", status: 502 }),
    });
    expect(error.lookupError).toBeUndefined();
    expect(storedWithSummary(fields.summary)).toEqual([]);

    const retried = await createIssueOnce(kit.jira, fields, { previousAttemptUncertain: true });

    expect(retried).toMatchObject({ key: expect.stringMatching(/^SUP-\d+$/), recovered: false });
    expect(storedWithSummary(fields.summary)).toEqual([
      expect.objectContaining({ key: retried.key }),
    ]);
  });

  it("a retry after an uncertain attempt that did create the issue finds it without a POST", async () => {
    const fields = draft();
    // The issue exists (as after a lost answer), and any POST would now fail loudly.
    const first = await kit.jira.createIssue({
      project: { key: fields.projectKey },
      issuetype: { id: fields.issueTypeId },
      summary: fields.summary,
      description: fields.description,
    });
    kit.sim.control.failNext({ status: 500, method: "POST", pathPrefix: "/rest/api/2/issue" });

    const outcome = await createIssueOnce(kit.jira, fields, { previousAttemptUncertain: true });

    expect(outcome).toMatchObject({ id: first.id, key: first.key, recovered: true });
    expect(storedWithSummary(fields.summary)).toHaveLength(1);
    // The POST fault is still pending: no POST was sent.
    expect(kit.sim.control.state().faults).toEqual([
      expect.objectContaining({ status: 500, remaining: 1 }),
    ]);
  });

  it("the search failing too: IssueCreateUncertainError, and a later retry still leaves one issue", async () => {
    const fields = draft();
    kit.sim.control.failNext({
      status: 502,
      when: "after",
      method: "POST",
      pathPrefix: "/rest/api/2/issue",
    });
    // The search is a GET, retried 3 times by the transport: make every attempt fail.
    kit.sim.control.failNext({ status: 503, count: 3, pathPrefix: "/rest/api/2/search" });

    const error = await rejectionOf(createIssueOnce(kit.jira, fields));

    expect(error).toMatchObject({
      name: "IssueCreateUncertainError",
      code: "create_uncertain",
      message: LOOKUP_FAILED_MESSAGE,
      cause: expect.objectContaining({ name: "JiraHttpError", code: "http_502" }),
      lookupError: expect.objectContaining({ name: "JiraHttpError", code: "http_503" }),
    });
    expect(kit.sleeps).toHaveLength(2);
    expect(storedWithSummary(fields.summary)).toHaveLength(1);

    const retried = await createIssueOnce(kit.jira, fields, { previousAttemptUncertain: true });

    const stored = storedWithSummary(fields.summary);
    expect(stored).toHaveLength(1);
    expect(retried).toMatchObject({ key: stored[0]?.key, recovered: true });
  });

  it("the search failing on a retry: IssueCreateUncertainError with the search's error, no POST", async () => {
    const fields = draft();
    kit.sim.control.failNext({ status: 504, count: 3, pathPrefix: "/rest/api/2/search" });
    kit.sim.control.failNext({ status: 500, method: "POST", pathPrefix: "/rest/api/2/issue" });

    const error = await rejectionOf(
      createIssueOnce(kit.jira, fields, { previousAttemptUncertain: true })
    );

    expect(error).toMatchObject({
      name: "IssueCreateUncertainError",
      code: "create_uncertain",
      message: LOOKUP_FAILED_MESSAGE,
      cause: expect.objectContaining({ code: "http_504" }),
    });
    expect(storedWithSummary(fields.summary)).toEqual([]);
    expect(kit.sim.control.state().faults).toEqual([
      expect.objectContaining({ status: 500, remaining: 1 }),
    ]);
  });

  it("no answer at all (nothing listening): the network error is uncertain too", async () => {
    const fields = draft();
    const unreachable = kit.clientWith(kit.signer, { relayBase: "http://127.0.0.1:1" });

    const error = await rejectionOf(createIssueOnce(unreachable, fields));

    expect(error).toMatchObject({
      name: "IssueCreateUncertainError",
      code: "create_uncertain",
      message: LOOKUP_FAILED_MESSAGE,
      cause: expect.objectContaining({ name: "JiraNetworkError", code: "network_error" }),
      lookupError: expect.objectContaining({ name: "JiraNetworkError", code: "network_error" }),
    });
    expect(storedWithSummary(fields.summary)).toEqual([]);
  });

  it("a 400 validation error passes through unchanged, without a search", async () => {
    const fields = draft({ summary: "" });
    kit.sim.control.failNext({ status: 503, count: 3, pathPrefix: "/rest/api/2/search" });

    const error = await rejectionOf(createIssueOnce(kit.jira, fields));

    expect(error).toBeInstanceOf(JiraValidationError);
    expect(error).toMatchObject({
      name: "JiraValidationError",
      code: "jira_validation",
      status: 400,
      errors: { summary: "You must specify a summary of the issue." },
      message:
        "Jira did not accept POST /rest/api/2/issue: correct the fields it names and try again. " +
        "Jira says: summary: You must specify a summary of the issue.",
    });
    // The search fault is untouched: a certain failure doesn't look.
    expect(kit.sim.control.state().faults).toEqual([expect.objectContaining({ remaining: 3 })]);
  });

  it("a 403 passes through unchanged", async () => {
    kit.sim.control.failNext({ status: 403, method: "POST", pathPrefix: "/rest/api/2/issue" });

    await expect(createIssueOnce(kit.jira, draft())).rejects.toMatchObject({
      name: "JiraHttpError",
      code: "http_403",
      status: 403,
    });
  });

  it("an issue with another summary is not taken for the draft's", async () => {
    const fields = draft();
    const other = await createIssueOnce(kit.jira, { ...fields, summary: `${fields.summary} (2)` });

    const outcome = await createIssueOnce(kit.jira, fields, { previousAttemptUncertain: true });

    expect(outcome).toMatchObject({ recovered: false });
    expect(outcome.key).not.toBe(other.key);
    expect(storedWithSummary(fields.summary)).toHaveLength(1);
  });

  it("an issue with the same summary but another description is not taken either", async () => {
    const fields = draft();
    await createIssueOnce(kit.jira, { ...fields, description: "Something else entirely." });

    const outcome = await createIssueOnce(kit.jira, fields, { previousAttemptUncertain: true });

    expect(outcome).toMatchObject({ recovered: false });
    expect(storedWithSummary(fields.summary)).toHaveLength(2);
  });

  it("an issue of another issue type is not taken either", async () => {
    const fields = draft();
    await createIssueOnce(kit.jira, { ...fields, issueTypeId: "1" });

    const outcome = await createIssueOnce(kit.jira, fields, { previousAttemptUncertain: true });

    expect(outcome).toMatchObject({ recovered: false });
    expect(storedWithSummary(fields.summary)).toHaveLength(2);
  });

  it("an identical issue in another project is not taken either", async () => {
    const fields = draft();
    const elsewhere = await createIssueOnce(kit.jira, { ...fields, projectKey: "OPS" });
    expect(elsewhere.key).toMatch(/^OPS-\d+$/);

    const outcome = await createIssueOnce(kit.jira, fields, { previousAttemptUncertain: true });

    expect(outcome).toMatchObject({ key: expect.stringMatching(/^SUP-\d+$/), recovered: false });
    expect(
      storedWithSummary(fields.summary)
        .map((issue) => issue.key)
        .sort()
    ).toEqual([elsewhere.key, outcome.key].sort());
  });

  it("matches descriptions across \\r\\n line breaks and trailing whitespace", async () => {
    const fields = draft({ description: "Line one\nLine two" });
    const first = await kit.jira.createIssue({
      project: { key: fields.projectKey },
      issuetype: { id: fields.issueTypeId },
      summary: fields.summary,
      description: "Line one\r\nLine two \r\n\r\n",
    });

    const outcome = await createIssueOnce(kit.jira, fields, { previousAttemptUncertain: true });

    expect(outcome).toMatchObject({ key: first.key, recovered: true });
  });

  it("takes an issue without a description for a draft with an empty one", async () => {
    const fields = draft({ description: "" });
    const first = await kit.jira.createIssue({
      project: { key: fields.projectKey },
      issuetype: { id: fields.issueTypeId },
      summary: fields.summary,
    });

    const outcome = await createIssueOnce(kit.jira, fields, { previousAttemptUncertain: true });

    expect(outcome).toMatchObject({ key: first.key, recovered: true });
  });
  it("an identical issue older than 15 minutes is not taken (SUP-3 of the seed, 10 days old)", async () => {
    const fields: IssueDraftFields = {
      ...SUP_TASK,
      summary: "Invoice 2024-117 missing in ERP",
      description: "Invoice 2024-117 was sent to the customer but is not in the ERP.",
    };

    const outcome = await createIssueOnce(kit.jira, fields, { previousAttemptUncertain: true });

    expect(outcome).toMatchObject({ recovered: false });
    expect(outcome.key).not.toBe("SUP-3");
    expect(storedWithSummary(fields.summary).map((issue) => issue.key)).toEqual([
      "SUP-3",
      outcome.key,
    ]);
  });

  it("a retry long after the uncertain attempt looks back far enough to find its issue (uncertainSince)", async () => {
    const fields = draft();
    const first = await kit.jira.createIssue({
      project: { key: fields.projectKey },
      issuetype: { id: fields.issueTypeId },
      summary: fields.summary,
      description: fields.description,
    });
    // Jira's clock 40 minutes on: the issue is now 40 minutes old, out of the default window.
    kit.sim.control.updateSettings({ clockSkewSeconds: 40 * 60 });
    try {
      const attemptedAt = Date.now() - 41 * 60_000;
      const outcome = await createIssueOnce(kit.jira, fields, {
        previousAttemptUncertain: true,
        uncertainSince: attemptedAt,
      });
      expect(outcome).toMatchObject({ key: first.key, recovered: true });
      expect(storedWithSummary(fields.summary)).toHaveLength(1);

      // Without it, the 15-minute window misses the issue (which is why the UI passes it).
      const blind = await createIssueOnce(kit.jira, fields, { previousAttemptUncertain: true });
      expect(blind).toMatchObject({ recovered: false });
      expect(storedWithSummary(fields.summary)).toHaveLength(2);
    } finally {
      kit.sim.control.updateSettings({ clockSkewSeconds: 0 });
    }
  });

  it("a refused token on the retry's search passes through (the session signs in and runs it again)", async () => {
    const fields = draft();
    kit.sim.control.revokeAllTokens();
    try {
      const error = await rejectionOf(
        createIssueOnce(kit.jira, fields, { previousAttemptUncertain: true })
      );

      expect(error).toBeInstanceOf(OAuthProblem);
      expect(error).toMatchObject({ name: "OAuthProblem", code: "token_rejected" });
      expect(storedWithSummary(fields.summary)).toEqual([]);
    } finally {
      await signIn(kit);
    }
  });

  it("a refused search after an uncertain create is still IssueCreateUncertainError", async () => {
    const fields = draft();
    kit.sim.control.failNext({
      status: 502,
      when: "after",
      method: "POST",
      pathPrefix: "/rest/api/2/issue",
    });
    kit.sim.control.failNext({ status: 401, pathPrefix: "/rest/api/2/search" });

    const error = await rejectionOf(createIssueOnce(kit.jira, fields));

    expect(error).toMatchObject({
      name: "IssueCreateUncertainError",
      code: "create_uncertain",
      message: LOOKUP_FAILED_MESSAGE,
      cause: expect.objectContaining({ code: "http_502" }),
      lookupError: expect.objectContaining({ code: "http_401" }),
    });
    expect(storedWithSummary(fields.summary)).toHaveLength(1);
  });
});

describe("isUncertainFailure", () => {
  const request = { method: "POST", path: "/rest/api/2/issue" };
  const http = (code: string, status: number, relayError?: string) =>
    new JiraHttpError({ code, status, request, message: code, relayError });

  it.each([
    ["no answer", new JiraNetworkError(request, new TypeError("fetch failed"))],
    ["500 (Jira may fail after storing)", http("http_500", 500)],
    ["502", http("http_502", 502)],
    ["503", http("http_503", 503)],
    ["504", http("http_504", 504)],
    ["the relay losing Jira", http("jira_unreachable", 502, "ECONNRESET")],
    ["an unreadable 201", http("invalid_response", 201)],
  ])("true for %s", (_label, error) => {
    expect(isUncertainFailure(error)).toBe(true);
  });

  it.each([
    ["an OAuth refusal", new OAuthProblem("token_rejected", { status: 401 })],
    ["a plain 401", http("http_401", 401)],
    [
      "a validation error",
      new JiraValidationError({
        code: "jira_validation",
        status: 400,
        request,
        message: "invalid",
        errors: { summary: "required" },
      }),
    ],
    ["403", http("http_403", 403)],
    ["404", http("http_404", 404)],
    ["413", http("payload_too_large", 413)],
    ["the relay without a Jira", http("relay_not_configured", 502, "JIRA_NOT_CONFIGURED")],
    ["anything else", new Error("boom")],
    ["a non-error", "502"],
  ])("false for %s", (_label, error) => {
    expect(isUncertainFailure(error)).toBe(false);
  });
});
