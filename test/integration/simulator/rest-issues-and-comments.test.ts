/**
 * `GET issue/{key}` (fields, `?fields=` selection, permissions) and comments (add, list,
 * visibility restricted to a group or project role), plus reset() and snapshot() of the data.
 */
import { assertMatchesSchema } from "../../support/openapi-schema";
import { setUpRestTestApp } from "../../support/rest-test-app";

interface IssueBody {
  id: string;
  key: string;
  self: string;
  fields: Record<string, unknown>;
}

interface CommentBody {
  id: string;
  body: string;
  author: { name: string };
  visibility?: { type: string; value: string };
}

const app = setUpRestTestApp();

describe("GET issue/{issueIdOrKey}", () => {
  it("returns SUP-2 with its fields in Jira's shapes", async () => {
    const res = await app.api("issue/SUP-2", { user: "jane" });

    expect(res.status).toBe(200);
    const issue = res.body as IssueBody;
    expect(issue).toMatchObject({
      id: "10001",
      key: "SUP-2",
      self: `${app.jiraUrl}/rest/api/2/issue/10001`,
    });
    expect(issue.fields).toMatchObject({
      summary: "VPN drops every hour",
      status: {
        name: "In Progress",
        id: "3",
        statusCategory: { key: "indeterminate", name: "In Progress" },
      },
      issuetype: { name: "Bug", id: "1" },
      project: { key: "SUP" },
      reporter: { name: "john" },
      assignee: { name: "jane" },
      resolution: null,
      resolutiondate: null,
      labels: ["vpn", "network"],
      priority: { name: "Medium" },
      components: [{ name: "Network" }],
      environment: "Windows 11, VPN client 5.2",
      customfield_10101: [{ value: "VPN" }],
      created: "2026-12-02T16:08:39.000+0000",
      updated: "2026-12-04T15:08:39.000+0000",
      attachment: [],
    });
    assertMatchesSchema(res.body, "IssueBean");
  });

  it("shows a resolved issue with its resolution and date", async () => {
    const res = await app.api("issue/SUP-3", { user: "jane" });

    expect((res.body as IssueBody).fields).toMatchObject({
      summary: "Invoice 2024-117 missing in ERP",
      status: { name: "Done", statusCategory: { key: "done" } },
      resolution: { name: "Done", id: "10000" },
      resolutiondate: "2026-12-03T16:08:39.000+0000",
    });
  });

  it("finds an issue by id and by key in any case", async () => {
    const byId = await app.api("issue/10000", { user: "jane" });
    const lower = await app.api("issue/sup-1", { user: "jane" });

    expect((byId.body as IssueBody).key).toBe("SUP-1");
    expect((lower.body as IssueBody).key).toBe("SUP-1");
  });

  it("returns only the requested fields with ?fields=", async () => {
    const some = await app.api("issue/SUP-1?fields=summary,status", { user: "jane" });
    const repeated = await app.api("issue/SUP-1?fields=summary&fields=labels", { user: "jane" });
    const without = await app.api("issue/SUP-1?fields=-comment,-description", { user: "jane" });
    const navigable = await app.api("issue/SUP-1?fields=*navigable", { user: "jane" });

    expect(Object.keys((some.body as IssueBody).fields).sort()).toEqual(["status", "summary"]);
    expect(Object.keys((repeated.body as IssueBody).fields).sort()).toEqual(["labels", "summary"]);
    expect((without.body as IssueBody).fields).not.toHaveProperty("comment");
    expect((without.body as IssueBody).fields).not.toHaveProperty("description");
    expect((without.body as IssueBody).fields).toHaveProperty("summary");
    expect((navigable.body as IssueBody).fields).not.toHaveProperty("comment");
  });

  it("includes the custom fields of the issue type's screen, null when empty", async () => {
    const res = await app.api("issue/SUP-1", { user: "jane" });

    expect((res.body as IssueBody).fields).toMatchObject({
      customfield_10100: {
        value: "High",
        id: "10202",
        self: `${app.jiraUrl}/rest/api/2/customFieldOption/10202`,
      },
      customfield_10101: [{ value: "Expense Portal" }, { value: "Active Directory" }],
      customfield_10102: "CASE-4711",
      customfield_10104: null,
      customfield_10105: null,
    });
    expect((res.body as IssueBody).fields).not.toHaveProperty("customfield_10106");
  });

  it("lists attachments in the issue", async () => {
    const res = await app.api("issue/SUP-1?fields=attachment", { user: "jane" });

    expect((res.body as IssueBody).fields.attachment).toEqual([
      {
        self: `${app.jiraUrl}/rest/api/2/attachment/10000`,
        id: "10000",
        filename: "error-message.txt",
        author: expect.objectContaining({ name: "jane" }),
        created: "2026-12-03T16:08:39.000+0000",
        size: 62, // UTF-8 bytes: the text has an em dash
        mimeType: "text/plain",
        content: `${app.jiraUrl}/secure/attachment/10000/error-message.txt`,
      },
    ]);
  });

  it("hides ENG-1 from Jane (404) and shows it to John", async () => {
    const jane = await app.api("issue/ENG-1", { user: "jane" });
    const john = await app.api("issue/ENG-1", { user: "john" });

    expect(jane.status).toBe(404);
    expect(jane.body).toEqual({ errorMessages: ["Issue Does Not Exist"], errors: {} });
    expect(john.status).toBe(200);
  });

  it("answers 404 for an unknown key and 401 when anonymous", async () => {
    const unknown = await app.api("issue/SUP-99", { user: "jane" });
    const anonymous = await app.api("issue/SUP-1");

    expect(unknown.status).toBe(404);
    expect(anonymous.status).toBe(401);
  });

  it("uses the current base URL in self links", async () => {
    app.settings.baseUrl = "https://jira.example.com";
    const res = await app.api("issue/SUP-1?fields=project", { user: "jane" });
    app.settings.baseUrl = app.jiraUrl;

    expect((res.body as IssueBody).self).toBe("https://jira.example.com/rest/api/2/issue/10000");
    expect((res.body as IssueBody).fields.project).toMatchObject({
      self: "https://jira.example.com/rest/api/2/project/10000",
    });
  });
});

describe("comments", () => {
  it("lists SUP-2's comments without the jira-developers one for Jane", async () => {
    const jane = await app.api("issue/SUP-2/comment", { user: "jane" });
    const john = await app.api("issue/SUP-2/comment", { user: "john" });

    expect(jane.status).toBe(200);
    expect(jane.body).toMatchObject({ startAt: 0, total: 1 });
    expect((jane.body as { comments: CommentBody[] }).comments.map((c) => c.body)).toEqual([
      "Happens on both the office and the home network.",
    ]);
    expect((john.body as { comments: CommentBody[] }).comments.map((c) => c.visibility)).toEqual([
      undefined,
      { type: "group", value: "jira-developers" },
    ]);
    assertMatchesSchema(john.body, "CommentsWithPaginationJsonBean");
  });

  it("shows role-restricted comments to role members only (Jane is a SUP Developer, the service user is not)", async () => {
    const jane = await app.api("issue/SUP-1/comment", { user: "jane" });
    const service = await app.api("issue/SUP-1/comment", { user: "svc-mail" });

    expect((jane.body as { total: number }).total).toBe(3);
    expect((service.body as { total: number }).total).toBe(2);
  });

  it("hides restricted comments inside the issue too", async () => {
    const res = await app.api("issue/SUP-2?fields=comment", { user: "jane" });

    expect((res.body as IssueBody).fields.comment).toMatchObject({
      total: 1,
      startAt: 0,
      maxResults: 1,
    });
  });

  it("pages and orders comments", async () => {
    const page = await app.api("issue/SUP-1/comment?startAt=1&maxResults=1", { user: "jane" });
    const newest = await app.api("issue/SUP-1/comment?orderBy=-created&maxResults=1", {
      user: "jane",
    });

    expect(page.body).toMatchObject({ startAt: 1, maxResults: 1, total: 3 });
    expect((page.body as { comments: CommentBody[] }).comments[0]?.body).toMatch(
      /^Screenshot attached/
    );
    expect((newest.body as { comments: CommentBody[] }).comments[0]?.body).toMatch(/^Internal:/);
  });

  it("adds a comment: 201 with the Comment bean; the issue's updated time moves", async () => {
    app.setNow(Date.UTC(2026, 11, 5, 9, 0, 0));
    const res = await app.api("issue/SUP-2/comment", {
      user: "jane",
      json: { body: "From an email:\n{quote}hi{quote}" },
    });
    app.setNow(Date.UTC(2026, 11, 4, 16, 8, 39));

    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      id: "10008",
      self: `${app.jiraUrl}/rest/api/2/issue/10001/comment/10008`,
      body: "From an email:\n{quote}hi{quote}",
      author: { name: "jane" },
      updateAuthor: { name: "jane" },
      created: "2026-12-05T09:00:00.000+0000",
      updated: "2026-12-05T09:00:00.000+0000",
    });
    assertMatchesSchema(res.body, "CommentJsonBean");
    const issue = await app.api("issue/SUP-2?fields=updated", { user: "jane" });
    expect((issue.body as IssueBody).fields.updated).toBe("2026-12-05T09:00:00.000+0000");
  });

  it("adds comments restricted to a role or a group the author is in", async () => {
    const role = await app.api("issue/SUP-1/comment", {
      user: "jane",
      json: { body: "Internal note", visibility: { type: "role", value: "developers" } },
    });
    const group = await app.api("issue/ENG-1/comment", {
      user: "john",
      json: { body: "Dev note", visibility: { type: "group", value: "jira-developers" } },
    });

    expect(role.status).toBe(201);
    expect((role.body as CommentBody).visibility).toEqual({ type: "role", value: "Developers" });
    expect(group.status).toBe(201);
    expect((group.body as CommentBody).visibility).toEqual({
      type: "group",
      value: "jira-developers",
    });
    const service = await app.api("issue/SUP-1/comment", { user: "svc-mail" });
    expect((service.body as { comments: CommentBody[] }).comments.map((c) => c.body)).not.toContain(
      "Internal note"
    );
  });

  it.each([
    [{ body: "" }, { comment: "Comment body can not be empty!" }],
    [{ body: "   " }, { comment: "Comment body can not be empty!" }],
    [{}, { comment: "Comment body can not be empty!" }],
    [
      { body: "x", visibility: { type: "group", value: "no-such-group" } },
      { commentLevel: "Group: no-such-group does not exist." },
    ],
    [
      { body: "x", visibility: { type: "group", value: "jira-developers" } },
      { commentLevel: "You are currently not a member of the group: jira-developers." },
    ],
    [
      { body: "x", visibility: { type: "role", value: "Managers" } },
      { commentLevel: "Project role: Managers does not exist." },
    ],
    [
      { body: "x", visibility: { type: "role", value: "Administrators" } },
      { commentLevel: "You are currently not a member of the project role: Administrators." },
    ],
    [
      { body: "x", visibility: { type: "user", value: "jane" } },
      { commentLevel: "Visibility type 'user' is invalid: use 'group' or 'role'." },
    ],
  ])("refuses comment %j with 400", async (json, errors) => {
    const res = await app.api("issue/OPS-1/comment", { user: "jane", json });

    expect(res.status).toBe(400);
    expect(res.body).toEqual({ errorMessages: [], errors });
  });

  it("answers 404 for comments on a hidden issue and 401 when anonymous", async () => {
    const hidden = await app.api("issue/ENG-1/comment", { user: "jane", json: { body: "x" } });
    const list = await app.api("issue/ENG-1/comment", { user: "jane" });
    const anonymous = await app.api("issue/SUP-1/comment", { json: { body: "x" } });

    expect(hidden.status).toBe(404);
    expect(list.status).toBe(404);
    expect(anonymous.status).toBe(401);
  });
});

describe("reset() and snapshot()", () => {
  it("reset() puts back the seed: issues, comments, counters", async () => {
    await app.api("issue", {
      user: "jane",
      json: {
        fields: { project: { key: "SUP" }, issuetype: { name: "Task" }, summary: "Temporary" },
      },
    });
    await app.api("issue/SUP-1/comment", { user: "jane", json: { body: "Temporary" } });

    app.data.reset();

    expect((await app.api("issue/SUP-4", { user: "jane" })).status).toBe(404);
    expect(
      ((await app.api("issue/SUP-1/comment", { user: "jane" })).body as { total: number }).total
    ).toBe(3);
    const again = await app.api("issue", {
      user: "jane",
      json: { fields: { project: { key: "SUP" }, issuetype: { name: "Task" }, summary: "Again" } },
    });
    expect((again.body as { key: string }).key).toBe("SUP-4");
  });

  it("snapshot() is plain JSON with issues, attachment metadata, history and sequences", () => {
    const snapshot = JSON.parse(JSON.stringify(app.data.snapshot())) as {
      issues: { key: string; values: { summary: string } }[];
      attachments: Record<string, unknown>[];
      history: Record<string, string[]>;
      sequences: Record<string, number>;
    };

    expect(snapshot.issues.map((issue) => issue.key)).toEqual([
      "SUP-1",
      "SUP-2",
      "SUP-3",
      "OPS-1",
      "OPS-2",
      "OPS-3",
      "ENG-1",
    ]);
    expect(snapshot.issues[0]?.values.summary).toBe("Cannot log in to the expense portal");
    expect(snapshot.attachments[0]).toMatchObject({ filename: "error-message.txt" });
    expect(snapshot.attachments[0]).not.toHaveProperty("content");
    expect(snapshot.history).toEqual({
      jane: ["SUP-2", "SUP-1", "OPS-1"],
      john: ["ENG-1", "SUP-2"],
    });
    expect(snapshot.sequences).toEqual({
      issue: 10007,
      comment: 10008,
      attachment: 10001,
      remoteLink: 10000,
    });
  });
});
