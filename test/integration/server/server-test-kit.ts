/**
 * Shared helpers for the add-in server's integration tests: a temporary dist/ folder, a recording
 * stand-in for Jira on 127.0.0.1, and an HTTPS client that trusts the test certificate only.
 */
import { once } from "node:events";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import http from "node:http";
import https from "node:https";
import type { AddressInfo, Server } from "node:net";
import os from "node:os";
import path from "node:path";
import tls from "node:tls";
import { loadTlsCredentials } from "../../../src/server/dev-certificate";
import type { TlsCredentials } from "../../../src/server/dev-certificate";
import type { AddinServerOptions, ServerLogger } from "../../../src/server/create-addin-server";

/** Options for an add-in server on an ephemeral 127.0.0.1 port with the test certificate and a quiet logger. */
export function testServerOptions(
  distDir: string,
  cert: TlsCredentials,
  options: Partial<AddinServerOptions> = {}
): AddinServerOptions {
  return {
    distDir,
    port: 0,
    host: "127.0.0.1",
    tls: { cert: cert.cert, key: cert.key },
    logger: createMemoryLogger(),
    shutdownGraceMs: 100,
    ...options,
  };
}

/** A logger that keeps lines for assertions instead of printing them. */
export function createMemoryLogger(): ServerLogger & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    info: (message) => lines.push(`info ${message}`),
    warn: (message) => lines.push(`warn ${message}`),
    error: (message) => lines.push(`error ${message}`),
  };
}

/** A fresh temporary folder; removed by the returned cleanup. */
export async function makeTempDir(prefix: string): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), `jira-outlook-${prefix}-`));
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

/** The files of the temporary dist/ folder, path → content. */
export const DIST_FILES: Record<string, string> = {
  "taskpane.html": "<!doctype html><title>Task pane</title>",
  "taskpane.3f2a9c1b.js": "console.log('hashed bundle');",
  "vendors.3f2a9c1b5e.css": "body{}",
  "app.js": "console.log('unhashed');",
  "manifest.xml": "<?xml version='1.0'?><OfficeApp/>",
  "preview.html": "<!doctype html><title>Preview</title>",
  "preview/office-standin.js": "window.Office = {};",
  "assets/icon-32.png": "png",
};

/** Creates a dist/ folder with {@link DIST_FILES}. */
export async function makeDist(): Promise<string> {
  const dir = await makeTempDir("dist");
  for (const [name, content] of Object.entries(DIST_FILES)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), content);
  }
  return dir;
}

/** A generated localhost certificate (in a temp folder), for the server and for clients to trust. */
export async function makeTestCertificate(): Promise<TlsCredentials & { dir: string }> {
  const dir = await makeTempDir("certs");
  const credentials = await loadTlsCredentials({ officeDevCerts: null, generatedCertDir: dir });
  return { ...credentials, dir };
}

/** The temporary dist/ folder and test certificate a test file shares, filled in by {@link setUpDistAndCertificate}. */
export interface DistAndCertificate {
  distDir: string;
  cert: Awaited<ReturnType<typeof makeTestCertificate>>;
}

/**
 * Registers the beforeAll/afterAll hooks that create a dist/ folder and a test certificate for the
 * whole test file and remove them afterwards; read the fields from inside tests and hooks only.
 */
export function setUpDistAndCertificate(): DistAndCertificate {
  const files = {} as DistAndCertificate;
  beforeAll(async () => {
    files.distDir = await makeDist();
    files.cert = await makeTestCertificate();
  });
  afterAll(async () => {
    await removeDir(files.distDir);
    await removeDir(files.cert.dir);
  });
  return files;
}

/** A server on 127.0.0.1 a test started and closes. */
export interface LoopbackServer {
  baseUrl: string;
  port: number;
  close(): Promise<void>;
}

/** What a stand-in calls for each request, with what it recorded of it (`seen`). */
export type StandInHandler<Seen> = (
  req: http.IncomingMessage,
  res: http.ServerResponse,
  seen: Seen
) => void;

/** Listens on an ephemeral 127.0.0.1 port; returns the port and the base URL for `scheme`. */
export async function listenOnLoopback(
  server: Server,
  scheme: "http" | "https"
): Promise<{ port: number; baseUrl: string }> {
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const port = (server.address() as AddressInfo).port;
  return { port, baseUrl: `${scheme}://127.0.0.1:${port}` };
}

/** One request as the upstream saw it. */
export interface RecordedRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** A stand-in for Jira (or for an "evil" host) that records every request. */
export interface RecordingServer extends LoopbackServer {
  requests: RecordedRequest[];
  /** Bytes of request bodies received so far, counted as they arrive (before the request ends). */
  bytesReceived(): number;
}

/** What the recording server answers, given the whole body; default: 200 JSON echoing method and url. */
export type UpstreamResponder = StandInHandler<Buffer>;

/** Starts an HTTP (or, with `tlsOptions`, HTTPS) server on 127.0.0.1 that records requests. */
export async function startRecordingServer(
  responder?: UpstreamResponder,
  tlsOptions?: { cert: string; key: string }
): Promise<RecordingServer> {
  const requests: RecordedRequest[] = [];
  let bytes = 0;
  const handler = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => {
      bytes += chunk.length;
      chunks.push(chunk);
    });
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      requests.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, body });
      if (responder) {
        responder(req, res, body);
        return;
      }
      res.writeHead(200, { "Content-Type": "application/json" });
      res.end(JSON.stringify({ method: req.method, url: req.url }));
    });
  };
  const server = tlsOptions ? https.createServer(tlsOptions, handler) : http.createServer(handler);
  const { port, baseUrl } = await listenOnLoopback(server, tlsOptions ? "https" : "http");
  return {
    baseUrl,
    port,
    requests,
    bytesReceived: () => bytes,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A port on 127.0.0.1 where nothing listens (bound, then released). */
export async function findClosedPort(): Promise<number> {
  const server = http.createServer();
  const { port } = await listenOnLoopback(server, "http");
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A response read whole. */
export interface TestResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** Options of {@link request}. */
export interface TestRequestOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

/**
 * Sends one HTTPS request to the add-in server on 127.0.0.1, trusting only `ca`.
 * `path` is sent exactly as given (Node does not normalise `..` or encodings).
 */
export async function request(
  port: number,
  ca: string,
  requestPath: string,
  options: TestRequestOptions = {}
): Promise<TestResponse> {
  const req = https.request({
    host: "127.0.0.1",
    port,
    path: requestPath,
    method: options.method ?? "GET",
    headers: options.headers,
    ca,
    agent: false,
  });
  req.end(options.body);
  const [res] = (await once(req, "response")) as [http.IncomingMessage];
  const chunks: Buffer[] = [];
  for await (const chunk of res) {
    chunks.push(chunk as Buffer);
  }
  return {
    status: res.statusCode ?? 0,
    headers: res.headers,
    body: Buffer.concat(chunks).toString("utf8"),
  };
}

/**
 * POSTs `body` as an upload (octet-stream, with Jira's XSRF header) to the add-in server, trusting
 * only `ca`. The server may answer (413) and close the connection before it has read the body: the
 * write error that follows is expected and ignored.
 */
export async function postUpload(
  port: number,
  ca: string,
  requestPath: string,
  body: Buffer
): Promise<TestResponse> {
  const req = https.request({
    host: "127.0.0.1",
    port,
    method: "POST",
    path: requestPath,
    headers: {
      "Content-Type": "application/octet-stream",
      "Content-Length": String(body.length),
      "X-Atlassian-Token": "no-check",
    },
    ca,
    agent: false,
  });
  const response = new Promise<http.IncomingMessage>((resolve) => req.on("response", resolve));
  req.on("error", () => undefined);
  req.end(body);
  const res = await response;
  const chunks: Buffer[] = [];
  for await (const chunk of res) chunks.push(chunk as Buffer);
  req.destroy();
  return {
    status: res.statusCode ?? 0,
    headers: res.headers,
    body: Buffer.concat(chunks).toString("utf8"),
  };
}

/**
 * Sends `rawRequest` bytes as they are over TLS and returns the raw response text, for request
 * targets an HTTP client would refuse to send (absolute-form, "*").
 */
export async function rawRequest(port: number, ca: string, raw: string): Promise<string> {
  const socket = tls.connect({ host: "127.0.0.1", port, ca });
  await once(socket, "secureConnect");
  // write, not end: a half-closed connection makes Node's server abort the request. The request
  // says "Connection: close", so the server closes once it has answered.
  socket.write(raw);
  const chunks: Buffer[] = [];
  for await (const chunk of socket) {
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** Resolves once `condition()` holds; rejects with `what` after `timeoutMs`. */
export async function waitFor(
  condition: () => boolean,
  what: string,
  timeoutMs = 5000
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) {
      throw new Error(`Timed out waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
