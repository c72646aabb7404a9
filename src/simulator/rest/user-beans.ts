/**
 * User beans (OpenAPI `UserJsonBean` inside issues and comments, `UserBean` for `myself` and user
 * searches). Avatars use Jira's default avatar servlet URLs.
 */
import type { SimulatorSettings, SimulatorUser } from "../simulator-contract";
import { apiUrl, baseUrl } from "./rest-context";

/** Jira's four avatar sizes. */
function avatarUrls(settings: SimulatorSettings, user: SimulatorUser): Record<string, string> {
  const url = (size: string) =>
    `${baseUrl(settings)}/secure/useravatar?size=${size}&ownerId=${encodeURIComponent(user.key)}`;
  return {
    "48x48": url("large"),
    "24x24": url("small"),
    "16x16": url("xsmall"),
    "32x32": url("medium"),
  };
}

/** The user as Jira embeds it in issues, comments and user searches. */
export function userBean(settings: SimulatorSettings, user: SimulatorUser) {
  return {
    self: apiUrl(settings, `user?username=${encodeURIComponent(user.name)}`),
    key: user.key,
    name: user.name,
    emailAddress: user.emailAddress,
    avatarUrls: avatarUrls(settings, user),
    displayName: user.displayName,
    active: true,
    deleted: false,
    timeZone: "UTC",
    locale: "en_US",
  };
}

/** `GET myself`: the user plus group and application role counts (items only with ?expand). */
export function myselfBean(settings: SimulatorSettings, user: SimulatorUser, expand: string[]) {
  const withGroups = expand.includes("groups");
  return {
    ...userBean(settings, user),
    groups: {
      size: user.groups.length,
      items: withGroups
        ? user.groups.map((name) => ({
            name,
            self: apiUrl(settings, `group?groupname=${encodeURIComponent(name)}`),
          }))
        : [],
    },
    applicationRoles: { size: 1, items: [] },
    expand: "groups,applicationRoles",
  };
}
