/**
 * What the New issue form may offer and keep chosen, given the lists Jira returned. Plain data
 * rules (no React), so they run in Node tests; use-new-issue-choices.ts loads the lists (through
 * {@link loadCreateScreen} for the create screen).
 */
import type { CreateMetaIssueType, JiraProject } from "../../jira/jira-types";
import { createScreenOf } from "../field-editing/field-kinds";
import type { CreateScreen } from "../field-editing/field-form-types";
import type { JiraMetadata } from "../jira-metadata";

/**
 * The draft's project when it is still in the loaded list; "" when it is gone (or no longer
 * visible to this account). While the list loads (undefined), the draft's project stands.
 */
export function chosenProjectKey(
  projects: readonly Pick<JiraProject, "key">[] | undefined,
  projectKey: string
): string {
  return projects && !projects.some((project) => project.key === projectKey) ? "" : projectKey;
}

/** The issue types the form can create: sub-tasks need a parent issue, which it doesn't ask for. */
export function creatableIssueTypes(types: readonly CreateMetaIssueType[]): CreateMetaIssueType[] {
  return types.filter((type) => !type.subtask);
}

/** The draft's issue type when the loaded list still offers it; "" otherwise (as for projects). */
export function chosenIssueTypeId(
  types: readonly Pick<CreateMetaIssueType, "id">[] | undefined,
  issueTypeId: string
): string {
  return types && !types.some((type) => type.id === issueTypeId) ? "" : issueTypeId;
}

/** A project as the picker shows it: "Customer Support (SUP)". */
export function projectOptionText(project: Pick<JiraProject, "key" | "name">): string {
  return `${project.name} (${project.key})`;
}

/** One choice of a searchable picker. */
export interface PickerOption {
  value: string;
  text: string;
}

/** The create screen of a project and issue type, from the pane's metadata (the form's loader). */
export async function loadCreateScreen(
  metadata: Pick<JiraMetadata, "fields">,
  projectKey: string,
  issueTypeId: string
): Promise<CreateScreen> {
  return createScreenOf(await metadata.fields(projectKey, issueTypeId));
}

/** The create screen from the kept fields, when they are kept (see {@link JiraMetadata.peek}). */
export function peekCreateScreen(
  metadata: Pick<JiraMetadata, "peek">,
  projectKey: string,
  issueTypeId: string
): CreateScreen | undefined {
  const fields = metadata.peek({ kind: "fields", projectKey, issueTypeId });
  return fields && createScreenOf(fields);
}
