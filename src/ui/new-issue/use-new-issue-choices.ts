import type { CreateMetaIssueType, JiraProject } from "../../jira/jira-types";
import type { CreateScreen } from "../field-editing/field-form-types";
import type { NewIssueDraft } from "./new-issue-draft";
import {
  chosenIssueTypeId,
  chosenProjectKey,
  creatableIssueTypes,
  loadCreateScreen,
  peekCreateScreen,
} from "./new-issue-choices";
import type { JiraSession } from "../ports";
import { useJiraLoad } from "../use-jira-load";
import type { JiraLoadResult } from "../use-jira-load";
import { useJiraMetadata, useMetadataRevision } from "../use-jira-metadata";
import type { JiraMetadata } from "../jira-metadata";

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
  /** Where the lists come from (and are kept): "Refresh fields from Jira" and failed creates use it. */
  metadata: JiraMetadata;
}

/**
 * Loads the projects, the chosen project's issue types and the chosen issue type's create screen
 * through the pane's {@link JiraMetadata} (kept between page loads, asked through
 * `session.withJira`), each once per entry revision, starting only while `signedIn`.
 */
export function useNewIssueChoices(
  session: Pick<JiraSession, "withJira">,
  draft: Pick<NewIssueDraft, "projectKey" | "issueTypeId">,
  signedIn: boolean
): NewIssueChoices {
  const metadata = useJiraMetadata(session);

  const projectsRevision = useMetadataRevision(metadata, { kind: "projects" });
  // Each list is peeked from the cache first: a returning user's form is whole in its first render.
  const projects = useJiraLoad(
    `projects#${projectsRevision}`,
    signedIn,
    () => metadata.projects(),
    () => metadata.peek({ kind: "projects" })
  );
  const projectList = projects.status === "loaded" ? projects.value : undefined;
  const projectKey = chosenProjectKey(projectList, draft.projectKey);

  const typesRevision = useMetadataRevision(
    metadata,
    projectKey ? { kind: "issue-types", projectKey } : null
  );
  const issueTypes = useJiraLoad(
    projectKey ? `issue-types:${projectKey}#${typesRevision}` : null,
    signedIn,
    () => metadata.issueTypes(projectKey),
    () => metadata.peek({ kind: "issue-types", projectKey })
  );
  const typeList =
    issueTypes.status === "loaded" ? creatableIssueTypes(issueTypes.value) : undefined;
  const issueTypeId = chosenIssueTypeId(typeList, draft.issueTypeId);

  const screenChosen = Boolean(projectKey && issueTypeId);
  const fieldsRevision = useMetadataRevision(
    metadata,
    screenChosen ? { kind: "fields", projectKey, issueTypeId } : null
  );
  const fields = useJiraLoad(
    screenChosen ? `fields:${projectKey}:${issueTypeId}#${fieldsRevision}` : null,
    signedIn,
    () => loadCreateScreen(metadata, projectKey, issueTypeId),
    () => peekCreateScreen(metadata, projectKey, issueTypeId)
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
    metadata,
  };
}
