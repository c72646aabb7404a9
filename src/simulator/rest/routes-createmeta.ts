/**
 * Create meta, in the form the configured Jira version has (jira-and-office-facts.md, "Create meta"):
 * - from 8.4: `GET issue/createmeta/{projectIdOrKey}/issuetypes` and `…/issuetypes/{issueTypeId}`
 *   (OpenAPI `getCreateIssueMetaProjectIssueTypes`, `getCreateIssueMetaFields`), paged
 *   `{maxResults, startAt, total, isLast, values}`;
 * - before 9.0: `GET issue/createmeta?projectKeys=&expand=projects.issuetypes.fields`.
 * A form the version lacks falls through: the per-project paths to Jersey's 404, the old path to
 * `issue/{issueIdOrKey}` with key "createmeta" ("Issue Does Not Exist"), which is what Jira 9 answers.
 */
import type { Request, RequestHandler, Response, Router } from "express";
import type { IssueTypeDef, ProjectDef } from "../data/types";
import { issueTypeBean, projectSummaryBean } from "./catalog-beans";
import { createScreenFields, fieldMetaBean } from "./field-meta-beans";
import { authenticated, sendErrors } from "./jira-errors";
import { versionAtLeast } from "./jira-version";
import { projectNotFoundMessage } from "./routes-metadata";
import type { RestContext } from "./rest-context";
import { currentUser, intParam, queryList } from "./rest-context";

/** Jira's page of a paged createmeta answer, as `?startAt=&maxResults=` (default 50) ask. */
function page<T>(req: Request, values: T[]) {
  const startAt = intParam(req.query.startAt, 0);
  const maxResults = intParam(req.query.maxResults, 50);
  const slice = values.slice(startAt, startAt + maxResults);
  return {
    maxResults,
    startAt,
    total: values.length,
    isLast: startAt + slice.length >= values.length,
    values: slice,
  };
}

function issueTypesOf(ctx: RestContext, project: ProjectDef): IssueTypeDef[] {
  return project.issueTypes
    .map((entry) => ctx.data.catalog.issueType(entry.issueTypeId))
    .filter((type): type is IssueTypeDef => type !== undefined);
}

/** Skips the route (Express `next("route")`) unless the configured version passes `test`. */
function whenVersion(ctx: RestContext, test: (version: string) => boolean): RequestHandler {
  return (_req, _res, next) => (test(ctx.settings.version) ? next() : next("route"));
}

/**
 * A handler for `createmeta/{projectIdOrKey}/…`: anonymous requests get Jira's 401, a project that
 * does not exist or the user may not see Jira's 400 (not 404: createmeta treats it as bad input).
 */
function withVisibleProject(
  ctx: RestContext,
  handler: (req: Request, res: Response, project: ProjectDef) => void
): RequestHandler {
  return authenticated((req, res, user) => {
    const idOrKey = String(req.params.projectIdOrKey);
    const project = ctx.data.findProject(user, idOrKey);
    if (!project) {
      sendErrors(res, 400, [projectNotFoundMessage(idOrKey)]);
      return;
    }
    handler(req, res, project);
  });
}

export function registerCreateMetaRoutes(router: Router, ctx: RestContext): void {
  const { data, settings } = ctx;
  const perProjectForm = whenVersion(ctx, (version) => versionAtLeast(version, 8, 4));

  router.get(
    "/issue/createmeta/:projectIdOrKey/issuetypes",
    perProjectForm,
    withVisibleProject(ctx, (req, res, project) => {
      const types = issueTypesOf(ctx, project).map((type) => issueTypeBean(settings, type));
      res.json(page(req, types));
    })
  );

  router.get(
    "/issue/createmeta/:projectIdOrKey/issuetypes/:issueTypeId",
    perProjectForm,
    withVisibleProject(ctx, (req, res, project) => {
      const issueTypeId = String(req.params.issueTypeId);
      const issueType = issueTypesOf(ctx, project).find((type) => type.id === issueTypeId);
      if (!issueType) {
        sendErrors(res, 400, [
          `The issue type with id '${issueTypeId}' does not exist or is not available in project '${project.key}'.`,
        ]);
        return;
      }
      const fields = createScreenFields(project, issueType).map((entry) =>
        fieldMetaBean(settings, entry, project, issueType, "fieldId")
      );
      res.json(page(req, fields));
    })
  );

  router.get(
    "/issue/createmeta",
    whenVersion(ctx, (version) => !versionAtLeast(version, 9, 0)),
    (req, res) => {
      const user = currentUser(res);
      const keys = queryList(req, "projectKeys")?.map((key) => key.toUpperCase());
      const ids = queryList(req, "projectIds");
      const typeIds = queryList(req, "issuetypeIds");
      const typeNames = queryList(req, "issuetypeNames")?.map((name) => name.toLowerCase());
      const withFields = (queryList(req, "expand") ?? []).includes("projects.issuetypes.fields");
      const projects = data
        .visibleProjects(user)
        .filter(
          (project) => (!keys && !ids) || keys?.includes(project.key) || ids?.includes(project.id)
        );
      res.json({
        expand: "projects",
        projects: projects.map((project) => ({
          ...projectSummaryBean(settings, project),
          expand: "issuetypes",
          issuetypes: issueTypesOf(ctx, project)
            .filter(
              (type) =>
                (!typeIds && !typeNames) ||
                typeIds?.includes(type.id) ||
                typeNames?.includes(type.name.toLowerCase())
            )
            .map((type) => ({
              ...issueTypeBean(settings, type),
              expand: "fields",
              ...(withFields
                ? {
                    fields: Object.fromEntries(
                      createScreenFields(project, type).map((entry) => [
                        entry.fieldId,
                        fieldMetaBean(settings, entry, project, type, "key"),
                      ])
                    ),
                  }
                : {}),
            })),
        })),
      });
    }
  );
}
