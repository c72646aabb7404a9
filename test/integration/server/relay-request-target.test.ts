/**
 * The relay reaches the configured Jira and nothing else: every trick a request can play with its
 * target (absolute-form, CONNECT, `//host`, `..` raw and encoded once, twice, thrice, backslashes,
 * `@host`, Tomcat's `..;`, a foreign Host header) is either refused or provably kept on Jira's
 * origin, below Jira's base URL. A second "evil" server on 127.0.0.1 counts every TCP connection it
 * gets: it must get none. Real HTTPS to the add-in server, real HTTP to the stand-ins.
 */
import { createAddinServer } from "../../../src/server/create-addin-server";
import type { AddinServer } from "../../../src/server/create-addin-server";
import { isPlainRelayPath } from "../../../src/server/jira-relay";
import { request, testServerOptions, setUpDistAndCertificate } from "./server-test-kit";
import { errorMessagesOf, rawExchange, startBareRelay, startUpstream } from "./relay-test-kit";
import type { BareRelay, UpstreamServer } from "./relay-test-kit";

jest.setTimeout(30_000);

const files = setUpDistAndCertificate();

let jira: UpstreamServer;
let evil: UpstreamServer;
let addin: AddinServer;
let port: number;
/** Where evil listens, as a request would name it. */
let evilHost: string;

beforeEach(async () => {
  jira = await startUpstream();
  evil = await startUpstream();
  evilHost = `127.0.0.1:${evil.port}`;
  // Jira with a context path: the relay must not climb out of /jira either.
  addin = createAddinServer(
    testServerOptions(files.distDir, files.cert, { jiraUrl: `${jira.baseUrl}/jira` })
  );
  port = (await addin.listen()).port;
});

afterEach(async () => {
  await addin.close();
  await jira.close();
  await evil.close();
});

/** Raw bytes to the add-in server (for targets an HTTP client refuses to send). */
function raw(text: string) {
  return rawExchange(port, files.cert.cert, text);
}

describe("request targets that name another host", () => {
  it.each([
    ["absolute-form http", () => `GET http://${evilHost}/ HTTP/1.1`],
    ["absolute-form below /jira", () => `GET http://${evilHost}/jira/rest/api/2/myself HTTP/1.1`],
    ["absolute-form https", () => `GET https://${evilHost}/jira/rest/api/2/myself HTTP/1.1`],
    ["absolute-form POST", () => `POST http://${evilHost}/jira/rest/api/2/issue HTTP/1.1`],
    ["the asterisk form", () => "OPTIONS * HTTP/1.1"],
  ])("%s is refused with 400 before the relay", async (_name, requestLine) => {
    const { response } = await raw(
      `${requestLine()}\r\nHost: ${evilHost}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`
    );

    expect(response).toMatch(/^HTTP\/1\.1 400 /);
    expect(evil.connections()).toBe(0);
    expect(jira.requests).toHaveLength(0);
  });

  it.each([
    ["to evil's address", () => `CONNECT ${evilHost} HTTP/1.1`],
    ["to a path below /jira", () => "CONNECT /jira/rest/api/2/myself HTTP/1.1"],
  ])("CONNECT %s gets no tunnel: the connection is closed unanswered", async (_name, line) => {
    const { response, closedByServer } = await raw(`${line()}\r\nHost: ${evilHost}\r\n\r\n`);

    // Node's server hands CONNECT to a `connect` listener only; without one it closes the socket.
    expect(closedByServer).toBe(true);
    expect(response).toBe("");
    expect(evil.connections()).toBe(0);
    expect(jira.requests).toHaveLength(0);
  });

  it("sends a request with a foreign Host header (and forwarding headers) to the configured Jira, as Jira's host", async () => {
    const { response } = await raw(
      [
        "GET /jira/rest/api/2/myself HTTP/1.1",
        `Host: ${evilHost}`,
        `X-Forwarded-Host: ${evilHost}`,
        "X-Forwarded-Proto: http",
        "X-Forwarded-For: 203.0.113.9",
        `Forwarded: for=203.0.113.9;host=${evilHost};proto=http`,
        "X-Real-IP: 203.0.113.9",
        "Connection: close",
        "",
        "",
      ].join("\r\n")
    );

    expect(response).toMatch(/^HTTP\/1\.1 200 /);
    expect(evil.connections()).toBe(0);
    expect(jira.requests).toHaveLength(1);
    const seen = jira.requests[0];
    expect(seen.url).toBe("/jira/rest/api/2/myself");
    expect(seen.headers.host).toBe(`127.0.0.1:${jira.port}`);
    for (const name of [
      "x-forwarded-host",
      "x-forwarded-proto",
      "x-forwarded-for",
      "forwarded",
      "x-real-ip",
    ]) {
      expect(seen.headers[name]).toBeUndefined();
    }
  });

  it("answers /jira@host (not the relay's mount) from the static files: 404, nothing relayed", async () => {
    const res = await request(port, files.cert.cert, `/jira@${evilHost}/rest/api/2/myself`);

    expect(res.status).toBe(404);
    expect(evil.connections()).toBe(0);
    expect(jira.requests).toHaveLength(0);
  });

  it("refuses //host before the relay", async () => {
    const res = await request(port, files.cert.cert, `//${evilHost}/jira/rest/api/2/myself`);

    expect(res.status).toBe(400);
    expect(evil.connections()).toBe(0);
    expect(jira.requests).toHaveLength(0);
  });
});

describe("paths that would leave Jira's base URL", () => {
  it.each([
    ["a protocol-relative path below /jira", () => `/jira//${evilHost}/x`],
    ["a URL as path", () => `/jira/http://${evilHost}/x`],
    ["a raw dot-dot segment", () => "/jira/../manager/html"],
    ["raw dot-dot segments inside", () => "/jira/rest/../../manager/html"],
    ["a single dot segment", () => "/jira/./rest/api/2/myself"],
    ["%2e%2e", () => "/jira/%2e%2e/manager/html"],
    ["%2E%2e%2f (encoded ../ in one segment)", () => "/jira/%2E%2e%2fmanager/html"],
    ["..%2f..%2f", () => "/jira/..%2f..%2fmanager/html"],
    [".%2e", () => "/jira/.%2e/manager/html"],
    ["%252e%252e (double-encoded ..)", () => "/jira/%252e%252e/manager/html"],
    ["%252E%252e%252f (double-encoded ../)", () => "/jira/%252E%252e%252fmanager/html"],
    ["%25252e%25252e (triple-encoded ..)", () => "/jira/%25252e%25252e/manager/html"],
    ["an encoded slash", () => "/jira/rest%2f..%2fadmin"],
    ["a double-encoded slash", () => "/jira/rest%252f..%252fadmin"],
    ["a raw backslash", () => "/jira/rest\\..\\manager"],
    ["an encoded backslash", () => "/jira/rest%5c..%5cmanager"],
    ["a double-encoded backslash", () => "/jira/rest%255c..%255cmanager"],
    ["Tomcat's ..; (path parameter)", () => "/jira/..;/manager/html"],
    ["an encoded ..;x=1", () => "/jira/%2e%2e;x=1/manager/html"],
    ["an empty segment with a path parameter", () => "/jira/rest/;x/api"],
    ["an encoded NUL", () => "/jira/rest/api%00/2"],
    ["an encoded CR LF", () => "/jira/rest%0d%0aX-Injected:%201/api"],
    ["malformed percent-encoding", () => "/jira/rest/%zz/api"],
    ["a fragment", () => "/jira/rest/api/2/myself#x"],
  ])("refuses %s with 400 INVALID_PATH", async (_name, makePath) => {
    const res = await request(port, files.cert.cert, makePath());

    expect(res.status).toBe(400);
    expect(res.headers["x-relay-error"]).toBe("INVALID_PATH");
    expect(res.headers["content-type"]).toMatch(/^application\/json/);
    expect(errorMessagesOf(res.body)).toEqual([expect.stringContaining("plain paths")]);
    expect(jira.requests).toHaveLength(0);
    expect(evil.connections()).toBe(0);
  });
});

describe("paths that look odd but stay on Jira's origin, below its base URL", () => {
  it.each([
    // "@" inside a path is a character, not user info: the host never comes from the path.
    ["an @host segment", () => `/@${evilHost}/x`],
    ["an encoded @host segment", () => `/%40${evilHost}/x`],
    // The query string is Jira's business and passes byte-for-byte, "//", ".." and URLs included.
    [
      "a query with a URL, // and ..",
      () => `/rest/api/2/search?next=http://${evilHost}//a/../b&x=%2e%2e`,
    ],
    // A literal percent sign in an attachment name ("100%.txt").
    ["%25 in a file name", () => "/secure/attachment/10000/100%25.txt"],
    // Double-encoded, but not into a dot segment or separator: Jira decodes it once, to the
    // literal name "a%2eb.txt"; nothing decodes it into a path step.
    ["%252e inside a name", () => "/secure/attachment/10000/a%252eb.txt"],
    // Tomcat's session path parameter on a real segment.
    ["a ;jsessionid parameter", () => "/rest/api/2/myself;jsessionid=ABC123"],
    ["three dots (a name, not a step)", () => "/rest/.../x"],
  ])("forwards %s unchanged to Jira", async (_name, makePath) => {
    const below = makePath();

    const res = await request(port, files.cert.cert, `/jira${below}`);

    expect(res.status).toBe(200);
    expect(jira.requests.map((seen) => [seen.url, seen.headers.host])).toEqual([
      [`/jira${below}`, `127.0.0.1:${jira.port}`],
    ]);
    expect(evil.connections()).toBe(0);
  });
});

describe("the relay on its own (without the add-in server's check of request targets)", () => {
  let bare: BareRelay;
  beforeEach(async () => {
    bare = await startBareRelay({ jiraUrl: `${jira.baseUrl}/jira` }, files.cert);
  });
  afterEach(async () => {
    await bare.close();
  });

  it("still refuses an absolute-form target that Express routes to its mount point", async () => {
    const { response } = await rawExchange(
      bare.port,
      files.cert.cert,
      `GET http://${evilHost}/jira/rest/api/2/myself HTTP/1.1\r\nHost: ${evilHost}\r\nConnection: close\r\n\r\n`
    );

    expect(response).toMatch(/^HTTP\/1\.1 400 /);
    expect(response).toMatch(/X-Relay-Error: INVALID_PATH/i);
    expect(evil.connections()).toBe(0);
    expect(jira.requests).toHaveLength(0);
  });
});

describe("isPlainRelayPath", () => {
  it.each([
    "/",
    "/rest/api/2/myself",
    "/rest/api/2/issue/",
    "/rest/api/2/search?jql=a%20%3D%20b",
    "/secure/attachment/1/100%25.txt",
    "/secure/attachment/1/%E2%82%AC.txt",
  ])("accepts %s", (path) => {
    expect(isPlainRelayPath(path)).toBe(true);
  });

  it.each([
    "",
    "rest/api",
    "//host/x",
    "/a//b",
    "/%2525252e%2525252e/x",
    "/..",
    "/a/%2E",
    "/a;b/..;c",
  ])("refuses %s", (path) => {
    expect(isPlainRelayPath(path)).toBe(false);
  });
});
