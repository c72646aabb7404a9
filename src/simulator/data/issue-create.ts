/**
 * Validation of `POST /rest/api/2/issue` (OpenAPI `createIssue`, body `IssueUpdateBean`), in the
 * order Jira applies it: project and issue type first (nothing else can be checked without them),
 * then fields that are not on the create screen, then each value, then required fields.
 * Error texts are Jira's; they land in `errors[fieldId]` of a 400. The body's `properties`
 * (EntityPropertyBean `{key, value}`, stored with the issue) follow the issue property rules;
 * their problems land in `errorMessages`.
 */
import type { SimulatorUser } from "../simulator-contract";
import { CATALOG } from "./catalog";
import { convertFieldValue, isEmptyValue } from "./field-values";
import { readEntityProperties } from "./issue-properties";
import { canBrowse } from "./permissions";
import type { IssueTypeDef, ProjectDef, ProjectIssueTypeDef } from "./types";

/** Jira's summary limit: 255 characters ("Summary must be less than 255 characters." above it). */
export const SUMMARY_MAX_LENGTH = 255;

/** A valid create request, resolved against the catalog. */
export interface ValidCreate {
  ok: true;
  project: ProjectDef;
  issueType: IssueTypeDef;
  values: Record<string, unknown>;
  /** Issue properties to store with the issue, in the order sent (a repeated key: the last wins). */
  properties: Array<{ key: string; value: unknown }>;
}

/** A rejected create request: Jira's 400 body. */
export interface InvalidCreate {
  ok: false;
  errorMessages: string[];
  errors: Record<string, string>;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const notOnScreen = (fieldId: string) =>
  `Field '${fieldId}' cannot be set. It is not on the appropriate screen, or unknown.`;

function resolveProject(value: unknown, user: SimulatorUser): ProjectDef | undefined {
  if (!isObject(value)) return undefined;
  const idOrKey =
    typeof value.id === "string" || typeof value.id === "number"
      ? String(value.id)
      : typeof value.key === "string"
        ? value.key
        : undefined;
  const project = idOrKey === undefined ? undefined : CATALOG.project(idOrKey);
  // A project the user cannot browse is reported like one that does not exist (Jira hides it).
  return project && canBrowse(user, project) ? project : undefined;
}

function resolveIssueType(
  value: unknown,
  project: ProjectDef
): { type: IssueTypeDef; config: ProjectIssueTypeDef } | undefined {
  if (!isObject(value)) return undefined;
  const type =
    typeof value.id === "string" || typeof value.id === "number"
      ? CATALOG.issueType(String(value.id))
      : typeof value.name === "string"
        ? CATALOG.issueTypes.find(
            (candidate) => candidate.name.toLowerCase() === (value.name as string).toLowerCase()
          )
        : undefined;
  const config = type && project.issueTypes.find((entry) => entry.issueTypeId === type.id);
  return type && config ? { type, config } : undefined;
}

/**
 * `update: { labels: [{ add: "x" }], summary: [{ set: "y" }] }` → plain field values. Only `set`
 * and `add` are meaningful on create; anything else is reported on that field.
 */
function applyUpdateOperations(
  update: Record<string, unknown>,
  fields: Record<string, unknown>,
  errors: Record<string, string>
): void {
  for (const [fieldId, operations] of Object.entries(update)) {
    if (fieldId in fields) {
      errors[fieldId] = `Field '${fieldId}' cannot be set in both 'fields' and 'update'.`;
      continue;
    }
    if (!Array.isArray(operations)) {
      errors[fieldId] = "data was not an array";
      continue;
    }
    for (const operation of operations) {
      if (isObject(operation) && "set" in operation) {
        fields[fieldId] = operation.set;
      } else if (isObject(operation) && "add" in operation) {
        const current = fields[fieldId];
        fields[fieldId] = [...(Array.isArray(current) ? current : []), operation.add];
      } else {
        errors[fieldId] =
          `Field '${fieldId}': only 'set' and 'add' operations can be used on create.`;
      }
    }
  }
}

function checkSummary(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined; // reported by the generic conversion
  if (value.trim() === "") return "You must specify a summary of the issue.";
  if (/[\r\n]/.test(value)) return "The summary is invalid because it contains newline characters.";
  if (value.length > SUMMARY_MAX_LENGTH) return "Summary must be less than 255 characters.";
  return undefined;
}

/** Validates a create request made by `user`. */
export function validateCreateIssue(
  body: unknown,
  user: SimulatorUser
): ValidCreate | InvalidCreate {
  const errors: Record<string, string> = {};
  const input = isObject(body) ? body : {};
  const fields: Record<string, unknown> = isObject(input.fields) ? { ...input.fields } : {};
  if (isObject(input.update)) {
    applyUpdateOperations(input.update, fields, errors);
  }

  const project = resolveProject(fields.project, user);
  if (!project) {
    errors.project =
      fields.project === undefined ? "project is required" : "valid project is required";
  }
  const issueType = project ? resolveIssueType(fields.issuetype, project) : undefined;
  if (fields.issuetype === undefined) {
    errors.issuetype = "issue type is required";
  } else if (project && !issueType) {
    errors.issuetype = "valid issue type is required";
  }
  const errorMessages: string[] = [];
  const properties = readEntityProperties(input.properties, errorMessages);
  if (!project || !issueType) {
    return { ok: false, errorMessages, errors };
  }

  const screen = issueType.config.screen;
  const values: Record<string, unknown> = {};
  for (const [fieldId, value] of Object.entries(fields)) {
    if (fieldId === "project" || fieldId === "issuetype" || errors[fieldId]) continue;
    const field = CATALOG.field(fieldId);
    if (!field || !screen.some((entry) => entry.fieldId === fieldId)) {
      errors[fieldId] = notOnScreen(fieldId);
      continue;
    }
    const converted = convertFieldValue(field, value, project);
    if (!converted.ok) {
      errors[fieldId] = converted.message;
      continue;
    }
    const summaryProblem = fieldId === "summary" ? checkSummary(value) : undefined;
    if (summaryProblem) {
      errors.summary = summaryProblem;
      continue;
    }
    values[fieldId] = converted.value;
  }

  for (const entry of screen) {
    if (!(entry.fieldId in fields) && entry.defaultValue !== undefined) {
      values[entry.fieldId] = entry.defaultValue;
    }
    if (entry.required && !errors[entry.fieldId] && isEmptyValue(values[entry.fieldId])) {
      errors[entry.fieldId] =
        entry.fieldId === "summary"
          ? "You must specify a summary of the issue."
          : `${CATALOG.field(entry.fieldId)?.name ?? entry.fieldId} is required.`;
    }
  }

  if (Object.keys(errors).length > 0 || errorMessages.length > 0) {
    return { ok: false, errorMessages, errors };
  }
  return { ok: true, project, issueType: issueType.type, values, properties };
}
