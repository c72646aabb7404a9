/**
 * What the New issue form may offer and keep chosen, given the lists Jira returned. Plain data
 * rules (no React), so they run in Node tests; use-new-issue-choices.ts loads the lists.
 */
import type { CreateMetaIssueType, JiraProject } from "../jira/jira-types";

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

/**
 * The options whose text contains every word typed (any order, ignoring case and accents), so
 * "sup cust" and "Support" both find "Customer Support (SUP)". A blank query keeps them all.
 */
export function filterOptions(options: readonly PickerOption[], query: string): PickerOption[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...options];
  return options.filter((option) => {
    const text = fold(option.text);
    return words.every((word) => text.includes(word));
  });
}

function fold(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLocaleLowerCase();
}
