/**
 * `GET project/{projectIdOrKey}/role` (OpenAPI `getProjectRoles`): every project role, as Jira's
 * map of role name → the role's URL in that project
 * (`{"Developers": "{base}/rest/api/2/project/SUP/role/10001", …}`), for anyone who may browse the
 * project; 404 otherwise. The add-in offers these roles as comment visibility. The role details
 * behind those URLs (`…/role/{id}`, with actors) are not simulated: Jira shows actors to project
 * administrators only, and the add-in never reads them.
 */
import type { Router } from "express";
import { sendErrors } from "./jira-errors";
import type { RestContext } from "./rest-context";
import { apiUrl, currentUser } from "./rest-context";
import { projectNotFoundMessage } from "./routes-metadata";

export function registerProjectRoleRoutes(router: Router, ctx: RestContext): void {
  const { data, settings } = ctx;

  // Anonymous requests browse nothing, so they get the same 404 as GET project/{key}.
  router.get("/project/:projectIdOrKey/role", (req, res) => {
    const idOrKey = String(req.params.projectIdOrKey);
    const project = data.findProject(currentUser(res), idOrKey);
    if (!project) {
      sendErrors(res, 404, [projectNotFoundMessage(idOrKey)]);
      return;
    }
    res.json(
      Object.fromEntries(
        data.catalog.roles.map((role) => [
          role.name,
          apiUrl(settings, `project/${project.key}/role/${role.id}`),
        ])
      )
    );
  });
}
