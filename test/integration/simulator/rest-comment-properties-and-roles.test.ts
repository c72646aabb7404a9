/**
 * What adding an email as a comment and finding its issue need from the simulator, over HTTP:
 * comments created with `properties` and read back with `expand=properties`, the comment property
 * resources, project roles (comment visibility), `validateQuery` read as Jira Server/DC reads it,
 * and text searches Lucene could not parse refused like Jira refuses them.
 */
import { assertMatchesSchema } from "../../support/openapi-schema";
import { setUpRestTestApp } from "../../support/rest-test-app";

interface CommentBody {
  id: string;
  self: string;
  body: string;
  properties?: { key: string; value: unknown }[];
}

interface CommentsPage {
  startAt: number;
  maxResults: number;
  total: number;
  comments: CommentBody[];
}

const MARKER_KEY = "com.jira-for-outlook.comment";
const MARKER = { attemptId: "6f1c2a9e-attempt", messageId: "<CAF=x@mail.example.com>" };

const app = setUpRestTestApp();

/** Adds a comment as `user` and returns the created bean. */
async function addComment(issueKey: string, json: unknown, user = "jane"): Promise<CommentBody> {
  const res = await app.api(`issue/${issueKey}/comment`, { user, json });
  expect(res.status).toBe(201);
  return res.body as CommentBody;
}

describe("POST issue/{key}/comment with properties", () => {
  it("stores them with the comment; they show only with expand=properties", async () => {
    const created = await addComment("SUP-2", {
      body: "From an email",
      properties: [{ key: MARKER_KEY, value: MARKER }],
    });

    expect(created).not.toHaveProperty("properties");
    const plain = await app.api("issue/SUP-2/comment?orderBy=-created&maxResults=1", {
      user: "jane",
    });
    const expanded = await app.api(
      "issue/SUP-2/comment?orderBy=-created&maxResults=1&expand=properties",
      { user: "jane" }
    );

    expect((plain.body as CommentsPage).comments[0]).not.toHaveProperty("properties");
    const page = expanded.body as CommentsPage;
    expect(page.comments).toHaveLength(1);
    expect(page.comments[0]).toMatchObject({
      id: created.id,
      body: "From an email",
      properties: [{ key: MARKER_KEY, value: MARKER }],
    });
    assertMatchesSchema(expanded.body, "CommentsWithPaginationJsonBean");
    // Comments without properties list an empty array when expanded, as Jira does.
    const all = await app.api("issue/SUP-2/comment?expand=properties", { user: "jane" });
    expect((all.body as CommentsPage).comments[0]?.properties).toEqual([]);
  });

  it("answers the created comment with its properties when the POST asks expand=properties", async () => {
    const res = await app.api("issue/SUP-1/comment?expand=properties", {
      user: "jane",
      json: { body: "x", properties: [{ key: "k", value: [1, "two", { three: null }] }] },
    });

    expect(res.status).toBe(201);
    expect((res.body as CommentBody).properties).toEqual([
      { key: "k", value: [1, "two", { three: null }] },
    ]);
    assertMatchesSchema(res.body, "CommentJsonBean");
  });

  it("refuses bad properties with 400 and stores nothing", async () => {
    const before = await app.api("issue/SUP-1/comment", { user: "jane" });
    const res = await app.api("issue/SUP-1/comment", {
      user: "jane",
      json: {
        body: "x",
        properties: [
          { key: "k".repeat(256), value: 1 },
          { key: "big", value: "é".repeat(16_384) },
        ],
      },
    });

    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      errorMessages: [
        "properties[0]: The property key cannot be longer than 255 characters.",
        "properties[1]: The property value cannot be longer than 32768 bytes.",
      ],
      errors: {},
    });
    const after = await app.api("issue/SUP-1/comment", { user: "jane" });
    expect((after.body as CommentsPage).total).toBe((before.body as CommentsPage).total);
  });

  it("keeps a comment's properties private to those who may read the comment", async () => {
    await addComment("SUP-1", {
      body: "Developers only",
      visibility: { type: "role", value: "Developers" },
      properties: [{ key: MARKER_KEY, value: MARKER }],
    });

    const service = await app.api("issue/SUP-1/comment?expand=properties", { user: "svc-mail" });

    expect(JSON.stringify(service.body)).not.toContain(MARKER.attemptId);
  });
});

describe("comment/{commentId}/properties", () => {
  it("PUT creates (201) then updates (200); GET lists keys and reads values; DELETE removes (204)", async () => {
    const comment = await addComment("SUP-2", { body: "x" });
    const path = `comment/${comment.id}/properties/${encodeURIComponent(MARKER_KEY)}`;

    const created = await app.api(path, { user: "jane", method: "PUT", json: MARKER });
    const updated = await app.api(path, {
      user: "jane",
      method: "PUT",
      json: { ...MARKER, messageId: "" },
    });
    const keys = await app.api(`comment/${comment.id}/properties`, { user: "jane" });
    const value = await app.api(path, { user: "jane" });

    expect(created.status).toBe(201);
    expect(updated.status).toBe(200);
    expect(keys.body).toEqual({
      keys: [
        {
          key: MARKER_KEY,
          self: `${app.jiraUrl}/rest/api/2/comment/${comment.id}/properties/${MARKER_KEY}`,
        },
      ],
    });
    assertMatchesSchema(keys.body, "EntityPropertiesKeysBean");
    expect(value.body).toEqual({ key: MARKER_KEY, value: { ...MARKER, messageId: "" } });
    assertMatchesSchema(value.body, "EntityPropertyBean");

    const deleted = await app.api(path, { user: "jane", method: "DELETE" });
    const gone = await app.api(path, { user: "jane" });

    expect(deleted.status).toBe(204);
    expect(gone.status).toBe(404);
    expect(gone.body).toEqual({
      errorMessages: [`The property with key '${MARKER_KEY}' does not exist.`],
      errors: {},
    });
  });

  it("answers 400 for an id that isn't a number, 404 for an unknown or unreadable comment, 401 anonymous", async () => {
    const restricted = await addComment(
      "SUP-1",
      { body: "Developers only", visibility: { type: "role", value: "Developers" } },
      "jane"
    );

    const notNumber = await app.api("comment/abc/properties", { user: "jane" });
    const unknown = await app.api("comment/99999/properties", { user: "jane" });
    const unreadable = await app.api(`comment/${restricted.id}/properties`, { user: "svc-mail" });
    const anonymous = await app.api(`comment/${restricted.id}/properties`);

    expect(notNumber.status).toBe(400);
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual({
      errorMessages: ["Can not find a comment for the id: 99999."],
      errors: {},
    });
    expect(unreadable.status).toBe(404);
    expect(anonymous.status).toBe(401);
  });

  it("lets only the author or a project administrator change a comment's properties (403)", async () => {
    // OPS-1's seed comment is John's; Jane is not an OPS administrator, John is.
    const list = await app.api("issue/OPS-1/comment", { user: "jane" });
    const johns = (list.body as CommentsPage).comments[0] as CommentBody;
    const path = `comment/${johns.id}/properties/note`;

    const jane = await app.api(path, { user: "jane", method: "PUT", json: { by: "jane" } });
    const john = await app.api(path, { user: "john", method: "PUT", json: { by: "john" } });
    const janeDeletes = await app.api(path, { user: "jane", method: "DELETE" });

    expect(jane.status).toBe(403);
    expect(jane.body).toEqual({
      errorMessages: ["You do not have the permission to edit this comment."],
      errors: {},
    });
    expect(john.status).toBe(201);
    expect(janeDeletes.status).toBe(403);
    // Reading is allowed to anyone who may read the comment.
    expect((await app.api(path, { user: "jane" })).body).toEqual({
      key: "note",
      value: { by: "john" },
    });
  });

  it("refuses a value over 32 KB and a body that isn't JSON", async () => {
    const comment = await addComment("SUP-2", { body: "x" });
    const path = `comment/${comment.id}/properties/big`;

    const tooBig = await app.api(path, { user: "jane", method: "PUT", json: "x".repeat(32_768) });
    const notJson = await app.api(path, {
      user: "jane",
      method: "PUT",
      body: "{nope",
      headers: { "Content-Type": "application/json" },
    });

    expect(tooBig.status).toBe(400);
    expect(tooBig.body).toEqual({
      errorMessages: ["The property value cannot be longer than 32768 bytes."],
      errors: {},
    });
    expect(notJson.status).toBe(400);
  });
});

describe("GET project/{key}/role", () => {
  it("maps every role's name to its URL in the project", async () => {
    const res = await app.api("project/SUP/role", { user: "jane" });

    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      Users: `${app.jiraUrl}/rest/api/2/project/SUP/role/10000`,
      Developers: `${app.jiraUrl}/rest/api/2/project/SUP/role/10001`,
      Administrators: `${app.jiraUrl}/rest/api/2/project/SUP/role/10002`,
    });
  });

  it("takes the project's id too, and answers 404 for a project the user may not browse", async () => {
    const byId = await app.api("project/10001/role", { user: "jane" });
    const hidden = await app.api("project/ENG/role", { user: "jane" });
    const anonymous = await app.api("project/SUP/role");

    expect(Object.values(byId.body as Record<string, string>)[0]).toContain("/project/OPS/role/");
    expect(hidden.status).toBe(404);
    expect(hidden.body).toEqual({
      errorMessages: ["No project could be found with key 'ENG'."],
      errors: {},
    });
    expect(anonymous.status).toBe(404);
  });
});

describe("validateQuery, read as Jira Server/DC reads it", () => {
  const lookup = encodeURIComponent('key in ("SUP-1", "SUP-999", "UTF-8") OR id in (10001)');

  it('GET: "warn" (any word but "true") turns keys that don\'t exist into warnings', async () => {
    const res = await app.api(`search?jql=${lookup}&validateQuery=warn&fields=summary`, {
      user: "jane",
    });

    expect(res.status).toBe(200);
    const body = res.body as { issues: { key: string }[]; warningMessages: string[] };
    expect(body.issues.map((issue) => issue.key)).toEqual(["SUP-2", "SUP-1"]);
    expect(body.warningMessages).toEqual([
      "An issue with key 'SUP-999' does not exist for field 'key'.",
      "An issue with key 'UTF-8' does not exist for field 'key'.",
    ]);
    assertMatchesSchema(res.body, "SearchResultsBean");
  });

  it('GET: absent or "true" validates strictly (400)', async () => {
    const absent = await app.api(`search?jql=${lookup}`, { user: "jane" });
    const strict = await app.api(`search?jql=${lookup}&validateQuery=TRUE`, { user: "jane" });

    expect(absent.status).toBe(400);
    expect(strict.status).toBe(400);
    expect(strict.body).toEqual({
      errorMessages: ["An issue with key 'SUP-999' does not exist for field 'key'."],
      errors: {},
    });
  });

  it('POST: a JSON boolean; false warns, a word like "warn" is refused (400)', async () => {
    const jql = 'key in ("SUP-1", "SUP-999")';
    const lenient = await app.api("search", { user: "jane", json: { jql, validateQuery: false } });
    const word = await app.api("search", { user: "jane", json: { jql, validateQuery: "warn" } });

    expect(lenient.status).toBe(200);
    expect((lenient.body as { warningMessages: string[] }).warningMessages).toHaveLength(1);
    expect(word.status).toBe(400);
  });
});

describe("text searches Lucene can't parse", () => {
  it.each(['text ~ "vpn ("', 'summary ~ "[urgent]"', 'text ~ "path:file"', 'text ~ "vpn -"'])(
    "%s answers 400",
    async (jql) => {
      const res = await app.api(`search?jql=${encodeURIComponent(jql)}`, { user: "jane" });

      expect(res.status).toBe(400);
      const value = /~ "(.*)"$/.exec(jql)?.[1] ?? "";
      const field = jql.split(" ")[0] ?? "";
      expect(res.body).toEqual({
        errorMessages: [
          `The text query '${value}' for field '${field}' is not valid: probably your query contains invalid characters.`,
        ],
        errors: {},
      });
    }
  );

  it("finds what the same words find once the special characters are gone", async () => {
    const res = await app.api(
      `search?jql=${encodeURIComponent('text ~ "vpn drops" AND resolution is EMPTY ORDER BY updated DESC')}`,
      { user: "jane" }
    );

    expect((res.body as { issues: { key: string }[] }).issues.map((issue) => issue.key)).toEqual([
      "SUP-2",
    ]);
  });
});
