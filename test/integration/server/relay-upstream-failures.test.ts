/**
 * When the relay can't get an answer from Jira, each cause gets its own answer, with real servers
 * on 127.0.0.1 playing each part: TLS trouble (unknown CA, wrong host name, expired, not TLS at
 * all) is a 502 naming JIRA_CA_FILE or JIRA_URL; an unreachable Jira (refused, unknown host, a
 * dropped connection) a 502 with Node's code; a Jira that goes silent a 504 `ETIMEDOUT` after the
 * relay's idle timeout, or a cut answer once it had begun. Also: pooled connections are reused,
 * and one Jira closed just as a request went out is retried when nothing can have reached Jira.
 */
import { once } from "node:events";
import type http from "node:http";
import https from "node:https";
import net from "node:net";
import type { AddressInfo } from "node:net";
import {
  findClosedPort,
  makeTestCertificate,
  removeDir,
  request,
  waitFor,
} from "./server-test-kit";
import {
  errorMessagesOf,
  makeServerCertificate,
  makeTestCa,
  startBareRelay,
  startUpstream,
} from "./relay-test-kit";
import type { BareRelay, TestCertificate, UpstreamServer } from "./relay-test-kit";

jest.setTimeout(30_000);

/** The relay's idle timeout in the tests of the timeout. */
const TIMEOUT_MS = 300;

let cert: Awaited<ReturnType<typeof makeTestCertificate>>;
let ca: TestCertificate;
const cleanups: Array<() => Promise<void>> = [];

beforeAll(async () => {
  cert = await makeTestCertificate();
  ca = await makeTestCa();
});

afterAll(async () => {
  await removeDir(cert.dir);
});

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function upstream(...args: Parameters<typeof startUpstream>): Promise<UpstreamServer> {
  const server = await startUpstream(...args);
  cleanups.push(() => server.close());
  return server;
}

async function relayTo(
  jiraUrl: string,
  options: { ca?: string; timeoutMs?: number } = {}
): Promise<BareRelay> {
  // The relay's default timeout (120 s) unless a test is about the timeout: on a busy machine a
  // TLS handshake alone can take longer than the 0.3 s the timeout tests use.
  const relay = await startBareRelay({ jiraUrl, ...options }, cert);
  cleanups.push(() => relay.close());
  return relay;
}

function get(relay: BareRelay, path = "/jira/rest/api/2/myself") {
  return request(relay.port, cert.cert, path);
}

describe("TLS problems reaching Jira: 502 naming what to set", () => {
  it("a certificate from a CA the relay doesn't know: UNABLE_TO_VERIFY_LEAF_SIGNATURE, JIRA_CA_FILE; trusted with the CA", async () => {
    const jira = await upstream(undefined, await makeServerCertificate({ ca, ips: ["127.0.0.1"] }));

    const refused = await get(await relayTo(jira.baseUrl));

    expect(refused.status).toBe(502);
    expect(refused.headers["x-relay-error"]).toBe("UNABLE_TO_VERIFY_LEAF_SIGNATURE");
    expect(errorMessagesOf(refused.body)[0]).toMatch(
      new RegExp(
        `^The add-in server could not reach Jira at ${jira.baseUrl.replace(/\./g, "\\.")}: .*UNABLE_TO_VERIFY_LEAF_SIGNATURE.*set JIRA_CA_FILE to that CA's PEM file`
      )
    );
    expect(jira.requests).toHaveLength(0);

    const accepted = await get(await relayTo(jira.baseUrl, { ca: ca.cert }));

    expect(accepted.status).toBe(200);
    expect(jira.requests.map((seen) => seen.url)).toEqual(["/rest/api/2/myself"]);
  });

  it("a certificate for another host name: ERR_TLS_CERT_ALTNAME_INVALID, naming JIRA_URL", async () => {
    const jira = await upstream(
      undefined,
      await makeServerCertificate({ ca, dnsNames: ["jira.example.test"] })
    );

    const res = await get(await relayTo(jira.baseUrl, { ca: ca.cert }));

    expect(res.status).toBe(502);
    expect(res.headers["x-relay-error"]).toBe("ERR_TLS_CERT_ALTNAME_INVALID");
    const [message] = errorMessagesOf(res.body);
    expect(message).toContain("its certificate is not issued for 127.0.0.1");
    expect(message).toContain("jira.example.test");
    expect(message).toContain("Set JIRA_URL to a host name the certificate names");
    expect(jira.requests).toHaveLength(0);
  });

  it("an expired certificate: CERT_HAS_EXPIRED, for Jira's administrator to renew", async () => {
    const year = 365 * 24 * 60 * 60 * 1000;
    const jira = await upstream(
      undefined,
      await makeServerCertificate({
        ca,
        ips: ["127.0.0.1"],
        notBefore: new Date(Date.now() - 2 * year),
        notAfter: new Date(Date.now() - year),
      })
    );

    const res = await get(await relayTo(jira.baseUrl, { ca: ca.cert }));

    expect(res.status).toBe(502);
    expect(res.headers["x-relay-error"]).toBe("CERT_HAS_EXPIRED");
    expect(errorMessagesOf(res.body)[0]).toContain("must renew Jira's certificate");
  });

  it("https in JIRA_URL for a port that speaks plain HTTP: a failed handshake, naming JIRA_URL", async () => {
    const jira = await upstream();

    const res = await get(await relayTo(`https://127.0.0.1:${jira.port}`));

    expect(res.status).toBe(502);
    expect(res.headers["x-relay-error"]).toMatch(/^(EPROTO|ERR_SSL_)/);
    expect(errorMessagesOf(res.body)[0]).toContain(
      "Check that JIRA_URL uses https only if Jira serves HTTPS at that port"
    );
    expect(jira.requests).toHaveLength(0);
  });
});

describe("an unreachable Jira: 502 with Node's code", () => {
  it("nothing listening: ECONNREFUSED, logged without the query", async () => {
    const relay = await relayTo(`http://127.0.0.1:${await findClosedPort()}`);

    const res = await get(relay, "/jira/rest/api/2/search?jql=secret&oauth_token=t0ken");

    expect(res.status).toBe(502);
    expect(res.headers["x-relay-error"]).toBe("ECONNREFUSED");
    expect(errorMessagesOf(res.body)[0]).toMatch(
      /nothing accepts connections at 127\.0\.0\.1:\d+ \(ECONNREFUSED\)\. Check JIRA_URL and that Jira is running\.$/
    );
    expect(relay.logLines).toEqual([
      expect.stringMatching(/^error Jira relay: GET \/rest\/api\/2\/search failed: ECONNREFUSED /),
    ]);
    expect(relay.logLines.join("\n")).not.toContain("t0ken");
  });

  it("a host name that doesn't resolve (.invalid, RFC 2606): ENOTFOUND, naming the host in JIRA_URL", async () => {
    const res = await get(await relayTo("http://jira.invalid"));

    expect(res.status).toBe(502);
    // EAI_AGAIN where the resolver itself can't be reached.
    expect(res.headers["x-relay-error"]).toMatch(/^(ENOTFOUND|EAI_AGAIN)$/);
    expect(errorMessagesOf(res.body)[0]).toContain("the host name jira.invalid does not resolve");
    expect(errorMessagesOf(res.body)[0]).toContain("Check the host name in JIRA_URL");
  });

  it("http in JIRA_URL for a port that speaks HTTPS: ECONNRESET, hinting at http/https", async () => {
    const jira = await upstream(undefined, await makeServerCertificate({ ca, ips: ["127.0.0.1"] }));

    const res = await get(await relayTo(`http://127.0.0.1:${jira.port}`));

    expect(res.status).toBe(502);
    expect(res.headers["x-relay-error"]).toBe("ECONNRESET");
    expect(errorMessagesOf(res.body)[0]).toContain(
      "Check JIRA_URL (http where Jira serves https is closed like this)"
    );
    expect(jira.requests).toHaveLength(0);
  });

  it("a port where something else than HTTP answers: the parser's code, naming the port in JIRA_URL", async () => {
    const server = net.createServer((socket) => {
      socket.on("error", () => undefined);
      socket.resume(); // read (and drop) the request, so the client's close is seen
      socket.end("SSH-2.0-OpenSSH_9.6\r\n");
    });
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    cleanups.push(async () => {
      server.close();
      await once(server, "close");
    });

    const res = await get(
      await relayTo(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)
    );

    expect(res.status).toBe(502);
    expect(res.headers["x-relay-error"]).toMatch(/^HPE_/);
    expect(errorMessagesOf(res.body)[0]).toContain("does not speak HTTP");
    expect(errorMessagesOf(res.body)[0]).toContain("Check the port in JIRA_URL");
  });

  it("Jira drops the connection without answering: ECONNRESET", async () => {
    const jira = await upstream((req) => req.socket.destroy());

    const res = await get(await relayTo(jira.baseUrl));

    expect(res.status).toBe(502);
    expect(res.headers["x-relay-error"]).toBe("ECONNRESET");
    expect(errorMessagesOf(res.body)[0]).toContain(
      "Jira closed the connection without a complete answer"
    );
  });

  it("Jira drops the connection mid-answer: the pane's answer is cut, never complete", async () => {
    const jira = await upstream((req, res) => {
      res.writeHead(200, { "Content-Type": "application/json", "Content-Length": "100" });
      res.write('{"partial":');
      setTimeout(() => req.socket.destroy(), 50);
    });
    const relay = await relayTo(jira.baseUrl);

    const outcome = await answerOutcome(relay, "/jira/rest/api/2/myself");

    expect(outcome).toEqual({ status: 200, complete: false, received: '{"partial":' });
    expect(relay.logLines.join("\n")).toContain("ECONNRESET");
  });
});

describe("a silent Jira: the relay's idle timeout", () => {
  it("no answer at all: 504 ETIMEDOUT after the timeout, and Jira's connection is closed", async () => {
    const jira = await upstream((req) => req.resume()); // reads the request, never answers
    const relay = await relayTo(jira.baseUrl, { timeoutMs: TIMEOUT_MS });
    const started = Date.now();

    const res = await get(relay);

    const waited = Date.now() - started;
    expect(res.status).toBe(504);
    expect(res.headers["x-relay-error"]).toBe("ETIMEDOUT");
    expect(errorMessagesOf(res.body)[0]).toMatch(
      /^Jira at http:\/\/127\.0\.0\.1:\d+ did not answer the add-in server in time \(no answer from Jira for 0\.3 s, ETIMEDOUT\)\. /
    );
    expect(waited).toBeGreaterThanOrEqual(TIMEOUT_MS - 20);
    await waitFor(() => jira.requests[0]?.aborted === true, "the relay to close Jira's connection");
  });

  it("an answer that stalls midway: cut after the timeout", async () => {
    const jira = await upstream((_req, res) => {
      res.writeHead(200, { "Content-Type": "text/plain" });
      res.write("first part;");
    });
    const relay = await relayTo(jira.baseUrl, { timeoutMs: TIMEOUT_MS });

    const outcome = await answerOutcome(relay, "/jira/secure/attachment/1/big.bin");

    expect(outcome).toEqual({ status: 200, complete: false, received: "first part;" });
    expect(relay.logLines.join("\n")).toContain("ETIMEDOUT");
  });

  it("is an idle timeout: an answer trickling in slower than the timeout in total, but never idle that long, passes", async () => {
    // A longer timeout here, with a part every quarter of it: a busy machine stalling the event
    // loop for less than three quarters of it can't fire the timeout between two parts.
    const timeoutMs = 1000;
    const parts = ["a", "b", "c", "d", "e", "f"];
    const jira = await upstream((_req, res) => {
      res.writeHead(200, { "Content-Type": "text/plain" });
      let sent = 0;
      const timer = setInterval(() => {
        if (sent === parts.length) {
          clearInterval(timer);
          res.end();
          return;
        }
        res.write(parts[sent]);
        sent += 1;
      }, timeoutMs / 4);
    });
    const relay = await relayTo(jira.baseUrl, { timeoutMs });
    const started = Date.now();

    const outcome = await answerOutcome(relay, "/jira/rest/api/2/search");

    expect(Date.now() - started).toBeGreaterThan(timeoutMs);
    expect(outcome).toEqual({ status: 200, complete: true, received: parts.join("") });
  });
});

describe("the connection pool towards Jira", () => {
  it("reuses one connection for requests one after another", async () => {
    const jira = await upstream();
    const relay = await relayTo(jira.baseUrl);

    for (let i = 0; i < 3; i += 1) expect((await get(relay)).status).toBe(200);

    expect(jira.requests).toHaveLength(3);
    expect(jira.connections()).toBe(1);
  });

  it("sends a GET again on a fresh connection when Jira closed the pooled one just as it went out", async () => {
    const jira = await startClosingAfterOneAnswer();
    const relay = await relayTo(jira.baseUrl);

    expect((await get(relay)).status).toBe(200);
    const second = await get(relay);

    expect(second.status).toBe(200);
    // The second GET reached the stale connection (and was dropped there), then a fresh one.
    expect(jira.requestsSeen()).toBe(3);
    expect(jira.connections()).toBe(2);
  });

  it("does not send a POST again: its body may have reached Jira (502 ECONNRESET)", async () => {
    const jira = await startClosingAfterOneAnswer();
    const relay = await relayTo(jira.baseUrl);

    expect((await get(relay)).status).toBe(200);
    const post = await request(relay.port, cert.cert, "/jira/rest/api/2/issue", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: "{}",
    });

    expect(post.status).toBe(502);
    expect(post.headers["x-relay-error"]).toBe("ECONNRESET");
    expect(jira.requestsSeen()).toBe(2);
    expect(jira.connections()).toBe(1);
  });

  it("cuts Jira's request when the pane gives up its upload midway", async () => {
    const jira = await upstream();
    const relay = await relayTo(jira.baseUrl);
    const req = https.request({
      host: "127.0.0.1",
      port: relay.port,
      method: "POST",
      path: "/jira/rest/api/2/issue/ABC-1/attachments",
      headers: { "Content-Length": String(1024 * 1024) },
      ca: cert.cert,
      agent: false,
    });
    req.on("error", () => undefined);
    req.write(Buffer.alloc(64 * 1024));
    await waitFor(() => (jira.requests[0]?.bytes ?? 0) > 0, "Jira to receive the first bytes");

    req.destroy();

    await waitFor(() => jira.requests[0]?.aborted === true, "Jira's request to be cut off");
    expect(jira.completed()).toEqual([]);
    // The pane went away: not Jira's failure, nothing logged.
    expect(relay.logLines).toEqual([]);
  });
});

/** GETs `path` through the relay; how far the answer got. */
async function answerOutcome(
  relay: BareRelay,
  path: string
): Promise<{ status: number; complete: boolean; received: string }> {
  const req = https.request({
    host: "127.0.0.1",
    port: relay.port,
    path,
    ca: cert.cert,
    agent: false,
  });
  req.end();
  const [res] = (await once(req, "response")) as [http.IncomingMessage];
  let received = "";
  res.on("data", (chunk: Buffer) => (received += chunk.toString("utf8")));
  const complete = await new Promise<boolean>((resolve) => {
    res.on("end", () => resolve(true));
    res.on("error", () => resolve(false));
    res.on("close", () => resolve(res.complete));
  });
  return { status: res.statusCode ?? 0, complete, received };
}

/**
 * A Jira stand-in (raw TCP) that answers the first request on each connection with keep-alive and
 * no keep-alive hint, then drops the connection when a second request arrives on it: the race of a
 * server closing an idle connection just as the client reuses it, made certain.
 */
async function startClosingAfterOneAnswer(): Promise<{
  baseUrl: string;
  connections(): number;
  requestsSeen(): number;
}> {
  let connections = 0;
  let requestsSeen = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    connections += 1;
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => undefined);
    let answered = false;
    let received = "";
    socket.on("data", (chunk: Buffer) => {
      if (answered) {
        requestsSeen += 1;
        socket.resetAndDestroy();
        return;
      }
      received += chunk.toString("latin1");
      if (received.includes("\r\n\r\n")) {
        requestsSeen += 1;
        answered = true;
        socket.write(
          "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}"
        );
      }
    });
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  cleanups.push(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    connections: () => connections,
    requestsSeen: () => requestsSeen,
  };
}
