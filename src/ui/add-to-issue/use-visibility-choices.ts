import { commentVisibilityChoices } from "../../jira/issue-lookup";
import type { VisibilityChoice } from "../../jira/issue-lookup";
import type { JiraSession } from "../ports";
import { useJiraLoad } from "../use-jira-load";
import type { JiraLoadResult } from "../use-jira-load";

/**
 * The roles and groups a comment on an issue of `projectKey` may be restricted to, loaded once per
 * project through `session.withJira` while signed in; idle while no issue is chosen.
 */
export function useVisibilityChoices(
  session: Pick<JiraSession, "withJira">,
  projectKey: string | undefined,
  signedIn: boolean
): JiraLoadResult<VisibilityChoice[]> {
  return useJiraLoad(projectKey ? `visibility:${projectKey}` : null, signedIn, () =>
    session.withJira((client) => commentVisibilityChoices(client, projectKey as string))
  );
}
