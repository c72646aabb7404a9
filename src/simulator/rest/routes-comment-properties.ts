/**
 * Comment properties (entity properties of a comment), OpenAPI `comment` resources:
 * `GET comment/{commentId}/properties` (`getPropertiesKeys_1`: `{keys:[{self, key}]}`),
 * `GET comment/{commentId}/properties/{propertyKey}` (`getProperty_2`: `{key, value}`),
 * `PUT` (`setProperty_1`: 201 created, 200 updated) and `DELETE` (`deleteProperty_2`: 204).
 * Reading needs the comment to be visible to the user; writing needs the right to edit it (its
 * author, or a project Administrator). Values follow the issue property rules
 * (data/issue-properties.ts). The add-in marks its comments this way to recognise them after a
 * lost answer.
 */
import express from "express";
import type { Request, Response, Router } from "express";
import type { FoundComment, JiraData } from "../data/jira-data";
import {
  PROPERTY_VALUE_LIMIT,
  propertyKeyProblem,
  propertyValueProblem,
} from "../data/issue-properties";
import type { SimulatorUser } from "../simulator-contract";
import { authenticated, requireJson, requireUser, sendErrors } from "./jira-errors";
import type { RestContext } from "./rest-context";
import { apiUrl } from "./rest-context";

/** Jira's 404 for a property the comment does not have. */
function sendPropertyNotFound(res: Response, key: string): void {
  sendErrors(res, 404, [`The property with key '${key}' does not exist.`]);
}

/**
 * A handler for `comment/{commentId}/…`: 401 when anonymous, 400 for an id that is not a number,
 * 404 for a comment that does not exist or the user may not read, before `handler` sees it.
 */
function withVisibleComment(
  data: JiraData,
  handler: (req: Request, res: Response, found: FoundComment, user: SimulatorUser) => unknown
) {
  return authenticated((req, res, user) => {
    const id = String(req.params.commentId);
    if (!/^\d+$/.test(id)) {
      sendErrors(res, 400, [`The comment id '${id}' is not valid: it must be a number.`]);
      return;
    }
    const found = data.findComment(user, id);
    if (!found) {
      sendErrors(res, 404, [`Can not find a comment for the id: ${id}.`]);
      return;
    }
    return handler(req, res, found, user);
  });
}

/** 403 unless `user` may edit the comment (true when the handler may go on). */
function mayEdit(data: JiraData, res: Response, found: FoundComment, user: SimulatorUser): boolean {
  if (data.canEditComment(user, found)) return true;
  sendErrors(res, 403, ["You do not have the permission to edit this comment."]);
  return false;
}

export function registerCommentPropertyRoutes(router: Router, ctx: RestContext): void {
  const { data, settings } = ctx;
  const propertyUrl = (commentId: string, propertyKey: string) =>
    apiUrl(settings, `comment/${commentId}/properties/${encodeURIComponent(propertyKey)}`);

  router.put(
    "/comment/:commentId/properties/:propertyKey",
    requireUser,
    requireJson,
    // Read as text: the size rule is about the value as sent, and any JSON value is allowed.
    express.text({ type: () => true, limit: PROPERTY_VALUE_LIMIT * 4 }),
    withVisibleComment(data, (req, res, found, user) => {
      if (!mayEdit(data, res, found, user)) return;
      const key = String(req.params.propertyKey);
      const raw = typeof req.body === "string" ? req.body : "";
      const problem = propertyKeyProblem(key) ?? propertyValueProblem(raw);
      if (problem) {
        sendErrors(res, 400, [problem]);
        return;
      }
      let value: unknown;
      try {
        value = JSON.parse(raw);
      } catch {
        sendErrors(res, 400, ["The property value must be valid JSON."]);
        return;
      }
      const created = data.setCommentProperty(found.comment, key, value);
      res.status(created ? 201 : 200).end();
    })
  );

  router.get(
    "/comment/:commentId/properties",
    withVisibleComment(data, (_req, res, { comment }) => {
      res.json({
        keys: [...comment.properties.keys()].map((key) => ({
          self: propertyUrl(comment.id, key),
          key,
        })),
      });
    })
  );

  router.get(
    "/comment/:commentId/properties/:propertyKey",
    withVisibleComment(data, (req, res, { comment }) => {
      const key = String(req.params.propertyKey);
      if (!comment.properties.has(key)) {
        sendPropertyNotFound(res, key);
        return;
      }
      res.json({ key, value: comment.properties.get(key) });
    })
  );

  router.delete(
    "/comment/:commentId/properties/:propertyKey",
    withVisibleComment(data, (req, res, found, user) => {
      if (!mayEdit(data, res, found, user)) return;
      const key = String(req.params.propertyKey);
      if (!found.comment.properties.delete(key)) {
        sendPropertyNotFound(res, key);
        return;
      }
      res.status(204).end();
    })
  );
}
