/**
 * What creating an issue from an email needs of the simulator, over HTTP: `properties` in
 * `POST issue` (stored with the issue, validated like Jira), the attachments of an issue bean
 * (AttachmentJsonBean), the state's attachment hashes and issue keys, and remote links to `mid:`
 * URLs.
 */
import { createHash } from "node:crypto";
import { arrayOf, assertMatchesSchema } from "../../support/openapi-schema";
import { setUpRestTestApp } from "../../support/rest-test-app";

const app = setUpRestTestApp();

const TASK = { project: { key: "SUP" }, issuetype: { name: "Task" }, summary: "From an email" };
const EMAILS = {
  formatVersion: 1,
  emails: [{ messageId: "<a@b>", attemptId: "7c6f", kind: "created", subject: "März ✓" }],
};

const issueCount = () => (app.data.snapshot() as { issues: unknown[] }).issues.length;

const createWith = (properties: unknown) =>
  app.api("issue", { user: "jane", json: { fields: TASK, properties } });

describe("POST issue with properties", () => {
  it("stores them with the issue: GET properties lists them, each reads back as sent", async () => {
    const res = await createWith([
      { key: "com.jira-for-outlook.emails", value: EMAILS },
      { key: "plain", value: "just a string" },
    ]);

    expect(res.status).toBe(201);
    assertMatchesSchema(res.body, "IssueCreateResponse");
    const { key } = res.body as { key: string };
    const keys = await app.api(`issue/${key}/properties`, { user: "jane" });
    expect(keys.body).toEqual({
      keys: [
        {
          key: "com.jira-for-outlook.emails",
          self: `${app.jiraUrl}/rest/api/2/issue/${key}/properties/com.jira-for-outlook.emails`,
        },
        { key: "plain", self: `${app.jiraUrl}/rest/api/2/issue/${key}/properties/plain` },
      ],
    });
    const emails = await app.api(`issue/${key}/properties/com.jira-for-outlook.emails`, {
      user: "jane",
    });
    expect(emails.body).toEqual({ key: "com.jira-for-outlook.emails", value: EMAILS });
    const plain = await app.api(`issue/${key}/properties/plain`, { user: "jane" });
    expect(plain.body).toEqual({ key: "plain", value: "just a string" });
  });

  it("accepts an empty list and a missing one alike", async () => {
    const empty = await createWith([]);
    const { key } = empty.body as { key: string };

    expect(empty.status).toBe(201);
    expect((await app.api(`issue/${key}/properties`, { user: "jane" })).body).toEqual({
      keys: [],
    });
  });

  it("accepts a value of exactly 32,768 bytes", async () => {
    // JSON of a string: two quotes around it.
    const res = await createWith([{ key: "big", value: "x".repeat(32768 - 2) }]);

    expect(res.status).toBe(201);
  });

  it.each([
    [
      "not an array",
      { key: "k", value: 1 },
      "'properties' must be an array of {key, value} objects.",
    ],
    [
      "an entry that is no object",
      ["k"],
      "properties[0]: must be an object with 'key' and 'value'.",
    ],
    ["no key", [{ value: 1 }], "properties[0]: The property key cannot be empty."],
    ["a blank key", [{ key: "  ", value: 1 }], "properties[0]: The property key cannot be empty."],
    [
      "a key over 255 characters",
      [{ key: "k".repeat(256), value: 1 }],
      "properties[0]: The property key cannot be longer than 255 characters.",
    ],
    ["no value", [{ key: "k" }], "properties[0]: The property value cannot be empty."],
    [
      "a value over 32 KB",
      [
        { key: "ok", value: 1 },
        { key: "k", value: "é".repeat(16384) },
      ],
      "properties[1]: The property value cannot be longer than 32768 bytes.",
    ],
  ])(
    "answers 400 in Jira's error shape for %s, creating nothing",
    async (_label, properties, message) => {
      const before = issueCount();

      const res = await createWith(properties);

      expect(res.status).toBe(400);
      expect(res.body).toEqual({ errorMessages: [message], errors: {} });
      assertMatchesSchema(res.body, "ErrorCollection");
      expect(issueCount()).toBe(before);
    }
  );

  it("reports bad properties together with bad fields", async () => {
    const res = await app.api("issue", {
      user: "jane",
      json: { fields: { ...TASK, summary: "" }, properties: [{ key: "k" }] },
    });

    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      errorMessages: ["properties[0]: The property value cannot be empty."],
      errors: { summary: "You must specify a summary of the issue." },
    });
  });
});

describe("attachments of an issue", () => {
  const NO_CHECK = { "X-Atlassian-Token": "no-check" };

  async function upload(issueKey: string, name: string, content: string, user = "jane") {
    const body = new FormData();
    body.append("file", new Blob([content], { type: "text/plain" }), name);
    const res = await app.api(`issue/${issueKey}/attachments`, { user, headers: NO_CHECK, body });
    expect(res.status).toBe(200);
  }

  it("GET issue?fields=attachment lists uploads as AttachmentJsonBeans with author and content URL", async () => {
    await upload("SUP-2", "first.txt", "one");
    await upload("SUP-2", "second.txt", "second file", "john");

    const res = await app.api("issue/SUP-2?fields=attachment", { user: "jane" });

    const attachments = (res.body as { fields: { attachment: unknown[] } }).fields.attachment;
    assertMatchesSchema(attachments, arrayOf("AttachmentJsonBean"));
    expect(attachments).toEqual([
      {
        self: `${app.jiraUrl}/rest/api/2/attachment/10001`,
        id: "10001",
        filename: "first.txt",
        author: expect.objectContaining({ name: "jane", key: "jane", displayName: "Jane Doe" }),
        created: "2026-12-04T16:08:39.000+0000",
        size: 3,
        mimeType: "text/plain",
        content: `${app.jiraUrl}/secure/attachment/10001/first.txt`,
      },
      expect.objectContaining({
        id: "10002",
        filename: "second.txt",
        size: 11,
        author: expect.objectContaining({ name: "john" }),
      }),
    ]);
    expect(Object.keys(res.body as object)).toEqual(["expand", "id", "self", "key", "fields"]);
    expect(Object.keys((res.body as { fields: object }).fields)).toEqual(["attachment"]);
  });

  it("the state shows each attachment's issue key and the SHA-256 of its content", async () => {
    await upload("SUP-2", "log.txt", "disconnect at 14:00:00");

    const state = app.data.snapshot() as { attachments: Record<string, unknown>[] };

    expect(state.attachments).toContainEqual(
      expect.objectContaining({
        id: "10001",
        issueId: expect.any(String),
        issueKey: "SUP-2",
        filename: "log.txt",
        size: 22,
        sha256: createHash("sha256").update("disconnect at 14:00:00").digest("hex"),
      })
    );
    // The seed's attachment too; never the bytes themselves.
    expect(state.attachments).toContainEqual(
      expect.objectContaining({ id: "10000", issueKey: "SUP-1", sha256: expect.any(String) })
    );
    expect(state.attachments.every((attachment) => !("content" in attachment))).toBe(true);
  });
});

describe("remote links to an email", () => {
  it("stores a mid: URL as it was sent, and a second POST with the globalId updates it", async () => {
    const link = {
      globalId: "outlook-message:CAF=abc123@mail.customer.example",
      application: { type: "com.microsoft.outlook", name: "Outlook" },
      relationship: "email",
      object: {
        url: "mid:CAF=abc123@mail.customer.example",
        title: "Printer jams on every second page",
        summary: "From Finance Team <finance@customer.example>, 2026-05-03T16:45:12.000Z",
        icon: { url16x16: "https://addin.example.com/assets/icon-16.png", title: "Email" },
      },
    };

    const created = await app.api("issue/SUP-1/remotelink", { user: "jane", json: link });
    const updated = await app.api("issue/SUP-1/remotelink", {
      user: "jane",
      json: { ...link, object: { ...link.object, title: "Renamed" } },
    });

    expect(created.status).toBe(201);
    expect(updated.status).toBe(200);
    expect((updated.body as { id: number }).id).toBe((created.body as { id: number }).id);
    const read = await app.api(
      `issue/SUP-1/remotelink?globalId=${encodeURIComponent(link.globalId)}`,
      { user: "jane" }
    );
    expect(read.body).toMatchObject({
      globalId: link.globalId,
      application: link.application,
      relationship: "email",
      object: { ...link.object, title: "Renamed" },
    });
  });
});
