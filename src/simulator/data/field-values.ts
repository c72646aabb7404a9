/**
 * Turns a field value from a create request (`IssueUpdateBean.fields`) into the stored form of
 * {@link IssueRecord.values}, or into the message Jira answers for it. Messages are Jira's own
 * wording where known (e.g. "Option value 'X' is not valid", "data was not an array",
 * "Error parsing date string: X"), so the add-in shows what a real Jira would make it show.
 */
import { CATALOG } from "./catalog";
import { isJiraDate } from "./jira-time";
import { assignableUsers, findUserByKey, findUserByName } from "./permissions";
import type { CascadingValue, FieldDef, OptionDef, ProjectDef } from "./types";

/** Jira's limits: 255 for single-line text fields, 32,767 for multi-line (jira.text.field.character.limit). */
const SHORT_TEXT_LIMIT = 255;
const LONG_TEXT_LIMIT = 32767;

export type Conversion = { ok: true; value: unknown } | { ok: false; message: string };

const ok = (value: unknown): Conversion => ({ ok: true, value });
const fail = (message: string): Conversion => ({ ok: false, message });

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** `{ id }` or `{ <nameProperty> }` → [how it was given, the given text]; undefined if neither. */
function reference(value: Record<string, unknown>, nameProperty: string) {
  if (typeof value.id === "string" || typeof value.id === "number") {
    return { by: "id" as const, text: String(value.id) };
  }
  if (typeof value[nameProperty] === "string") {
    return { by: nameProperty, text: value[nameProperty] as string };
  }
  return undefined;
}

/** Converts one value for `field` in `project`; `null` always means "no value". */
export function convertFieldValue(
  field: FieldDef,
  value: unknown,
  project: ProjectDef
): Conversion {
  if (value === null) {
    return ok(null);
  }
  const { type, items } = field.schema;
  switch (type) {
    case "string":
      return convertText(field, value);
    case "number":
      return typeof value === "number" && Number.isFinite(value)
        ? ok(value)
        : fail("Operation value must be a number");
    case "date":
      if (typeof value !== "string") return fail("Operation value must be a string");
      return isJiraDate(value) ? ok(value) : fail(`Error parsing date string: ${value}`);
    case "user":
      return convertUser(field, value, project);
    case "priority":
      return convertPriority(value);
    case "option":
      return convertOption(field.options ?? [], value);
    case "option-with-child":
      return convertCascading(field.options ?? [], value);
    case "array":
      if (!Array.isArray(value)) return fail("data was not an array");
      return convertArray(field, items ?? "string", value, project);
    default:
      return fail(
        `Field '${field.id}' cannot be set. It is not on the appropriate screen, or unknown.`
      );
  }
}

function convertText(field: FieldDef, value: unknown): Conversion {
  if (typeof value !== "string") {
    return fail("Operation value must be a string");
  }
  const limit = field.custom ? SHORT_TEXT_LIMIT : LONG_TEXT_LIMIT;
  if (field.id !== "summary" && value.length > limit) {
    return fail(
      `The entered text is too long. It exceeds the allowed limit of ${limit.toLocaleString("en-US")} characters.`
    );
  }
  return ok(value === "" ? null : value);
}

function convertUser(field: FieldDef, value: unknown, project: ProjectDef): Conversion {
  if (!isObject(value)) {
    return fail("expected Object containing a 'name' property");
  }
  const name = typeof value.name === "string" ? value.name : undefined;
  const key = typeof value.key === "string" ? value.key : undefined;
  if (name === undefined && key === undefined) {
    return ok(null);
  }
  // "-1" is Jira's "Automatic" assignee: the project's default (lead or unassigned).
  if (field.id === "assignee" && name === "-1") {
    return ok(project.assigneeType === "PROJECT_LEAD" ? project.leadKey : null);
  }
  const user = name !== undefined ? findUserByName(name) : findUserByKey(key ?? "");
  const given = name ?? key ?? "";
  if (!user) {
    return fail(`User '${given}' does not exist.`);
  }
  if (field.id === "assignee" && !assignableUsers(project).some((u) => u.key === user.key)) {
    return fail(`User '${given}' cannot be assigned issues.`);
  }
  return ok(user.key);
}

function convertPriority(value: unknown): Conversion {
  const ref = isObject(value) ? reference(value, "name") : undefined;
  if (!ref) {
    return fail("Could not find valid 'id' or 'name' in priority object.");
  }
  const priority =
    ref.by === "id"
      ? CATALOG.priority(ref.text)
      : CATALOG.priorities.find((p) => p.name.toLowerCase() === ref.text.toLowerCase());
  return priority
    ? ok(priority.id)
    : fail(`Priority ${ref.by === "id" ? "id" : "name"} '${ref.text}' is not valid`);
}

function findOption(options: readonly OptionDef[], ref: { by: string; text: string }) {
  return ref.by === "id"
    ? options.find((option) => option.id === ref.text)
    : options.find((option) => option.value === ref.text);
}

function convertOption(options: readonly OptionDef[], value: unknown): Conversion {
  const ref = isObject(value) ? reference(value, "value") : undefined;
  if (!ref) {
    return fail("Could not find valid 'id' or 'value' in the Parent Option object.");
  }
  const option = findOption(options, ref);
  return option ? ok(option.id) : fail(`Option ${ref.by} '${ref.text}' is not valid`);
}

function convertCascading(options: readonly OptionDef[], value: unknown): Conversion {
  const parent = convertOption(options, value);
  if (!parent.ok) {
    return parent;
  }
  const stored: CascadingValue = { parentId: parent.value as string };
  const child = (value as Record<string, unknown>).child;
  if (child !== undefined && child !== null) {
    const children = options.find((option) => option.id === stored.parentId)?.children ?? [];
    const ref = isObject(child) ? reference(child, "value") : undefined;
    if (!ref) {
      return fail("Could not find valid 'id' or 'value' in the Child Option object.");
    }
    const option = findOption(children, ref);
    if (!option) {
      return fail(
        `Option ${ref.by} '${ref.text}' is not valid for parent option '${stored.parentId}'`
      );
    }
    stored.childId = option.id;
  }
  return ok(stored);
}

function convertArray(
  field: FieldDef,
  items: string,
  values: unknown[],
  project: ProjectDef
): Conversion {
  const stored: string[] = [];
  for (const item of values) {
    const one = convertArrayItem(field, items, item, project);
    if (!one.ok) {
      return one;
    }
    if (!stored.includes(one.value as string)) {
      stored.push(one.value as string);
    }
  }
  return ok(stored);
}

function convertArrayItem(
  field: FieldDef,
  items: string,
  item: unknown,
  project: ProjectDef
): Conversion {
  switch (items) {
    case "string":
      if (typeof item !== "string") return fail("Operation value must be a string");
      if (/\s/.test(item)) return fail(`The label '${item}' contains spaces which is invalid.`);
      if (item.length > SHORT_TEXT_LIMIT) {
        return fail(
          `The label '${item}' exceeds the maximum length for a single label of 255 characters.`
        );
      }
      return ok(item);
    case "option":
      return convertOption(field.options ?? [], item);
    case "component":
    case "version": {
      const ref = isObject(item) ? reference(item, "name") : undefined;
      const noun = items === "component" ? "Component" : "Version";
      if (!ref) return fail(`Could not find valid 'id' or 'name' in ${items} object.`);
      const list = items === "component" ? project.components : project.versions;
      const found =
        ref.by === "id"
          ? list.find((entry) => entry.id === ref.text)
          : list.find((entry) => entry.name.toLowerCase() === ref.text.toLowerCase());
      return found ? ok(found.id) : fail(`${noun} ${ref.by} '${ref.text}' is not valid`);
    }
    default:
      return fail(
        `Field '${field.id}' cannot be set. It is not on the appropriate screen, or unknown.`
      );
  }
}

/** True when a stored value counts as empty for a required-field check. */
export function isEmptyValue(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    (typeof value === "string" && value.trim() === "") ||
    (Array.isArray(value) && value.length === 0)
  );
}
