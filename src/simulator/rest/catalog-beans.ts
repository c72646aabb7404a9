/**
 * Beans of the configuration objects (OpenAPI `ProjectBean`, `PriorityJsonBean`, `FieldBean`,
 * `IssueTypeJsonBean`, `StatusJsonBean`, `ResolutionJsonBean`, `ComponentJsonBean`,
 * `VersionBean`, custom field options), as Jira embeds them in issues, createmeta and lists.
 */
import { CATALOG } from "../data/catalog";
import { findUserByKey } from "../data/permissions";
import type {
  ComponentDef,
  FieldDef,
  IssueTypeDef,
  OptionDef,
  PriorityDef,
  ProjectDef,
  ResolutionDef,
  StatusDef,
  VersionDef,
} from "../data/types";
import type { SimulatorSettings } from "../simulator-contract";
import { apiUrl, baseUrl } from "./rest-context";
import { userBean } from "./user-beans";

function projectAvatarUrls(
  settings: SimulatorSettings,
  project: ProjectDef
): Record<string, string> {
  const url = (size: string) =>
    `${baseUrl(settings)}/secure/projectavatar?size=${size}&pid=${project.id}&avatarId=${project.avatarId}`;
  return {
    "48x48": url("large"),
    "24x24": url("small"),
    "16x16": url("xsmall"),
    "32x32": url("medium"),
  };
}

/** The project as listed by `GET project` and embedded in issues. */
export function projectSummaryBean(settings: SimulatorSettings, project: ProjectDef) {
  return {
    expand: "description,lead,url,projectKeys",
    self: apiUrl(settings, `project/${project.id}`),
    id: project.id,
    key: project.key,
    name: project.name,
    avatarUrls: projectAvatarUrls(settings, project),
    projectTypeKey: project.projectTypeKey,
    archived: false,
  };
}

/** `GET project/{idOrKey}`: the full project. */
export function projectBean(settings: SimulatorSettings, project: ProjectDef) {
  const lead = findUserByKey(project.leadKey);
  return {
    ...projectSummaryBean(settings, project),
    description: project.description,
    lead: lead ? userBean(settings, lead) : null,
    components: project.components.map((component) => componentBean(settings, component)),
    issueTypes: project.issueTypes
      .map((entry) => CATALOG.issueType(entry.issueTypeId))
      .filter((type): type is IssueTypeDef => type !== undefined)
      .map((type) => issueTypeBean(settings, type)),
    assigneeType: project.assigneeType,
    versions: project.versions.map((version) => versionBean(settings, project, version)),
    roles: Object.fromEntries(
      CATALOG.roles.map((role) => [
        role.name,
        apiUrl(settings, `project/${project.id}/role/${role.id}`),
      ])
    ),
    projectKeys: [project.key],
  };
}

export function issueTypeBean(settings: SimulatorSettings, type: IssueTypeDef) {
  return {
    self: apiUrl(settings, `issuetype/${type.id}`),
    id: type.id,
    description: type.description,
    iconUrl: `${baseUrl(settings)}/secure/viewavatar?size=xsmall&avatarId=${type.avatarId}&avatarType=issuetype`,
    name: type.name,
    subtask: false,
    avatarId: type.avatarId,
  };
}

export function priorityBean(settings: SimulatorSettings, priority: PriorityDef) {
  return {
    self: apiUrl(settings, `priority/${priority.id}`),
    statusColor: priority.statusColor,
    description: priority.description,
    iconUrl: `${baseUrl(settings)}${priority.iconPath}`,
    name: priority.name,
    id: priority.id,
  };
}

export function statusBean(settings: SimulatorSettings, status: StatusDef) {
  const category = status.category;
  return {
    self: apiUrl(settings, `status/${status.id}`),
    description: status.description,
    iconUrl: `${baseUrl(settings)}${status.iconPath}`,
    name: status.name,
    id: status.id,
    statusCategory: {
      self: apiUrl(settings, `statuscategory/${category.id}`),
      id: category.id,
      key: category.key,
      colorName: category.colorName,
      name: category.name,
    },
  };
}

export function resolutionBean(settings: SimulatorSettings, resolution: ResolutionDef) {
  return {
    self: apiUrl(settings, `resolution/${resolution.id}`),
    id: resolution.id,
    description: resolution.description,
    name: resolution.name,
  };
}

export function componentBean(settings: SimulatorSettings, component: ComponentDef) {
  return {
    self: apiUrl(settings, `component/${component.id}`),
    id: component.id,
    name: component.name,
    description: component.description,
  };
}

export function versionBean(settings: SimulatorSettings, project: ProjectDef, version: VersionDef) {
  return {
    self: apiUrl(settings, `version/${version.id}`),
    id: version.id,
    name: version.name,
    archived: version.archived,
    released: version.released,
    projectId: Number(project.id),
  };
}

/** A custom field option as Jira sends it. */
export interface OptionBean {
  self: string;
  value: string;
  id: string;
  disabled: boolean;
  children?: OptionBean[];
}

/** A custom field option (`CustomFieldOptionJsonBean`); cascading parents carry `children` in createmeta. */
export function optionBean(
  settings: SimulatorSettings,
  option: OptionDef,
  withChildren = false
): OptionBean {
  return {
    self: apiUrl(settings, `customFieldOption/${option.id}`),
    value: option.value,
    id: option.id,
    disabled: false,
    ...(withChildren && option.children
      ? { children: option.children.map((child) => optionBean(settings, child)) }
      : {}),
  };
}

/** `GET field`: one field. */
export function fieldBean(field: FieldDef) {
  return {
    id: field.id,
    name: field.name,
    custom: field.custom,
    orderable: field.orderable,
    navigable: field.navigable,
    searchable: field.searchable,
    clauseNames: field.clauseNames,
    schema: field.schema,
  };
}
