/**
 * Failures injected into the simulator: GETs retried (honouring Retry-After), POSTs never
 * (exactly one issue exists after a 503 that struck once the issue was stored), XSRF and 413 as
 * coded JiraHttpErrors.
 */
import type { MultipartUploader } from "../../../src/jira/multipart-uploader";
import { createFetchUploader } from "../../../src/jira/multipart-uploader";
import { rejectionOf, setUpSimulatorKit } from "./jira-client-kit";

jest.setTimeout(30_000);

const kit = setUpSimulatorKit({ lifetime: "file", signedIn: true });

beforeEach(() => {
  kit.sim.control.clearFaults();
  kit.sleeps.length = 0;
});

async function issuesWithSummary(summary: string): Promise<string[]> {
  const result = await kit.jira.search({
    jql: `project = SUP AND summary ~ "\\"${summary}\\""`,
    fields: ["summary"],
  });
  return result.issues
    .filter((issue) => issue.fields.summary === summary)
    .map((issue) => issue.key);
}

describe("retries against injected faults", () => {
  it("a GET answered 503 twice with Retry-After: 3 is retried after 3 s each time and succeeds", async () => {
    kit.sim.control.failNext({
      status: 503,
      count: 2,
      retryAfterSeconds: 3,
      pathPrefix: "/rest/api/2/myself",
    });

    await expect(kit.jira.myself()).resolves.toMatchObject({ name: "jane" });

    expect(kit.sleeps).toEqual([3000, 3000]);
  });

  it("a GET failing 3 times gives up with the last answer (3 attempts in total)", async () => {
    kit.sim.control.failNext({ status: 502, count: 5, pathPrefix: "/rest/api/2/serverInfo" });
    const jira = kit.clientWith(kit.signer);

    const error = await rejectionOf(jira.serverInfo());

    expect(error).toMatchObject({
      name: "JiraHttpError",
      code: "http_502",
      status: 502,
      errorMessages: ["Simulated 502"],
    });
    expect(kit.sleeps).toHaveLength(2);
    expect(kit.sim.control.state().faults).toEqual([expect.objectContaining({ remaining: 2 })]);
  });

  it("a POST answered 503 after Jira stored the issue is not retried: exactly one issue exists", async () => {
    const summary = `Created once ${Date.now()}`;
    kit.sim.control.failNext({
      status: 503,
      when: "after",
      pathPrefix: "/rest/api/2/issue",
      method: "POST",
    });

    const error = await rejectionOf(
      kit.jira.createIssue({ project: { key: "SUP" }, issuetype: { id: "3" }, summary })
    );

    expect(error).toMatchObject({ name: "JiraHttpError", code: "http_503", status: 503 });
    expect(kit.sleeps).toEqual([]);
    expect(await issuesWithSummary(summary)).toHaveLength(1);
  });

  it("a POST answered 502 before Jira did anything is not retried either: no issue", async () => {
    const summary = `Never created ${Date.now()}`;
    kit.sim.control.failNext({ status: 502, pathPrefix: "/rest/api/2/issue", method: "POST" });

    await expect(
      kit.jira.createIssue({ project: { key: "SUP" }, issuetype: { id: "3" }, summary })
    ).rejects.toMatchObject({ code: "http_502" });

    expect(await issuesWithSummary(summary)).toEqual([]);
  });
});

describe("upload refusals", () => {
  const file = { name: "big.eml", type: "message/rfc822", data: new Blob(["x".repeat(2000)]) };

  it("no X-Atlassian-Token (a proxy dropped it) → 403 xsrf_check_failed", async () => {
    const fetchUploader = createFetchUploader();
    const strippingUploader: MultipartUploader = {
      send: (request) => {
        const headers = { ...request.headers };
        delete headers["X-Atlassian-Token"];
        return fetchUploader.send({ ...request, headers });
      },
    };
    const jira = kit.clientWith(kit.signer, { uploader: strippingUploader });

    const error = await rejectionOf(jira.addAttachment("SUP-2", file));

    expect(error).toMatchObject({ name: "JiraHttpError", code: "xsrf_check_failed", status: 403 });
    expect(error.message).toMatch(/X-Atlassian-Token: no-check/);
  });

  it("larger than Jira's upload limit → 413 payload_too_large", async () => {
    kit.sim.control.updateSettings({ uploadLimitBytes: 1000 });
    try {
      await expect(kit.jira.attachmentMeta()).resolves.toEqual({
        enabled: true,
        uploadLimit: 1000,
      });

      const error = await rejectionOf(kit.jira.addAttachment("SUP-2", file));

      expect(error).toMatchObject({
        name: "JiraHttpError",
        code: "payload_too_large",
        status: 413,
      });
      expect(error.message).toMatch(/smaller file/);
    } finally {
      kit.sim.control.updateSettings({ uploadLimitBytes: 10_485_760 });
    }
  });

  it("attachments disabled → 403", async () => {
    kit.sim.control.updateSettings({ attachmentsEnabled: false });
    try {
      await expect(kit.jira.addAttachment("SUP-2", file)).rejects.toMatchObject({
        name: "JiraHttpError",
        code: "http_403",
        status: 403,
      });
    } finally {
      kit.sim.control.updateSettings({ attachmentsEnabled: true });
    }
  });
});
