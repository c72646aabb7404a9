/**
 * What the relay passes on besides the target, each way, over real HTTPS to the add-in server and
 * HTTP to a Jira stand-in: hop-by-hop headers stay on their hop (both ways), cookies never cross
 * (the add-in origin's to Jira, Jira's Set-Cookie to the pane), headers that would act on the
 * add-in's whole origin are dropped, the add-in server's security headers win over Jira's, and
 * methods, upgrades and transfer codings the relay doesn't pass are refused before Jira sees them.
 */
import { once } from "node:events";
import type http from "node:http";
import https from "node:https";
import { createAddinServer } from "../../../src/server/create-addin-server";
import type { AddinServer } from "../../../src/server/create-addin-server";
import { request, testServerOptions, setUpDistAndCertificate } from "./server-test-kit";
import { echoWhenComplete, errorMessagesOf, rawExchange, startUpstream } from "./relay-test-kit";
import type { UpstreamHandler, UpstreamServer } from "./relay-test-kit";

jest.setTimeout(30_000);

const files = setUpDistAndCertificate();

const AUTHORIZATION = 'OAuth oauth_consumer_key="jira-for-outlook", oauth_signature="c2ln"';

let jira: UpstreamServer | undefined;
let addin: AddinServer | undefined;

afterEach(async () => {
  await addin?.close();
  await jira?.close();
  addin = undefined;
  jira = undefined;
});

/** Jira stand-in answering with `handler`, behind a fresh add-in server; returns the add-in's port. */
async function relayTo(handler: UpstreamHandler = echoWhenComplete): Promise<number> {
  jira = await startUpstream(handler);
  addin = createAddinServer(
    testServerOptions(files.distDir, files.cert, { jiraUrl: jira.baseUrl })
  );
  return (await addin.listen()).port;
}

function upstream(): UpstreamServer {
  if (!jira) throw new Error("relayTo() first");
  return jira;
}

describe("hop-by-hop headers stay on their hop", () => {
  it("are not forwarded to Jira, nor the headers Connection names; end-to-end ones are", async () => {
    const port = await relayTo();

    await request(port, files.cert.cert, "/jira/rest/api/2/issue", {
      method: "POST",
      headers: {
        Authorization: AUTHORIZATION,
        "Content-Type": "application/json",
        Connection: "keep-alive, X-Hop-Secret, X-Other-Hop",
        "X-Hop-Secret": "connection-scoped",
        "X-Other-Hop": "also",
        "Keep-Alive": "timeout=99, max=1000",
        "Proxy-Authorization": "Basic cHJveHk6c2VjcmV0",
        "Proxy-Connection": "keep-alive",
        TE: "trailers",
        Trailer: "X-Checksum",
        "X-End-To-End": "kept",
      },
      body: '{"fields":{}}',
    });

    const seen = upstream().requests[0];
    expect(seen.headers).toMatchObject({
      authorization: AUTHORIZATION,
      "content-type": "application/json",
      "x-end-to-end": "kept",
    });
    for (const name of [
      "x-hop-secret",
      "x-other-hop",
      "keep-alive",
      "proxy-authorization",
      "proxy-connection",
      "te",
      "trailer",
    ]) {
      expect(seen.headers[name]).toBeUndefined();
    }
    // The relay's own connection to Jira is keep-alive; the client's "keep-alive, X-Hop-Secret, …" is not passed.
    expect(seen.headers.connection).toBe("keep-alive");
    expect(seen.body?.toString()).toBe('{"fields":{}}');
  });

  it("frames a chunked body itself: the body arrives whole, the client's trailers don't", async () => {
    const port = await relayTo();
    const req = https.request({
      host: "127.0.0.1",
      port,
      method: "POST",
      path: "/jira/rest/api/2/issue/ABC-1/attachments",
      headers: { "Content-Type": "application/octet-stream", Trailer: "X-Checksum" },
      ca: files.cert.cert,
      agent: false,
    });
    req.write("first,");
    req.write("second");
    req.addTrailers({ "X-Checksum": "abc" });
    req.end();
    const [res] = (await once(req, "response")) as [http.IncomingMessage];
    res.resume();
    await once(res, "end");

    const seen = upstream().requests[0];
    expect(res.statusCode).toBe(200);
    expect(seen.body?.toString()).toBe("first,second");
    expect(seen.headers["transfer-encoding"]).toBe("chunked");
    expect(seen.headers.trailer).toBeUndefined();
    expect(seen.trailers).toEqual({});
  });

  it("keeps a body's Content-Length even when Connection names it (no body without framing reaches Jira)", async () => {
    const port = await relayTo();
    // A GET whose body is a second request: without its length, Jira would read it as the next
    // request on the relay's pooled connection.
    const smuggled = "GET /admin HTTP/1.1\r\nHost: jira\r\n\r\n";

    const { response } = await rawExchange(
      port,
      files.cert.cert,
      `GET /jira/rest/api/2/myself HTTP/1.1\r\nHost: x\r\nConnection: close, Content-Length\r\n` +
        `Content-Length: ${smuggled.length}\r\n\r\n${smuggled}`
    );

    expect(response).toMatch(/^HTTP\/1\.1 200 /);
    expect(upstream().requests.map((seen) => seen.url)).toEqual(["/rest/api/2/myself"]);
    expect(upstream().requests[0].headers["content-length"]).toBe(String(smuggled.length));
    expect(upstream().requests[0].body?.toString()).toBe(smuggled);
  });

  it("are not passed back from Jira, nor the headers Jira's Connection names", async () => {
    const port = await relayTo((req, res) => {
      req.resume();
      req.on("end", () => {
        res.writeHead(200, {
          "Content-Type": "application/json",
          Connection: "X-Jira-Hop",
          "X-Jira-Hop": "connection-scoped",
          "Keep-Alive": "timeout=99",
          "Proxy-Authenticate": 'Basic realm="proxy"',
          "Proxy-Connection": "keep-alive",
          Upgrade: "h2c",
          Trailer: "X-Jira-Checksum",
          "X-End-To-End": "kept",
        });
        res.addTrailers({ "X-Jira-Checksum": "abc" });
        res.end("{}");
      });
    });

    const req = https.request({
      host: "127.0.0.1",
      port,
      path: "/jira/rest/api/2/myself",
      ca: files.cert.cert,
      agent: false,
    });
    req.end();
    const [res] = (await once(req, "response")) as [http.IncomingMessage];
    res.resume();
    await once(res, "end");

    expect(res.statusCode).toBe(200);
    expect(res.headers["x-end-to-end"]).toBe("kept");
    expect(res.headers["content-type"]).toBe("application/json");
    for (const name of [
      "x-jira-hop",
      "proxy-authenticate",
      "proxy-connection",
      "upgrade",
      "trailer",
    ]) {
      expect(res.headers[name]).toBeUndefined();
    }
    // Node's server may announce its own keep-alive timeout; Jira's 99 s never reaches the pane.
    expect(res.headers["keep-alive"] ?? "").not.toContain("99");
    expect(res.headers.connection).not.toMatch(/x-jira-hop/i);
    expect(res.trailers).toEqual({});
  });
});

describe("cookies never cross the relay", () => {
  it("drops Cookie and Cookie2, also when the client sends several Cookie headers", async () => {
    const port = await relayTo();

    const { response } = await rawExchange(
      port,
      files.cert.cert,
      [
        "GET /jira/rest/api/2/myself HTTP/1.1",
        "Host: 127.0.0.1",
        `Authorization: ${AUTHORIZATION}`,
        "Cookie: JSESSIONID=addin-origin",
        "Cookie: atlassian.xsrf.token=addin-origin; other=1",
        'Cookie2: $Version="1"',
        "Connection: close",
        "",
        "",
      ].join("\r\n")
    );

    expect(response).toMatch(/^HTTP\/1\.1 200 /);
    const seen = upstream().requests[0];
    expect(seen.headers.cookie).toBeUndefined();
    expect(seen.headers.cookie2).toBeUndefined();
    expect(seen.headers.authorization).toBe(AUTHORIZATION);
  });

  it("drops Jira's Set-Cookie (all of them) and Set-Cookie2: a Jira session never becomes the add-in origin's", async () => {
    const port = await relayTo((req, res) => {
      req.resume();
      req.on("end", () => {
        res.setHeader("Set-Cookie", [
          "JSESSIONID=jira-session; Path=/; HttpOnly",
          "atlassian.xsrf.token=ABC|lin; Path=/",
        ]);
        res.setHeader("Set-Cookie2", 'legacy="1"; Version="1"');
        res.writeHead(200, { "Content-Type": "application/json" });
        res.end('{"name":"jane"}');
      });
    });

    const res = await request(port, files.cert.cert, "/jira/rest/api/2/myself");

    expect(res.status).toBe(200);
    expect(res.body).toBe('{"name":"jane"}');
    expect(res.headers["set-cookie"]).toBeUndefined();
    expect(res.headers["set-cookie2"]).toBeUndefined();
  });
});

describe("headers that act on the add-in's whole origin", () => {
  it("drops Jira's HSTS, Clear-Site-Data, Alt-Svc, reporting and CORS headers; keeps the add-in's security headers over Jira's", async () => {
    const port = await relayTo((req, res) => {
      req.resume();
      req.on("end", () => {
        res.writeHead(200, {
          "Content-Type": "application/json",
          "Strict-Transport-Security": "max-age=31536000; includeSubDomains",
          "Clear-Site-Data": '"storage", "cookies"',
          "Alt-Svc": 'h3=":8443"',
          NEL: '{"report_to":"jira","max_age":86400}',
          "Report-To": '{"group":"jira","max_age":86400,"endpoints":[{"url":"https://jira/r"}]}',
          "Reporting-Endpoints": 'jira="https://jira/r"',
          "Access-Control-Allow-Origin": "https://elsewhere.example",
          "Access-Control-Allow-Credentials": "true",
          "X-Content-Type-Options": "sniff-away",
          "Referrer-Policy": "unsafe-url",
          "Cache-Control": "no-cache, no-store",
          "WWW-Authenticate": 'OAuth realm="https%3A%2F%2Fjira"',
        });
        res.end("{}");
      });
    });

    const res = await request(port, files.cert.cert, "/jira/rest/api/2/myself");

    for (const name of [
      "strict-transport-security",
      "clear-site-data",
      "alt-svc",
      "nel",
      "report-to",
      "reporting-endpoints",
      "access-control-allow-origin",
      "access-control-allow-credentials",
    ]) {
      expect(res.headers[name]).toBeUndefined();
    }
    // The add-in server's own headers for its origin win.
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["referrer-policy"]).toBe("no-referrer");
    // Jira's end-to-end headers pass.
    expect(res.headers["cache-control"]).toBe("no-cache, no-store");
    expect(res.headers["www-authenticate"]).toBe('OAuth realm="https%3A%2F%2Fjira"');
  });
});

describe("requests the relay refuses before Jira sees them", () => {
  it.each(["TRACE", "PURGE", "PROPFIND"])("answers %s with 405 and Allow", async (method) => {
    const port = await relayTo();

    const { response } = await rawExchange(
      port,
      files.cert.cert,
      `${method} /jira/rest/api/2/myself HTTP/1.1\r\nHost: x\r\nAuthorization: ${AUTHORIZATION}\r\nConnection: close\r\n\r\n`
    );

    expect(response).toMatch(/^HTTP\/1\.1 405 /);
    expect(response).toMatch(/\r\nX-Relay-Error: METHOD_NOT_ALLOWED\r\n/i);
    expect(response).toMatch(/\r\nAllow: GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS\r\n/i);
    expect(upstream().connections()).toBe(0);
  });

  it.each(["HEAD", "OPTIONS", "PATCH"])("relays %s", async (method) => {
    const port = await relayTo();

    const res = await request(port, files.cert.cert, "/jira/rest/api/2/myself", { method });

    expect(res.status).toBe(200);
    expect(upstream().requests.map((seen) => seen.method)).toEqual([method]);
  });

  it("refuses a WebSocket handshake: no upgrade reaches Jira, no 101 reaches the client", async () => {
    const port = await relayTo();

    const { response } = await rawExchange(
      port,
      files.cert.cert,
      [
        "GET /jira/rest/websocket HTTP/1.1",
        "Host: 127.0.0.1",
        "Connection: Upgrade",
        "Upgrade: websocket",
        "Sec-WebSocket-Version: 13",
        "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==",
        "",
        "",
      ].join("\r\n")
    );

    expect(response).toMatch(/^HTTP\/1\.1 400 /);
    expect(response).toMatch(/\r\nX-Relay-Error: UPGRADE_REFUSED\r\n/i);
    expect(response).not.toMatch(/101 Switching/);
    expect(upstream().upgrades()).toBe(0);
    expect(upstream().connections()).toBe(0);
  });

  it("refuses a body in a transfer coding other than chunked with 501", async () => {
    const port = await relayTo();

    const { response } = await rawExchange(
      port,
      files.cert.cert,
      "POST /jira/rest/api/2/issue HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n"
    );

    expect(response).toMatch(/^HTTP\/1\.1 501 /);
    expect(response).toMatch(/\r\nX-Relay-Error: TRANSFER_CODING_UNSUPPORTED\r\n/i);
    expect(upstream().connections()).toBe(0);
    const body = response.slice(response.indexOf("\r\n\r\n") + 4);
    expect(errorMessagesOf(body)[0]).toContain("gzip, chunked");
  });
});
