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
import type { Request, Response, Router } from "express";
import type { FoundComment, JiraData } from "../data/jira-data";
import type { SimulatorUser } from "../simulator-contract";
import { authenticated, sendErrors } from "./jira-errors";
import type { RestContext } from "./rest-context";
import { apiUrl } from "./rest-context";
import { registerEntityPropertyRoutes } from "./routes-properties";

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
  registerEntityPropertyRoutes<FoundComment>(router, {
    path: "/comment/:commentId",
    withEntity: (handler, access) =>
      withVisibleComment(data, (req, res, found, user) => {
        if (access === "write" && !mayEdit(data, res, found, user)) return;
        return handler(req, res, found);
      }),
    properties: ({ comment }) => comment.properties,
    setProperty: ({ comment }, key, value) => data.setCommentProperty(comment, key, value),
    propertyUrl: ({ comment }, key) =>
      apiUrl(settings, `comment/${comment.id}/properties/${encodeURIComponent(key)}`),
  });
}
