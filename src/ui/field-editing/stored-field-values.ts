/**
 * Field values read back from a stored draft. The store may hold what another version of the pane
 * wrote, or something damaged or planted: each entry is kept only when it is exactly a
 * {@link FieldFormValue}, and a bad entry costs only itself, never the rest of the draft.
 */
import type { FieldFormValue, FieldFormValues, UserChoice } from "./field-form-types";

/** Jira's field ids: `customfield_10100`, `duedate`, `fixVersions` (never `__proto__`). */
const FIELD_ID = /^[A-Za-z][A-Za-z0-9_.-]{0,254}$/;

/** More fields than any create screen has: a larger map isn't a draft. */
const MAX_FIELDS = 500;
/** More choices, labels or users than one field reasonably holds. */
const MAX_ITEMS = 500;
/** Jira's default limit for text fields is 32,767 characters (jira.text.field.character.limit). */
const MAX_TEXT = 100_000;
/** Ids, labels and user names are at most 255 characters in Jira. */
const MAX_WORD = 255;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The short strings of `value` (deduplicated), or undefined when it isn't an array of them. */
function wordList(value: unknown): string[] | undefined {
  if (!Array.isArray(value) || value.length > MAX_ITEMS) return undefined;
  const words: string[] = [];
  for (const item of value) {
    if (typeof item !== "string" || item === "" || item.length > MAX_WORD) return undefined;
    if (!words.includes(item)) words.push(item);
  }
  return words;
}

function userChoice(value: unknown): UserChoice | undefined {
  if (!isRecord(value)) return undefined;
  const { name, displayName } = value;
  if (typeof name !== "string" || name === "" || name.length > MAX_WORD) return undefined;
  const shown =
    typeof displayName === "string" && displayName.trim() !== "" && displayName.length <= MAX_WORD
      ? displayName
      : name;
  return { name, displayName: shown };
}

function userList(value: unknown): UserChoice[] | undefined {
  if (!Array.isArray(value) || value.length > MAX_ITEMS) return undefined;
  const users: UserChoice[] = [];
  for (const item of value) {
    const user = userChoice(item);
    if (!user) return undefined;
    if (!users.some((known) => known.name === user.name)) users.push(user);
  }
  return users;
}

/** One stored value as a {@link FieldFormValue} (only its own properties), or undefined. */
export function parseStoredFieldValue(value: unknown): FieldFormValue | undefined {
  if (!isRecord(value)) return undefined;
  switch (value.type) {
    case "text":
      return typeof value.value === "string" && value.value.length <= MAX_TEXT
        ? { type: "text", value: value.value }
        : undefined;
    case "ids": {
      const ids = wordList(value.ids);
      return ids && { type: "ids", ids };
    }
    case "labels": {
      const labels = wordList(value.labels);
      return labels && { type: "labels", labels };
    }
    case "users": {
      const users = userList(value.users);
      return users && { type: "users", users };
    }
    default:
      return undefined;
  }
}

/**
 * Stored field values read back entry by entry: entries with an odd field id or a value that isn't
 * a {@link FieldFormValue} are dropped; anything that isn't a map of them gives no values.
 */
export function parseStoredFieldValues(value: unknown): FieldFormValues {
  const values: FieldFormValues = {};
  if (!isRecord(value)) return values;
  const entries = Object.entries(value);
  if (entries.length > MAX_FIELDS) return values;
  for (const [fieldId, stored] of entries) {
    if (!FIELD_ID.test(fieldId)) continue;
    const parsed = parseStoredFieldValue(stored);
    if (parsed) values[fieldId] = parsed;
  }
  return values;
}
