/**
 * createIssueOnce with an attempt marker, against the real simulator over HTTP: the create carries
 * the email property (one POST, no second request), and after an uncertain failure the issue is
 * recognised by the attemptId in that property, never by looking the same.
 */
import {
  AttemptMarkerMissingError,
  IssueCreateUncertainError,
  createIssueOnce,
} from "../../../src/jira/create-issue-once";
import type { IssueDraftFields } from "../../../src/jira/create-issue-once";
import { emailReference, mergeEmailProperty } from "../../../src/jira/email-links";
import { EMAIL_PROPERTY_KEY } from "../../../src/jira/email-reference";
import type { EmailPropertyValue } from "../../../src/jira/email-reference";
import { customerEmail } from "../../unit/jira/customer-email";
import { rejectionOf, setUpSimulatorKit } from "./jira-client-kit";

jest.setTimeout(30_000);

const kit = setUpSimulatorKit({ lifetime: "file", signedIn: true });

beforeEach(() => {
  kit.sim.control.clearFaults();
});

const EMAIL = customerEmail();

let drafts = 0;
/**
 * A draft of SUP / Task carrying the marker of `attemptId`, with a summary no other test uses (the
 * simulator's issues live for the whole file).
 */
function markedDraft(attemptId: string, summary?: string): IssueDraftFields {
  drafts += 1;
  return {
    projectKey: "SUP",
    issueTypeId: "3",
    summary: summary ?? `Printer jams on every second page #${drafts} ${Date.now()}`,
    description: "Reported by email from finance@customer.example.",
    attemptId,
    properties: [
      {
        key: EMAIL_PROPERTY_KEY,
        value: mergeEmailProperty(
          undefined,
          emailReference(EMAIL, "created", attemptId, new Date())
        ),
      },
    ],
  };
}

interface StoredIssue {
  key: string;
  id: string;
  values: Record<string, unknown>;
  properties: Record<string, unknown>;
}

/** The simulator's own record of the issues with `summary` (not through the client under test). */
function storedWithSummary(summary: string): StoredIssue[] {
  const data = kit.sim.control.state().data as { issues: StoredIssue[] };
  return data.issues.filter((issue) => issue.values.summary === summary);
}

/** A client over the kit's token that records each request's method and path. */
function recordingClient() {
  const requests: string[] = [];
  const client = kit.clientWith(kit.signer, {
    fetch: async (input, init) => {
      const url = new URL(String(input));
      requests.push(`${init?.method ?? "GET"} ${url.pathname}`);
      return fetch(input, init);
    },
  });
  return { client, requests };
}

const POST_FAULT = { method: "POST", pathPrefix: "/rest/api/2/issue" } as const;

describe("createIssueOnce with an attempt marker", () => {
  it("sends the property with the create: one POST, and the issue has it at once", async () => {
    const draft = markedDraft("attempt-one-post");
    const { client, requests } = recordingClient();

    const outcome = await createIssueOnce(client, draft);

    expect(requests).toEqual(["POST /rest/api/2/issue"]);
    expect(outcome).toMatchObject({ recovered: false });
    const [stored] = storedWithSummary(draft.summary);
    expect(stored?.properties[EMAIL_PROPERTY_KEY]).toEqual(draft.properties?.[0]?.value);
    const read = await kit.jira.getIssueProperty<EmailPropertyValue>(
      outcome.key,
      EMAIL_PROPERTY_KEY
    );
    expect(read.value.emails).toEqual([
      expect.objectContaining({
        messageId: "<CAF=abc123@mail.customer.example>",
        kind: "created",
        attemptId: "attempt-one-post",
      }),
    ]);
  });

  it("merges the draft's other fields into the POST, the draft's own four winning", async () => {
    const draft: IssueDraftFields = {
      ...markedDraft("attempt-fields"),
      fields: {
        priority: { id: "2" },
        labels: ["email"],
        summary: "not this one",
        project: { key: "OPS" },
        description: "nor this",
      },
    };

    const outcome = await createIssueOnce(kit.jira, draft);

    const issue = await kit.jira.getIssue(outcome.key, [
      "summary",
      "project",
      "priority",
      "labels",
      "description",
    ]);
    expect(issue.fields).toMatchObject({
      summary: draft.summary,
      project: { key: "SUP" },
      priority: { id: "2" },
      labels: ["email"],
      description: draft.description,
    });
  });

  it("a 502 after the issue was stored: finds it by its marker, one issue with the property", async () => {
    const draft = markedDraft("attempt-502-after");
    kit.sim.control.failNext({ status: 502, when: "after", ...POST_FAULT });
    const { client, requests } = recordingClient();

    const outcome = await createIssueOnce(client, draft);

    const stored = storedWithSummary(draft.summary);
    expect(stored).toHaveLength(1);
    expect(outcome).toMatchObject({ key: stored[0]?.key, id: stored[0]?.id, recovered: true });
    expect(stored[0]?.properties[EMAIL_PROPERTY_KEY]).toEqual(draft.properties?.[0]?.value);
    expect(requests).toEqual([
      "POST /rest/api/2/issue",
      "GET /rest/api/2/search",
      `GET /rest/api/2/issue/${outcome.key}/properties/${EMAIL_PROPERTY_KEY}`,
    ]);
  });

  it("a retry finds the issue its own attempt made (marker match), without a POST", async () => {
    const draft = markedDraft("attempt-retry");
    const first = await kit.jira.createIssue(
      { project: { key: "SUP" }, issuetype: { id: "3" }, summary: draft.summary },
      { properties: draft.properties }
    );
    kit.sim.control.failNext({ status: 500, ...POST_FAULT });

    const outcome = await createIssueOnce(kit.jira, draft, { previousAttemptUncertain: true });

    expect(outcome).toMatchObject({ key: first.key, recovered: true });
    expect(storedWithSummary(draft.summary)).toHaveLength(1);
    expect(kit.sim.control.state().faults).toEqual([
      expect.objectContaining({ status: 500, remaining: 1 }),
    ]);
  });

  it("an identical issue made by another attempt is not taken: a second issue is created", async () => {
    const summary = `Identical drafts ${Date.now()}`;
    const theirs = await createIssueOnce(kit.jira, markedDraft("their-attempt", summary));

    const ours = await createIssueOnce(kit.jira, markedDraft("our-attempt", summary), {
      previousAttemptUncertain: true,
    });

    expect(ours).toMatchObject({ recovered: false });
    expect(ours.key).not.toBe(theirs.key);
    expect(storedWithSummary(summary).map((issue) => issue.key)).toEqual([theirs.key, ours.key]);
  });

  it("an issue without any marker (a Jira that ignored properties) is taken by its exact content", async () => {
    const draft = markedDraft("attempt-unmarked");
    const unmarked = await kit.jira.createIssue({
      project: { key: "SUP" },
      issuetype: { id: "3" },
      summary: draft.summary,
      description: draft.description,
    });

    const outcome = await createIssueOnce(kit.jira, draft, { previousAttemptUncertain: true });

    expect(outcome).toMatchObject({ key: unmarked.key, recovered: true });
    expect(storedWithSummary(draft.summary)).toHaveLength(1);
  });

  it("an unmarked issue with another description is not taken: a second issue is created", async () => {
    const draft = markedDraft("attempt-unmarked-other");
    const unmarked = await kit.jira.createIssue({
      project: { key: "SUP" },
      issuetype: { id: "3" },
      summary: draft.summary,
      description: `${draft.description} (edited)`,
    });

    const outcome = await createIssueOnce(kit.jira, draft, { previousAttemptUncertain: true });

    expect(outcome).toMatchObject({ recovered: false });
    expect(outcome.key).not.toBe(unmarked.key);
    expect(storedWithSummary(draft.summary)).toHaveLength(2);
  });

  it("its own issue is found even when the description was edited in Jira since", async () => {
    const draft = markedDraft("attempt-edited");
    const first = await kit.jira.createIssue(
      {
        project: { key: "SUP" },
        issuetype: { id: "3" },
        summary: draft.summary,
        description: "Someone changed this already.",
      },
      { properties: draft.properties }
    );

    const outcome = await createIssueOnce(kit.jira, draft, { previousAttemptUncertain: true });

    expect(outcome).toMatchObject({ key: first.key, recovered: true });
  });

  it("a failing property read ends the lookup uncertain, never in a second POST", async () => {
    const draft = markedDraft("attempt-property-read-fails");
    kit.sim.control.failNext({ status: 502, when: "after", ...POST_FAULT });
    kit.sim.control.failNext({ status: 503, count: 3, pathPrefix: "/rest/api/2/issue/SUP-" });

    const error = await rejectionOf(createIssueOnce(kit.jira, draft));

    expect(error).toBeInstanceOf(IssueCreateUncertainError);
    expect(error).toMatchObject({
      code: "create_uncertain",
      cause: expect.objectContaining({ code: "http_502" }),
      lookupError: expect.objectContaining({ code: "http_503" }),
    });
    expect(storedWithSummary(draft.summary)).toHaveLength(1);

    const retried = await createIssueOnce(kit.jira, draft, { previousAttemptUncertain: true });

    expect(retried).toMatchObject({ recovered: true });
    expect(storedWithSummary(draft.summary)).toHaveLength(1);
  });

  it("refuses a draft whose attemptId is not in its properties, before any request", async () => {
    const { client, requests } = recordingClient();
    const withoutProperty: IssueDraftFields = { ...markedDraft("a"), properties: [] };
    const otherAttempt: IssueDraftFields = { ...markedDraft("b"), attemptId: "c" };

    for (const draft of [withoutProperty, otherAttempt]) {
      const error = await rejectionOf(createIssueOnce(client, draft));
      expect(error).toBeInstanceOf(AttemptMarkerMissingError);
      expect(error).toMatchObject({
        name: "AttemptMarkerMissingError",
        code: "attempt_marker_missing",
        message: expect.stringContaining(`"${EMAIL_PROPERTY_KEY}"`),
      });
    }
    expect(requests).toEqual([]);
  });
});
