/**
 * The pane's New issue creates per email (createNewIssueStore), with the Jira client and Outlook
 * faked (the delivery against the real simulator is in test/integration/ui/new-issue/). These include the
 * reproductions of what went wrong when the create lived in the form (f33dc7a): a second create
 * after coming back, the result lost, the uncertain flag lost.
 */
import { EMAIL_PROPERTY_KEY } from "../../../../src/jira/email-reference";
import { initialDraftFor } from "../../../../src/ui/new-issue/new-issue-draft";
import { storedValueOf } from "../../../../src/ui/new-issue/stored-entry";
import { settle } from "../../../support/deferred";
import {
  A,
  B,
  createdAnswer,
  draftIn,
  messageA,
  messageB,
  requestA,
  setup,
  typedA,
} from "./store-fixture";
import { officeError, sampleMessage } from "../ui-fakes";

describe("createNewIssueStore: creating", () => {
  it("creates once with the email's marker, runs the links, and starts a fresh draft in the same place", async () => {
    const { store, session, creates, drafts, client, emailLinks, settings } = setup();
    expect(store.create(A, messageA, requestA)).toBe(true);
    expect(store.get(A).submission.status).toBe("reading");
    expect(draftIn(drafts, A.key)).toMatchObject({ attemptId: "attempt-1" });
    await settle();
    expect(store.get(A).submission.status).toBe("creating");
    expect(session.withJira).toHaveBeenCalledTimes(1);
    expect(creates[0]?.fields).toEqual({
      priority: { id: "2" },
      project: { key: "OPS" },
      issuetype: { id: "3" },
      summary: "Printer jams on every job",
      description: "Since Monday.",
    });
    expect(creates[0]?.extras).toEqual({
      properties: [
        {
          key: EMAIL_PROPERTY_KEY,
          value: {
            formatVersion: 1,
            emails: [
              expect.objectContaining({
                messageId: "<printer-1@contoso.example>",
                kind: "created",
                attemptId: "attempt-1",
              }),
            ],
          },
        },
      ],
    });

    creates[0]?.answer.resolve(createdAnswer);
    await settle();
    const { draft, submission, linksRevision } = store.get(A);
    expect(submission).toMatchObject({
      status: "delivered",
      delivery: {
        issue: { ...createdAnswer, recovered: false },
        summary: "Printer jams on every job",
        steps: [
          { kind: "create", status: "done" },
          { kind: "remote-link", status: "done" },
          { kind: "email-link", status: "done" },
        ],
      },
    });
    expect(draft).toEqual({
      ...initialDraftFor(messageA),
      projectKey: "OPS",
      issueTypeId: "3",
    });
    expect(linksRevision).toBe(1);
    expect(client.createOrUpdateRemoteLink).toHaveBeenCalledWith(
      "OPS-1",
      expect.objectContaining({ globalId: "outlook-message:printer-1@contoso.example" })
    );
    expect(await emailLinks.read(messageA)).toEqual([
      {
        issueKey: "OPS-1",
        issueId: "10001",
        jiraBaseUrl: "https://jira.example.com",
        kind: "created",
        linkedAt: "2026-12-04T09:00:00.000Z",
      },
    ]);
    expect(drafts.map.get(A.key)).toMatchObject({ delivery: { issue: { key: "OPS-1" } } });
    expect(settings.persisted["jira-destinations"]).toMatchObject({ last: { projectKey: "OPS" } });

    store.dismiss(A);
    expect(store.get(A).submission).toEqual({ status: "idle" });
    expect(drafts.map.has(A.key)).toBe(false); // the fresh draft is stored once the user types
  });

  it("never sends a second create while the first one runs (Create clicked twice)", async () => {
    const { store, session, creates } = setup();
    expect(store.create(A, messageA, requestA)).toBe(true);
    expect(store.create(A, messageA, requestA)).toBe(false);
    await settle();
    creates[0]?.answer.resolve(createdAnswer);
    await settle();
    expect(store.create(A, messageA, requestA)).toBe(false); // the issue is shown: New issue first
    expect(creates).toHaveLength(1);
    expect(session.withJira).toHaveBeenCalledTimes(2); // the create and the remote link
  });

  // f33dc7a: the create lived in the form. Switching to email B unmounted A's form; back on A a
  // new form knew nothing of the running create, offered Create again and sent a second POST.
  it("shows a form mounted again for the email that the create still runs, and refuses a second one", async () => {
    const { store, creates } = setup();
    store.create(A, messageA, requestA);
    await settle();
    store.get(B); // the user looks at another email…
    expect(store.get(A).submission.status).toBe("creating"); // …and comes back
    expect(store.create(A, messageA, requestA)).toBe(false);
    expect(creates).toHaveLength(1);
  });

  // f33dc7a: the result of a create that ended while another email was shown was lost.
  it("lands the result on the email the create was made from, never on the email shown", async () => {
    const { store, creates, drafts } = setup({
      [A.key]: storedValueOf(typedA),
      [B.key]: storedValueOf({ ...typedA, summary: "B's own draft" }),
    });
    store.create(A, messageA, requestA);
    await settle();
    const bBefore = store.get(B);
    creates[0]?.answer.resolve(createdAnswer);
    await settle();
    expect(store.get(B)).toBe(bBefore);
    expect(draftIn(drafts, B.key)).toMatchObject({ summary: "B's own draft" });
    expect(store.get(A).submission).toMatchObject({
      status: "delivered",
      delivery: { issue: { key: "OPS-1" } },
    });
  });

  it("turns a withJira that throws at once into a failure, the draft kept", async () => {
    const { store, session } = setup();
    session.withJira.mockImplementationOnce(() => {
      throw new Error("no session");
    });
    expect(store.create(A, messageA, requestA)).toBe(true);
    await settle();
    expect(store.get(A).submission).toMatchObject({ status: "failed" });
    expect(store.get(A).draft).toMatchObject({ summary: typedA.summary, attemptId: "attempt-1" });
  });

  it("keeps the issue when a step after it fails, and retries only that step", async () => {
    const { store, creates, client, emailLinks, mailContent } = setup();
    store.create(A, messageA, requestA);
    await settle();
    mailContent.current = messageB; // the user moved on: Outlook can't write on A any more
    emailLinks.failNextRecord(officeError(9030));
    creates[0]?.answer.resolve(createdAnswer);
    await settle();
    expect(store.get(A).submission).toMatchObject({
      status: "delivered",
      delivery: {
        steps: [
          { kind: "create", status: "done" },
          { kind: "remote-link", status: "done" },
          {
            kind: "email-link",
            status: "failed",
            problem: {
              code: "item_not_current",
              message:
                "Outlook can only read the email that is open. Open the email again to retry.",
            },
          },
        ],
      },
    });
    expect(store.get(A).linksRevision).toBe(0);

    expect(store.retry(A, messageA)).toBe(true);
    expect(store.retry(A, messageA)).toBe(false); // already running
    await settle();
    expect(store.get(A).submission).toMatchObject({
      status: "delivered",
      delivery: { steps: [{ status: "done" }, { status: "done" }, { status: "done" }] },
    });
    expect(creates).toHaveLength(1);
    expect(client.createOrUpdateRemoteLink).toHaveBeenCalledTimes(1);
    expect(store.get(A).linksRevision).toBe(1);
    expect(store.retry(A, messageA)).toBe(false); // nothing failed any more
  });

  it("holds no file once the delivery ends: Retry reads a failed upload again from the open email", async () => {
    const { store, creates, client, mailContent } = setup();
    const withFile = sampleMessage(); // the same email as A, with log.txt (att-1)
    const addAttachment = jest
      .fn()
      .mockRejectedValueOnce(new Error("Jira refused the file."))
      .mockResolvedValue([{ id: "500", filename: "log.txt", size: 16 }]);
    Object.assign(client, { addAttachment });
    const request = {
      ...requestA,
      uploads: [
        { source: { kind: "attachment" as const, attachmentId: "att-1" }, fileName: "log.txt" },
      ],
    };
    store.create(A, withFile, request);
    await settle();
    creates[0]?.answer.resolve(createdAnswer);
    await settle();
    expect(store.get(A).submission).toMatchObject({
      status: "delivered",
      delivery: { steps: [{ status: "done" }, { kind: "upload", status: "failed" }, {}, {}] },
    });
    expect(mailContent.reads).toEqual(["attachment att-1"]);

    expect(store.retry(A, withFile)).toBe(true);
    await settle();
    // The bytes of the first read were let go when the delivery ended; the retry reads them again.
    expect(mailContent.reads).toEqual(["attachment att-1", "attachment att-1"]);
    expect(addAttachment).toHaveBeenCalledTimes(2);
    expect(store.get(A).submission).toMatchObject({
      status: "delivered",
      delivery: { steps: [{ status: "done" }, { status: "done" }, {}, {}] },
    });
  });
});
