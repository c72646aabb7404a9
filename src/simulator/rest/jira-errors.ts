/**
 * Jira's error answers. REST resources answer `{"errorMessages":[…],"errors":{field: message}}`
 * (OpenAPI `ErrorCollection`); Jersey answers unknown resources with its own 404 body; the XSRF
 * filter answers a plain-text 403 "XSRF check failed".
 */
import type { NextFunction, Request, RequestHandler, Response } from "express";
import type { JiraData } from "../data/jira-data";
import { JqlError } from "../data/jql/jql-error";
import type { IssueRecord } from "../data/types";
import type { SimulatorUser } from "../simulator-contract";
import { currentUser } from "./rest-context";

/** Jira's 401 body for anonymous requests to resources that need a user. */
export const NOT_AUTHENTICATED =
  "You are not authenticated. Authentication required to perform this operation.";

/** Sends Jira's `ErrorCollection`. */
export function sendErrors(
  res: Response,
  status: number,
  errorMessages: string[],
  errors: Record<string, string> = {}
): void {
  res.status(status).json({ errorMessages, errors });
}

/** Jira's 404 for an issue that does not exist or the user may not see. */
export function sendIssueNotFound(res: Response): void {
  sendErrors(res, 404, ["Issue Does Not Exist"]);
}

/** A handler for resources that need a user: anonymous requests get Jira's 401. */
export function authenticated(
  handler: (req: Request, res: Response, user: SimulatorUser, next: NextFunction) => unknown
): RequestHandler {
  return (req, res, next) => {
    const user = currentUser(res);
    if (!user) {
      sendErrors(res, 401, [NOT_AUTHENTICATED]);
      return;
    }
    return handler(req, res, user, next);
  };
}

/**
 * A handler for `issue/{issueIdOrKey}/…` resources: anonymous requests get Jira's 401, and an issue
 * that does not exist or the user may not see Jira's 404, before `handler` sees the issue.
 */
export function withVisibleIssue(
  data: JiraData,
  handler: (req: Request, res: Response, issue: IssueRecord, user: SimulatorUser) => unknown
): RequestHandler {
  return authenticated((req, res, user) => {
    const issue = data.findIssue(user, String(req.params.issueIdOrKey));
    if (!issue) {
      sendIssueNotFound(res);
      return;
    }
    return handler(req, res, issue, user);
  });
}

/** Answers Jira's 401 for anonymous requests before anything else (e.g. body parsing) happens. */
export const requireUser: RequestHandler = authenticated((_req, _res, _user, next) => next());

/** Jira (Jersey) refuses bodies of other media types than the resource consumes with 415. */
export function requireJson(req: Request, res: Response, next: NextFunction): void {
  if (!req.is("application/json")) {
    res.status(415).type("text/plain").send("Unsupported Media Type");
    return;
  }
  next();
}

const FORM_TYPES = ["application/x-www-form-urlencoded", "multipart/form-data", "text/plain"];

/**
 * Jira's XSRF filter: a state-changing request with a content type a browser form can send
 * (form-urlencoded, multipart, text/plain) needs `X-Atlassian-Token: no-check`, else 403 with the
 * plain-text body "XSRF check failed" (jira-and-office-facts.md; OpenAPI `addAttachment`).
 */
export function xsrfGuard(req: Request, res: Response, next: NextFunction): void {
  const mutating = !["GET", "HEAD", "OPTIONS"].includes(req.method);
  const contentType = (req.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  const token = String(req.headers["x-atlassian-token"] ?? "").toLowerCase();
  if (mutating && FORM_TYPES.includes(contentType) && token !== "no-check") {
    res.status(403).type("text/plain").send("XSRF check failed");
    return;
  }
  next();
}

/** Jersey's answer for a path no resource matches (e.g. a createmeta form this version lacks). */
export function notFound(req: Request, res: Response): void {
  res.status(404).json({ message: `null for uri: ${req.originalUrl}`, "status-code": 404 });
}

/** Body-parser, JQL and unexpected errors in Jira's shapes. */
export function errorHandler(
  error: unknown,
  _req: Request,
  res: Response,
  next: NextFunction
): void {
  if (res.headersSent) {
    next(error);
    return;
  }
  if (error instanceof JqlError) {
    sendErrors(res, 400, [error.message]);
    return;
  }
  const bodyError = error as { type?: string; status?: number; message?: string };
  if (bodyError.type === "entity.parse.failed") {
    sendErrors(res, 400, [
      `Unexpected character in the JSON body: ${bodyError.message ?? ""}`.trim(),
    ]);
    return;
  }
  if (bodyError.type === "entity.too.large") {
    sendErrors(res, 413, ["The request body is too large."]);
    return;
  }
  sendErrors(res, 500, [error instanceof Error ? error.message : "Internal server error"]);
}
