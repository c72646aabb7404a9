/**
 * Attachments over HTTP: multipart upload (XSRF header, size limit, disabled attachments,
 * several files, non-ASCII names), attachment metadata, and the download URL outside /rest.
 */
import { arrayOf, assertMatchesSchema } from "../../support/openapi-schema";
import { setUpRestTestApp } from "../../support/rest-test-app";

const NO_CHECK = { "X-Atlassian-Token": "no-check" };
const DEFAULT_LIMIT = 10 * 1024 * 1024;

interface AttachmentBody {
  id: string;
  filename: string;
  size: number;
  mimeType: string;
  content: string;
  self: string;
  author: { name: string };
  created: string;
}

const app = setUpRestTestApp();

function form(
  ...files: {
    name: string;
    content: string | Uint8Array<ArrayBuffer>;
    type?: string;
    field?: string;
  }[]
): FormData {
  const body = new FormData();
  for (const file of files) {
    const blob = new Blob([file.content], { type: file.type ?? "application/octet-stream" });
    body.append(file.field ?? "file", blob, file.name);
  }
  return body;
}

describe("POST issue/{key}/attachments", () => {
  it("stores one file and answers 200 with an array of attachment beans", async () => {
    const res = await app.api("issue/SUP-2/attachments", {
      user: "jane",
      headers: NO_CHECK,
      body: form({ name: "vpn-log.txt", content: "disconnect at 14:00:00", type: "text/plain" }),
    });

    expect(res.status).toBe(200);
    expect(res.body).toEqual([
      {
        self: `${app.jiraUrl}/rest/api/2/attachment/10001`,
        id: "10001",
        filename: "vpn-log.txt",
        author: expect.objectContaining({ name: "jane" }),
        created: "2026-12-04T16:08:39.000+0000",
        size: 22,
        mimeType: "text/plain",
        content: `${app.jiraUrl}/secure/attachment/10001/vpn-log.txt`,
      },
    ]);
    assertMatchesSchema(res.body, arrayOf("AttachmentJsonBean"));
  });

  it("stores several files sent in repeated 'file' fields, with UTF-8 names", async () => {
    const res = await app.api("issue/SUP-2/attachments", {
      user: "jane",
      headers: NO_CHECK,
      body: form(
        {
          name: "Rechnung März.pdf",
          content: new Uint8Array([37, 80, 68, 70]),
          type: "application/pdf",
        },
        { name: "screenshot.png", content: new Uint8Array([137, 80, 78, 71]), type: "image/png" }
      ),
    });

    expect(res.status).toBe(200);
    const beans = res.body as AttachmentBody[];
    expect(beans.map((bean) => [bean.filename, bean.mimeType, bean.size])).toEqual([
      ["Rechnung März.pdf", "application/pdf", 4],
      ["screenshot.png", "image/png", 4],
    ]);
    expect(beans[0]?.content).toBe(
      `${app.jiraUrl}/secure/attachment/10001/Rechnung%20M%C3%A4rz.pdf`
    );
    const issue = await app.api("issue/SUP-2?fields=attachment", { user: "jane" });
    expect(
      (issue.body as { fields: { attachment: AttachmentBody[] } }).fields.attachment
    ).toHaveLength(2);
  });

  it("answers 403 'XSRF check failed' without X-Atlassian-Token: no-check, storing nothing", async () => {
    const missing = await app.api("issue/SUP-2/attachments", {
      user: "jane",
      body: form({ name: "a.txt", content: "a" }),
    });
    const wrong = await app.api("issue/SUP-2/attachments", {
      user: "jane",
      headers: { "X-Atlassian-Token": "yes" },
      body: form({ name: "a.txt", content: "a" }),
    });

    expect(missing.status).toBe(403);
    expect(missing.text).toBe("XSRF check failed");
    expect(wrong.status).toBe(403);
    const issue = await app.api("issue/SUP-2?fields=attachment", { user: "jane" });
    expect((issue.body as { fields: { attachment: unknown[] } }).fields.attachment).toEqual([]);
  });

  it("answers 413 for a file over the upload limit; a file at the limit passes", async () => {
    app.settings.uploadLimitBytes = 1000;

    const over = await app.api("issue/SUP-2/attachments", {
      user: "jane",
      headers: NO_CHECK,
      body: form({ name: "big.bin", content: new Uint8Array(1001) }),
    });
    const at = await app.api("issue/SUP-2/attachments", {
      user: "jane",
      headers: NO_CHECK,
      body: form({ name: "exact.bin", content: new Uint8Array(1000) }),
    });

    expect(over.status).toBe(413);
    expect(over.body).toEqual({
      errorMessages: [
        "The file 'big.bin' is too large to attach. The maximum attachment size is 1000 bytes.",
      ],
      errors: {},
    });
    expect(at.status).toBe(200);
  });

  it("stops a large upload at the limit with 413 and keeps none of its files", async () => {
    app.settings.uploadLimitBytes = 1024 * 1024;

    const res = await app.api("issue/SUP-2/attachments", {
      user: "jane",
      headers: NO_CHECK,
      body: form(
        { name: "small.txt", content: "ok" },
        { name: "huge.bin", content: new Uint8Array(5 * 1024 * 1024) }
      ),
    });

    expect(res.status).toBe(413);
    expect((res.body as { errorMessages: string[] }).errorMessages[0]).toContain("'huge.bin'");
    const issue = await app.api("issue/SUP-2?fields=attachment", { user: "jane" });
    expect((issue.body as { fields: { attachment: unknown[] } }).fields.attachment).toEqual([]);
  });

  it("answers 403 when attachments are disabled", async () => {
    app.settings.attachmentsEnabled = false;

    const res = await app.api("issue/SUP-2/attachments", {
      user: "jane",
      headers: NO_CHECK,
      body: form({ name: "a.txt", content: "a" }),
    });

    expect(res.status).toBe(403);
    expect(res.body).toEqual({ errorMessages: ["Attachments are disabled."], errors: {} });
  });

  it("answers 404 for a hidden issue and 401 when anonymous", async () => {
    const hidden = await app.api("issue/ENG-1/attachments", {
      user: "jane",
      headers: NO_CHECK,
      body: form({ name: "a.txt", content: "a" }),
    });
    const anonymous = await app.api("issue/SUP-2/attachments", {
      headers: NO_CHECK,
      body: form({ name: "a.txt", content: "a" }),
    });

    expect(hidden.status).toBe(404);
    expect(hidden.body).toEqual({ errorMessages: ["Issue Does Not Exist"], errors: {} });
    expect(anonymous.status).toBe(401);
  });

  it("answers 400 for files in another field or no file at all, 415 for a non-multipart body", async () => {
    const otherField = await app.api("issue/SUP-2/attachments", {
      user: "jane",
      headers: NO_CHECK,
      body: form({ name: "a.txt", content: "a", field: "attachment" }),
    });
    const empty = new FormData();
    empty.append("comment", "no file");
    const noFile = await app.api("issue/SUP-2/attachments", {
      user: "jane",
      headers: NO_CHECK,
      body: empty,
    });
    const json = await app.api("issue/SUP-2/attachments", {
      user: "jane",
      headers: NO_CHECK,
      json: {},
    });

    expect(otherField.status).toBe(400);
    expect((otherField.body as { errorMessages: string[] }).errorMessages[0]).toContain(
      "'attachment'"
    );
    expect(noFile.status).toBe(400);
    expect(json.status).toBe(415);
  });
});

describe("attachment metadata and content", () => {
  it("GET attachment/meta reports the settings of the moment", async () => {
    const before = await app.api("attachment/meta", { user: "jane" });
    app.settings.attachmentsEnabled = false;
    app.settings.uploadLimitBytes = 2048;
    const after = await app.api("attachment/meta");

    expect(before.body).toEqual({ enabled: true, uploadLimit: DEFAULT_LIMIT });
    expect(after.body).toEqual({ enabled: false, uploadLimit: 2048 });
    assertMatchesSchema(before.body, "AttachmentMetaBean");
  });

  it("GET attachment/{id} returns the bean; 404 when unknown, hidden or disabled", async () => {
    const seed = await app.api("attachment/10000", { user: "jane" });
    const unknown = await app.api("attachment/99999", { user: "jane" });
    app.settings.attachmentsEnabled = false;
    const disabled = await app.api("attachment/10000", { user: "jane" });

    expect(seed.status).toBe(200);
    expect(seed.body).toMatchObject({
      id: "10000",
      filename: "error-message.txt",
      mimeType: "text/plain",
    });
    assertMatchesSchema(seed.body, "AttachmentJsonBean");
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual({
      errorMessages: ["The attachment with id '99999' does not exist."],
      errors: {},
    });
    expect(disabled.status).toBe(404);
  });

  it("hides attachments of issues the user cannot see", async () => {
    const upload = await app.api("issue/ENG-1/attachments", {
      user: "john",
      headers: NO_CHECK,
      body: form({ name: "trace.log", content: "stack" }),
    });
    const id = (upload.body as AttachmentBody[])[0]?.id ?? "";

    expect((await app.api(`attachment/${id}`, { user: "john" })).status).toBe(200);
    expect((await app.api(`attachment/${id}`, { user: "jane" })).status).toBe(404);
    expect((await app.request(`/secure/attachment/${id}/trace.log`, { user: "jane" })).status).toBe(
      404
    );
  });

  it("serves the content at the bean's content URL as a download", async () => {
    const upload = await app.api("issue/SUP-2/attachments", {
      user: "jane",
      headers: NO_CHECK,
      body: form({
        name: "page <1>.html",
        content: "<script>alert(1)</script>",
        type: "text/html",
      }),
    });
    const bean = (upload.body as AttachmentBody[])[0] as AttachmentBody;

    const res = await app.request(bean.content.slice(app.jiraUrl.length), { user: "jane" });

    expect(res.status).toBe(200);
    expect(res.text).toBe("<script>alert(1)</script>");
    expect(res.headers.get("content-type")).toContain("text/html");
    expect(res.headers.get("content-disposition")).toBe(
      "attachment; filename*=UTF-8''page%20%3C1%3E.html"
    );
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("answers 401 to anonymous downloads", async () => {
    const res = await app.request("/secure/attachment/10000/error-message.txt");

    expect(res.status).toBe(401);
  });
});
