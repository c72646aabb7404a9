/**
 * The simulator's Jira REST API v2, as an Express router to mount at `{contextPath}/rest/api/2`
 * behind the OAuth layer (which sets `res.locals.jiraUser`). Shapes, status codes and error bodies
 * follow Atlassian's OpenAPI document for Jira DC (../shared/jira-openapi) and
 * ../shared/docs/jira-and-office-facts.md.
 *
 * Order matters: `issue/picker` and `issue/createmeta…` are registered before `issue/{issueIdOrKey}`
 * so they are not taken for issue keys — except when the version lacks them (see routes-createmeta).
 */
import express from "express";
import type { Router } from "express";
import { errorHandler, notFound, xsrfGuard } from "./jira-errors";
import { registerAttachmentRoutes } from "./routes-attachments";
import { registerCommentPropertyRoutes } from "./routes-comment-properties";
import { registerCommentRoutes } from "./routes-comments";
import { registerCreateMetaRoutes } from "./routes-createmeta";
import { registerIssueRoutes } from "./routes-issues";
import { registerMetadataRoutes } from "./routes-metadata";
import { registerProjectRoleRoutes } from "./routes-project-roles";
import { registerPropertyRoutes } from "./routes-properties";
import { registerRemoteLinkRoutes } from "./routes-remote-links";
import { registerSearchRoutes } from "./routes-search";
import { registerServerRoutes } from "./routes-server";
import type { RestContext } from "./rest-context";

/** Options of {@link createRestApi}: the data, the live settings (read per request) and the clock. */
export type RestApiOptions = RestContext;

/** Creates the REST v2 router (mount at `{contextPath}/rest/api/2`). */
export function createRestApi(options: RestApiOptions): Router {
  const ctx: RestContext = { data: options.data, settings: options.settings, clock: options.clock };
  const router = express.Router();
  router.use(xsrfGuard);
  registerServerRoutes(router, ctx);
  registerMetadataRoutes(router, ctx);
  registerProjectRoleRoutes(router, ctx);
  registerCreateMetaRoutes(router, ctx);
  registerSearchRoutes(router, ctx);
  registerIssueRoutes(router, ctx);
  registerCommentRoutes(router, ctx);
  registerCommentPropertyRoutes(router, ctx);
  registerAttachmentRoutes(router, ctx);
  registerPropertyRoutes(router, ctx);
  registerRemoteLinkRoutes(router, ctx);
  router.use(notFound);
  router.use(errorHandler);
  return router;
}
