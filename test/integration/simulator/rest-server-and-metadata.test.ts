/**
 * The simulator's REST API over HTTP on 127.0.0.1: serverInfo, myself, projects, fields,
 * priorities, user pickers, and the cross-cutting answers (401, Jersey's 404, XSRF, 415).
 */
import { arrayOf, assertMatchesSchema } from "../../support/openapi-schema";
import { TEST_NOW, setUpRestTestApp } from "../../support/rest-test-app";

const NOT_AUTHENTICATED = {
  errorMessages: ["You are not authenticated. Authentication required to perform this operation."],
  errors: {},
};

const app = setUpRestTestApp();

describe("GET serverInfo", () => {
  it("answers anonymously with the base URL, version numbers and the simulator clock", async () => {
    const res = await app.api("serverInfo");

    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      baseUrl: app.jiraUrl,
      version: "9.12.2",
      versionNumbers: [9, 12, 2],
      deploymentType: "Server",
      buildNumber: 912002,
      buildDate: expect.any(String),
      serverTime: "2026-12-04T16:08:39.000+0000",
      scmInfo: expect.any(String),
      serverTitle: "Jira Simulator",
    });
    assertMatchesSchema(res.body, "ServerInfoBean");
  });

  it("reads version and base URL per request", async () => {
    app.settings.version = "8.20.10";
    app.settings.baseUrl = "https://jira.example.com/jira/";

    const res = await app.api("serverInfo");

    expect(res.body).toMatchObject({
      version: "8.20.10",
      versionNumbers: [8, 20, 10],
      baseUrl: "https://jira.example.com/jira",
    });
  });

  it("formats serverTime in Jira's format from the simulator clock", async () => {
    app.setNow(Date.UTC(2027, 0, 2, 3, 4, 5, 678));
    const res = await app.api("serverInfo");
    app.setNow(TEST_NOW);

    expect((res.body as { serverTime: string }).serverTime).toBe("2027-01-02T03:04:05.678+0000");
  });
});

describe("GET myself", () => {
  it("returns the calling user with group and application role counts", async () => {
    const res = await app.api("myself", { user: "jane" });

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      self: `${app.jiraUrl}/rest/api/2/user?username=jane`,
      key: "jane",
      name: "jane",
      displayName: "Jane Doe",
      emailAddress: "jane.doe@example.com",
      active: true,
      timeZone: "UTC",
      groups: { size: 2, items: [] },
      avatarUrls: {
        "48x48": expect.stringContaining("/secure/useravatar?size=large&ownerId=jane"),
      },
    });
    assertMatchesSchema(res.body, "UserBean");
  });

  it("lists the groups with ?expand=groups", async () => {
    const res = await app.api("myself?expand=groups", { user: "john" });

    expect(
      (res.body as { groups: { items: { name: string }[] } }).groups.items.map((g) => g.name)
    ).toEqual(["jira-users", "jira-developers"]);
  });

  it("answers 401 with Jira's body when anonymous", async () => {
    const res = await app.api("myself");

    expect(res.status).toBe(401);
    expect(res.body).toEqual(NOT_AUTHENTICATED);
  });
});

describe("GET project and project/{idOrKey}", () => {
  it("lists the projects Jane may browse, by name (not ENG)", async () => {
    const res = await app.api("project", { user: "jane" });

    expect(res.status).toBe(200);
    const projects = res.body as { key: string; name: string; self: string }[];
    expect(projects.map((p) => p.key)).toEqual(["SUP", "OPS"]);
    expect(projects[0]).toMatchObject({
      id: "10000",
      name: "Customer Support",
      self: `${app.jiraUrl}/rest/api/2/project/10000`,
      projectTypeKey: "service_desk",
    });
    assertMatchesSchema(res.body, arrayOf("ProjectBean"));
  });

  it("lists ENG for John, who is in jira-developers", async () => {
    const res = await app.api("project", { user: "john" });

    expect((res.body as { key: string }[]).map((p) => p.key)).toEqual(["SUP", "ENG", "OPS"]);
  });

  it("answers [] to anonymous requests", async () => {
    const res = await app.api("project");

    expect(res.status).toBe(200);
    expect(res.body).toEqual([]);
  });

  it("returns one project by key (case-insensitive) or id, with lead, components, issue types, versions", async () => {
    const byKey = await app.api("project/sup", { user: "jane" });
    const byId = await app.api("project/10000", { user: "jane" });

    expect(byKey.status).toBe(200);
    expect(byId.body).toEqual(byKey.body);
    expect(byKey.body).toMatchObject({
      key: "SUP",
      lead: { name: "jane" },
      components: [{ name: "Portal" }, { name: "Network" }, { name: "Billing" }],
      issueTypes: [{ name: "Task" }, { name: "Bug" }, { name: "Service Request" }],
      versions: [{ name: "2026.1" }, { name: "2026.2" }],
      roles: { Users: expect.stringContaining("/project/10000/role/10000") },
    });
    assertMatchesSchema(byKey.body, "ProjectBean");
  });

  it.each([
    ["ENG", "jane", "No project could be found with key 'ENG'."],
    ["NOPE", "jane", "No project could be found with key 'NOPE'."],
    ["10002", "jane", "No project could be found with id '10002'."],
    ["SUP", undefined, "No project could be found with key 'SUP'."],
  ])("answers 404 for %s as %s (unknown or not visible)", async (key, user, message) => {
    const res = await app.api(`project/${key}`, { user });

    expect(res.status).toBe(404);
    expect(res.body).toEqual({ errorMessages: [message], errors: {} });
  });
});

describe("GET field and GET priority", () => {
  it("lists system and custom fields with schemas and clause names", async () => {
    const res = await app.api("field", { user: "jane" });

    expect(res.status).toBe(200);
    const fields = res.body as { id: string }[];
    expect(fields).toContainEqual({
      id: "customfield_10100",
      name: "Customer Impact",
      custom: true,
      orderable: true,
      navigable: true,
      searchable: true,
      clauseNames: ["cf[10100]", "Customer Impact"],
      schema: {
        type: "option",
        custom: "com.atlassian.jira.plugin.system.customfieldtypes:select",
        customId: 10100,
      },
    });
    expect(fields).toContainEqual(
      expect.objectContaining({
        id: "summary",
        custom: false,
        schema: { type: "string", system: "summary" },
      })
    );
    assertMatchesSchema(res.body, arrayOf("FieldBean"));
  });

  it("lists the five priorities, highest first", async () => {
    const res = await app.api("priority", { user: "jane" });

    expect(res.status).toBe(200);
    expect((res.body as { name: string }[]).map((p) => p.name)).toEqual([
      "Highest",
      "High",
      "Medium",
      "Low",
      "Lowest",
    ]);
    expect((res.body as object[])[2]).toMatchObject({
      id: "3",
      self: `${app.jiraUrl}/rest/api/2/priority/3`,
      iconUrl: `${app.jiraUrl}/images/icons/priorities/medium.svg`,
    });
    assertMatchesSchema(res.body, arrayOf("PriorityJsonBean"));
  });

  it.each(["field", "priority", "user/search?username=j", "user/assignable/search?project=SUP"])(
    "answers 401 to anonymous GET %s",
    async (path) => {
      const res = await app.api(path);

      expect(res.status).toBe(401);
      expect(res.body).toEqual(NOT_AUTHENTICATED);
    }
  );
});

describe("user pickers", () => {
  it("finds users by username, display-name word or email prefix", async () => {
    const byName = await app.api("user/search?username=jo", { user: "jane" });
    const bySurname = await app.api("user/search?username=smi", { user: "jane" });
    const byEmail = await app.api("user/search?username=svc-mail%40", { user: "jane" });

    expect((byName.body as { name: string }[]).map((u) => u.name)).toEqual(["john"]);
    expect((bySurname.body as { name: string }[]).map((u) => u.name)).toEqual(["john"]);
    expect((byEmail.body as { name: string }[]).map((u) => u.name)).toEqual(["svc-mail"]);
    assertMatchesSchema(byName.body, arrayOf("UserBean"));
  });

  it("requires the username parameter", async () => {
    const res = await app.api("user/search", { user: "jane" });

    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      errorMessages: ["The username query parameter was not provided"],
      errors: {},
    });
  });

  it("pages with startAt and maxResults", async () => {
    const res = await app.api("user/search?username=&startAt=1&maxResults=1", { user: "jane" });

    expect((res.body as { name: string }[]).map((u) => u.name)).toEqual(["john"]);
  });

  it("lists assignable users of a project (its Developers role), filtered by username", async () => {
    const all = await app.api("user/assignable/search?project=SUP", { user: "jane" });
    const filtered = await app.api("user/assignable/search?project=SUP&username=joh", {
      user: "jane",
    });
    const eng = await app.api("user/assignable/search?project=ENG", { user: "john" });

    expect((all.body as { name: string }[]).map((u) => u.name)).toEqual(["jane", "john"]);
    expect((filtered.body as { name: string }[]).map((u) => u.name)).toEqual(["john"]);
    expect((eng.body as { name: string }[]).map((u) => u.name)).toEqual(["john"]);
    assertMatchesSchema(all.body, arrayOf("UserBean"));
  });

  it("finds assignable users through an issue key", async () => {
    const res = await app.api("user/assignable/search?issueKey=OPS-1", { user: "jane" });

    expect((res.body as { name: string }[]).map((u) => u.name)).toEqual(["jane", "john"]);
  });

  it("answers 404 for a hidden project or issue and 400 without project or issue", async () => {
    const hiddenProject = await app.api("user/assignable/search?project=ENG", { user: "jane" });
    const hiddenIssue = await app.api("user/assignable/search?issueKey=ENG-1", { user: "jane" });
    const neither = await app.api("user/assignable/search?username=j", { user: "jane" });

    expect(hiddenProject.status).toBe(404);
    expect(hiddenProject.body).toEqual({
      errorMessages: ["No project could be found with key 'ENG'."],
      errors: {},
    });
    expect(hiddenIssue.status).toBe(404);
    expect(hiddenIssue.body).toEqual({ errorMessages: ["Issue Does Not Exist"], errors: {} });
    expect(neither.status).toBe(400);
  });
});

describe("answers every resource shares", () => {
  it("answers an unknown resource with Jersey's 404 body", async () => {
    const res = await app.api("nothing/here", { user: "jane" });

    expect(res.status).toBe(404);
    expect(res.body).toEqual({
      message: expect.stringContaining("null for uri: "),
      "status-code": 404,
    });
  });

  it("refuses a form-encoded POST without X-Atlassian-Token: 403 'XSRF check failed'", async () => {
    const res = await app.api("issue", {
      user: "jane",
      body: "a=b",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    });

    expect(res.status).toBe(403);
    expect(res.text).toBe("XSRF check failed");
  });

  it("answers 415 to a JSON resource sent another media type (with the XSRF header)", async () => {
    const res = await app.api("issue", {
      user: "jane",
      body: "{}",
      headers: { "Content-Type": "text/plain", "X-Atlassian-Token": "no-check" },
    });

    expect(res.status).toBe(415);
  });

  it("answers 400 in Jira's error shape to malformed JSON", async () => {
    const res = await app.api("issue", {
      user: "jane",
      body: "{not json",
      headers: { "Content-Type": "application/json" },
    });

    expect(res.status).toBe(400);
    expect(res.body).toEqual({ errorMessages: [expect.any(String)], errors: {} });
  });
});
