/**
 * The values of the create-screen fields: where they start (Jira's defaults), what Jira would
 * refuse in them (checked before asking it), and the `fields` of `POST /rest/api/2/issue` they make.
 * Value shapes per field type: developer.atlassian.com/server/jira/platform/jira-rest-api-examples/
 * ("Creating an issue using custom fields"); users by `name` on Jira Server/DC.
 */
import type { AllowedValue, IssueFields } from "../../jira/jira-types";
import type {
  CreateScreen,
  EditableField,
  FieldFormValue,
  FieldFormValues,
  FieldKind,
  FieldProblems,
  UserChoice,
} from "./field-form-types";
import { offeredValues } from "./field-kinds";
import { isJiraDate, parseDecimal, parseLocalDateTime, toJiraDateTime } from "./field-text-formats";
import type { TimeZoneRule } from "./field-text-formats";
import { t } from "../../i18n/translate";

export { parseStoredFieldValues } from "./stored-field-values";

/** Jira keeps single-line text custom fields and labels to 255 characters. */
export const MAX_SHORT_TEXT = 255;

type TextValue = Extract<FieldFormValue, { type: "text" }>;
type IdsValue = Extract<FieldFormValue, { type: "ids" }>;
type LabelsValue = Extract<FieldFormValue, { type: "labels" }>;

/** The value shape each kind keeps. */
const VALUE_TYPE: Readonly<Record<FieldKind, FieldFormValue["type"]>> = {
  text: "text",
  textarea: "text",
  number: "text",
  date: "text",
  datetime: "text",
  select: "ids",
  multiselect: "ids",
  labels: "labels",
  user: "users",
  multiuser: "users",
};

/** Kinds where the person picks rather than types ("Choose a value for X." when empty). */
const PICKED: ReadonlySet<FieldKind> = new Set(["select", "multiselect", "user", "multiuser"]);

/**
 * The value kept for `editable`, when it has the shape its kind keeps (a draft made for another
 * issue type may hold another shape under the same id: it counts as not set).
 */
export function valueOfField(
  editable: EditableField,
  values: FieldFormValues
): FieldFormValue | undefined {
  const value = Object.hasOwn(values, editable.field.fieldId)
    ? values[editable.field.fieldId]
    : undefined;
  return value?.type === VALUE_TYPE[editable.kind] ? value : undefined;
}

/** True when `value` sets nothing (blank text, no choice, no label, no user). */
export function isEmptyFieldValue(value: FieldFormValue | undefined): boolean {
  if (!value) return true;
  switch (value.type) {
    case "text":
      return value.value.trim() === "";
    case "ids":
      return value.ids.length === 0;
    case "labels":
      return value.labels.length === 0;
    case "users":
      return value.users.length === 0;
  }
}

// ---------------------------------------------------------------------------------------------
// Defaults

function idOf(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "object" && value !== null) {
    const id = (value as { id?: unknown }).id;
    if (typeof id === "string") return id;
    if (typeof id === "number") return String(id);
  }
  return undefined;
}

function userOf(value: unknown): UserChoice | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const { name, displayName } = value as { name?: unknown; displayName?: unknown };
  if (typeof name !== "string" || name === "") return undefined;
  return { name, displayName: typeof displayName === "string" && displayName ? displayName : name };
}

/** Jira's `defaultValue` of a field in the form's shape, or undefined when it has none we can read. */
function defaultOf(editable: EditableField): FieldFormValue | undefined {
  const { field, kind } = editable;
  const fallback = field.defaultValue;
  if (fallback === undefined || fallback === null) return undefined;
  const offered = new Set(offeredValues(field).map((value) => value.id));
  const list = Array.isArray(fallback) ? (fallback as unknown[]) : [fallback];
  switch (kind) {
    case "text":
    case "textarea":
      return typeof fallback === "string" ? { type: "text", value: fallback } : undefined;
    case "number":
      return typeof fallback === "number" && Number.isFinite(fallback)
        ? { type: "text", value: String(fallback) }
        : undefined;
    case "date":
      return typeof fallback === "string" && isJiraDate(fallback)
        ? { type: "text", value: fallback.trim() }
        : undefined;
    case "datetime":
      // Jira's default is an instant; a local input can't show it without guessing a zone.
      return undefined;
    case "select":
    case "multiselect": {
      const ids = list.map(idOf).filter((id): id is string => id !== undefined && offered.has(id));
      const chosen = kind === "select" ? ids.slice(0, 1) : [...new Set(ids)];
      return chosen.length > 0 ? { type: "ids", ids: chosen } : undefined;
    }
    case "labels": {
      const labels = list.filter(
        (label): label is string => typeof label === "string" && /^\S+$/.test(label)
      );
      return labels.length > 0 ? { type: "labels", labels } : undefined;
    }
    case "user":
    case "multiuser": {
      const users = list.map(userOf).filter((user): user is UserChoice => user !== undefined);
      const chosen = kind === "user" ? users.slice(0, 1) : users;
      return chosen.length > 0 ? { type: "users", users: chosen } : undefined;
    }
  }
}

/**
 * The values a new draft starts with: Jira's default where createmeta gives one (e.g. priority);
 * every other field is left unset, so Jira applies its own rules to it.
 */
export function initialFieldValues(screen: CreateScreen): FieldFormValues {
  const values: FieldFormValues = {};
  for (const editable of screen.editable) {
    const fallback = defaultOf(editable);
    if (fallback) values[editable.field.fieldId] = fallback;
  }
  return values;
}

// ---------------------------------------------------------------------------------------------
// Checks

function optionProblem(editable: EditableField, value: IdsValue): string | undefined {
  const offered = new Set(offeredValues(editable.field).map((option) => option.id));
  return value.ids.every((id) => offered.has(id))
    ? undefined
    : t("fields.optionNoLongerOffered", { field: editable.field.name });
}

function labelsProblem(value: LabelsValue): string | undefined {
  if (value.labels.some((label) => /\s/.test(label))) return t("fields.labelsNoSpaces");
  if (value.labels.some((label) => label.length > MAX_SHORT_TEXT)) {
    return t("fields.labelTooLong", { max: MAX_SHORT_TEXT });
  }
  return undefined;
}

function textProblem(editable: EditableField, value: TextValue): string | undefined {
  const field = editable.field.name;
  const text = value.value.trim();
  switch (editable.kind) {
    case "number":
      return parseDecimal(text) === undefined ? t("fields.mustBeNumber", { field }) : undefined;
    case "date":
      return isJiraDate(text) ? undefined : t("fields.mustBeDate", { field });
    case "datetime":
      return parseLocalDateTime(text) ? undefined : t("fields.mustBeDateTime", { field });
    case "text":
      return text.length > MAX_SHORT_TEXT
        ? t("fields.textTooLong", { field, max: MAX_SHORT_TEXT, length: text.length })
        : undefined;
    default:
      return undefined;
  }
}

/** What Jira would refuse in one field's value (undefined: nothing). */
function problemOf(editable: EditableField, value: FieldFormValue | undefined): string | undefined {
  const field = editable.field.name;
  if (isEmptyFieldValue(value)) {
    // Left out, a field with a default gets it from Jira: only an empty one without is refused.
    if (!editable.required || editable.field.hasDefaultValue === true) return undefined;
    return PICKED.has(editable.kind)
      ? t("fields.chooseValueFor", { field })
      : t("fields.enterValueFor", { field });
  }
  switch (value?.type) {
    case "text":
      return textProblem(editable, value);
    case "ids":
      return optionProblem(editable, value);
    case "labels":
      return labelsProblem(value);
    default:
      return undefined;
  }
}

/**
 * What Jira would refuse in the values, per field id, in words naming the fix: an empty required
 * field, a number or date that isn't one, a label with spaces, an option Jira no longer offers
 * (a draft older than the create screen). Empty object: the values can be sent.
 */
export function validateFieldValues(screen: CreateScreen, values: FieldFormValues): FieldProblems {
  const problems: FieldProblems = {};
  for (const editable of screen.editable) {
    const problem = problemOf(editable, valueOfField(editable, values));
    if (problem) problems[editable.field.fieldId] = problem;
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Jira's create JSON

/** Options of {@link fieldValuesToJira}. */
export interface FieldValuesToJiraOptions {
  /** The zone date-time values were typed in. Default: this computer's. */
  timeZone?: TimeZoneRule;
}

function offeredIds(editable: EditableField, value: IdsValue): string[] {
  const offered = new Set(
    offeredValues(editable.field).map((option: AllowedValue) => option.id as string)
  );
  return [...new Set(value.ids)].filter((id) => offered.has(id));
}

function textToJira(
  editable: EditableField,
  value: TextValue,
  timeZone: TimeZoneRule | undefined
): unknown {
  const text = value.value.trim();
  switch (editable.kind) {
    case "number":
      return parseDecimal(text);
    case "date":
      return isJiraDate(text) ? text : undefined;
    case "datetime":
      return toJiraDateTime(text, timeZone);
    case "textarea":
      // Multi-line text goes as typed: leading blanks and line breaks can be wiki markup.
      return value.value;
    default:
      return text;
  }
}

/** One field's value as Jira's create JSON wants it, or undefined when it sets nothing. */
function jiraValueOf(
  editable: EditableField,
  value: FieldFormValue,
  options: FieldValuesToJiraOptions
): unknown {
  switch (value.type) {
    case "text":
      return textToJira(editable, value, options.timeZone);
    case "ids": {
      const ids = offeredIds(editable, value);
      if (ids.length === 0) return undefined;
      return editable.kind === "select" ? { id: ids[0] } : ids.map((id) => ({ id }));
    }
    case "labels": {
      const labels = [...new Set(value.labels.filter((label) => label !== ""))];
      return labels.length > 0 ? labels : undefined;
    }
    case "users": {
      if (value.users.length === 0) return undefined;
      return editable.kind === "user"
        ? { name: value.users[0].name }
        : value.users.map((user) => ({ name: user.name }));
    }
  }
}

/**
 * The `fields` of a create request for the set, non-empty values: `{ id }` for a choice, `[{ id }]`
 * for several, `{ name }` / `[{ name }]` for users, labels as strings, numbers as numbers, dates
 * as `YYYY-MM-DD`, date-times as `yyyy-MM-dd'T'HH:mm:ss.SSSZ`, text as text. Send after
 * {@link validateFieldValues} found nothing: a value Jira would refuse is left out here.
 */
export function fieldValuesToJira(
  screen: CreateScreen,
  values: FieldFormValues,
  options: FieldValuesToJiraOptions = {}
): IssueFields {
  const fields: IssueFields = {};
  for (const editable of screen.editable) {
    const value = valueOfField(editable, values);
    if (!value || isEmptyFieldValue(value)) continue;
    const jiraValue = jiraValueOf(editable, value, options);
    if (jiraValue !== undefined) fields[editable.field.fieldId] = jiraValue;
  }
  return fields;
}
