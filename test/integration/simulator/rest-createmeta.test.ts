/**
 * Create meta over HTTP: Jira 9's paged per-project form, the old `createmeta?expand=` form, and
 * which of them exists for the configured Jira version (8.4 added the first, 9.0 removed the second).
 */
import { assertMatchesSchema, pageOf } from "../../support/openapi-schema";
import { setUpRestTestApp } from "../../support/rest-test-app";

interface FieldMeta {
  fieldId: string;
  required: boolean;
  name: string;
  schema: Record<string, unknown>;
  allowedValues?: Record<string, unknown>[];
  defaultValue?: Record<string, unknown>;
  hasDefaultValue: boolean;
  autoCompleteUrl?: string;
  operations: string[];
}

interface Page<T> {
  startAt: number;
  maxResults: number;
  total: number;
  isLast: boolean;
  values: T[];
}

const app = setUpRestTestApp();

async function fieldsOf(project: string, issueTypeId: string): Promise<FieldMeta[]> {
  const res = await app.api(`issue/createmeta/${project}/issuetypes/${issueTypeId}`, {
    user: "jane",
  });
  expect(res.status).toBe(200);
  return (res.body as Page<FieldMeta>).values;
}

describe("GET issue/createmeta/{project}/issuetypes (Jira 9)", () => {
  it("pages the project's issue types", async () => {
    const res = await app.api("issue/createmeta/SUP/issuetypes", { user: "jane" });

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ startAt: 0, maxResults: 50, total: 3, isLast: true });
    const page = res.body as Page<{ id: string; name: string; iconUrl: string; subtask: boolean }>;
    expect(page.values.map((type) => [type.id, type.name])).toEqual([
      ["3", "Task"],
      ["1", "Bug"],
      ["10100", "Service Request"],
    ]);
    expect(page.values[0]).toMatchObject({
      self: `${app.jiraUrl}/rest/api/2/issuetype/3`,
      subtask: false,
      iconUrl: expect.stringContaining(`${app.jiraUrl}/secure/viewavatar?`),
    });
    assertMatchesSchema(res.body, pageOf("CreateMetaIssueTypeBean"));
  });

  it("honours startAt and maxResults, and says whether it is the last page", async () => {
    const first = await app.api("issue/createmeta/10000/issuetypes?startAt=0&maxResults=2", {
      user: "jane",
    });
    const second = await app.api("issue/createmeta/SUP/issuetypes?startAt=2&maxResults=2", {
      user: "jane",
    });

    expect(first.body).toMatchObject({ startAt: 0, maxResults: 2, total: 3, isLast: false });
    expect((first.body as Page<{ name: string }>).values.map((t) => t.name)).toEqual([
      "Task",
      "Bug",
    ]);
    expect(second.body).toMatchObject({ startAt: 2, maxResults: 2, total: 3, isLast: true });
    expect((second.body as Page<{ name: string }>).values.map((t) => t.name)).toEqual([
      "Service Request",
    ]);
  });

  it("answers 400 for a project the user cannot see, and 401 when anonymous", async () => {
    const hidden = await app.api("issue/createmeta/ENG/issuetypes", { user: "jane" });
    const anonymous = await app.api("issue/createmeta/SUP/issuetypes");

    expect(hidden.status).toBe(400);
    expect(hidden.body).toEqual({
      errorMessages: ["No project could be found with key 'ENG'."],
      errors: {},
    });
    expect(anonymous.status).toBe(401);
  });
});

describe("GET issue/createmeta/{project}/issuetypes/{id} (Jira 9)", () => {
  it("pages the create screen's fields, project and issue type first", async () => {
    const res = await app.api("issue/createmeta/SUP/issuetypes/10100", { user: "jane" });

    expect(res.status).toBe(200);
    const page = res.body as Page<FieldMeta>;
    expect(page).toMatchObject({ startAt: 0, maxResults: 50, total: 13, isLast: true });
    expect(page.values.map((field) => field.fieldId)).toEqual([
      "project",
      "issuetype",
      "summary",
      "customfield_10100",
      "priority",
      "description",
      "labels",
      "duedate",
      "assignee",
      "customfield_10101",
      "customfield_10102",
      "customfield_10104",
      "customfield_10105",
    ]);
    assertMatchesSchema(res.body, pageOf("FieldMetaBean"));
  });

  it("describes the required single select Customer Impact with its options", async () => {
    const impact = (await fieldsOf("SUP", "10100")).find(
      (field) => field.fieldId === "customfield_10100"
    );

    expect(impact).toEqual({
      required: true,
      schema: {
        type: "option",
        custom: "com.atlassian.jira.plugin.system.customfieldtypes:select",
        customId: 10100,
      },
      name: "Customer Impact",
      fieldId: "customfield_10100",
      hasDefaultValue: false,
      operations: ["set"],
      allowedValues: ["Low", "Medium", "High", "Critical"].map((value, index) => ({
        self: `${app.jiraUrl}/rest/api/2/customFieldOption/${10200 + index}`,
        value,
        id: String(10200 + index),
        disabled: false,
      })),
    });
  });

  it("gives field types their schema, operations, allowed values and autocomplete URLs", async () => {
    const fields = await fieldsOf("SUP", "10100");
    const byId = Object.fromEntries(fields.map((field) => [field.fieldId, field]));

    expect(byId.summary).toMatchObject({
      required: true,
      schema: { type: "string", system: "summary" },
      operations: ["set"],
    });
    expect(byId.priority).toMatchObject({
      required: false,
      hasDefaultValue: true,
      defaultValue: { id: "3", name: "Medium" },
      schema: { type: "priority", system: "priority" },
    });
    expect(byId.priority?.allowedValues).toHaveLength(5);
    expect(byId.labels).toMatchObject({
      schema: { type: "array", items: "string", system: "labels" },
      operations: ["add", "set", "remove"],
      autoCompleteUrl: `${app.jiraUrl}/rest/api/1.0/labels/suggest?query=`,
    });
    expect(byId.duedate).toMatchObject({ schema: { type: "date", system: "duedate" } });
    expect(byId.assignee).toMatchObject({
      schema: { type: "user", system: "assignee" },
      autoCompleteUrl: `${app.jiraUrl}/rest/api/2/user/assignable/search?project=SUP&username=`,
    });
    expect(byId.customfield_10101).toMatchObject({
      schema: { type: "array", items: "option", customId: 10101 },
      allowedValues: expect.arrayContaining([expect.objectContaining({ value: "Expense Portal" })]),
    });
    expect(byId.customfield_10102).toMatchObject({ schema: { type: "string", customId: 10102 } });
    expect(byId.customfield_10104).toMatchObject({ schema: { type: "date", customId: 10104 } });
    expect(byId.customfield_10105).toMatchObject({
      schema: { type: "user", customId: 10105 },
      autoCompleteUrl: expect.stringContaining(
        "/rest/api/1.0/users/picker?fieldName=customfield_10105"
      ),
    });
    expect(byId.project?.allowedValues).toEqual([expect.objectContaining({ key: "SUP" })]);
    expect(byId.issuetype).toMatchObject({
      required: true,
      operations: [],
      allowedValues: [expect.objectContaining({ id: "10100" })],
    });
  });

  it("lists components and versions on the SUP Bug screen, and a number field on OPS Bug", async () => {
    const supBug = Object.fromEntries(
      (await fieldsOf("SUP", "1")).map((field) => [field.fieldId, field])
    );
    const opsBug = Object.fromEntries(
      (await fieldsOf("OPS", "1")).map((field) => [field.fieldId, field])
    );

    expect(supBug.components?.allowedValues?.map((c) => c.name)).toEqual([
      "Portal",
      "Network",
      "Billing",
    ]);
    expect(supBug.versions).toMatchObject({
      name: "Affects Version/s",
      schema: { type: "array", items: "version" },
    });
    expect(supBug.fixVersions?.allowedValues?.map((v) => v.name)).toEqual(["2026.1", "2026.2"]);
    expect(opsBug.customfield_10103).toMatchObject({ schema: { type: "number", customId: 10103 } });
  });

  it("has a required cascading select on OPS Bug (a field type the add-in cannot edit)", async () => {
    const site = (await fieldsOf("OPS", "1")).find(
      (field) => field.fieldId === "customfield_10106"
    );

    expect(site).toMatchObject({
      required: true,
      name: "Site",
      schema: {
        type: "option-with-child",
        custom: "com.atlassian.jira.plugin.system.customfieldtypes:cascadingselect",
      },
    });
    expect(site?.allowedValues?.[0]).toMatchObject({
      value: "EMEA",
      children: [
        expect.objectContaining({ value: "Berlin" }),
        expect.objectContaining({ value: "London" }),
      ],
    });
  });

  it("pages fields with startAt and maxResults", async () => {
    const res = await app.api("issue/createmeta/SUP/issuetypes/10100?startAt=10&maxResults=5", {
      user: "jane",
    });

    expect(res.body).toMatchObject({ startAt: 10, maxResults: 5, total: 13, isLast: true });
    expect((res.body as Page<FieldMeta>).values.map((field) => field.fieldId)).toEqual([
      "customfield_10102",
      "customfield_10104",
      "customfield_10105",
    ]);
  });

  it("answers 400 for an issue type the project does not have", async () => {
    const res = await app.api("issue/createmeta/SUP/issuetypes/10001", { user: "jane" });

    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      errorMessages: [
        "The issue type with id '10001' does not exist or is not available in project 'SUP'.",
      ],
      errors: {},
    });
  });
});

describe("GET issue/createmeta?expand=projects.issuetypes.fields (before Jira 9)", () => {
  it("lists visible projects with issue types and fields keyed by field id on Jira 8", async () => {
    app.settings.version = "8.20.10";

    const res = await app.api(
      "issue/createmeta?projectKeys=SUP&expand=projects.issuetypes.fields",
      { user: "jane" }
    );

    expect(res.status).toBe(200);
    const body = res.body as {
      projects: {
        key: string;
        expand: string;
        issuetypes: { name: string; fields: Record<string, { key: string; required: boolean }> }[];
      }[];
    };
    expect(body.projects.map((project) => project.key)).toEqual(["SUP"]);
    expect(body.projects[0]?.expand).toBe("issuetypes");
    const serviceRequest = body.projects[0]?.issuetypes.find(
      (type) => type.name === "Service Request"
    );
    expect(serviceRequest?.fields.customfield_10100).toMatchObject({
      key: "customfield_10100",
      required: true,
    });
    expect(Object.keys(serviceRequest?.fields ?? {})).toContain("summary");
  });

  it("leaves fields out without the expand, filters issue types, and hides ENG from Jane", async () => {
    app.settings.version = "8.20.10";

    const all = await app.api("issue/createmeta", { user: "jane" });
    const bugs = await app.api("issue/createmeta?projectKeys=SUP,ENG&issuetypeNames=bug", {
      user: "jane",
    });

    const projects = (all.body as { projects: { key: string; issuetypes: object[] }[] }).projects;
    expect(projects.map((project) => project.key)).toEqual(["SUP", "OPS"]);
    expect(projects[0]?.issuetypes[0]).not.toHaveProperty("fields");
    const filtered = (bugs.body as { projects: { key: string; issuetypes: { name: string }[] }[] })
      .projects;
    expect(
      filtered.map((project) => [project.key, project.issuetypes.map((type) => type.name)])
    ).toEqual([["SUP", ["Bug"]]]);
  });
});

describe("createmeta forms by Jira version", () => {
  const cases: [string, number, number][] = [
    // version, status of the per-project form, status of the old form
    ["8.3.5", 404, 200],
    ["8.4.0", 200, 200],
    ["8.20.10", 200, 200],
    ["9.0.0", 200, 404],
    ["10.3.1", 200, 404],
  ];

  it.each(cases)("Jira %s: per-project form %i, old form %i", async (version, perProject, old) => {
    app.settings.version = version;

    const paged = await app.api("issue/createmeta/SUP/issuetypes", { user: "jane" });
    const fields = await app.api("issue/createmeta/SUP/issuetypes/3", { user: "jane" });
    const legacy = await app.api(
      "issue/createmeta?projectKeys=SUP&expand=projects.issuetypes.fields",
      { user: "jane" }
    );

    expect(paged.status).toBe(perProject);
    expect(fields.status).toBe(perProject);
    expect(legacy.status).toBe(old);
  });

  it("answers the removed old form like Jira 9: the path is read as issue key 'createmeta'", async () => {
    const res = await app.api("issue/createmeta?projectKeys=SUP", { user: "jane" });

    expect(res.body).toEqual({ errorMessages: ["Issue Does Not Exist"], errors: {} });
  });

  it("answers the per-project form before 8.4 with Jersey's 404", async () => {
    app.settings.version = "8.3.5";

    const res = await app.api("issue/createmeta/SUP/issuetypes", { user: "jane" });

    expect(res.body).toMatchObject({ "status-code": 404 });
  });
});
