import type { CreateMetaIssueType, JiraProject } from "../../jira/jira-types";
import { createScreenOf } from "../field-editing/field-kinds";
import type { CreateScreen } from "../field-editing/field-form-types";
import type { NewIssueDraft } from "./new-issue-draft";
import { chosenIssueTypeId, chosenProjectKey, creatableIssueTypes } from "./new-issue-choices";
import type { JiraSession } from "../ports";
import { useJiraLoad } from "../use-jira-load";
import type { JiraLoadResult } from "../use-jira-load";

/** The lists the New issue form offers, and what of the draft they still allow. */
export interface NewIssueChoices {
  projects: JiraLoadResult<JiraProject[]>;
  /** Undefined until the projects are loaded. */
  projectList: JiraProject[] | undefined;
  /** The draft's project, or "" when Jira no longer offers it. */
  projectKey: string;
  issueTypes: JiraLoadResult<CreateMetaIssueType[]>;
  /** The chosen project's issue types without sub-tasks; undefined until loaded. */
  typeList: CreateMetaIssueType[] | undefined;
  /** The draft's issue type, or "" when the project no longer offers it. */
  issueTypeId: string;
  /** The create screen of the chosen project and issue type, as Jira sent it. */
  fields: JiraLoadResult<CreateScreen>;
  /** The screen once loaded. */
  screen: CreateScreen | undefined;
  /** Required fields the form can't fill: Jira would refuse the issue (empty while unknown). */
  unfillable: string[];
}

/**
 * Loads, through `session.withJira`, the projects, the chosen project's issue types and the
 * chosen issue type's create screen, each once, starting only while `signedIn`.
 */
export function useNewIssueChoices(
  session: Pick<JiraSession, "withJira">,
  draft: Pick<NewIssueDraft, "projectKey" | "issueTypeId">,
  signedIn: boolean
): NewIssueChoices {
  const projects = useJiraLoad("projects", signedIn, () =>
    session.withJira((client) => client.projects())
  );
  const projectList = projects.status === "loaded" ? projects.value : undefined;
  const projectKey = chosenProjectKey(projectList, draft.projectKey);

  const issueTypes = useJiraLoad(projectKey ? `issue-types:${projectKey}` : null, signedIn, () =>
    session.withJira((client) => client.createMetaIssueTypes(projectKey))
  );
  const typeList =
    issueTypes.status === "loaded" ? creatableIssueTypes(issueTypes.value) : undefined;
  const issueTypeId = chosenIssueTypeId(typeList, draft.issueTypeId);

  const fields = useJiraLoad(
    projectKey && issueTypeId ? `fields:${projectKey}:${issueTypeId}` : null,
    signedIn,
    () =>
      session
        .withJira((client) => client.createMetaFields(projectKey, issueTypeId))
        .then(createScreenOf)
  );
  const screen = fields.status === "loaded" ? fields.value : undefined;

  return {
    projects,
    projectList,
    projectKey,
    issueTypes,
    typeList,
    issueTypeId,
    fields,
    screen,
    unfillable: screen?.unfillableRequired ?? [],
  };
}
