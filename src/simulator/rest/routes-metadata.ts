/**
 * Configuration reads: `GET project` (`getAllProjects`: [] when anonymous), `GET project/{idOrKey}`
 * (`getProject`: 404 when unknown or hidden), `GET field`, `GET priority`, and the user pickers
 * `GET user/search?username=` (`findUsers`) and `GET user/assignable/search` (`findAssignableUsers_1`).
 */
import type { Router } from "express";
import { assignableUsers } from "../data/permissions";
import { SIMULATOR_USERS } from "../simulator-contract";
import type { SimulatorUser } from "../simulator-contract";
import { fieldBean, priorityBean, projectBean, projectSummaryBean } from "./catalog-beans";
import { authenticated, sendErrors, sendIssueNotFound } from "./jira-errors";
import type { RestContext } from "./rest-context";
import { currentUser, intParam, queryString } from "./rest-context";
import { userBean } from "./user-beans";

/** Jira's cap on user search results. */
const USER_SEARCH_MAX = 1000;

/** Jira's message for a project that does not exist for this user. */
export function projectNotFoundMessage(idOrKey: string): string {
  return /^\d+$/.test(idOrKey)
    ? `No project could be found with id '${idOrKey}'.`
    : `No project could be found with key '${idOrKey}'.`;
}

/** Jira's user search: the query is a prefix of the username, of a word of the name, or of the email. */
function userMatches(user: SimulatorUser, query: string): boolean {
  const wanted = query.trim().toLowerCase();
  return (
    wanted === "" ||
    user.name.toLowerCase().startsWith(wanted) ||
    user.emailAddress.toLowerCase().startsWith(wanted) ||
    user.displayName.toLowerCase().startsWith(wanted) ||
    user.displayName
      .toLowerCase()
      .split(/\s+/)
      .some((word) => word.startsWith(wanted))
  );
}

export function registerMetadataRoutes(router: Router, ctx: RestContext): void {
  const { data, settings } = ctx;

  router.get("/project", (_req, res) => {
    res.json(
      data.visibleProjects(currentUser(res)).map((project) => projectSummaryBean(settings, project))
    );
  });

  router.get("/project/:projectIdOrKey", (req, res) => {
    const idOrKey = String(req.params.projectIdOrKey);
    const project = data.findProject(currentUser(res), idOrKey);
    if (!project) {
      sendErrors(res, 404, [projectNotFoundMessage(idOrKey)]);
      return;
    }
    res.json(projectBean(settings, project));
  });

  router.get(
    "/field",
    authenticated((_req, res) => {
      res.json(data.catalog.fields.map(fieldBean));
    })
  );

  router.get(
    "/priority",
    authenticated((_req, res) => {
      res.json(data.catalog.priorities.map((priority) => priorityBean(settings, priority)));
    })
  );

  router.get(
    "/user/search",
    authenticated((req, res) => {
      const username = queryString(req, "username");
      if (username === undefined) {
        sendErrors(res, 400, ["The username query parameter was not provided"]);
        return;
      }
      const startAt = intParam(req.query.startAt, 0);
      const maxResults = Math.min(intParam(req.query.maxResults, 50), USER_SEARCH_MAX);
      const users = SIMULATOR_USERS.filter((user) => userMatches(user, username));
      res.json(users.slice(startAt, startAt + maxResults).map((user) => userBean(settings, user)));
    })
  );

  router.get(
    "/user/assignable/search",
    authenticated((req, res, user) => {
      const projectParam = queryString(req, "project");
      const issueKey = queryString(req, "issueKey");
      let project;
      if (issueKey && issueKey !== "null") {
        const issue = data.findIssue(user, issueKey);
        if (!issue) {
          sendIssueNotFound(res);
          return;
        }
        project = data.catalog.projectById(issue.projectId);
      } else if (projectParam) {
        project = data.findProject(user, projectParam);
        if (!project) {
          sendErrors(res, 404, [projectNotFoundMessage(projectParam)]);
          return;
        }
      } else {
        sendErrors(res, 400, [
          "Either the project or the issueKey query parameter must be provided.",
        ]);
        return;
      }
      const username = queryString(req, "username") ?? "";
      const startAt = intParam(req.query.startAt, 0);
      const maxResults = Math.min(intParam(req.query.maxResults, 50), USER_SEARCH_MAX);
      const users = assignableUsers(project).filter((candidate) =>
        userMatches(candidate, username)
      );
      res.json(
        users.slice(startAt, startAt + maxResults).map((candidate) => userBean(settings, candidate))
      );
    })
  );
}
