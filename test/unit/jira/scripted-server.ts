/**
 * A tiny HTTP server on 127.0.0.1 that records every request and answers from a script: the
 * client's behaviour over the wire (signing, retries, uploads) is tested against real HTTP,
 * not a fake fetch.
 */
import http from "node:http";
import type { IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedRequest {
  method: string;
  /** The request target exactly as received (path and query bytes). */
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** An answer; `destroy` closes the connection without answering. */
export type Reply =
  { status: number; headers?: Record<string, string>; body?: string | object } | "destroy";

export interface ScriptedServer {
  url: string;
  requests: RecordedRequest[];
  /** Answers used in order, one per request, before the handler takes over. */
  queue(...replies: Reply[]): void;
  /** Answers every request the queue doesn't (default: 404 in Jira's error shape). */
  handle(handler: (request: RecordedRequest) => Reply): void;
  close(): Promise<void>;
}

export async function startScriptedServer(): Promise<ScriptedServer> {
  const requests: RecordedRequest[] = [];
  const queued: Reply[] = [];
  let handler: (request: RecordedRequest) => Reply = () => ({
    status: 404,
    body: { errorMessages: ["no script"], errors: {} },
  });
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const recorded: RecordedRequest = {
        method: req.method ?? "",
        url: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks),
      };
      requests.push(recorded);
      const reply = queued.shift() ?? handler(recorded);
      if (reply === "destroy") {
        req.socket.destroy();
        return;
      }
      const body =
        reply.body === undefined
          ? ""
          : typeof reply.body === "string"
            ? reply.body
            : JSON.stringify(reply.body);
      const headers: Record<string, string> = {
        ...(typeof reply.body === "object"
          ? { "Content-Type": "application/json;charset=UTF-8" }
          : {}),
        ...reply.headers,
      };
      res.writeHead(reply.status, headers);
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    queue: (...replies) => queued.push(...replies),
    handle: (next) => {
      handler = next;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
