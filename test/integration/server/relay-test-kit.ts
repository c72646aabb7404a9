/**
 * Helpers for the relay's integration tests: stand-ins for Jira (and for an "evil" host) that see
 * every connection and every request, finished or cut off; the relay mounted on its own HTTPS
 * server with limits a test can reach (a 1 MB cap, a 300 ms timeout); certificates from a test CA;
 * and raw TLS exchanges for what an HTTP client won't send.
 */
import { once } from "node:events";
import http from "node:http";
import https from "node:https";
import type { Socket } from "node:net";
import tls from "node:tls";
import express from "express";
import { generate } from "selfsigned";
import { JIRA_RELAY_PATH, createJiraRelay } from "../../../src/server/jira-relay";
import type { JiraRelayOptions } from "../../../src/server/jira-relay";
import { createMemoryLogger, listenOnLoopback } from "./server-test-kit";
import type { LoopbackServer, StandInHandler } from "./server-test-kit";

/** A request as a stand-in saw it arrive (before its body). */
export interface SeenRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  /** Chunked trailers, once the body ended. */
  trailers: NodeJS.Dict<string>;
  /** Body bytes received so far. */
  bytes: number;
  /** The whole body, once it arrived complete. */
  body?: Buffer;
  /** The exchange was cut off: the connection closed before the body's end or before the answer was sent. */
  aborted: boolean;
}

/** A stand-in for Jira (or for an evil host). */
export interface UpstreamServer extends LoopbackServer {
  /** TCP connections accepted (an evil host must see none). */
  connections(): number;
  requests: SeenRequest[];
  /** Requests whose body arrived complete. */
  completed(): SeenRequest[];
  /** WebSocket/upgrade handshakes that reached it. */
  upgrades(): number;
}

/** How a stand-in answers; called as soon as the request's headers are in (the body may still be coming). */
export type UpstreamHandler = StandInHandler<SeenRequest>;

/** Default answer: once the body is in, 200 JSON with the method and target. */
export const echoWhenComplete: UpstreamHandler = (req, res) => {
  req.on("end", () => {
    res.writeHead(200, { "Content-Type": "application/json" });
    res.end(JSON.stringify({ method: req.method, url: req.url }));
  });
};

/** Starts a stand-in on 127.0.0.1 (HTTPS with `tlsOptions`) that records everything it receives. */
export async function startUpstream(
  handler: UpstreamHandler = echoWhenComplete,
  tlsOptions?: { cert: string; key: string }
): Promise<UpstreamServer> {
  const requests: SeenRequest[] = [];
  const sockets = new Set<Socket>();
  let connections = 0;
  let upgrades = 0;
  const onRequest = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    const seen: SeenRequest = {
      method: req.method ?? "",
      url: req.url ?? "",
      headers: req.headers,
      trailers: {},
      bytes: 0,
      aborted: false,
    };
    requests.push(seen);
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => {
      seen.bytes += chunk.length;
      chunks.push(chunk);
    });
    req.on("end", () => {
      seen.body = Buffer.concat(chunks);
      seen.trailers = req.trailers;
    });
    req.on("aborted", () => {
      seen.aborted = true;
    });
    req.on("error", () => {
      seen.aborted = true;
    });
    res.on("close", () => {
      if (!res.writableFinished) seen.aborted = true;
    });
    handler(req, res, seen);
  };
  const server = tlsOptions
    ? https.createServer(tlsOptions, onRequest)
    : http.createServer(onRequest);
  // Counted at TCP level: even a connection that never sends a request (or fails its TLS
  // handshake) counts.
  server.on("connection", (socket: Socket) => {
    connections += 1;
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  server.on("upgrade", (_req, socket: Socket) => {
    upgrades += 1;
    socket.end(
      "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n"
    );
  });
  const { port, baseUrl } = await listenOnLoopback(server, tlsOptions ? "https" : "http");
  return {
    baseUrl,
    port,
    connections: () => connections,
    requests,
    completed: () => requests.filter((seen) => seen.body !== undefined && !seen.aborted),
    upgrades: () => upgrades,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The relay alone, mounted at /jira on an HTTPS server of its own, as the add-in server mounts it. */
export interface BareRelay {
  port: number;
  /** The relay's log lines. */
  logLines: string[];
  close(): Promise<void>;
}

/** Starts {@link createJiraRelay} with `options` on 127.0.0.1, serving `cert`. */
export async function startBareRelay(
  options: JiraRelayOptions,
  cert: { cert: string; key: string }
): Promise<BareRelay> {
  const logger = createMemoryLogger();
  const relay = createJiraRelay({ logger, ...options });
  const app = express();
  app.use(JIRA_RELAY_PATH, relay.router);
  app.use((_req, res) => {
    res.status(404).end();
  });
  const server = https.createServer({ cert: cert.cert, key: cert.key }, app);
  const { port } = await listenOnLoopback(server, "https");
  return {
    port,
    logLines: logger.lines,
    close: async () => {
      relay.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A PEM certificate with its key. */
export interface TestCertificate {
  cert: string;
  key: string;
}

/** A certificate authority for tests (basicConstraints CA, keyCertSign). */
export async function makeTestCa(): Promise<TestCertificate> {
  const pems = await generate([{ name: "commonName", value: "Relay Test CA" }], {
    keySize: 2048,
    algorithm: "sha256",
    extensions: [
      { name: "basicConstraints", cA: true, critical: true },
      { name: "keyUsage", keyCertSign: true, cRLSign: true, critical: true },
    ],
  });
  return { cert: pems.cert, key: pems.private };
}

/**
 * A server certificate for `dnsNames` and `ips`, signed by `ca` (self-signed without one).
 * `notAfter` in the past makes an expired one.
 */
export async function makeServerCertificate(options: {
  ca?: TestCertificate;
  dnsNames?: string[];
  ips?: string[];
  notBefore?: Date;
  notAfter?: Date;
}): Promise<TestCertificate> {
  const altNames = [
    ...(options.dnsNames ?? []).map((value) => ({ type: 2 as const, value })),
    ...(options.ips ?? []).map((ip) => ({ type: 7 as const, ip })),
  ];
  const pems = await generate(
    [{ name: "commonName", value: options.dnsNames?.[0] ?? options.ips?.[0] ?? "test" }],
    {
      keySize: 2048,
      algorithm: "sha256",
      ...(options.notBefore ? { notBeforeDate: options.notBefore } : {}),
      ...(options.notAfter ? { notAfterDate: options.notAfter } : {}),
      ...(options.ca ? { ca: options.ca } : {}),
      extensions: [
        { name: "basicConstraints", cA: false },
        { name: "keyUsage", digitalSignature: true, keyEncipherment: true },
        { name: "extKeyUsage", serverAuth: true },
        { name: "subjectAltName", altNames },
      ],
    }
  );
  return { cert: pems.cert, key: pems.private };
}

/**
 * Sends `raw` over TLS and returns what came back until the server closed the connection or
 * `waitMs` passed (a refused CONNECT gets no answer at all, just a closed connection).
 */
export async function rawExchange(
  port: number,
  ca: string,
  raw: string | Buffer,
  waitMs = 2000
): Promise<{ response: string; closedByServer: boolean }> {
  const socket = tls.connect({ host: "127.0.0.1", port, ca });
  await once(socket, "secureConnect");
  socket.write(raw);
  const chunks: Buffer[] = [];
  socket.on("data", (chunk: Buffer) => chunks.push(chunk));
  const closedByServer = await new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), waitMs);
    socket.on("close", () => {
      clearTimeout(timer);
      resolve(true);
    });
    socket.on("error", () => undefined);
  });
  socket.destroy();
  return { response: Buffer.concat(chunks).toString("latin1"), closedByServer };
}

/** The JSON body of a relay answer. */
export function errorMessagesOf(body: string): string[] {
  return (JSON.parse(body) as { errorMessages: string[] }).errorMessages;
}
