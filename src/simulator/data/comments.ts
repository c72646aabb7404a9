/**
 * Validation of `POST /rest/api/2/issue/{key}/comment` (OpenAPI `addComment`, body
 * `CommentJsonBean`). Jira puts comment problems under `errors.comment` (body) and
 * `errors.commentLevel` (visibility), and only lets you restrict a comment to a group or project
 * role you are in yourself. The body's `properties` (EntityPropertyBean `{key, value}`, stored
 * with the comment) follow the entity property rules; their problems land in `errorMessages`.
 */
import type { SimulatorUser } from "../simulator-contract";
import { CATALOG } from "./catalog";
import { readEntityProperties } from "./issue-properties";
import { isInGroup, isInRole, knownGroups } from "./permissions";
import type { CommentVisibility, ProjectDef } from "./types";

const BODY_LIMIT = 32767;

export type CommentValidation =
  | {
      ok: true;
      body: string;
      visibility: CommentVisibility | undefined;
      /** Comment properties to store with it, in the order sent (a repeated key: the last wins). */
      properties: Array<{ key: string; value: unknown }>;
    }
  | { ok: false; errorMessages: string[]; errors: Record<string, string> };

/** Checks a comment `user` wants to add in `project`: its text and visibility, then its properties. */
export function validateComment(
  body: unknown,
  user: SimulatorUser,
  project: ProjectDef
): CommentValidation {
  const input = isObject(body) ? body : {};
  const errorMessages: string[] = [];
  const properties = readEntityProperties(input.properties, errorMessages);
  const checked = checkTextAndVisibility(input, user, project);
  if ("errors" in checked) {
    return { ok: false, errorMessages, errors: checked.errors };
  }
  if (errorMessages.length > 0) {
    return { ok: false, errorMessages, errors: {} };
  }
  return { ok: true, ...checked, properties };
}

type TextAndVisibility =
  { body: string; visibility: CommentVisibility | undefined } | { errors: Record<string, string> };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function checkTextAndVisibility(
  input: Record<string, unknown>,
  user: SimulatorUser,
  project: ProjectDef
): TextAndVisibility {
  const text = input.body;
  if (typeof text !== "string" || text.trim() === "") {
    return { errors: { comment: "Comment body can not be empty!" } };
  }
  if (text.length > BODY_LIMIT) {
    return {
      errors: {
        comment: "The entered text is too long. It exceeds the allowed limit of 32,767 characters.",
      },
    };
  }
  if (input.visibility === undefined || input.visibility === null) {
    return { body: text, visibility: undefined };
  }
  const visibility = isObject(input.visibility) ? input.visibility : {};
  const type = visibility.type;
  const value = typeof visibility.value === "string" ? visibility.value : "";
  if (type === "group") {
    const group = knownGroups().find((name) => name.toLowerCase() === value.toLowerCase());
    if (!group) {
      return { errors: { commentLevel: `Group: ${value} does not exist.` } };
    }
    if (!isInGroup(user, group)) {
      return {
        errors: { commentLevel: `You are currently not a member of the group: ${group}.` },
      };
    }
    return { body: text, visibility: { type: "group", value: group } };
  }
  if (type === "role") {
    const role =
      CATALOG.role(value) ?? CATALOG.roles.find((candidate) => String(candidate.id) === value);
    if (!role) {
      return { errors: { commentLevel: `Project role: ${value} does not exist.` } };
    }
    if (!isInRole(user, project, role.name)) {
      return {
        errors: {
          commentLevel: `You are currently not a member of the project role: ${role.name}.`,
        },
      };
    }
    return { body: text, visibility: { type: "role", value: role.name } };
  }
  return {
    errors: {
      commentLevel: `Visibility type '${String(type)}' is invalid: use 'group' or 'role'.`,
    },
  };
}
