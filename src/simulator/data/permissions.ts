/**
 * Who may see what. The simulator's permission scheme is deliberately small: a project is visible
 * to the groups in its `browseGroups`; assignable users are the project's "Developers" role;
 * comment visibility is by group or project role membership, as in Jira.
 */
import { SIMULATOR_USERS } from "../simulator-contract";
import type { SimulatorUser } from "../simulator-contract";
import type { CommentVisibility, ProjectDef } from "./types";

/** Every group some simulator user is in (Jira's group list). */
export function knownGroups(): string[] {
  return [...new Set(SIMULATOR_USERS.flatMap((user) => user.groups))].sort();
}

/** A user by username, case-insensitively (Jira usernames are case-insensitive). */
export function findUserByName(name: string): SimulatorUser | undefined {
  const wanted = name.toLowerCase();
  return SIMULATOR_USERS.find((user) => user.name.toLowerCase() === wanted);
}

/** A user by user key. */
export function findUserByKey(key: string): SimulatorUser | undefined {
  return SIMULATOR_USERS.find((user) => user.key === key);
}

export function isInGroup(user: SimulatorUser, group: string): boolean {
  return user.groups.some((candidate) => candidate.toLowerCase() === group.toLowerCase());
}

/** Browse Projects permission; anonymous users browse nothing (no anonymous access configured). */
export function canBrowse(user: SimulatorUser | undefined, project: ProjectDef): boolean {
  return user !== undefined && project.browseGroups.some((group) => isInGroup(user, group));
}

/** Whether `user` is in project role `roleName` in `project` (directly or through a group). */
export function isInRole(user: SimulatorUser, project: ProjectDef, roleName: string): boolean {
  const entry = Object.entries(project.roles).find(
    ([name]) => name.toLowerCase() === roleName.toLowerCase()
  );
  if (!entry) {
    return false;
  }
  const actors = entry[1];
  return actors.users.includes(user.key) || actors.groups.some((group) => isInGroup(user, group));
}

/** Users with the Assignable User permission: the "Developers" role, in the contract's order. */
export function assignableUsers(project: ProjectDef): SimulatorUser[] {
  return SIMULATOR_USERS.filter((user) => isInRole(user, project, "Developers"));
}

/** Whether a comment with `visibility` may be read by `user` (no visibility: everyone who browses). */
export function canSeeComment(
  user: SimulatorUser | undefined,
  project: ProjectDef,
  visibility: CommentVisibility | undefined
): boolean {
  if (!visibility) {
    return true;
  }
  if (!user) {
    return false;
  }
  return visibility.type === "group"
    ? isInGroup(user, visibility.value)
    : isInRole(user, project, visibility.value);
}
