/**
 * Validation of `POST /rest/api/2/issue/{key}/comment` (OpenAPI `addComment`, body
 * `CommentJsonBean`). Jira puts comment problems under `errors.comment` (body) and
 * `errors.commentLevel` (visibility), and only lets you restrict a comment to a group or project
 * role you are in yourself.
 */
import type { SimulatorUser } from "../simulator-contract";
import { CATALOG } from "./catalog";
import { isInGroup, isInRole, knownGroups } from "./permissions";
import type { CommentVisibility, ProjectDef } from "./types";

const BODY_LIMIT = 32767;

export type CommentValidation =
  | { ok: true; body: string; visibility: CommentVisibility | undefined }
  | { ok: false; errors: Record<string, string> };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Checks a comment `user` wants to add in `project`. */
export function validateComment(
  body: unknown,
  user: SimulatorUser,
  project: ProjectDef
): CommentValidation {
  const input = isObject(body) ? body : {};
  const text = input.body;
  if (typeof text !== "string" || text.trim() === "") {
    return { ok: false, errors: { comment: "Comment body can not be empty!" } };
  }
  if (text.length > BODY_LIMIT) {
    return {
      ok: false,
      errors: {
        comment: "The entered text is too long. It exceeds the allowed limit of 32,767 characters.",
      },
    };
  }
  if (input.visibility === undefined || input.visibility === null) {
    return { ok: true, body: text, visibility: undefined };
  }
  const visibility = isObject(input.visibility) ? input.visibility : {};
  const type = visibility.type;
  const value = typeof visibility.value === "string" ? visibility.value : "";
  if (type === "group") {
    const group = knownGroups().find((name) => name.toLowerCase() === value.toLowerCase());
    if (!group) {
      return { ok: false, errors: { commentLevel: `Group: ${value} does not exist.` } };
    }
    if (!isInGroup(user, group)) {
      return {
        ok: false,
        errors: { commentLevel: `You are currently not a member of the group: ${group}.` },
      };
    }
    return { ok: true, body: text, visibility: { type: "group", value: group } };
  }
  if (type === "role") {
    const role =
      CATALOG.role(value) ?? CATALOG.roles.find((candidate) => String(candidate.id) === value);
    if (!role) {
      return { ok: false, errors: { commentLevel: `Project role: ${value} does not exist.` } };
    }
    if (!isInRole(user, project, role.name)) {
      return {
        ok: false,
        errors: {
          commentLevel: `You are currently not a member of the project role: ${role.name}.`,
        },
      };
    }
    return { ok: true, body: text, visibility: { type: "role", value: role.name } };
  }
  return {
    ok: false,
    errors: {
      commentLevel: `Visibility type '${String(type)}' is invalid: use 'group' or 'role'.`,
    },
  };
}
