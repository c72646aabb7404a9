/**
 * Create-screen field metadata (OpenAPI `FieldMetaBean`): Jira 9's paged form has `fieldId`, the
 * old `createmeta?expand=projects.issuetypes.fields` form has `key` instead. `allowedValues` are
 * the beans a client sends back by id; `autoCompleteUrl` is what Jira gives (labels and custom
 * user pickers point at /rest/api/1.0, which the simulator does not serve, like an add-in should
 * not rely on).
 */
import { CATALOG } from "../data/catalog";
import type { FieldDef, IssueTypeDef, ProjectDef, ScreenFieldDef } from "../data/types";
import type { SimulatorSettings } from "../simulator-contract";
import {
  componentBean,
  issueTypeBean,
  optionBean,
  priorityBean,
  projectSummaryBean,
  versionBean,
} from "./catalog-beans";
import { apiUrl, baseUrl } from "./rest-context";

/** The fields of a create screen, as Jira lists them: project and issue type first, then the screen. */
export function createScreenFields(project: ProjectDef, issueType: IssueTypeDef): ScreenFieldDef[] {
  const screen =
    project.issueTypes.find((entry) => entry.issueTypeId === issueType.id)?.screen ?? [];
  return [
    { fieldId: "project", required: true },
    { fieldId: "issuetype", required: true },
    ...screen,
  ];
}

function allowedValues(
  settings: SimulatorSettings,
  field: FieldDef,
  project: ProjectDef,
  issueType: IssueTypeDef
) {
  const { type, items } = field.schema;
  if (type === "project") return [projectSummaryBean(settings, project)];
  if (type === "issuetype") return [issueTypeBean(settings, issueType)];
  if (type === "priority")
    return CATALOG.priorities.map((priority) => priorityBean(settings, priority));
  if (type === "option") return (field.options ?? []).map((option) => optionBean(settings, option));
  if (type === "option-with-child")
    return (field.options ?? []).map((option) => optionBean(settings, option, true));
  if (type === "array" && items === "option")
    return (field.options ?? []).map((option) => optionBean(settings, option));
  if (type === "array" && items === "component")
    return project.components.map((c) => componentBean(settings, c));
  if (type === "array" && items === "version") {
    return project.versions
      .filter((v) => !v.archived)
      .map((v) => versionBean(settings, project, v));
  }
  return undefined;
}

function autoCompleteUrl(
  settings: SimulatorSettings,
  field: FieldDef,
  project: ProjectDef
): string | undefined {
  if (field.id === "assignee") {
    return apiUrl(
      settings,
      `user/assignable/search?project=${encodeURIComponent(project.key)}&username=`
    );
  }
  if (field.id === "labels") {
    return `${baseUrl(settings)}/rest/api/1.0/labels/suggest?query=`;
  }
  if (field.custom && field.schema.type === "user") {
    return `${baseUrl(settings)}/rest/api/1.0/users/picker?fieldName=${field.id}&projectId=${project.id}&showAvatar=true&query=`;
  }
  return undefined;
}

function defaultValue(
  settings: SimulatorSettings,
  field: FieldDef,
  entry: ScreenFieldDef
): unknown {
  if (entry.defaultValue === undefined) return undefined;
  if (field.schema.type === "priority") {
    const priority = CATALOG.priority(String(entry.defaultValue));
    return priority ? priorityBean(settings, priority) : undefined;
  }
  return entry.defaultValue;
}

/** One field of a create screen; `keyName` is "fieldId" (Jira 9 paged form) or "key" (old form). */
export function fieldMetaBean(
  settings: SimulatorSettings,
  entry: ScreenFieldDef,
  project: ProjectDef,
  issueType: IssueTypeDef,
  keyName: "fieldId" | "key"
) {
  const field = CATALOG.field(entry.fieldId);
  if (!field) throw new Error(`Screen field ${entry.fieldId} is not in the catalog`);
  const values = allowedValues(settings, field, project, issueType);
  const url = autoCompleteUrl(settings, field, project);
  const fallback = defaultValue(settings, field, entry);
  return {
    required: entry.required,
    schema: field.schema,
    name: field.name,
    [keyName]: field.id,
    ...(url !== undefined ? { autoCompleteUrl: url } : {}),
    hasDefaultValue: fallback !== undefined,
    operations: field.operations,
    ...(values !== undefined ? { allowedValues: values } : {}),
    ...(fallback !== undefined ? { defaultValue: fallback } : {}),
  };
}
