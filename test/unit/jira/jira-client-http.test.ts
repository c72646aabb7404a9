/**
 * The Jira client over real HTTP on 127.0.0.1 (a scripted server, not a fake fetch): what goes on
 * the wire, signatures over Jira's own URL while sending to the relay, retries and their limits,
 * clock correction, uploads, the token endpoints, HTML where JSON was due, and redacted logs.
 */
import { createJiraClient } from "../../../src/jira/create-jira-client";
import type { JiraClientOptions } from "../../../src/jira/create-jira-client";
import { JiraHttpError, JiraNetworkError, OAuthProblem } from "../../../src/jira/jira-errors";
import { createOAuthSigner } from "../../../src/oauth/oauth-signer";
import { encodeRfc3986 } from "../../../src/oauth/rfc3986";
import {
  formPairs,
  makeRsaKeyPair,
  nodeVerifyRsaSha1,
  parseAuthorizationHeader,
  referenceBaseString,
} from "../oauth/reference-oauth1";
import { startScriptedServer } from "./scripted-server";
import type { RecordedRequest, Reply, ScriptedServer } from "./scripted-server";

jest.setTimeout(20_000);

const keys = makeRsaKeyPair();
const JIRA_BASE = "https://jira.example.com/jira";
const TOKEN = { token: "AccessT0kenValue42", secret: "AccessSecretValue42" };
const JQL = 'project = "SUP" AND text ~ "a+b=c"';

let server: ScriptedServer;
let sleeps: number[];

beforeEach(async () => {
  server = await startScriptedServer();
  sleeps = [];
});

afterEach(async () => {
  await server.close();
});

async function client(overrides: Partial<JiraClientOptions> = {}) {
  const signer = await createOAuthSigner({
    consumerKey: "jira-for-outlook",
    privateKeyPem: keys.pkcs8,
  });
  const jira = createJiraClient({
    baseUrl: JIRA_BASE,
    relayBase: `${server.url}/jira-relay`,
    signer,
    accessToken: () => TOKEN,
    retry: {
      sleep: async (ms) => {
        sleeps.push(ms);
      },
    },
    ...overrides,
  });
  return { jira, signer };
}

/** The request's path below the relay, as Jira would see it below its base URL. */
function jiraPath(request: RecordedRequest): string {
  expect(request.url.startsWith("/jira-relay/")).toBe(true);
  return request.url.slice("/jira-relay".length);
}

/** Verifies the request's signature the way Jira does: over its own base URL, with the link's public key. */
function expectSignedForJira(request: RecordedRequest, formBody = ""): Record<string, string> {
  const { oauth_signature: signature, ...protocol } = parseAuthorizationHeader(
    String(request.headers.authorization)
  );
  const baseString = referenceBaseString(
    request.method,
    JIRA_BASE + jiraPath(request),
    protocol,
    formBody
  );
  expect(nodeVerifyRsaSha1(keys.publicPem, baseString, signature)).toBe(true);
  return protocol;
}

describe("what goes on the wire", () => {
  it("signs over Jira's base URL (with context path) and sends the same path and query bytes to the relay", async () => {
    server.queue({ status: 200, body: { startAt: 0, maxResults: 5, total: 0, issues: [] } });
    const { jira } = await client();

    await jira.search({ jql: JQL, maxResults: 5, fields: ["summary", "status"] });

    const [request] = server.requests;
    expect(request.method).toBe("GET");
    expect(request.url).toBe(
      `/jira-relay/rest/api/2/search?jql=${encodeRfc3986(JQL)}&maxResults=5&fields=summary%2Cstatus`
    );
    expect(request.url).toContain(
      "jql=project%20%3D%20%22SUP%22%20AND%20text%20~%20%22a%2Bb%3Dc%22"
    );
    expect(formPairs(request.url.split("?")[1])).toContainEqual(["jql", JQL]);
    const protocol = expectSignedForJira(request);
    expect(protocol).toMatchObject({
      oauth_token: TOKEN.token,
      oauth_version: "1.0",
      oauth_signature_method: "RSA-SHA1",
    });
    expect(request.headers.accept).toBe("application/json");
    expect(request.headers.cookie).toBeUndefined();
  });

  it("sends JSON bodies unsigned (RFC 5849 signs only form bodies)", async () => {
    server.queue({
      status: 201,
      body: { id: "10010", key: "SUP-10", self: `${JIRA_BASE}/rest/api/2/issue/10010` },
    });
    const { jira } = await client();
    const fields = {
      project: { key: "SUP" },
      issuetype: { id: "10001" },
      summary: "VPN = broken + slow",
    };

    const created = await jira.createIssue(fields);

    expect(created).toEqual({
      id: "10010",
      key: "SUP-10",
      self: `${JIRA_BASE}/rest/api/2/issue/10010`,
    });
    const [request] = server.requests;
    expect(request.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(request.body.toString())).toEqual({ fields });
    expectSignedForJira(request);
  });

  it("moves a search whose URL would be too long to POST with a JSON body", async () => {
    server.queue({ status: 200, body: { startAt: 0, maxResults: 50, total: 0, issues: [] } });
    const { jira } = await client();
    const longJql = `key in (${Array.from({ length: 400 }, (_, i) => `SUP-${i + 1}`).join(", ")})`;

    await jira.search({ jql: longJql, fields: ["summary"] });

    const [request] = server.requests;
    expect(request.method).toBe("POST");
    expect(jiraPath(request)).toBe("/rest/api/2/search");
    expect(JSON.parse(request.body.toString())).toEqual({ jql: longJql, fields: ["summary"] });
  });

  it("uploads a multipart 'file' part with X-Atlassian-Token: no-check, body unsigned, progress at 0 and the end", async () => {
    server.queue({ status: 200, body: [{ id: "10100", filename: "mail.eml", size: 11 }] });
    const { jira } = await client();
    const progress: Array<[number, number]> = [];

    const attachments = await jira.addAttachment(
      "SUP-2",
      { name: "mail.eml", type: "message/rfc822", data: new Blob(["hello world"]) },
      (loaded, total) => progress.push([loaded, total])
    );

    expect(attachments).toEqual([{ id: "10100", filename: "mail.eml", size: 11 }]);
    const [request] = server.requests;
    expect(request.method).toBe("POST");
    expect(jiraPath(request)).toBe("/rest/api/2/issue/SUP-2/attachments");
    expect(request.headers["x-atlassian-token"]).toBe("no-check");
    expect(request.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
    const body = request.body.toString();
    expect(body).toMatch(/Content-Disposition: form-data; name="file"; filename="mail.eml"/);
    expect(body).toContain("Content-Type: message/rfc822");
    expect(body).toContain("hello world");
    expectSignedForJira(request);
    expect(progress).toEqual([
      [0, 11],
      [11, 11],
    ]);
  });
});

describe("retries", () => {
  it("retries a GET after 503, waiting as Retry-After says, with a fresh nonce", async () => {
    server.queue(
      {
        status: 503,
        headers: { "Retry-After": "2" },
        body: { errorMessages: ["Jira is starting"] },
      },
      { status: 200, body: { accountId: "x", name: "jane", displayName: "Jane Doe" } }
    );
    const { jira } = await client();

    await expect(jira.myself()).resolves.toMatchObject({ name: "jane" });

    expect(server.requests).toHaveLength(2);
    expect(sleeps).toEqual([2000]);
    const nonces = server.requests.map(
      (request) => parseAuthorizationHeader(String(request.headers.authorization)).oauth_nonce
    );
    expect(new Set(nonces).size).toBe(2);
  });

  it("gives up after 3 attempts in total with exponential backoff, and reports the last answer", async () => {
    server.handle(() => ({ status: 504, body: "" }));
    const { jira } = await client({
      retry: { baseDelayMs: 100, sleep: async (ms) => void sleeps.push(ms) },
    });

    await expect(jira.serverInfo()).rejects.toMatchObject({
      name: "JiraHttpError",
      code: "http_504",
      status: 504,
    });

    expect(server.requests).toHaveLength(3);
    expect(sleeps).toHaveLength(2);
    expect(sleeps[0]).toBeGreaterThanOrEqual(50);
    expect(sleeps[0]).toBeLessThanOrEqual(100);
    expect(sleeps[1]).toBeGreaterThanOrEqual(100);
    expect(sleeps[1]).toBeLessThanOrEqual(200);
  });

  it("retries a GET whose connection broke without an answer", async () => {
    server.queue("destroy", { status: 200, body: { enabled: true, uploadLimit: 10485760 } });
    const { jira } = await client();

    await expect(jira.attachmentMeta()).resolves.toEqual({ enabled: true, uploadLimit: 10485760 });
    expect(server.requests).toHaveLength(2);
  });

  it("retries a relay 502 (Jira unreachable) on GET, then reports it with its code", async () => {
    server.handle(() => ({
      status: 502,
      headers: { "X-Relay-Error": "ECONNREFUSED" },
      body: {
        errorMessages: [
          "The add-in server could not reach Jira at https://jira.example.com/jira: connect ECONNREFUSED.",
        ],
      },
    }));
    const { jira } = await client();

    const error = await jira.projects().catch((caught: unknown) => caught);

    expect(error).toMatchObject({
      name: "JiraHttpError",
      code: "jira_unreachable",
      status: 502,
      relayError: "ECONNREFUSED",
    });
    expect(server.requests).toHaveLength(3);
  });

  it.each(["DEPTH_ZERO_SELF_SIGNED_CERT", "ERR_TLS_CERT_ALTNAME_INVALID", "ENOTFOUND"])(
    "never retries a relay failure no wait mends (%s): one request, the message names the fix",
    async (relayError) => {
      server.handle(() => ({
        status: 502,
        headers: { "X-Relay-Error": relayError },
        body: { errorMessages: [`The add-in server could not reach Jira: ${relayError}.`] },
      }));
      const { jira } = await client();

      const error = await jira.projects().catch((caught: unknown) => caught);

      expect(error).toMatchObject({ name: "JiraHttpError", status: 502, relayError });
      expect((error as Error).message).toMatch(/JIRA_CA_FILE|JIRA_URL/);
      expect(server.requests).toHaveLength(1);
      expect(sleeps).toEqual([]);
    }
  );

  it("never retries a read the relay already waited its whole timeout for (504 ETIMEDOUT)", async () => {
    server.handle(() => ({
      status: 504,
      headers: { "X-Relay-Error": "ETIMEDOUT" },
      body: { errorMessages: ["Jira did not answer the add-in server in time (ETIMEDOUT)."] },
    }));
    const { jira } = await client();

    const error = await jira.projects().catch((caught: unknown) => caught);

    // The gateway's code: a create that timed out like this may still have happened (uncertain).
    expect(error).toMatchObject({ code: "http_504", status: 504, relayError: "ETIMEDOUT" });
    expect(server.requests).toHaveLength(1);
  });

  it("never retries the relay without a Jira (503 JIRA_NOT_CONFIGURED)", async () => {
    server.handle(() => ({
      status: 503,
      headers: { "X-Relay-Error": "JIRA_NOT_CONFIGURED" },
      body: { errorMessages: ["The add-in server has no Jira to relay to: set JIRA_URL."] },
    }));
    const { jira } = await client();

    await expect(jira.serverInfo()).rejects.toMatchObject({ code: "relay_not_configured" });
    expect(server.requests).toHaveLength(1);
  });

  it("never retries a POST on 503 (the issue may have been created)", async () => {
    server.handle(() => ({ status: 503, body: { errorMessages: ["Service Unavailable"] } }));
    const { jira } = await client();

    await expect(jira.createIssue({ summary: "x" })).rejects.toMatchObject({ code: "http_503" });

    expect(server.requests).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it("never retries a POST whose connection broke: JiraNetworkError", async () => {
    server.queue("destroy");
    const { jira } = await client();

    const error = await jira.addComment("SUP-2", { body: "hi" }).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(JiraNetworkError);
    expect(error).toMatchObject({
      code: "network_error",
      method: "POST",
      path: "/rest/api/2/issue/SUP-2/comment",
    });
    expect(server.requests).toHaveLength(1);
  });

  it("reports a refused connection as JiraNetworkError after the GET retries", async () => {
    const url = server.url;
    await server.close();
    const { jira } = await client({ relayBase: url });

    const error = await jira.myself().catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(JiraNetworkError);
    expect((error as Error).message).toMatch(
      /GET \/rest\/api\/2\/myself got no answer .*ECONNREFUSED/
    );
    expect(sleeps).toHaveLength(2);
    server = await startScriptedServer();
  });
});

describe("timestamp_refused", () => {
  const JIRA_AHEAD_SECONDS = 900;

  function jiraWithFastClock() {
    server.handle((request) => {
      const jiraNow = Math.floor(Date.now() / 1000) + JIRA_AHEAD_SECONDS;
      const timestamp = Number(
        parseAuthorizationHeader(String(request.headers.authorization)).oauth_timestamp
      );
      if (Math.abs(timestamp - jiraNow) > 300) {
        return {
          status: 401,
          headers: {
            "WWW-Authenticate": `OAuth realm="${JIRA_BASE}", oauth_problem="timestamp_refused"`,
            Date: new Date(jiraNow * 1000).toUTCString(),
          },
          body: "oauth_problem=timestamp_refused",
        };
      }
      return { status: 201, body: { id: "1", key: "SUP-1", self: "s" } };
    });
  }

  it("sets the clock offset from Jira's Date header and signs again, once, even for a POST", async () => {
    jiraWithFastClock();
    const { jira, signer } = await client();

    await expect(jira.createIssue({ summary: "x" })).resolves.toMatchObject({ key: "SUP-1" });

    expect(server.requests).toHaveLength(2);
    expect(Math.abs(signer.getClockOffsetSeconds() - JIRA_AHEAD_SECONDS)).toBeLessThanOrEqual(2);
    const [first, second] = server.requests.map((request) =>
      parseAuthorizationHeader(String(request.headers.authorization))
    );
    expect(second.oauth_nonce).not.toBe(first.oauth_nonce);
    expect(Number(second.oauth_timestamp) - Number(first.oauth_timestamp)).toBeGreaterThan(800);
  });

  it("gives up with the OAuthProblem when the corrected request is refused again", async () => {
    server.handle(() => ({
      status: 401,
      headers: {
        "WWW-Authenticate": 'OAuth oauth_problem="timestamp_refused"',
        Date: new Date(Date.now() + 3_600_000).toUTCString(),
      },
      body: "oauth_problem=timestamp_refused",
    }));
    const { jira } = await client();

    const error = await jira.myself().catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(OAuthProblem);
    expect(error).toMatchObject({ code: "timestamp_refused", status: 401 });
    expect(server.requests).toHaveLength(2);
  });
});

describe("the OAuth dance against Jira's servlets", () => {
  it("gets a request token with oauth_callback in the signed header and no token", async () => {
    server.queue({
      status: 200,
      headers: { "Content-Type": "text/plain" },
      body: "oauth_token=ReqTok123&oauth_token_secret=ReqSecret&oauth_callback_confirmed=true",
    });
    const { jira } = await client();

    const requestToken = await jira.getRequestToken("https://addin.example.com/callback.html");

    expect(requestToken).toEqual({
      token: "ReqTok123",
      secret: "ReqSecret",
      callbackConfirmed: true,
    });
    const [request] = server.requests;
    expect(request.method).toBe("POST");
    expect(jiraPath(request)).toBe("/plugins/servlet/oauth/request-token");
    const protocol = expectSignedForJira(request);
    expect(protocol.oauth_callback).toBe("https://addin.example.com/callback.html");
    expect(protocol).not.toHaveProperty("oauth_token");
    expect(jira.authorizeUrl(requestToken)).toBe(
      `${JIRA_BASE}/plugins/servlet/oauth/authorize?oauth_token=ReqTok123`
    );
  });

  it("exchanges the approved request token and verifier for an access token", async () => {
    server.queue({
      status: 200,
      headers: { "Content-Type": "text/plain" },
      body:
        "oauth_token=AccTok&oauth_token_secret=AccSecret&oauth_expires_in=157680000" +
        "&oauth_session_handle=Handle1&oauth_authorization_expires_in=160312499",
    });
    const { jira } = await client();

    const accessToken = await jira.getAccessToken(
      { token: "ReqTok123", secret: "ReqSecret" },
      "Verif1er"
    );

    expect(accessToken).toEqual({
      token: "AccTok",
      secret: "AccSecret",
      expiresInSeconds: 157680000,
      sessionHandle: "Handle1",
      authorizationExpiresInSeconds: 160312499,
    });
    const protocol = expectSignedForJira(server.requests[0]);
    expect(protocol).toMatchObject({ oauth_token: "ReqTok123", oauth_verifier: "Verif1er" });
  });

  it("turns Jira's refusal into OAuthProblem (permission_denied)", async () => {
    server.queue({
      status: 401,
      headers: { "WWW-Authenticate": 'OAuth realm="x", oauth_problem="permission_denied"' },
      body: "oauth_problem=permission_denied",
    });
    const { jira } = await client();

    await expect(jira.getAccessToken({ token: "t", secret: "" }, "v")).rejects.toMatchObject({
      name: "OAuthProblem",
      code: "permission_denied",
    });
  });
});

describe("answers that aren't Jira's JSON", () => {
  it("recognises an SSO gateway's login page reached by redirect", async () => {
    server.handle((request): Reply =>
      request.url.startsWith("/sso")
        ? {
            status: 200,
            headers: { "Content-Type": "text/html" },
            body: '<html><title>Contoso Sign-in</title><form><input type="password"></form></html>',
          }
        : { status: 302, headers: { Location: `${server.url}/sso/login?return=x` } }
    );
    const { jira } = await client();

    const error = await jira.myself().catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(JiraHttpError);
    expect(error).toMatchObject({ code: "sso_login_page", status: 200 });
    expect((error as Error).message).toMatch(/Contoso Sign-in/);
  });

  it("refuses to follow a redirect when told to (the pane): jira_redirect naming where it pointed", async () => {
    server.handle(() => ({
      status: 302,
      headers: { Location: `${server.url}/sso/login?SAMLRequest=abc` },
    }));
    const { jira } = await client({ redirects: "refuse" });

    const error = await jira
      .getRequestToken("https://addin.example.com/callback.html")
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(JiraHttpError);
    expect(error).toMatchObject({ code: "jira_redirect", status: 302 });
    expect((error as Error).message).toContain(
      `redirect to ${server.url}/sso/login instead of data`
    );
    expect(server.requests.map((request) => request.url)).toEqual([
      "/jira-relay/plugins/servlet/oauth/request-token",
    ]);
    expect(sleeps).toEqual([]);
  });

  it("reports a 200 with broken JSON as invalid_response", async () => {
    server.queue({
      status: 200,
      headers: { "Content-Type": "application/json" },
      body: '{"half":',
    });
    const { jira } = await client();

    await expect(jira.fields()).rejects.toMatchObject({ code: "invalid_response", status: 200 });
  });
});

describe("createmeta", () => {
  it("fetches every page of the per-project endpoint on Jira ≥ 8.4", async () => {
    server.handle((request) => {
      const path = jiraPath(request);
      if (path.startsWith("/rest/api/2/serverInfo")) {
        return {
          status: 200,
          body: { baseUrl: JIRA_BASE, version: "9.12.2", versionNumbers: [9, 12, 2] },
        };
      }
      const startAt = Number(new URL(path, "http://x").searchParams.get("startAt"));
      const all = [
        { id: "1", name: "Task" },
        { id: "2", name: "Bug" },
        { id: "3", name: "Story" },
      ];
      const values = all.slice(startAt, startAt + 2);
      return {
        status: 200,
        body: { startAt, maxResults: 2, total: 3, isLast: startAt + 2 >= 3, values },
      };
    });
    const { jira } = await client();

    const issueTypes = await jira.createMetaIssueTypes("SUP");

    expect(issueTypes.map((type) => type.name)).toEqual(["Task", "Bug", "Story"]);
    expect(server.requests.map(jiraPath)).toEqual([
      "/rest/api/2/serverInfo",
      "/rest/api/2/issue/createmeta/SUP/issuetypes?startAt=0&maxResults=100",
      "/rest/api/2/issue/createmeta/SUP/issuetypes?startAt=2&maxResults=100",
    ]);
  });

  it("does not cache a failed serverInfo, and keeps caching the answer of the call that retried it", async () => {
    server.queue(
      { status: 403, body: { errorMessages: ["Forbidden"] } },
      { status: 200, body: { baseUrl: JIRA_BASE, version: "9.12.2", versionNumbers: [9, 12, 2] } }
    );
    const { jira } = await client();

    const first = jira.serverInfo();
    // A caller that asks again as soon as the first attempt failed…
    const retried = first.catch(() => jira.serverInfo());
    // …while another caller shares the same failed attempt.
    const second = jira.serverInfo().catch(() => undefined);
    await second;
    await expect(retried).resolves.toMatchObject({ version: "9.12.2" });
    await expect(jira.serverInfo()).resolves.toMatchObject({ version: "9.12.2" });

    expect(server.requests.map(jiraPath)).toEqual([
      "/rest/api/2/serverInfo",
      "/rest/api/2/serverInfo",
    ]);
  });

  it("uses the old createmeta?expand form on Jira < 8.4 and caches serverInfo", async () => {
    server.handle((request) => {
      const path = jiraPath(request);
      if (path.startsWith("/rest/api/2/serverInfo")) {
        return {
          status: 200,
          body: { baseUrl: JIRA_BASE, version: "8.3.4", versionNumbers: [8, 3, 4] },
        };
      }
      return {
        status: 200,
        body: {
          projects: [
            {
              key: "SUP",
              issuetypes: [
                {
                  id: "10003",
                  name: "Service Request",
                  fields: {
                    customfield_10100: {
                      required: true,
                      name: "Service type",
                      schema: { type: "option" },
                    },
                  },
                },
              ],
            },
          ],
        },
      };
    });
    const { jira } = await client();

    const types = await jira.createMetaIssueTypes("SUP");
    const fields = await jira.createMetaFields("SUP", "10003");

    expect(types).toEqual([{ id: "10003", name: "Service Request" }]);
    expect(fields).toEqual([
      {
        fieldId: "customfield_10100",
        required: true,
        name: "Service type",
        schema: { type: "option" },
      },
    ]);
    expect(server.requests.map(jiraPath)).toEqual([
      "/rest/api/2/serverInfo",
      "/rest/api/2/issue/createmeta?projectKeys=SUP",
      "/rest/api/2/issue/createmeta?projectKeys=SUP&issuetypeIds=10003&expand=projects.issuetypes.fields",
    ]);
  });
});

describe("logging", () => {
  it("logs one line per request and retry, without credentials", async () => {
    server.queue(
      { status: 503, body: "" },
      { status: 200, body: { name: "jane", displayName: "Jane Doe" } }
    );
    const lines: string[] = [];
    const { jira } = await client({ logger: { debug: (line) => lines.push(line) } });

    await jira.myself();

    expect(lines).toEqual([
      expect.stringMatching(/^GET \/rest\/api\/2\/myself → 503 \(\d+ ms\)$/),
      expect.stringMatching(/^GET \/rest\/api\/2\/myself: 503; retry 2\/3 in \d+ ms$/),
      expect.stringMatching(/^GET \/rest\/api\/2\/myself → 200 \(\d+ ms\)$/),
    ]);
    expect(lines.join("\n")).not.toContain(TOKEN.token);
  });
});

describe("failures that are not Jira's", () => {
  it("a request that can't be signed fails as is, before anything is sent (not as a network error)", async () => {
    const { jira } = await client();

    await expect(
      jira.request({
        method: "GET",
        path: "/rest/api/2/myself",
        query: { oauth_token: "smuggled" },
      })
    ).rejects.toThrow(TypeError);
    expect(server.requests).toHaveLength(0);
  });

  it("an aborted request rejects with AbortError and is not retried", async () => {
    server.handle(() => "destroy");
    const controller = new AbortController();
    controller.abort();
    const { jira } = await client();

    await expect(
      jira.request({ method: "GET", path: "/rest/api/2/myself", signal: controller.signal })
    ).rejects.toMatchObject({ name: "AbortError" });
    expect(sleeps).toEqual([]);
  });
});
