/**
 * The issue picker (History Search from the user's issue history, Current Search from currentJQL),
 * issue properties (the add-in remembers emails on issues with them) and remote links (upsert by
 * globalId), over HTTP.
 */
import { arrayOf, assertMatchesSchema } from "../../support/openapi-schema";
import { setUpRestTestApp } from "../../support/rest-test-app";

interface PickerIssue {
  key: string;
  keyHtml: string;
  img: string;
  summary: string;
  summaryText: string;
}

interface PickerSection {
  label: string;
  sub: string;
  id: string;
  issues: PickerIssue[];
}

const app = setUpRestTestApp();

async function picker(params: string, user: string | null = "jane"): Promise<PickerSection[]> {
  const res = await app.api(`issue/picker?${params}`, { user: user ?? undefined });
  expect(res.status).toBe(200);
  assertMatchesSchema(res.body, "IssuePickerResult");
  return (res.body as { sections: PickerSection[] }).sections;
}

const keysOf = (section: PickerSection | undefined) => section?.issues.map((issue) => issue.key);

async function createIssue(summary: string): Promise<string> {
  const res = await app.api("issue", {
    user: "jane",
    json: { fields: { project: { key: "SUP" }, issuetype: { name: "Task" }, summary } },
  });
  return (res.body as { key: string }).key;
}

describe("GET issue/picker", () => {
  it("lists the user's history first, then the other issues, like Jira's two sections", async () => {
    const [history, current] = await picker("query=");

    expect(history).toMatchObject({
      label: "History Search",
      id: "hs",
      sub: "Showing 3 of 3 matching issues",
    });
    expect(keysOf(history)).toEqual(["SUP-2", "SUP-1", "OPS-1"]);
    expect(current).toMatchObject({
      label: "Current Search",
      id: "cs",
      sub: "Showing 3 of 3 matching issues",
    });
    expect(keysOf(current)).toEqual(["OPS-3", "OPS-2", "SUP-3"]);
    expect(history?.issues[0]).toEqual({
      key: "SUP-2",
      keyHtml: "SUP-2",
      img: "/jira/secure/viewavatar?size=xsmall&avatarId=10303&avatarType=issuetype",
      summary: "VPN drops every hour",
      summaryText: "VPN drops every hour",
    });
  });

  it("matches words at the start of summary words and marks them with <b>", async () => {
    const [history, current] = await picker("query=inv");

    expect(history?.issues).toEqual([
      expect.objectContaining({
        key: "OPS-1",
        summary: "Nightly <b>inv</b>oice export to ERP fails with timeout",
        summaryText: "Nightly invoice export to ERP fails with timeout",
      }),
    ]);
    expect(current?.issues).toEqual([
      expect.objectContaining({ key: "SUP-3", summary: "<b>Inv</b>oice 2024-117 missing in ERP" }),
    ]);
  });

  it("needs every query word to match", async () => {
    const [history, current] = await picker("query=vpn%20hour");
    const [none] = await picker("query=vpn%20invoice");

    expect(history?.issues.map((issue) => issue.summary)).toEqual([
      "<b>VPN</b> drops every <b>hour</b>",
    ]);
    expect(keysOf(current)).toEqual([]);
    expect(keysOf(none)).toEqual([]);
  });

  it("matches a typed key prefix and marks the key", async () => {
    const [history, current] = await picker("query=sup-");

    expect(keysOf(history)).toEqual(["SUP-2", "SUP-1"]);
    expect(history?.issues[0]?.keyHtml).toBe("<b>SUP-2</b>");
    expect(keysOf(current)).toEqual(["SUP-3"]);
  });

  it("escapes summaries as HTML", async () => {
    await createIssue('Error <500> & timeout in "portal"');

    const [, current] = await picker("query=error");

    expect(current?.issues[0]).toMatchObject({
      summary: "<b>Error</b> &lt;500&gt; &amp; timeout in &quot;portal&quot;",
      summaryText: 'Error <500> & timeout in "portal"',
    });
  });

  it("limits Current Search to currentJQL", async () => {
    const [history, current] = await picker(
      `query=&currentJQL=${encodeURIComponent("project = OPS")}`
    );

    expect(keysOf(history)).toEqual(["SUP-2", "SUP-1", "OPS-1"]);
    expect(keysOf(current)).toEqual(["OPS-3", "OPS-2"]);
  });

  it("answers 400 for a bad currentJQL", async () => {
    const res = await app.api(
      `issue/picker?query=x&currentJQL=${encodeURIComponent("project =")}`,
      { user: "jane" }
    );

    expect(res.status).toBe(400);
  });

  it("leaves out currentIssueKey", async () => {
    const [history] = await picker("query=&currentIssueKey=SUP-2");

    expect(keysOf(history)).toEqual(["SUP-1", "OPS-1"]);
    expect(history?.sub).toBe("Showing 2 of 2 matching issues");
  });

  it("records an issue in the history on GET issue?updateHistory=true only (as Jira)", async () => {
    await app.api("issue/OPS-3", { user: "jane" });
    const [unchanged] = await picker("query=");
    await app.api("issue/OPS-3?updateHistory=true", { user: "jane" });
    await app.api("issue/SUP-1?updateHistory=true", { user: "jane" });
    const [history, current] = await picker("query=");

    expect(keysOf(unchanged)).toEqual(["SUP-2", "SUP-1", "OPS-1"]);
    expect(keysOf(history)).toEqual(["SUP-1", "OPS-3", "SUP-2", "OPS-1"]);
    expect(keysOf(current)).toEqual(["OPS-2", "SUP-3"]);
  });

  it("keeps histories per user", async () => {
    const [john] = await picker("query=", "john");

    expect(keysOf(john)).toEqual(["ENG-1", "SUP-2"]);
  });

  it("bounds the history at 50 issues and shows 10 per section", async () => {
    for (let i = 0; i < 55; i += 1) {
      const key = await createIssue(`Bulk issue ${i}`);
      await app.api(`issue/${key}?updateHistory=true`, { user: "jane" });
    }

    const [history, current] = await picker("query=");

    expect(history?.sub).toBe("Showing 10 of 50 matching issues");
    expect(keysOf(history)?.[0]).toBe("SUP-58");
    expect(current?.issues).toHaveLength(10);
    expect(
      (app.data.snapshot() as { history: Record<string, string[]> }).history.jane
    ).toHaveLength(50);
  });

  it("answers anonymous requests with empty sections", async () => {
    const [history, current] = await picker("query=", null);

    expect(keysOf(history)).toEqual([]);
    expect(keysOf(current)).toEqual([]);
  });
});

describe("issue properties", () => {
  const PROPERTY = "com.example.jira-for-outlook.emails";
  const path = (key = "SUP-2", property = PROPERTY) => `issue/${key}/properties/${property}`;

  it("creates (201), updates (200) and reads back a JSON value", async () => {
    const value = { messages: [{ internetMessageId: "<a@b>", subject: "VPN again" }] };

    const created = await app.api(path(), { user: "jane", method: "PUT", json: value });
    const updated = await app.api(path(), {
      user: "jane",
      method: "PUT",
      json: { ...value, count: 2 },
    });
    const read = await app.api(path(), { user: "jane" });

    expect(created.status).toBe(201);
    expect(created.text).toBe("");
    expect(updated.status).toBe(200);
    expect(read.status).toBe(200);
    expect(read.body).toEqual({ key: PROPERTY, value: { ...value, count: 2 } });
    assertMatchesSchema(read.body, "EntityPropertyBean");
  });

  it("stores any JSON value: string, number, array", async () => {
    await app.api(path("SUP-2", "a"), { user: "jane", method: "PUT", json: "text" });
    await app.api(path("SUP-2", "b"), { user: "jane", method: "PUT", json: 42 });
    await app.api(path("SUP-2", "c"), { user: "jane", method: "PUT", json: [1, "two"] });

    expect((await app.api(path("SUP-2", "a"), { user: "jane" })).body).toEqual({
      key: "a",
      value: "text",
    });
    expect((await app.api(path("SUP-2", "b"), { user: "jane" })).body).toEqual({
      key: "b",
      value: 42,
    });
    expect((await app.api(path("SUP-2", "c"), { user: "jane" })).body).toEqual({
      key: "c",
      value: [1, "two"],
    });
  });

  it("lists property keys with self links", async () => {
    await app.api(path(), { user: "jane", method: "PUT", json: {} });

    const res = await app.api("issue/SUP-2/properties", { user: "jane" });

    expect(res.body).toEqual({
      keys: [
        { key: PROPERTY, self: `${app.jiraUrl}/rest/api/2/issue/SUP-2/properties/${PROPERTY}` },
      ],
    });
    assertMatchesSchema(res.body, "EntityPropertiesKeysBean");
    expect((await app.api("issue/SUP-1/properties", { user: "jane" })).body).toEqual({ keys: [] });
  });

  it("accepts a value of exactly 32768 bytes and refuses one byte more", async () => {
    const exact = JSON.stringify("x".repeat(32766));
    const over = JSON.stringify("x".repeat(32767));

    const ok = await app.api(path(), {
      user: "jane",
      method: "PUT",
      body: exact,
      headers: { "Content-Type": "application/json" },
    });
    const tooBig = await app.api(path(), {
      user: "jane",
      method: "PUT",
      body: over,
      headers: { "Content-Type": "application/json" },
    });

    expect(ok.status).toBe(201);
    expect(tooBig.status).toBe(400);
    expect(tooBig.body).toEqual({
      errorMessages: ["The property value cannot be longer than 32768 bytes."],
      errors: {},
    });
  });

  it("counts UTF-8 bytes, not characters", async () => {
    const umlauts = JSON.stringify("ä".repeat(16384)); // 16,386 characters, 32,770 bytes

    const res = await app.api(path(), { user: "jane", method: "PUT", json: JSON.parse(umlauts) });

    expect(res.status).toBe(400);
  });

  it("refuses invalid JSON (400) and other media types (415)", async () => {
    const invalid = await app.api(path(), {
      user: "jane",
      method: "PUT",
      body: "{oops",
      headers: { "Content-Type": "application/json" },
    });
    const text = await app.api(path(), {
      user: "jane",
      method: "PUT",
      body: "{}",
      headers: { "Content-Type": "text/plain", "X-Atlassian-Token": "no-check" },
    });

    expect(invalid.status).toBe(400);
    expect(invalid.body).toEqual({
      errorMessages: ["The property value must be valid JSON."],
      errors: {},
    });
    expect(text.status).toBe(415);
  });

  it("answers 404 for a missing property, deletes one (204)", async () => {
    const missing = await app.api(path("SUP-2", "nothing"), { user: "jane" });
    await app.api(path(), { user: "jane", method: "PUT", json: true });
    const deleted = await app.api(path(), { user: "jane", method: "DELETE" });
    const after = await app.api(path(), { user: "jane" });

    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({
      errorMessages: ["The property with key 'nothing' does not exist."],
      errors: {},
    });
    expect(deleted.status).toBe(204);
    expect(after.status).toBe(404);
  });

  it("hides properties of hidden issues (404) and needs a user (401)", async () => {
    const put = await app.api(path("ENG-1"), { user: "jane", method: "PUT", json: {} });
    const list = await app.api("issue/ENG-1/properties", { user: "jane" });
    const anonymous = await app.api(path(), { method: "PUT", json: {} });

    expect(put.status).toBe(404);
    expect(list.status).toBe(404);
    expect(anonymous.status).toBe(401);
  });
});

describe("remote links", () => {
  const LINK = {
    globalId: "outlook:message:<CAF123@mail.example.com>",
    application: { type: "com.microsoft.outlook", name: "Outlook" },
    relationship: "email",
    object: {
      url: "https://outlook.office.com/mail/deeplink/read/AAMk",
      title: "Re: VPN drops every hour",
      summary: "From: customer@example.com",
      icon: { url16x16: "https://addin.example.com/assets/icon-16.png", title: "Email" },
    },
  };

  it("creates a link (201, {id, self}) and updates it by globalId (200, same id)", async () => {
    const created = await app.api("issue/SUP-2/remotelink", { user: "jane", json: LINK });
    const updated = await app.api("issue/SUP-2/remotelink", {
      user: "jane",
      json: { ...LINK, object: { ...LINK.object, title: "Re: Re: VPN drops every hour" } },
    });

    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: 10000,
      self: `${app.jiraUrl}/rest/api/2/issue/SUP-2/remotelink/10000`,
    });
    assertMatchesSchema(created.body, "RemoteIssueLinkBean");
    expect(updated.status).toBe(200);
    expect(updated.body).toEqual(created.body);
    const list = await app.api("issue/SUP-2/remotelink", { user: "jane" });
    expect(list.body).toEqual([
      {
        id: 10000,
        self: `${app.jiraUrl}/rest/api/2/issue/SUP-2/remotelink/10000`,
        globalId: LINK.globalId,
        application: LINK.application,
        relationship: "email",
        object: { ...LINK.object, title: "Re: Re: VPN drops every hour", status: { icon: {} } },
      },
    ]);
    assertMatchesSchema(list.body, arrayOf("RemoteIssueLinkBean"));
    const link = (list.body as { object: unknown; application: unknown }[])[0];
    assertMatchesSchema(link?.object, "RemoteObject");
    assertMatchesSchema(link?.application, "Application");
  });

  it("creates a new link each time without globalId", async () => {
    const first = await app.api("issue/SUP-2/remotelink", {
      user: "jane",
      json: { object: LINK.object },
    });
    const second = await app.api("issue/SUP-2/remotelink", {
      user: "jane",
      json: { object: LINK.object },
    });

    expect([first.status, second.status]).toEqual([201, 201]);
    expect((second.body as { id: number }).id).toBe(10001);
    expect((await app.api("issue/SUP-2/remotelink", { user: "jane" })).body).toHaveLength(2);
  });

  it("finds a link by globalId or id; 404 when there is none", async () => {
    await app.api("issue/SUP-2/remotelink", { user: "jane", json: LINK });

    const byGlobalId = await app.api(
      `issue/SUP-2/remotelink?globalId=${encodeURIComponent(LINK.globalId)}`,
      { user: "jane" }
    );
    const byId = await app.api("issue/SUP-2/remotelink/10000", { user: "jane" });
    const unknown = await app.api("issue/SUP-2/remotelink?globalId=other", { user: "jane" });
    const otherIssue = await app.api(
      `issue/SUP-1/remotelink?globalId=${encodeURIComponent(LINK.globalId)}`,
      { user: "jane" }
    );

    expect(byGlobalId.body).toMatchObject({ id: 10000, globalId: LINK.globalId });
    expect(byId.body).toEqual(byGlobalId.body);
    expect(unknown.status).toBe(404);
    expect(otherIssue.status).toBe(404);
  });

  it("refuses a link without url or title (400)", async () => {
    const res = await app.api("issue/SUP-2/remotelink", {
      user: "jane",
      json: { globalId: "x", object: { summary: "no" } },
    });

    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      errorMessages: [],
      errors: { url: "'url' is required.", title: "'title' is required." },
    });
  });

  it("deletes by globalId (204)", async () => {
    await app.api("issue/SUP-2/remotelink", { user: "jane", json: LINK });

    const deleted = await app.api(
      `issue/SUP-2/remotelink?globalId=${encodeURIComponent(LINK.globalId)}`,
      {
        user: "jane",
        method: "DELETE",
      }
    );

    expect(deleted.status).toBe(204);
    expect((await app.api("issue/SUP-2/remotelink", { user: "jane" })).body).toEqual([]);
  });

  it("hides links of hidden issues (404) and needs a user (401)", async () => {
    const hidden = await app.api("issue/ENG-1/remotelink", { user: "jane", json: LINK });
    const anonymous = await app.api("issue/SUP-2/remotelink", { json: LINK });

    expect(hidden.status).toBe(404);
    expect(anonymous.status).toBe(401);
  });
});
