/**
 * The two forms of Jira's "create meta" (which issue types and fields a new issue has):
 * - Jira ≥ 8.4: `issue/createmeta/{project}/issuetypes[/{id}]`, paged `values[]`;
 * - Jira < 8.4: only `issue/createmeta?projectKeys=…&issuetypeIds=…&expand=projects.issuetypes.fields`,
 *   whose fields are a map keyed by field id. Jira 9 removed it (JRASERVER-69898, JRASERVER-74965).
 * This module decides which to use and maps the old one to the new shape.
 */
import { JiraHttpError } from "./jira-errors";
import type { FailedRequest } from "./jira-errors";
import type { CreateMetaField, CreateMetaIssueType, ServerInfo } from "./jira-types";

/** The old createmeta answer, as far as it is read. */
export interface LegacyCreateMeta {
  projects?: Array<{
    id?: string;
    key: string;
    name?: string;
    issuetypes?: Array<
      CreateMetaIssueType & {
        fields?: Record<string, Omit<CreateMetaField, "fieldId"> & { fieldId?: string }>;
      }
    >;
  }>;
}

/** True for Jira before 8.4, which has only the old createmeta. */
export function needsLegacyCreateMeta(serverInfo: ServerInfo): boolean {
  const numbers =
    serverInfo.versionNumbers?.length > 0
      ? serverInfo.versionNumbers
      : (serverInfo.version ?? "").split(".").map((part) => parseInt(part, 10));
  const [major = 0, minor = 0] = numbers.map((n) => (Number.isFinite(n) ? n : 0));
  return major < 8 || (major === 8 && minor < 4);
}

/**
 * Maps the old answer to the new results: the project's issue types, and (when `issueTypeId`
 * was asked for) that type's fields with `fieldId` set from the map key.
 *
 * @throws {JiraHttpError} `http_404` when the project or issue type is not in the answer (the old
 *   endpoint answers 200 with nothing for a project the user can't create issues in).
 */
export function fromLegacyCreateMeta(
  projectKey: string,
  issueTypeId: string | undefined,
  body: LegacyCreateMeta,
  request: FailedRequest
): { issueTypes: CreateMetaIssueType[]; fields: CreateMetaField[] } {
  const project =
    body.projects?.find((candidate) => candidate.key === projectKey) ?? body.projects?.[0];
  if (!project) {
    throw notFound(
      request,
      `Project ${projectKey} doesn't exist, or your Jira account may not create issues in it.`
    );
  }
  const issueTypes = (project.issuetypes ?? []).map((issueType) => {
    const rest: CreateMetaIssueType & { fields?: unknown } = { ...issueType };
    delete rest.fields;
    return rest;
  });
  if (issueTypeId === undefined) {
    return { issueTypes, fields: [] };
  }
  const issueType = project.issuetypes?.find((candidate) => candidate.id === issueTypeId);
  if (!issueType) {
    throw notFound(
      request,
      `Issue type ${issueTypeId} is not available for new issues in project ${projectKey}.`
    );
  }
  const fields = Object.entries(issueType.fields ?? {}).map(([fieldId, field]) => ({
    ...field,
    fieldId,
  }));
  return { issueTypes, fields };
}

function notFound(request: FailedRequest, message: string): JiraHttpError {
  return new JiraHttpError({ code: "http_404", status: 404, request, message });
}
