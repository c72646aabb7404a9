/**
 * The relay's cap on request bodies, over real HTTPS and HTTP on 127.0.0.1: a Content-Length over
 * the cap is answered 413 before Jira is contacted; a chunked body growing past it is cut, so Jira
 * never receives a complete body; and the default cap lets a 50 MB upload stream through.
 */
import { createHash } from "node:crypto";
import { once } from "node:events";
import type http from "node:http";
import https from "node:https";
import { createAddinServer } from "../../../src/server/create-addin-server";
import type { AddinServer } from "../../../src/server/create-addin-server";
import { DEFAULT_RELAY_MAX_BODY_BYTES, MEGABYTE } from "../../../src/server/relay-settings";
import {
  makeDist,
  makeTestCertificate,
  removeDir,
  testServerOptions,
  waitFor,
} from "./server-test-kit";
import { errorMessagesOf, startBareRelay, startUpstream } from "./relay-test-kit";
import type { BareRelay, UpstreamServer } from "./relay-test-kit";

jest.setTimeout(60_000);

const CAP = MEGABYTE;
const UPLOAD_PATH = "/jira/rest/api/2/issue/ABC-1/attachments";

let cert: Awaited<ReturnType<typeof makeTestCertificate>>;
let jira: UpstreamServer;
let relay: BareRelay;

beforeAll(async () => {
  cert = await makeTestCertificate();
});

afterAll(async () => {
  await removeDir(cert.dir);
});

afterEach(async () => {
  await relay?.close();
  await jira?.close();
});

/** Starts Jira's stand-in and the relay to it with a 1 MB cap. */
async function startWithCap(handler?: Parameters<typeof startUpstream>[0]): Promise<void> {
  jira = await startUpstream(handler);
  relay = await startBareRelay({ jiraUrl: jira.baseUrl, maxBodyBytes: CAP }, cert);
}

/** An upload to the relay; the caller writes the body. */
function upload(port: number, headers: Record<string, string>): http.ClientRequest {
  const req = https.request({
    host: "127.0.0.1",
    port,
    method: "POST",
    path: UPLOAD_PATH,
    headers: {
      "Content-Type": "application/octet-stream",
      "X-Atlassian-Token": "no-check",
      ...headers,
    },
    ca: cert.cert,
    agent: false,
  });
  // The relay may close the connection while the body is still being written (it answered 413).
  req.on("error", () => undefined);
  return req;
}

/** The response and its whole body. */
async function responseOf(
  req: http.ClientRequest
): Promise<{ res: http.IncomingMessage; body: string }> {
  const [res] = (await once(req, "response")) as [http.IncomingMessage];
  const chunks: Buffer[] = [];
  for await (const chunk of res) chunks.push(chunk as Buffer);
  return { res, body: Buffer.concat(chunks).toString("utf8") };
}

/** Writes `chunk` repeatedly until `stop()` or `max` bytes, honouring backpressure. */
async function writeUntil(
  req: http.ClientRequest,
  chunk: Buffer,
  max: number,
  stop: () => boolean
): Promise<number> {
  let written = 0;
  while (written < max && !stop() && !req.destroyed) {
    written += chunk.length;
    if (!req.write(chunk)) {
      await new Promise<void>((resolve) => {
        const done = (): void => {
          req.off("drain", done);
          req.off("close", done);
          resolve();
        };
        req.on("drain", done);
        req.on("close", done);
      });
    }
    // Let the relay's answer arrive between chunks.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return written;
}

describe("a body announced over the cap", () => {
  it("is answered 413 in Jira's error shape before any connection to Jira (default cap, add-in server)", async () => {
    jira = await startUpstream();
    const dist = await makeDist();
    const addin: AddinServer = createAddinServer(
      testServerOptions(dist, cert, { jiraUrl: jira.baseUrl })
    );
    try {
      const { port } = await addin.listen();
      const req = upload(port, { "Content-Length": String(DEFAULT_RELAY_MAX_BODY_BYTES + 1) });
      req.flushHeaders(); // headers only: the relay must not wait for a byte of the body

      const { res, body } = await responseOf(req);
      req.destroy();

      expect(res.statusCode).toBe(413);
      expect(res.headers["x-relay-error"]).toBe("REQUEST_TOO_LARGE");
      expect(res.headers["content-type"]).toMatch(/^application\/json/);
      expect(res.headers.connection).toBe("close");
      expect(errorMessagesOf(body)).toEqual([
        "The add-in server passes requests of at most 100 MB to Jira: attach a smaller file, or ask the " +
          "add-in's administrator to raise RELAY_MAX_BODY_MB.",
      ]);
      expect(jira.connections()).toBe(0);
    } finally {
      await addin.close();
      await removeDir(dist);
    }
  });

  it("is answered 413 one byte over a configured cap; exactly the cap passes whole", async () => {
    await startWithCap();
    const over = upload(relay.port, { "Content-Length": String(CAP + 1) });
    over.flushHeaders();

    const refused = await responseOf(over);
    over.destroy();

    expect(refused.res.statusCode).toBe(413);
    expect(errorMessagesOf(refused.body)[0]).toContain("at most 1 MB");
    expect(jira.connections()).toBe(0);

    const body = Buffer.alloc(CAP, 0x62);
    const exact = upload(relay.port, { "Content-Length": String(CAP) });
    exact.end(body);
    const accepted = await responseOf(exact);

    expect(accepted.res.statusCode).toBe(200);
    expect(jira.completed().map((seen) => seen.body?.length)).toEqual([CAP]);
  });
});

describe("a chunked body that grows past the cap", () => {
  it("is cut: Jira's request is aborted without a complete body, the client gets 413", async () => {
    await startWithCap();
    const req = upload(relay.port, {}); // no Content-Length: chunked
    let answered = false;
    const answer = responseOf(req).finally(() => (answered = true));

    const written = await writeUntil(req, Buffer.alloc(64 * 1024, 0x63), 4 * CAP, () => answered);
    const { res, body } = await answer;
    req.destroy();
    await waitFor(() => jira.requests[0]?.aborted === true, "Jira's request to be cut off");

    expect(written).toBeGreaterThan(CAP);
    expect(res.statusCode).toBe(413);
    expect(res.headers["x-relay-error"]).toBe("REQUEST_TOO_LARGE");
    expect(errorMessagesOf(body)[0]).toContain("RELAY_MAX_BODY_MB");
    // Jira saw the request start, never more than the cap, and never its end.
    expect(jira.requests).toHaveLength(1);
    expect(jira.requests[0].bytes).toBeLessThanOrEqual(CAP);
    expect(jira.completed()).toEqual([]);
  });

  it("is cut, and so is Jira's answer, when Jira has already begun answering", async () => {
    // A Jira that answers at once and keeps its answer open while the body streams in.
    await startWithCap((_req, res) => {
      res.writeHead(200, { "Content-Type": "application/octet-stream" });
      res.write("started;");
    });
    const req = upload(relay.port, {});
    req.write(Buffer.alloc(1024, 0x64));
    const [res] = (await once(req, "response")) as [http.IncomingMessage];
    const ended = new Promise<boolean>((resolve) => {
      res.on("end", () => resolve(true));
      res.on("error", () => resolve(false));
      res.on("close", () => resolve(false));
      res.resume();
    });

    await writeUntil(req, Buffer.alloc(64 * 1024, 0x64), 4 * CAP, () => req.destroyed);

    expect(res.statusCode).toBe(200);
    // The pane never sees this answer as complete.
    expect(await ended).toBe(false);
    await waitFor(() => jira.requests[0]?.aborted === true, "Jira's request to be cut off");
    expect(jira.requests[0].bytes).toBeLessThanOrEqual(CAP);
    expect(jira.completed()).toEqual([]);
  });

  it("passes whole while it stays under the cap", async () => {
    await startWithCap();
    const req = upload(relay.port, {});
    const chunk = Buffer.alloc(64 * 1024, 0x65);
    for (let i = 0; i < 15; i += 1) req.write(chunk);
    req.end();

    const { res } = await responseOf(req);

    expect(res.statusCode).toBe(200);
    expect(jira.completed().map((seen) => seen.body?.length)).toEqual([15 * chunk.length]);
  });
});

describe("the default cap", () => {
  it("lets a 50 MB upload stream through the add-in server to Jira, byte for byte", async () => {
    jira = await startUpstream();
    const dist = await makeDist();
    const addin = createAddinServer(testServerOptions(dist, cert, { jiraUrl: jira.baseUrl }));
    try {
      const { port } = await addin.listen();
      const chunk = Buffer.alloc(MEGABYTE);
      const hash = createHash("sha256");
      const req = upload(port, { "Content-Length": String(50 * MEGABYTE) });
      for (let i = 0; i < 50; i += 1) {
        chunk.fill(i);
        hash.update(chunk);
        if (!req.write(chunk)) await once(req, "drain");
      }
      req.end();

      const { res } = await responseOf(req);

      expect(res.statusCode).toBe(200);
      const [seen] = jira.completed();
      expect(seen.body?.length).toBe(50 * MEGABYTE);
      expect(
        createHash("sha256")
          .update(seen.body ?? Buffer.alloc(0))
          .digest("hex")
      ).toBe(hash.digest("hex"));
    } finally {
      await addin.close();
      await removeDir(dist);
    }
  });
});
