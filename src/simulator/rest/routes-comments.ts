/**
 * `POST issue/{key}/comment` (OpenAPI `addComment`: 201 `CommentJsonBean`, 400 for an empty body,
 * a visibility the user may not use, or bad `properties`) and `GET issue/{key}/comment`
 * (`getComments`: `CommentsWithPaginationJsonBean`), hiding comments restricted to a group or role
 * the user is not in. Both take `expand=properties` (each comment's EntityPropertyBeans); the
 * listing takes `orderBy=-created` (newest first), `startAt` and `maxResults`.
 */
import type { Request, Router } from "express";
import { jsonBody } from "./body-parsers";
import { commentBean } from "./issue-beans";
import { requireUser, sendErrors, withVisibleIssue } from "./jira-errors";
import type { RestContext } from "./rest-context";
import { intParam, queryList, queryString } from "./rest-context";

/** Whether the request asks for `expand=properties` (comma-separated or repeated, as in Jira). */
function expandsProperties(req: Request): boolean {
  return (queryList(req, "expand") ?? []).includes("properties");
}

export function registerCommentRoutes(router: Router, ctx: RestContext): void {
  const { data, settings } = ctx;

  router.post(
    "/issue/:issueIdOrKey/comment",
    requireUser,
    ...jsonBody,
    withVisibleIssue(data, (req, res, issue, user) => {
      const result = data.addComment(user, issue, req.body);
      if (!result.ok) {
        sendErrors(res, 400, result.errorMessages, result.errors);
        return;
      }
      res
        .status(201)
        .json(
          commentBean(settings, issue, result.comment, { withProperties: expandsProperties(req) })
        );
    })
  );

  router.get(
    "/issue/:issueIdOrKey/comment",
    withVisibleIssue(data, (req, res, issue, user) => {
      const comments = data.visibleComments(user, issue);
      // orderBy=-created lists the newest first (Jira's only supported order key is "created").
      if (queryString(req, "orderBy") === "-created") {
        comments.reverse();
      }
      const startAt = intParam(req.query.startAt, 0);
      const maxResults = intParam(req.query.maxResults, 5000);
      const withProperties = expandsProperties(req);
      res.json({
        startAt,
        maxResults,
        total: comments.length,
        comments: comments
          .slice(startAt, startAt + maxResults)
          .map((comment) => commentBean(settings, issue, comment, { withProperties })),
      });
    })
  );
}
