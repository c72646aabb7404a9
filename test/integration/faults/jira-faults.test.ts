/**
 * Jira misbehaving while the pane works, against the real simulator over HTTP: bursts of
 * 502/503/504, a Jira that takes 10 seconds per answer, a connection cut during an upload through
 * the add-in's relay, and Jira's clock 10 minutes off for a sign-in stored earlier. Reads are
 * retried, nothing is created, commented or attached twice, and no client timeout cuts a slow Jira.
 */
import { addCommentOnce } from "../../../src/jira/add-comment-once";
import { createIssueOnce } from "../../../src/jira/create-issue-once";
import type { IssueDraftFields } from "../../../src/jira/create-issue-once";
import { uploadAttachmentOnce } from "../../../src/jira/upload-attachment-once";
import { noticeForError } from "../../../src/session/session-notices";
import type { RunningJiraSimulator } from "../../../src/simulator/create-jira-simulator";
import { createMemorySettings } from "../../unit/session/session-fakes";
import { setUpFaultKit } from "./fault-kit";
import type { FaultPane } from "./fault-kit";

jest.setTimeout(90_000);

const kit = setUpFaultKit();

interface StoredIssue {
  key: string;
  values: { summary?: string };
  comments: Array<{ body: string }>;
}
interface StoredAttachment {
  issueKey: string;
  filename: string;
  size: number;
}

function stored(sim: RunningJiraSimulator): {
  issues: StoredIssue[];
  attachments: StoredAttachment[];
} {
  return sim.control.state().data as { issues: StoredIssue[]; attachments: StoredAttachment[] };
}

function draft(summary: string): IssueDraftFields {
  return { projectKey: "SUP", issueTypeId: "3", summary, description: "Sent by the fault tests." };
}

async function signedInPane(
  sim: RunningJiraSimulator,
  relay?: { relayUrl: string; fetch: typeof fetch }
): Promise<FaultPane> {
  const pane = await kit.startPane(sim, relay ?? {});
  await pane.session.signIn();
  expect(pane.session.getState().status).toBe("signed_in");
  return pane;
}

describe("bursts of 502, 503 and 504", () => {
  it("a read answered 502 then 503 is retried after growing waits and succeeds", async () => {
    const sim = await kit.startSimulator();
    const pane = await signedInPane(sim);
    sim.control.failNext({ status: 502, method: "GET", pathPrefix: "/rest/api/2/project" });
    sim.control.failNext({ status: 503, method: "GET", pathPrefix: "/rest/api/2/project" });

    const started = Date.now();
    await expect(pane.session.withJira((jira) => jira.projects())).resolves.not.toEqual([]);

    expect(pane.requests.filter((request) => request === "GET /rest/api/2/project")).toHaveLength(
      3
    );
    // Backoff with jitter: 250–500 ms, then 500–1,000 ms (retry-policy.ts).
    expect(Date.now() - started).toBeGreaterThanOrEqual(750);
  });

  it("a burst longer than the retries fails with a notice, and the next try works", async () => {
    const sim = await kit.startSimulator();
    const pane = await signedInPane(sim);
    sim.control.failNext({
      status: 504,
      count: 3,
      method: "GET",
      pathPrefix: "/rest/api/2/project",
    });

    const failure = await pane.session
      .withJira((jira) => jira.projects())
      .catch((error: unknown) => error);

    expect(failure).toMatchObject({ code: "http_504", status: 504 });
    expect(noticeForError(failure, { jiraBaseUrl: sim.settings.baseUrl })).toMatchObject({
      title: "Jira had a problem",
      message: expect.stringMatching(/answered with an error \(504\)\. Try again later/),
    });
    expect(pane.session.getState().status).toBe("signed_in");
    await expect(pane.session.withJira((jira) => jira.projects())).resolves.not.toEqual([]);
  });

  it("a create and a comment caught in a burst happen exactly once", async () => {
    const sim = await kit.startSimulator();
    const pane = await signedInPane(sim);
    const summary = `Created once in a burst ${Date.now()}`;
    // The create's answer is lost after Jira stored it; the search that looks for it meets a 503 first.
    sim.control.failNext({
      status: 504,
      when: "after",
      method: "POST",
      pathPrefix: "/rest/api/2/issue",
    });
    sim.control.failNext({ status: 503, method: "GET", pathPrefix: "/rest/api/2/search" });

    const created = await pane.session.withJira((jira) => createIssueOnce(jira, draft(summary)));

    expect(created).toMatchObject({ recovered: true });
    expect(stored(sim).issues.filter((issue) => issue.values.summary === summary)).toHaveLength(1);

    // The same for a comment: 502 after it was stored, 503 on the first look at the comments.
    sim.control.failNext({
      status: 502,
      when: "after",
      method: "POST",
      pathPrefix: `/rest/api/2/issue/${created.key}/comment`,
    });
    sim.control.failNext({
      status: 503,
      method: "GET",
      pathPrefix: `/rest/api/2/issue/${created.key}/comment`,
    });
    const comment = await pane.session.withJira((jira) =>
      addCommentOnce(
        jira,
        created.key,
        {
          body: "Added once in a burst.",
          attemptId: crypto.randomUUID(),
          messageId: "<burst@example.com>",
        },
        { previousAttemptUncertain: false }
      )
    );

    expect(comment).toMatchObject({ recovered: true });
    const issue = stored(sim).issues.find((candidate) => candidate.key === created.key);
    expect(issue?.comments.map((c) => c.body)).toEqual(["Added once in a burst."]);
    expect(sim.control.state().faults).toEqual([]);
  });
});

describe("a Jira that takes 10 seconds per answer", () => {
  it("is waited for: a read and a create succeed, with no client timeout in between", async () => {
    const sim = await kit.startSimulator();
    const pane = await signedInPane(sim);
    sim.control.updateSettings({ latencyMs: 10_000 });
    const summary = `Created on a slow Jira ${Date.now()}`;

    const started = Date.now();
    const [projects, created] = await Promise.all([
      pane.session.withJira((jira) => jira.projects()),
      pane.session.withJira((jira) => createIssueOnce(jira, draft(summary))),
    ]);
    const elapsed = Date.now() - started;

    expect(projects).not.toEqual([]);
    expect(created).toMatchObject({ recovered: false });
    expect(elapsed).toBeGreaterThanOrEqual(10_000);
    expect(stored(sim).issues.filter((issue) => issue.values.summary === summary)).toHaveLength(1);
    // Each request once: nothing gave up and tried again while Jira was still working.
    expect(
      pane.requests.filter((request) => request.startsWith("POST /rest/api/2/issue"))
    ).toHaveLength(1);
  });
});

describe("a connection cut during an upload, through the add-in's relay", () => {
  const content = "x".repeat(1024 * 1024);
  const file = () => ({ name: "capture.log", type: "text/plain", data: new Blob([content]) });

  it.each<["before" | "after", boolean]>([
    ["before", false],
    ["after", true],
  ])(
    "cut %s Jira stored it: the file ends up on the issue exactly once",
    async (when, storedFirst) => {
      const sim = await kit.startSimulator();
      const pane = await signedInPane(sim, await kit.startRelay(sim.url));
      const created = await pane.session.withJira((jira) =>
        createIssueOnce(jira, draft(`Upload cut ${when} ${Date.now()}`))
      );
      sim.control.failNext({
        drop: true,
        when,
        method: "POST",
        pathPrefix: `/rest/api/2/issue/${created.key}/attachments`,
      });

      const first = await pane.session
        .withJira((jira) => uploadAttachmentOnce(jira, created.key, file()))
        .catch((error: unknown) => error);
      const attachments = () =>
        stored(sim).attachments.filter((attachment) => attachment.issueKey === created.key);

      if (storedFirst) {
        // The answer was lost, but the look found the file: nothing to do again.
        expect(first).toMatchObject({ recovered: true, attachment: { filename: "capture.log" } });
      } else {
        expect(first).toMatchObject({ code: "upload_uncertain" });
        expect(attachments()).toEqual([]);
        const retried = await pane.session.withJira((jira) =>
          uploadAttachmentOnce(jira, created.key, file(), { previousAttemptUncertain: true })
        );
        expect(retried).toMatchObject({ recovered: false });
      }
      expect(attachments()).toEqual([
        expect.objectContaining({ filename: "capture.log", size: content.length }),
      ]);
    }
  );
});

describe("Jira's clock 10 minutes off, for a sign-in stored earlier", () => {
  it.each([
    ["ahead", 600],
    ["behind", -600],
  ])(
    "%s: the first refusal sets the offset, the create is signed again and happens once",
    async (_label, skew) => {
      const sim = await kit.startSimulator();
      const first = await signedInPane(sim);
      // The pane opened again later (another Outlook): signed in from the settings, no request yet.
      const settings = createMemorySettings(
        (first.settings as ReturnType<typeof createMemorySettings>).persisted
      );
      const reopened = await kit.startPane(sim, { settings });
      expect(reopened.session.getState().status).toBe("signed_in");
      sim.control.updateSettings({ clockSkewSeconds: skew });
      const summary = `Created with Jira's clock ${skew} s off ${Date.now()}`;

      const created = await reopened.session.withJira((jira) =>
        createIssueOnce(jira, draft(summary))
      );
      await expect(reopened.session.withJira((jira) => jira.projects())).resolves.not.toEqual([]);

      expect(created).toMatchObject({ recovered: false });
      expect(stored(sim).issues.filter((issue) => issue.values.summary === summary)).toHaveLength(
        1
      );
      // One refusal (timestamp_refused) and the same POST signed again; the read after it is right at once.
      expect(reopened.requests).toEqual([
        "POST /rest/api/2/issue",
        "POST /rest/api/2/issue",
        "GET /rest/api/2/project",
      ]);
    }
  );
});
