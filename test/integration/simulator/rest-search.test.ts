/**
 * `GET search` / `POST search` over HTTP: each JQL clause the simulator supports, AND / OR / NOT
 * and parentheses, ORDER BY, paging, field selection, permissions, and the 400s for what it
 * cannot parse or does not know, in Jira's wording.
 *
 * Seed issues Jane can see (times before the test clock, 2026-12-04T16:08:39Z):
 *   SUP-1 created -3d, updated -5h, High, reporter jane, assignee john, Open
 *   SUP-2 created -2d, updated -1h, Medium, reporter john, assignee jane, In Progress, Bug
 *   SUP-3 created -10d, updated -1d, Medium, reporter jane, assignee jane, Done
 *   OPS-1 created -5d, updated -4d, High, reporter john, unassigned, Open, Bug
 *   OPS-2 created -20d, updated -2d, Highest, reporter jane, assignee john, In Progress
 *   OPS-3 created -8d, updated -6d, Low, reporter jane, assignee john, Done
 * and ENG-1 (John only) created -1d.
 */
import { assertMatchesSchema } from "../../support/openapi-schema";
import { setUpRestTestApp } from "../../support/rest-test-app";

interface SearchBody {
  startAt: number;
  maxResults: number;
  total: number;
  issues: { key: string; fields: Record<string, unknown> }[];
  warningMessages?: string[];
}

const app = setUpRestTestApp();

/** Runs `jql` as `user` (null: anonymous). */
async function search(jql: string, user: string | null = "jane", extra = "") {
  return app.api(`search?jql=${encodeURIComponent(jql)}${extra}`, { user: user ?? undefined });
}

/** Keys found by `jql`, in the order returned. */
async function keys(jql: string, user: string | null = "jane"): Promise<string[]> {
  const res = await search(jql, user);
  expect(res.status).toBe(200);
  return (res.body as SearchBody).issues.map((issue) => issue.key);
}

/** Keys found by `jql`, sorted, for clauses where order is not the point. */
async function keySet(jql: string, user: string | null = "jane"): Promise<string[]> {
  return (await keys(jql, user)).sort();
}

async function jqlError(jql: string): Promise<string> {
  const res = await search(jql);
  expect(res.status).toBe(400);
  const body = res.body as { errorMessages: string[]; errors: object };
  expect(body.errors).toEqual({});
  expect(body.errorMessages).toHaveLength(1);
  return body.errorMessages[0] as string;
}

describe("search results", () => {
  it("answers SearchResultsBean with navigable fields by default (no comments)", async () => {
    const res = await search("key = SUP-1");

    expect(res.status).toBe(200);
    const body = res.body as SearchBody;
    expect(body).toMatchObject({ startAt: 0, maxResults: 50, total: 1 });
    expect(body.issues[0]).toMatchObject({
      key: "SUP-1",
      fields: { summary: "Cannot log in to the expense portal", status: { name: "Open" } },
    });
    expect(body.issues[0]?.fields).not.toHaveProperty("comment");
    assertMatchesSchema(res.body, "SearchResultsBean");
  });

  it("returns only the requested fields, or all with *all", async () => {
    const some = await search("key = SUP-1", "jane", "&fields=summary,assignee");
    const all = await search("key = SUP-1", "jane", "&fields=*all");

    expect(Object.keys((some.body as SearchBody).issues[0]?.fields ?? {}).sort()).toEqual([
      "assignee",
      "summary",
    ]);
    expect((all.body as SearchBody).issues[0]?.fields).toHaveProperty("comment.total", 3);
  });

  it("lists everything the user can see, newest first, without a query", async () => {
    expect(await keys("", "jane")).toEqual(["OPS-3", "OPS-2", "OPS-1", "SUP-3", "SUP-2", "SUP-1"]);
    expect(await keys("", "john")).toEqual([
      "ENG-1",
      "OPS-3",
      "OPS-2",
      "OPS-1",
      "SUP-3",
      "SUP-2",
      "SUP-1",
    ]);
  });

  it("pages with startAt and maxResults, and caps maxResults at 1000", async () => {
    const page = await search("ORDER BY key ASC", "jane", "&startAt=2&maxResults=2");
    const none = await search("", "jane", "&maxResults=0");
    const capped = await search("", "jane", "&maxResults=5000");

    expect(page.body).toMatchObject({ startAt: 2, maxResults: 2, total: 6 });
    expect((page.body as SearchBody).issues.map((issue) => issue.key)).toEqual(["OPS-3", "SUP-1"]);
    expect(none.body).toMatchObject({ total: 6, issues: [] });
    expect((capped.body as SearchBody).maxResults).toBe(1000);
  });

  it("answers anonymous searches with nothing visible", async () => {
    const res = await search("", null);
    const project = await search("project = SUP", null);

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ total: 0, issues: [] });
    expect(project.status).toBe(400);
    expect(project.body).toEqual({
      errorMessages: ["The value 'SUP' does not exist for the field 'project'."],
      errors: {},
    });
  });

  it("POST search takes the same query as a JSON body", async () => {
    const res = await app.api("search", {
      user: "jane",
      json: {
        jql: "project = SUP ORDER BY key DESC",
        startAt: 1,
        maxResults: 1,
        fields: ["summary"],
      },
    });

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ startAt: 1, maxResults: 1, total: 3 });
    expect((res.body as SearchBody).issues).toEqual([
      expect.objectContaining({ key: "SUP-2", fields: { summary: "VPN drops every hour" } }),
    ]);
    assertMatchesSchema(res.body, "SearchResultsBean");
  });

  it("POST search answers 400 for bad JQL too", async () => {
    const res = await app.api("search", { user: "jane", json: { jql: "project = " } });

    expect(res.status).toBe(400);
    expect((res.body as { errorMessages: string[] }).errorMessages[0]).toMatch(
      /^Error in the JQL Query: /
    );
  });
});

describe("JQL clauses", () => {
  it.each([
    ["key = SUP-1", ["SUP-1"]],
    ["issuekey = sup-1", ["SUP-1"]],
    ["key in (SUP-1, OPS-2)", ["OPS-2", "SUP-1"]],
    ['key IN ("SUP-1", "SUP-2")', ["SUP-1", "SUP-2"]],
    ["id = 10001", ["SUP-2"]],
    ["key != SUP-1 AND project = SUP", ["SUP-2", "SUP-3"]],
    ["key not in (SUP-1, SUP-2) AND project = SUP", ["SUP-3"]],
  ])("%s", async (jql, expected) => {
    expect(await keySet(jql)).toEqual(expected);
  });

  it.each([
    ["project = SUP", ["SUP-1", "SUP-2", "SUP-3"]],
    ["project = sup", ["SUP-1", "SUP-2", "SUP-3"]],
    ['project = "Customer Support"', ["SUP-1", "SUP-2", "SUP-3"]],
    ["project = 10001", ["OPS-1", "OPS-2", "OPS-3"]],
    ["project in (SUP, OPS)", ["OPS-1", "OPS-2", "OPS-3", "SUP-1", "SUP-2", "SUP-3"]],
    ["project != SUP", ["OPS-1", "OPS-2", "OPS-3"]],
    ["project not in (OPS)", ["SUP-1", "SUP-2", "SUP-3"]],
  ])("%s", async (jql, expected) => {
    expect(await keySet(jql)).toEqual(expected);
  });

  it.each([
    ['text ~ "vpn"', ["SUP-2"]],
    ["text ~ credentials", ["SUP-1"]],
    ['summary ~ "invoice"', ["OPS-1", "SUP-3"]],
    ['summary ~ "invoices"', ["OPS-1", "SUP-3"]],
    ['summary ~ "invoice export"', ["OPS-1"]],
    ['summary ~ "\\"export to ERP\\""', ["OPS-1"]],
    ['summary ~ "\\"ERP to export\\""', []],
    ['summary ~ "exp*"', ["OPS-1", "SUP-1"]],
    ["summary ~ dropping", ["SUP-2"]],
    ['summary ~ "2024-117"', ["SUP-3"]],
    ['description ~ "credentials"', ["SUP-1"]],
    ["environment ~ windows", ["SUP-2"]],
    ['comment ~ "screenshot"', ["SUP-1"]],
    ['text ~ "CASE-4711"', ["SUP-1"]],
    ["summary !~ vpn AND project = SUP", ["SUP-1", "SUP-3"]],
    ["description is EMPTY", ["OPS-2", "OPS-3"]],
  ])("%s", async (jql, expected) => {
    expect(await keySet(jql)).toEqual(expected);
  });

  it("searches only the comments the user may read", async () => {
    expect(await keySet('text ~ "firewall"', "jane")).toEqual([]);
    expect(await keySet('text ~ "firewall"', "john")).toEqual(["SUP-2"]);
  });

  it.each([
    ["reporter = currentUser()", ["OPS-2", "OPS-3", "SUP-1", "SUP-3"]],
    ["assignee = currentUser()", ["SUP-2", "SUP-3"]],
    ["assignee = currentuser()", ["SUP-2", "SUP-3"]],
    ["assignee = john", ["OPS-2", "OPS-3", "SUP-1"]],
    ["assignee is EMPTY", ["OPS-1"]],
    ["assignee is not empty AND project = OPS", ["OPS-2", "OPS-3"]],
    ["assignee = null", ["OPS-1"]],
    ["assignee in (jane, EMPTY)", ["OPS-1", "SUP-2", "SUP-3"]],
    ["assignee != jane", ["OPS-2", "OPS-3", "SUP-1"]],
    ["reporter in (john)", ["OPS-1", "SUP-2"]],
    ["creator = jane AND project = SUP", ["SUP-1", "SUP-3"]],
  ])("%s", async (jql, expected) => {
    expect(await keySet(jql)).toEqual(expected);
  });

  it("matches nothing for currentUser() when anonymous", async () => {
    expect(await keySet("assignee = currentUser()", null)).toEqual([]);
  });

  it.each([
    ["created >= -2d", ["SUP-2"]],
    ["created >= -72h", ["SUP-1", "SUP-2"]],
    ["created >= -4d", ["SUP-1", "SUP-2"]],
    ["created >= -1w", ["OPS-1", "SUP-1", "SUP-2"]],
    ["created < -1w", ["OPS-2", "OPS-3", "SUP-3"]],
    ["updated >= -300m", ["SUP-1", "SUP-2"]],
    ["updated > -5h", ["SUP-2"]],
    ['created >= "-1w 2d"', ["OPS-1", "OPS-3", "SUP-1", "SUP-2"]],
    ['created >= "2026-12-01"', ["SUP-1", "SUP-2"]],
    ['created >= "2026/12/01 17:00"', ["SUP-2"]],
    ["created >= startOfDay(-2d)", ["SUP-2"]],
    ["updated <= now() AND updated >= -1d", ["SUP-1", "SUP-2", "SUP-3"]],
    ["resolved >= -2d", ["SUP-3"]],
    ['due <= "2027-01-31"', ["OPS-2"]],
  ])("%s", async (jql, expected) => {
    expect(await keySet(jql)).toEqual(expected);
  });

  it("finds John's ENG-1 from yesterday, created >= -1d", async () => {
    expect(await keySet("created >= -1d", "john")).toEqual(["ENG-1"]);
    expect(await keySet("created >= -1d", "jane")).toEqual([]);
  });

  it.each([
    ["resolution = Unresolved", ["OPS-1", "OPS-2", "SUP-1", "SUP-2"]],
    ["resolution is EMPTY", ["OPS-1", "OPS-2", "SUP-1", "SUP-2"]],
    ["resolution is not EMPTY", ["OPS-3", "SUP-3"]],
    ['resolution = "Done"', ["OPS-3", "SUP-3"]],
    ["resolution in (Duplicate, Unresolved) AND project = SUP", ["SUP-1", "SUP-2"]],
    ["statusCategory != Done", ["OPS-1", "OPS-2", "SUP-1", "SUP-2"]],
    ['statusCategory = "In Progress"', ["OPS-2", "SUP-2"]],
    ["statusCategory = indeterminate", ["OPS-2", "SUP-2"]],
    ["statusCategory in (new, done)", ["OPS-1", "OPS-3", "SUP-1", "SUP-3"]],
    ['status = "In Progress"', ["OPS-2", "SUP-2"]],
    ["status = 1", ["OPS-1", "SUP-1"]],
    ["issuetype = Bug", ["OPS-1", "SUP-2"]],
    ['type in (Task, "Service Request") AND project = SUP', ["SUP-1", "SUP-3"]],
    ["priority = High", ["OPS-1", "SUP-1"]],
    ["priority in (Highest, Low)", ["OPS-2", "OPS-3"]],
    ["labels = vpn", ["SUP-2"]],
    ["labels in (BILLING, login)", ["SUP-1", "SUP-3"]],
    ["labels is EMPTY AND project = OPS", ["OPS-1", "OPS-3"]],
  ])("%s", async (jql, expected) => {
    expect(await keySet(jql)).toEqual(expected);
  });
});

describe("JQL operators and grammar", () => {
  it.each([
    [
      "project = SUP AND (assignee = currentUser() OR reporter = currentUser())",
      ["SUP-1", "SUP-2", "SUP-3"],
    ],
    ["project = OPS OR key = SUP-1", ["OPS-1", "OPS-2", "OPS-3", "SUP-1"]],
    ["project = OPS AND priority = High OR key = SUP-2", ["OPS-1", "SUP-2"]],
    ["project = OPS AND (priority = High OR priority = Low)", ["OPS-1", "OPS-3"]],
    ["NOT project = SUP", ["OPS-1", "OPS-2", "OPS-3"]],
    ["project = SUP AND NOT (assignee = jane)", ["SUP-1"]],
    ["project = sup and resolution = unresolved", ["SUP-1", "SUP-2"]],
    ["project = SUP && assignee = jane || key = OPS-1", ["OPS-1", "SUP-2", "SUP-3"]],
    ["((project = SUP))", ["SUP-1", "SUP-2", "SUP-3"]],
    ["project='SUP'", ["SUP-1", "SUP-2", "SUP-3"]],
  ])("%s", async (jql, expected) => {
    expect(await keySet(jql)).toEqual(expected);
  });
});

describe("ORDER BY", () => {
  it.each([
    ["ORDER BY created ASC", ["OPS-2", "SUP-3", "OPS-3", "OPS-1", "SUP-1", "SUP-2"]],
    ["ORDER BY created", ["SUP-2", "SUP-1", "OPS-1", "OPS-3", "SUP-3", "OPS-2"]],
    ["order by updated desc", ["SUP-2", "SUP-1", "SUP-3", "OPS-2", "OPS-1", "OPS-3"]],
    ["ORDER BY key", ["OPS-1", "OPS-2", "OPS-3", "SUP-1", "SUP-2", "SUP-3"]],
    ["ORDER BY issuekey DESC", ["SUP-3", "SUP-2", "SUP-1", "OPS-3", "OPS-2", "OPS-1"]],
    ["ORDER BY priority DESC, key ASC", ["OPS-2", "OPS-1", "SUP-1", "SUP-2", "SUP-3", "OPS-3"]],
    ["ORDER BY priority ASC, created DESC", ["OPS-3", "SUP-2", "SUP-3", "SUP-1", "OPS-1", "OPS-2"]],
    ["project = SUP ORDER BY summary", ["SUP-1", "SUP-3", "SUP-2"]],
    ["resolution = Unresolved ORDER BY updated ASC", ["OPS-1", "OPS-2", "SUP-1", "SUP-2"]],
  ])("%s", async (jql, expected) => {
    expect(await keys(jql)).toEqual(expected);
  });

  it("sorts keys by number, not as text (SUP-10 after SUP-9)", async () => {
    for (let i = 4; i <= 10; i += 1) {
      await app.api("issue", {
        user: "jane",
        json: {
          fields: { project: { key: "SUP" }, issuetype: { name: "Task" }, summary: `Issue ${i}` },
        },
      });
    }

    expect((await keys("project = SUP ORDER BY key ASC")).slice(-3)).toEqual([
      "SUP-8",
      "SUP-9",
      "SUP-10",
    ]);
  });
});

describe("permissions in search", () => {
  it("answers 400 for a project Jane cannot see, as if it did not exist", async () => {
    expect(await jqlError("project = ENG")).toBe(
      "The value 'ENG' does not exist for the field 'project'."
    );
    expect(await keySet("project = ENG", "john")).toEqual(["ENG-1"]);
  });

  it("answers 400 for a hidden issue key", async () => {
    expect(await jqlError("key = ENG-1")).toBe(
      "An issue with key 'ENG-1' does not exist for field 'key'."
    );
    expect(await jqlError("issuekey in (SUP-1, SUP-99)")).toBe(
      "An issue with key 'SUP-99' does not exist for field 'issuekey'."
    );
  });

  it("turns unknown values into warnings with validateQuery=false", async () => {
    const res = await search(
      "project in (SUP, ENG) AND key != ENG-1",
      "jane",
      "&validateQuery=false"
    );

    expect(res.status).toBe(200);
    const body = res.body as SearchBody;
    expect(body.issues.map((issue) => issue.key).sort()).toEqual(["SUP-1", "SUP-2", "SUP-3"]);
    expect(body.warningMessages).toEqual([
      "The value 'ENG' does not exist for the field 'project'.",
      "An issue with key 'ENG-1' does not exist for field 'key'.",
    ]);
  });
});

describe("JQL errors (400)", () => {
  it.each([
    [
      "project = ",
      "Error in the JQL Query: Expecting either a value, list or function but reached the end of the query.",
    ],
    [
      "project SUP",
      "Error in the JQL Query: Expecting operator but got 'SUP'. The valid operators are '=', '!=', '<', '>', '<=', '>=', '~', '!~', 'IN', 'NOT IN', 'IS' and 'IS NOT'. (line 1, character 9)",
    ],
    ["(project = SUP", "Error in the JQL Query: Expecting ')' but reached the end of the query."],
    [
      "project = SUP)",
      "Error in the JQL Query: Expecting either 'OR' or 'AND' but got ')'. (line 1, character 14)",
    ],
    [
      "project = SUP foo = bar",
      "Error in the JQL Query: Expecting either 'OR' or 'AND' but got 'foo'. (line 1, character 15)",
    ],
    [
      'summary ~ "unterminated',
      "Error in the JQL Query: The quoted string 'unterminated' has not been completed. (line 1, character 11)",
    ],
    ["= SUP", "Error in the JQL Query: Expecting a field name but got '='. (line 1, character 1)"],
    [
      "project = SUP AND",
      "Error in the JQL Query: Expecting a field name but reached the end of the query.",
    ],
  ])("%s", async (jql, message) => {
    expect(await jqlError(jql)).toBe(message);
  });

  it("parses an empty list, which matches nothing", async () => {
    expect(await keySet("project in ()")).toEqual([]);
  });

  it.each([
    ["foo = bar", "Field 'foo' does not exist or you do not have permission to view it."],
    ["summary = vpn", "The operator '=' is not supported by the 'summary' field."],
    ["created ~ yesterday", "The operator '~' is not supported by the 'created' field."],
    [
      "project in SUP",
      "The operator 'IN' does not support the non-list value 'SUP' for field 'project'.",
    ],
    [
      "project = (SUP, OPS)",
      "The operator '=' does not support the list value '(SUP, OPS)' for field 'project'.",
    ],
    [
      "assignee is jane",
      "The operator 'IS' only supports empty or null values for field 'assignee'.",
    ],
    ["reporter = nobody", "The value 'nobody' does not exist for the field 'reporter'."],
    ["resolution = Fixed", "The value 'Fixed' does not exist for the field 'resolution'."],
    [
      "statusCategory = Blocked",
      "The value 'Blocked' does not exist for the field 'statusCategory'.",
    ],
    ["key = nokey", "The issue key 'nokey' for field 'key' is invalid."],
    [
      "summary ~ '*vpn'",
      "The text query '*vpn' for field 'summary' is not allowed to start with a wildcard ('*' or '?').",
    ],
    ["assignee = membersOf(jira-users)", "Unable to find JQL function 'membersOf(jira-users)'."],
    [
      "created >= yesterday",
      "Date value 'yesterday' for field 'created' is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.",
    ],
    ["ORDER BY text", "Field 'text' does not support sorting."],
    [
      "ORDER BY nothing",
      "Field 'nothing' does not exist or you do not have permission to view it.",
    ],
    [
      '"Customer Impact" = High',
      "Error in the JQL Query: the Jira simulator does not search custom fields ('Customer Impact').",
    ],
  ])("%s", async (jql, message) => {
    expect(await jqlError(jql)).toBe(message);
  });
});
