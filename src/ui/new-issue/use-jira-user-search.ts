import { useCallback } from "react";
import type { UserSearch } from "../field-editing/field-form-types";
import type { JiraSession } from "../ports";

const MAX_USERS = 20;

/**
 * The user search of the field editors, through `session.withJira`: the assignee among the users
 * Jira lets be assigned in the project, any other user field among all users.
 */
export function useJiraUserSearch(
  session: Pick<JiraSession, "withJira">,
  projectKey: string
): UserSearch {
  return useCallback(
    (editable, query) =>
      session
        .withJira((client) =>
          editable.field.fieldId === "assignee"
            ? client.assignableUsers({
                project: projectKey,
                username: query,
                maxResults: MAX_USERS,
              })
            : client.searchUsers({ username: query, maxResults: MAX_USERS })
        )
        .then((users) =>
          users.map((user) => ({ name: user.name, displayName: user.displayName || user.name }))
        ),
    [session, projectKey]
  );
}
