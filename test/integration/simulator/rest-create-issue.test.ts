/**
 * `POST issue` over HTTP: what a valid request creates, and each validation answer Jira gives
 * (400 with `errors[fieldId]`), in Jira's wording.
 */
import { assertMatchesSchema } from "../../support/openapi-schema";
import { setUpRestTestApp } from "../../support/rest-test-app";

const app = setUpRestTestApp();

const SERVICE_REQUEST = {
  project: { key: "SUP" },
  issuetype: { name: "Service Request" },
  summary: "Printer jams on every second page",
  customfield_10100: { value: "High" },
};

async function create(
  fields: Record<string, unknown>,
  user = "jane",
  extra: Record<string, unknown> = {}
) {
  return app.api("issue", { user, json: { fields, ...extra } });
}

async function fieldsOf(key: string): Promise<Record<string, unknown>> {
  const res = await app.api(`issue/${key}`, { user: "john" });
  return (res.body as { fields: Record<string, unknown> }).fields;
}

describe("creating an issue", () => {
  it("answers 201 with id, key and self, reported by the caller, Open, with the default priority", async () => {
    const res = await create(SERVICE_REQUEST);

    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: "10007",
      key: "SUP-4",
      self: `${app.jiraUrl}/rest/api/2/issue/10007`,
    });
    assertMatchesSchema(res.body, "IssueCreateResponse");
    const fields = await fieldsOf("SUP-4");
    expect(fields).toMatchObject({
      summary: "Printer jams on every second page",
      reporter: { name: "jane" },
      creator: { name: "jane" },
      assignee: null,
      status: { name: "Open", statusCategory: { key: "new" } },
      resolution: null,
      priority: { id: "3", name: "Medium" },
      issuetype: { name: "Service Request" },
      project: { key: "SUP" },
      created: "2026-12-04T16:08:39.000+0000",
      customfield_10100: { value: "High", id: "10202" },
    });
  });

  it("numbers keys per project", async () => {
    const first = await create(SERVICE_REQUEST);
    const ops = await create({
      project: { key: "OPS" },
      issuetype: { name: "Task" },
      summary: "Rotate logs",
    });
    const second = await create(SERVICE_REQUEST);

    expect(
      [first.body, ops.body, second.body].map((body) => (body as { key: string }).key)
    ).toEqual(["SUP-4", "OPS-4", "SUP-5"]);
  });

  it("accepts project and issue type by id, and names case-insensitively", async () => {
    const byId = await create({
      project: { id: "10000" },
      issuetype: { id: "3" },
      summary: "By id",
    });
    const byName = await create({
      project: { key: "sup" },
      issuetype: { name: "task" },
      summary: "By name",
    });

    expect(byId.status).toBe(201);
    expect(byName.status).toBe(201);
  });

  it("stores every editable field type in Jira's REST form", async () => {
    const res = await create({
      ...SERVICE_REQUEST,
      description: "h1. From an email\n\nSee *attachment*.",
      priority: { name: "Highest" },
      labels: ["email", "printer", "email"],
      duedate: "2026-12-31",
      assignee: { name: "john" },
      customfield_10101: [{ value: "ERP" }, { id: "10212" }],
      customfield_10102: "CASE-1",
      customfield_10104: "2026-12-01",
      customfield_10105: { name: "john" },
    });

    expect(res.status).toBe(201);
    const fields = await fieldsOf((res.body as { key: string }).key);
    expect(fields).toMatchObject({
      description: "h1. From an email\n\nSee *attachment*.",
      priority: { name: "Highest" },
      labels: ["email", "printer"],
      duedate: "2026-12-31",
      assignee: { name: "john", displayName: "John Smith" },
      customfield_10101: [{ value: "ERP" }, { value: "Email" }],
      customfield_10102: "CASE-1",
      customfield_10104: "2026-12-01",
      customfield_10105: { name: "john" },
    });
  });

  it("stores components, versions, numbers and cascading selects", async () => {
    const bug = await create({
      project: { key: "OPS" },
      issuetype: { name: "Bug" },
      summary: "Backup job fails",
      customfield_10106: { value: "Americas", child: { value: "Toronto" } },
      components: [{ name: "Infrastructure" }],
      versions: [{ id: "10010" }],
      customfield_10103: 42.5,
    });

    expect(bug.status).toBe(201);
    const fields = await fieldsOf((bug.body as { key: string }).key);
    expect(fields).toMatchObject({
      customfield_10106: { value: "Americas", child: { value: "Toronto" } },
      components: [{ name: "Infrastructure", id: "10010" }],
      versions: [{ name: "Q1 2027", projectId: 10001 }],
      customfield_10103: 42.5,
      // OPS assigns new issues to its lead (assigneeType PROJECT_LEAD).
      assignee: { name: "john" },
    });
  });

  it("takes values from update operations too", async () => {
    const res = await app.api("issue", {
      user: "jane",
      json: {
        fields: { project: { key: "SUP" }, issuetype: { name: "Task" } },
        update: { summary: [{ set: "From update" }], labels: [{ add: "one" }, { add: "two" }] },
      },
    });

    expect(res.status).toBe(201);
    expect(await fieldsOf((res.body as { key: string }).key)).toMatchObject({
      summary: "From update",
      labels: ["one", "two"],
    });
  });

  it("assigns automatically with assignee name -1", async () => {
    const sup = await create({ ...SERVICE_REQUEST, assignee: { name: "-1" } });

    expect(await fieldsOf((sup.body as { key: string }).key)).toMatchObject({ assignee: null });
  });

  it("answers 401 when anonymous", async () => {
    const res = await app.api("issue", { json: { fields: SERVICE_REQUEST } });

    expect(res.status).toBe(401);
  });
});

describe("create validation (400, errors by field)", () => {
  async function errorsOf(fields: Record<string, unknown>, user = "jane") {
    const res = await create(fields, user);
    expect(res.status).toBe(400);
    const body = res.body as { errorMessages: string[]; errors: Record<string, string> };
    expect(body.errorMessages).toEqual([]);
    return body.errors;
  }

  it("requires a project and an issue type", async () => {
    expect(await errorsOf({ summary: "x" })).toEqual({
      project: "project is required",
      issuetype: "issue type is required",
    });
  });

  it.each([
    [{ key: "NOPE" }],
    [{ id: "99999" }],
    [{ key: "ENG" }], // exists, but Jane cannot browse it
    ["SUP"],
  ])("refuses project %j", async (project) => {
    expect(await errorsOf({ project, issuetype: { name: "Task" }, summary: "x" })).toEqual({
      project: "valid project is required",
    });
  });

  it("lets John create in ENG", async () => {
    const res = await create(
      { project: { key: "ENG" }, issuetype: { name: "Story" }, summary: "x" },
      "john"
    );

    expect(res.status).toBe(201);
  });

  it.each([[{ name: "Story" }], [{ id: "999" }], [{ name: "Epic" }]])(
    "refuses issue type %j that SUP does not have",
    async (issuetype) => {
      expect(await errorsOf({ project: { key: "SUP" }, issuetype, summary: "x" })).toEqual({
        issuetype: "valid issue type is required",
      });
    }
  );

  it("reports missing required fields by name, and Jira's own summary message", async () => {
    expect(
      await errorsOf({ project: { key: "SUP" }, issuetype: { name: "Service Request" } })
    ).toEqual({
      summary: "You must specify a summary of the issue.",
      customfield_10100: "Customer Impact is required.",
    });
  });

  it("reports the required cascading select on OPS Bug", async () => {
    expect(
      await errorsOf({ project: { key: "OPS" }, issuetype: { name: "Bug" }, summary: "x" })
    ).toEqual({
      customfield_10106: "Site is required.",
    });
  });

  it("refuses fields that are not on the create screen, or unknown", async () => {
    expect(
      await errorsOf({
        ...SERVICE_REQUEST,
        reporter: { name: "john" },
        environment: "Windows",
        customfield_99999: "x",
        components: [{ name: "Portal" }],
      })
    ).toEqual({
      reporter: "Field 'reporter' cannot be set. It is not on the appropriate screen, or unknown.",
      environment:
        "Field 'environment' cannot be set. It is not on the appropriate screen, or unknown.",
      customfield_99999:
        "Field 'customfield_99999' cannot be set. It is not on the appropriate screen, or unknown.",
      components:
        "Field 'components' cannot be set. It is not on the appropriate screen, or unknown.",
    });
  });

  it("limits the summary to 255 characters", async () => {
    const at = await create({ ...SERVICE_REQUEST, summary: "x".repeat(255) });
    expect(at.status).toBe(201);

    expect(await errorsOf({ ...SERVICE_REQUEST, summary: "x".repeat(256) })).toEqual({
      summary: "Summary must be less than 255 characters.",
    });
  });

  it.each(["Line one\nline two", "Line one\r\nline two", "Carriage\rreturn"])(
    "refuses a summary with a newline: %j",
    async (summary) => {
      expect(await errorsOf({ ...SERVICE_REQUEST, summary })).toEqual({
        summary: "The summary is invalid because it contains newline characters.",
      });
    }
  );

  it("refuses a blank summary", async () => {
    expect(await errorsOf({ ...SERVICE_REQUEST, summary: "   " })).toEqual({
      summary: "You must specify a summary of the issue.",
    });
  });

  it.each([
    ["customfield_10100", { value: "Catastrophic" }, "Option value 'Catastrophic' is not valid"],
    ["customfield_10100", { id: "10210" }, "Option id '10210' is not valid"],
    [
      "customfield_10100",
      "High",
      "Could not find valid 'id' or 'value' in the Parent Option object.",
    ],
    ["customfield_10101", [{ value: "Mainframe" }], "Option value 'Mainframe' is not valid"],
    ["customfield_10101", { value: "ERP" }, "data was not an array"],
    ["priority", { name: "Urgent" }, "Priority name 'Urgent' is not valid"],
    ["priority", { id: "9" }, "Priority id '9' is not valid"],
    ["priority", "High", "Could not find valid 'id' or 'name' in priority object."],
    ["labels", ["two words"], "The label 'two words' contains spaces which is invalid."],
    ["labels", "single", "data was not an array"],
    ["duedate", "31.12.2026", "Error parsing date string: 31.12.2026"],
    ["duedate", "2026-02-30", "Error parsing date string: 2026-02-30"],
    ["customfield_10104", "tomorrow", "Error parsing date string: tomorrow"],
    ["assignee", { name: "nobody" }, "User 'nobody' does not exist."],
    ["assignee", { name: "svc-mail" }, "User 'svc-mail' cannot be assigned issues."],
    ["assignee", "john", "expected Object containing a 'name' property"],
    ["customfield_10105", { name: "ghost" }, "User 'ghost' does not exist."],
    [
      "customfield_10102",
      "x".repeat(256),
      "The entered text is too long. It exceeds the allowed limit of 255 characters.",
    ],
    [
      "description",
      "x".repeat(32768),
      "The entered text is too long. It exceeds the allowed limit of 32,767 characters.",
    ],
    ["description", 42, "Operation value must be a string"],
  ])("refuses %s = %j", async (fieldId, value, message) => {
    expect(await errorsOf({ ...SERVICE_REQUEST, [fieldId]: value })).toEqual({
      [fieldId]: message,
    });
  });

  it.each([
    ["customfield_10103", "12", "Operation value must be a number"],
    [
      "customfield_10106",
      { value: "EMEA", child: { value: "Austin" } },
      "Option value 'Austin' is not valid for parent option '10220'",
    ],
    ["customfield_10106", { value: "Asia" }, "Option value 'Asia' is not valid"],
    ["components", [{ name: "Printers" }], "Component name 'Printers' is not valid"],
    ["versions", [{ id: "10000" }], "Version id '10000' is not valid"],
  ])("refuses OPS Bug %s = %j", async (fieldId, value, message) => {
    const fields = {
      project: { key: "OPS" },
      issuetype: { name: "Bug" },
      summary: "x",
      customfield_10106: { value: "EMEA" },
      [fieldId]: value,
    };
    expect(await errorsOf(fields)).toEqual({ [fieldId]: message });
  });

  it("reports a required field set to null as missing", async () => {
    expect(await errorsOf({ ...SERVICE_REQUEST, customfield_10100: null })).toEqual({
      customfield_10100: "Customer Impact is required.",
    });
  });

  it("answers a body without fields like one without project and issue type", async () => {
    const res = await app.api("issue", { user: "jane", json: [] });

    expect(res.status).toBe(400);
    expect((res.body as { errors: object }).errors).toEqual({
      project: "project is required",
      issuetype: "issue type is required",
    });
  });
});
