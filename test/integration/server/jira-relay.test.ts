/**
 * The /jira relay over real HTTPS → HTTP on 127.0.0.1: what Jira receives, streaming both ways,
 * refusing other hosts, and the error answers the task pane relies on.
 */
import { createHash } from "node:crypto";
import { once } from "node:events";
import { writeFile } from "node:fs/promises";
import type http from "node:http";
import https from "node:https";
import path from "node:path";
import { createAddinServer } from "../../../src/server/create-addin-server";
import type { AddinServer, AddinServerOptions } from "../../../src/server/create-addin-server";
import {
  testServerOptions,
  findClosedPort,
  rawRequest,
  request,
  startRecordingServer,
  waitFor,
  setUpDistAndCertificate,
} from "./server-test-kit";
import type { RecordingServer } from "./server-test-kit";

jest.setTimeout(30_000);

const files = setUpDistAndCertificate();

const JQL_QUERY =
  "jql=project%20%3D%20ABC%20AND%20text%20~%20%22%C3%BCber%22&fields=summary%2Cstatus&maxResults=5";
const AUTHORIZATION =
  'OAuth oauth_consumer_key="jira-for-outlook", oauth_token="t0k%2Ben", oauth_signature_method="RSA-SHA1", ' +
  'oauth_timestamp="1700000000", oauth_nonce="abc", oauth_version="1.0", oauth_signature="c2ln%2Bbg%3D%3D"';

const running: AddinServer[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.close()));
});

/** Starts the add-in server on 127.0.0.1 with the test certificate; returns its port. */
async function startAddinServer(options: Partial<AddinServerOptions> = {}): Promise<number> {
  const server = createAddinServer(testServerOptions(files.distDir, files.cert, options));
  running.push(server);
  return (await server.listen()).port;
}

describe("the /jira relay passes requests through unchanged", () => {
  let jira: RecordingServer;
  beforeEach(async () => {
    jira = await startRecordingServer();
  });
  afterEach(async () => {
    await jira.close();
  });

  it("keeps method, context path, query string byte-for-byte and Authorization; sets Host to Jira's", async () => {
    const port = await startAddinServer({ jiraUrl: `${jira.baseUrl}/jira/` });

    const res = await request(port, files.cert.cert, `/jira/rest/api/2/search?${JQL_QUERY}`, {
      headers: {
        Authorization: AUTHORIZATION,
        Accept: "application/json",
        "X-Atlassian-Token": "no-check",
      },
    });

    expect(res.status).toBe(200);
    expect(jira.requests).toHaveLength(1);
    const seen = jira.requests[0];
    expect(seen.method).toBe("GET");
    expect(seen.url).toBe(`/jira/rest/api/2/search?${JQL_QUERY}`);
    expect(seen.headers.authorization).toBe(AUTHORIZATION);
    expect(seen.headers.host).toBe(`127.0.0.1:${jira.port}`);
    expect(seen.headers.accept).toBe("application/json");
    expect(seen.headers["x-atlassian-token"]).toBe("no-check");
    // The relay adds no forwarding headers that would change Jira's view of the request.
    expect(seen.headers["x-forwarded-for"]).toBeUndefined();
    expect(seen.headers["x-forwarded-host"]).toBeUndefined();
  });

  it("appends the path to a base URL without context path", async () => {
    const port = await startAddinServer({ jiraUrl: jira.baseUrl });

    await request(port, files.cert.cert, "/jira/rest/api/2/myself");

    expect(jira.requests.map((r) => r.url)).toEqual(["/rest/api/2/myself"]);
  });

  it("passes POST, PUT and DELETE with their bodies", async () => {
    const port = await startAddinServer({ jiraUrl: `${jira.baseUrl}/jira` });
    const issue = JSON.stringify({ fields: { summary: "Über email", project: { key: "ABC" } } });

    await request(port, files.cert.cert, "/jira/rest/api/2/issue", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: issue,
    });
    await request(port, files.cert.cert, "/jira/rest/api/2/issue/ABC-1", {
      method: "PUT",
      body: "{}",
    });
    await request(port, files.cert.cert, "/jira/rest/api/2/issue/ABC-1/comment/10", {
      method: "DELETE",
    });

    expect(jira.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      "POST /jira/rest/api/2/issue",
      "PUT /jira/rest/api/2/issue/ABC-1",
      "DELETE /jira/rest/api/2/issue/ABC-1/comment/10",
    ]);
    expect(jira.requests[0].body.toString("utf8")).toBe(issue);
    expect(jira.requests[0].headers["content-type"]).toBe("application/json");
  });

  it("strips the add-in origin's Cookie header", async () => {
    const port = await startAddinServer({ jiraUrl: jira.baseUrl });

    await request(port, files.cert.cert, "/jira/rest/api/2/myself", {
      headers: { Cookie: "JSESSIONID=addin-origin; other=1", Authorization: AUTHORIZATION },
    });

    expect(jira.requests[0].headers.cookie).toBeUndefined();
    expect(jira.requests[0].headers.authorization).toBe(AUTHORIZATION);
  });

  it("strips Cookie also from requests with Expect: 100-continue", async () => {
    const port = await startAddinServer({ jiraUrl: jira.baseUrl });

    await request(port, files.cert.cert, "/jira/rest/api/2/issue", {
      method: "POST",
      headers: {
        Cookie: "JSESSIONID=addin-origin",
        Expect: "100-continue",
        "Content-Type": "application/json",
      },
      body: "{}",
    });

    expect(jira.requests).toHaveLength(1);
    expect(jira.requests[0].headers.cookie).toBeUndefined();
  });

  it("passes Jira's status, headers and body back", async () => {
    await jira.close();
    jira = await startRecordingServer((_req, res) => {
      res.writeHead(401, {
        "Content-Type": "text/plain",
        "WWW-Authenticate": 'OAuth realm="https%3A%2F%2Fjira"',
      });
      res.end("oauth_problem=token_rejected");
    });
    const port = await startAddinServer({ jiraUrl: jira.baseUrl });

    const res = await request(port, files.cert.cert, "/jira/plugins/servlet/oauth/request-token", {
      method: "POST",
    });

    expect(res.status).toBe(401);
    expect(res.headers["www-authenticate"]).toBe('OAuth realm="https%3A%2F%2Fjira"');
    expect(res.body).toBe("oauth_problem=token_rejected");
    // Our security headers are on relayed responses too.
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["referrer-policy"]).toBe("no-referrer");
  });
});

describe("the /jira relay streams bodies", () => {
  it("forwards a 20 MB upload while it is still being sent", async () => {
    const jira = await startRecordingServer();
    try {
      const port = await startAddinServer({ jiraUrl: `${jira.baseUrl}/jira` });
      const chunk = Buffer.alloc(1024 * 1024, 0x61);
      const chunks = 20;
      const req = https.request({
        host: "127.0.0.1",
        port,
        method: "POST",
        path: "/jira/rest/api/2/issue/ABC-1/attachments",
        headers: {
          "Content-Type": "application/octet-stream",
          "Content-Length": String(chunk.length * chunks),
          "X-Atlassian-Token": "no-check",
        },
        ca: files.cert.cert,
        agent: false,
      });
      const hash = createHash("sha256");
      for (let i = 0; i < chunks - 1; i += 1) {
        hash.update(chunk);
        if (!req.write(chunk)) {
          await once(req, "drain");
        }
      }
      // 19 MB are on their way, the last MB is not written yet: a relay that buffers whole bodies
      // would not have sent Jira a single byte.
      await waitFor(
        () => jira.bytesReceived() > 0,
        "Jira to receive upload bytes before the upload ends"
      );
      const receivedBeforeEnd = jira.bytesReceived();
      hash.update(chunk);
      req.end(chunk);
      const [res] = (await once(req, "response")) as [http.IncomingMessage];
      res.resume();
      await once(res, "end");

      expect(res.statusCode).toBe(200);
      expect(receivedBeforeEnd).toBeGreaterThan(0);
      expect(receivedBeforeEnd).toBeLessThan(chunk.length * chunks);
      expect(jira.requests[0].body.length).toBe(chunk.length * chunks);
      expect(createHash("sha256").update(jira.requests[0].body).digest("hex")).toBe(
        hash.digest("hex")
      );
    } finally {
      await jira.close();
    }
  });

  it("passes Jira's response on as it arrives", async () => {
    let finish: (() => void) | undefined;
    const jira = await startRecordingServer((_req, res) => {
      res.writeHead(200, { "Content-Type": "application/octet-stream" });
      res.write("first part;");
      finish = () => res.end("second part");
    });
    try {
      const port = await startAddinServer({ jiraUrl: jira.baseUrl });
      const req = https.request({
        host: "127.0.0.1",
        port,
        path: "/jira/secure/attachment/10000/mail.eml",
        ca: files.cert.cert,
        agent: false,
      });
      req.end();
      const [res] = (await once(req, "response")) as [http.IncomingMessage];
      const received: string[] = [];
      res.on("data", (data: Buffer) => received.push(data.toString("utf8")));

      // Jira has not finished its response: the first part must already be here.
      await waitFor(() => received.join("") === "first part;", "the first part of Jira's response");
      finish?.();
      await once(res, "end");

      expect(received.join("")).toBe("first part;second part");
    } finally {
      await jira.close();
    }
  });
});

describe("the /jira relay never forwards to a host taken from the request", () => {
  let jira: RecordingServer;
  let evil: RecordingServer;
  let port: number;
  beforeEach(async () => {
    jira = await startRecordingServer();
    evil = await startRecordingServer();
    port = await startAddinServer({ jiraUrl: `${jira.baseUrl}/jira` });
  });
  afterEach(async () => {
    await jira.close();
    await evil.close();
  });

  it("refuses an absolute-form request target", async () => {
    const response = await rawRequest(
      port,
      files.cert.cert,
      `GET ${evil.baseUrl}/jira/rest/api/2/myself HTTP/1.1\r\nHost: 127.0.0.1:${evil.port}\r\nConnection: close\r\n\r\n`
    );

    expect(response).toMatch(/^HTTP\/1\.1 400 /);
    expect(evil.requests).toHaveLength(0);
    expect(jira.requests).toHaveLength(0);
  });

  it("ignores a foreign Host header: the request goes to the configured Jira", async () => {
    const response = await rawRequest(
      port,
      files.cert.cert,
      `GET /jira/rest/api/2/myself HTTP/1.1\r\nHost: 127.0.0.1:${evil.port}\r\nConnection: close\r\n\r\n`
    );

    expect(response).toMatch(/^HTTP\/1\.1 200 /);
    expect(evil.requests).toHaveLength(0);
    expect(jira.requests.map((r) => [r.url, r.headers.host])).toEqual([
      ["/jira/rest/api/2/myself", `127.0.0.1:${jira.port}`],
    ]);
  });

  it.each([
    ["a protocol-relative path", () => `/jira//127.0.0.1:${evil.port}/x`],
    ["a URL as path", () => `/jira/http://127.0.0.1:${evil.port}/x`],
    ["an encoded ../", () => "/jira/..%2f..%2fsecure/admin"],
    ["an encoded dot-dot segment", () => "/jira/%2e%2e/secure/admin"],
    ["a raw dot-dot segment", () => "/jira/rest/../../secure/admin"],
    ["a backslash", () => "/jira/rest%5c..%5cadmin"],
    ["an encoded NUL", () => "/jira/rest/api%00/2"],
  ])("refuses %s with 400", async (_name, makePath) => {
    const res = await request(port, files.cert.cert, makePath());

    expect(res.status).toBe(400);
    expect(res.headers["x-relay-error"]).toBe("INVALID_PATH");
    expect(JSON.parse(res.body)).toEqual({
      errorMessages: [expect.stringContaining("plain paths")],
    });
    expect(jira.requests).toHaveLength(0);
    expect(evil.requests).toHaveLength(0);
  });
});

describe("the /jira relay explains failures in Jira's error shape", () => {
  it("answers 502 with X-Relay-Error ECONNREFUSED when Jira is down", async () => {
    const closedPort = await findClosedPort();
    const jiraUrl = `http://127.0.0.1:${closedPort}/jira`;
    const port = await startAddinServer({ jiraUrl });

    const res = await request(port, files.cert.cert, "/jira/rest/api/2/myself");

    expect(res.status).toBe(502);
    expect(res.headers["x-relay-error"]).toBe("ECONNREFUSED");
    expect(res.headers["content-type"]).toMatch(/^application\/json/);
    const body = JSON.parse(res.body) as { errorMessages: string[] };
    expect(body.errorMessages).toHaveLength(1);
    expect(body.errorMessages[0]).toMatch(
      new RegExp(
        `^The add-in server could not reach Jira at ${jiraUrl.replace(/\./g, "\\.")}: .*ECONNREFUSED.*\\. Check JIRA_URL and that Jira is running\\.$`
      )
    );
  });

  it("answers 503 explaining JIRA_URL when no Jira is configured", async () => {
    const port = await startAddinServer();

    const res = await request(port, files.cert.cert, "/jira/rest/api/2/myself");

    expect(res.status).toBe(503);
    expect(res.headers["x-relay-error"]).toBe("JIRA_NOT_CONFIGURED");
    expect(JSON.parse(res.body)).toEqual({
      errorMessages: [expect.stringContaining("set JIRA_URL")],
    });
  });

  it("answers 502 with the TLS error code for an untrusted Jira certificate, and trusts JIRA_CA_FILE", async () => {
    // Jira over HTTPS with a self-signed certificate, as an internal Jira with a private CA would be.
    const jira = await startRecordingServer(undefined, {
      cert: files.cert.cert,
      key: files.cert.key,
    });
    try {
      const untrusting = await startAddinServer({ jiraUrl: jira.baseUrl });
      const refused = await request(untrusting, files.cert.cert, "/jira/rest/api/2/myself");

      expect(refused.status).toBe(502);
      expect(refused.headers["x-relay-error"]).toBe("DEPTH_ZERO_SELF_SIGNED_CERT");
      expect(JSON.parse(refused.body).errorMessages[0]).toContain("JIRA_CA_FILE");

      const caFile = path.join(files.cert.dir, "jira-ca.pem");
      await writeFile(caFile, files.cert.cert);
      const trusting = await startAddinServer({ jiraUrl: jira.baseUrl, jiraCaFile: caFile });
      const accepted = await request(trusting, files.cert.cert, "/jira/rest/api/2/myself");

      expect(accepted.status).toBe(200);
      expect(jira.requests.map((r) => r.url)).toEqual(["/rest/api/2/myself"]);
    } finally {
      await jira.close();
    }
  });
});
