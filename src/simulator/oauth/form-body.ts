/**
 * Reads `application/x-www-form-urlencoded` bodies once, keeping the raw text: the OAuth signature
 * covers the body's pairs in their original order and with duplicates (RFC 5849 §3.4.1.3.1), which a
 * parsed object loses. `req.body` is still set (as express.urlencoded does) for Jira routes behind.
 * Other content types (JSON, multipart attachments) are left unread for the routes to stream.
 */
import type { IncomingMessage } from "node:http";
import express from "express";
import type { RequestHandler } from "express";

const rawBodies = new WeakMap<IncomingMessage, string>();

/** Middleware that parses form bodies and remembers their raw text for {@link rawFormBody}. */
export function formBodyParser(): RequestHandler {
  return express.urlencoded({
    extended: false,
    limit: "1mb",
    verify: (req, _res, buffer) => {
      rawBodies.set(req, buffer.toString("utf8"));
    },
  });
}

/** The raw form body of `req` when it had one, else undefined. */
export function rawFormBody(req: IncomingMessage): string | undefined {
  return rawBodies.get(req);
}
