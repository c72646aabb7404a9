/**
 * Request body parsing for the JSON resources. Jersey only accepts `application/json` there
 * (415 otherwise); any JSON value is read (`strict: false`) so a resource can answer a wrong shape
 * in Jira's words instead of a parser error.
 */
import express from "express";
import type { RequestHandler } from "express";
import { requireJson } from "./jira-errors";

/** Largest JSON body accepted (Jira has no single limit; descriptions are capped at 32,767 characters). */
export const JSON_BODY_LIMIT = "2mb";

/** `requireJson` + the JSON body parser. */
export const jsonBody: RequestHandler[] = [
  requireJson,
  express.json({ limit: JSON_BODY_LIMIT, strict: false }),
];
