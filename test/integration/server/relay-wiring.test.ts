/**
 * createAddinServer hands its relay settings to the relay (`relayMaxBodyBytes`, `relayTimeoutMs`)
 * and gives clients 30 minutes to send a request (Node's 300 s default would answer 408 to a large
 * upload on a slow line). Real HTTPS on 127.0.0.1; the server's own setting is read through Node's
 * `http.server.request.start` diagnostics channel, which names the server a request reached.
 */
import diagnosticsChannel from "node:diagnostics_channel";
import http from "node:http";
import {
  ADDIN_SERVER_REQUEST_TIMEOUT_MS,
  createAddinServer,
} from "../../../src/server/create-addin-server";
import type { AddinServer } from "../../../src/server/create-addin-server";
import { MEGABYTE } from "../../../src/server/relay-settings";
import { errorMessagesOf, startUpstream } from "./relay-test-kit";
import type { UpstreamServer } from "./relay-test-kit";
import { postUpload, request, testServerOptions, setUpDistAndCertificate } from "./server-test-kit";

jest.setTimeout(30_000);

const files = setUpDistAndCertificate();

let jira: UpstreamServer | undefined;
let addin: AddinServer | undefined;

afterEach(async () => {
  await addin?.close();
  await jira?.close();
  addin = undefined;
  jira = undefined;
});

describe("relayMaxBodyBytes", () => {
  it("reaches the relay: a 2 MB body over a 1 MB cap is answered 413 before Jira is contacted", async () => {
    jira = await startUpstream();
    addin = createAddinServer(
      testServerOptions(files.distDir, files.cert, {
        jiraUrl: jira.baseUrl,
        relayMaxBodyBytes: MEGABYTE,
      })
    );
    const { port } = await addin.listen();

    const res = await postUpload(
      port,
      files.cert.cert,
      "/jira/rest/api/2/issue/ABC-1/attachments",
      Buffer.alloc(2 * MEGABYTE, 0x61)
    );

    expect(res.status).toBe(413);
    expect(res.headers["x-relay-error"]).toBe("REQUEST_TOO_LARGE");
    expect(errorMessagesOf(res.body)[0]).toContain("at most 1 MB");
    expect(jira.connections()).toBe(0);
  });
});

describe("relayTimeoutMs", () => {
  it("reaches the relay: a Jira silent for longer is answered 504 ETIMEDOUT", async () => {
    jira = await startUpstream(() => undefined); // takes the request, never answers
    addin = createAddinServer(
      testServerOptions(files.distDir, files.cert, { jiraUrl: jira.baseUrl, relayTimeoutMs: 1000 })
    );
    const { port } = await addin.listen();
    const started = Date.now();

    const res = await request(port, files.cert.cert, "/jira/rest/api/2/serverInfo");

    expect(res.status).toBe(504);
    expect(res.headers["x-relay-error"]).toBe("ETIMEDOUT");
    expect(errorMessagesOf(res.body)[0]).toContain("no answer from Jira for 1 s");
    // The configured second, not the 120 s default (a few ms early is timer rounding).
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });
});

describe("the time a client has to send its request", () => {
  it("is 30 minutes instead of Node's 300 s, so a slow 100 MB upload is not cut off with 408", async () => {
    addin = createAddinServer(testServerOptions(files.distDir, files.cert));
    const { port } = await addin.listen();
    const seen: { requestTimeout: number; headersTimeout: number }[] = [];
    const onRequestStart = (message: unknown): void => {
      const { server } = message as { server: http.Server };
      const address = server.address();
      if (typeof address === "object" && address?.port === port) {
        seen.push({
          requestTimeout: server.requestTimeout,
          headersTimeout: server.headersTimeout,
        });
      }
    };
    diagnosticsChannel.subscribe("http.server.request.start", onRequestStart);
    try {
      expect((await request(port, files.cert.cert, "/taskpane.html")).status).toBe(200);
    } finally {
      diagnosticsChannel.unsubscribe("http.server.request.start", onRequestStart);
    }

    expect(ADDIN_SERVER_REQUEST_TIMEOUT_MS).toBe(30 * 60 * 1000);
    // Node's defaults, for comparison: the whole request in 300 s, its headers in 60 s.
    const nodeDefaults = new http.Server();
    expect(nodeDefaults.requestTimeout).toBe(300_000);
    // Only the body gets longer: headers must still arrive within Node's 60 s.
    expect(seen).toEqual([
      { requestTimeout: 30 * 60 * 1000, headersTimeout: nodeDefaults.headersTimeout },
    ]);
  });
});
