/**
 * `POST issue` (OpenAPI `createIssue`: 201 `IssueCreateResponse`, 400 `ErrorCollection`) and
 * `GET issue/{issueIdOrKey}` (`getIssue`: `IssueBean`, 404 when missing or hidden). The
 * reporter of a new issue is the calling user. `?updateHistory=true` puts the issue into the
 * user's issue history, which the issue picker's "History Search" lists — as in Jira, where a
 * plain REST read does not count as viewing.
 */
import type { Router } from "express";
import { jsonBody } from "./body-parsers";
import { authenticated, requireUser, sendErrors, withVisibleIssue } from "./jira-errors";
import { issueBean } from "./issue-beans";
import type { RestContext } from "./rest-context";
import { apiUrl, queryList, queryString } from "./rest-context";

export function registerIssueRoutes(router: Router, ctx: RestContext): void {
  const { data, settings } = ctx;

  router.post(
    "/issue",
    requireUser,
    ...jsonBody,
    authenticated((req, res, user) => {
      const result = data.createIssue(user, req.body);
      if (!result.ok) {
        sendErrors(res, 400, result.errorMessages, result.errors);
        return;
      }
      res.status(201).json({
        id: result.issue.id,
        key: result.issue.key,
        self: apiUrl(settings, `issue/${result.issue.id}`),
      });
    })
  );

  router.get(
    "/issue/:issueIdOrKey",
    withVisibleIssue(data, (req, res, issue, user) => {
      if (queryString(req, "updateHistory") === "true") {
        data.recordView(user, issue);
      }
      res.json(issueBean({ data, settings, user }, issue, queryList(req, "fields"), "*all"));
    })
  );
}
