/**
 * Which fields of Jira's create screen the pane edits, and how: a field's kind comes from its
 * schema (`schema.system` for Jira's own fields, `schema.custom` for custom fields), checked
 * against the value type Jira declares, so a field whose values we could not write is never
 * offered half-working.
 *
 * Schema and custom type keys: Jira's `JsonTypeBuilder` and the custom field types of
 * `com.atlassian.jira.plugin.system.customfieldtypes` (OpenAPI `FieldMetaBean` / `JsonTypeBean`;
 * developer.atlassian.com/server/jira/platform/jira-rest-api-examples/#creating-an-issue-examples).
 */
import type { AllowedValue, CreateMetaField } from "../../jira/jira-types";
import type { CreateScreen, EditableField, FieldKind } from "./field-form-types";

/**
 * Fields the New issue form fills itself (project, issue type, summary, description), that Jira
 * fills (reporter: the signed-in user, when left out), or that travel another way than the create
 * request (attachment: uploaded after the create; issuelinks: only through `update`, and the pane
 * links the email by a remote link instead). None of them is an editor here nor "unfillable".
 *
 * `timetracking` and `security` are deliberately NOT here: a security level is a plain choice
 * among `allowedValues` (`{ id }`), so the pane offers it; time tracking takes Jira durations in an
 * object the pane doesn't edit, so it is unknown: when Jira requires it without a default, the
 * form names it up front rather than letting Jira refuse the issue.
 */
export const FIELDS_OUTSIDE_THE_EDITORS: ReadonlySet<string> = new Set([
  "project",
  "issuetype",
  "summary",
  "description",
  "reporter",
  "attachment",
  "issuelinks",
]);

/** The common fields shown at once even when optional (the rest waits under "More fields"). */
const PROMINENT_SYSTEM_FIELDS: ReadonlySet<string> = new Set([
  "assignee",
  "priority",
  "labels",
  "duedate",
  "components",
]);

/** What a kind needs from the schema: `type` and, for arrays, `items`. */
interface SchemaShape {
  type: string;
  items?: string;
}

interface KindRule {
  kind: FieldKind;
  schema: SchemaShape;
}

const rule = (kind: FieldKind, type: string, items?: string): KindRule => ({
  kind,
  schema: items === undefined ? { type } : { type, items },
});

// Maps, not objects: a schema key such as "constructor" must find nothing.
const rules = (byKey: Record<string, KindRule>) => new Map(Object.entries(byKey));

/** Jira's own fields by `schema.system`. */
const SYSTEM_RULES: ReadonlyMap<string, KindRule> = rules({
  priority: rule("select", "priority"),
  assignee: rule("user", "user"),
  labels: rule("labels", "array", "string"),
  duedate: rule("date", "date"),
  components: rule("multiselect", "array", "component"),
  versions: rule("multiselect", "array", "version"),
  fixVersions: rule("multiselect", "array", "version"),
  environment: rule("textarea", "string"),
  security: rule("select", "securitylevel"),
});

const JIRA_CUSTOM_TYPES = "com.atlassian.jira.plugin.system.customfieldtypes:";

/** Custom fields by `schema.custom`: only Jira's own types, whose value shapes are documented. */
const CUSTOM_RULES: ReadonlyMap<string, KindRule> = rules({
  [`${JIRA_CUSTOM_TYPES}textfield`]: rule("text", "string"),
  [`${JIRA_CUSTOM_TYPES}url`]: rule("text", "string"),
  [`${JIRA_CUSTOM_TYPES}textarea`]: rule("textarea", "string"),
  [`${JIRA_CUSTOM_TYPES}float`]: rule("number", "number"),
  [`${JIRA_CUSTOM_TYPES}datepicker`]: rule("date", "date"),
  [`${JIRA_CUSTOM_TYPES}datetime`]: rule("datetime", "datetime"),
  [`${JIRA_CUSTOM_TYPES}select`]: rule("select", "option"),
  [`${JIRA_CUSTOM_TYPES}radiobuttons`]: rule("select", "option"),
  [`${JIRA_CUSTOM_TYPES}multiselect`]: rule("multiselect", "array", "option"),
  [`${JIRA_CUSTOM_TYPES}multicheckboxes`]: rule("multiselect", "array", "option"),
  [`${JIRA_CUSTOM_TYPES}labels`]: rule("labels", "array", "string"),
  [`${JIRA_CUSTOM_TYPES}userpicker`]: rule("user", "user"),
  [`${JIRA_CUSTOM_TYPES}multiuserpicker`]: rule("multiuser", "array", "user"),
  // Version pickers take `{ id }` from allowedValues, like components.
  [`${JIRA_CUSTOM_TYPES}version`]: rule("select", "version"),
  [`${JIRA_CUSTOM_TYPES}multiversion`]: rule("multiselect", "array", "version"),
  // Jira Software's "Epic Name": a plain string, and required on the Epic issue type.
  "com.pyxis.greenhopper.jira:gh-epic-label": rule("text", "string"),
});

const CHOICE_KINDS: ReadonlySet<FieldKind> = new Set(["select", "multiselect"]);

/** The choices Jira still offers for a select or multi-select (disabled options can't be set). */
export function offeredValues(field: CreateMetaField): AllowedValue[] {
  return (field.allowedValues ?? []).filter(
    (value) => typeof value.id === "string" && value.id !== "" && value.disabled !== true
  );
}

/** What the pane shows for an allowed value: an option's `value`, a priority's or version's `name`. */
export function allowedValueText(value: AllowedValue): string {
  for (const text of [value.value, value.name, value.key, value.id]) {
    if (typeof text === "string" && text.trim() !== "") return text;
  }
  return "";
}

function schemaMatches(field: CreateMetaField, shape: SchemaShape): boolean {
  const schema = field.schema;
  if (!schema || schema.type !== shape.type) return false;
  return shape.items === undefined || schema.items === shape.items;
}

/**
 * How the pane edits `field`, or undefined when it can't: an unknown type, a schema that doesn't
 * match its type, or a choice field without any choice Jira still offers.
 */
export function fieldKindOf(field: CreateMetaField): FieldKind | undefined {
  const schema = field.schema;
  if (!schema) return undefined;
  const found =
    schema.custom !== undefined
      ? CUSTOM_RULES.get(schema.custom)
      : schema.system !== undefined
        ? SYSTEM_RULES.get(schema.system)
        : undefined;
  if (!found || !schemaMatches(field, found.schema)) return undefined;
  if (CHOICE_KINDS.has(found.kind) && offeredValues(field).length === 0) return undefined;
  return found.kind;
}

function isProminent(field: CreateMetaField, required: boolean): boolean {
  if (required) return true;
  return field.schema?.custom === undefined && PROMINENT_SYSTEM_FIELDS.has(field.fieldId);
}

/**
 * The create screen as the form sees it, from createmeta's fields (in Jira's order): the fields
 * the editors handle, and the required ones Jira won't fill that the pane can't edit (by name).
 */
export function createScreenOf(fields: CreateMetaField[]): CreateScreen {
  const editable: EditableField[] = [];
  const unfillableRequired: string[] = [];
  const seen = new Set<string>();
  for (const field of fields) {
    if (seen.has(field.fieldId) || FIELDS_OUTSIDE_THE_EDITORS.has(field.fieldId)) continue;
    seen.add(field.fieldId);
    const required = field.required === true;
    const kind = fieldKindOf(field);
    if (kind) {
      editable.push({ field, kind, required, prominent: isProminent(field, required) });
    } else if (required && field.hasDefaultValue !== true) {
      unfillableRequired.push(field.name || field.fieldId);
    }
  }
  return { editable, unfillableRequired };
}
