import { Field } from "@fluentui/react-components";
import { memo } from "react";
import type { JiraProject } from "../../../jira/jira-types";
import { projectOptionText } from "../new-issue-choices";
import { SearchablePicker } from "./SearchablePicker";
import { t } from "../../../i18n/translate";

export interface ProjectPickerProps {
  /** Undefined while loading (or when loading failed). */
  projects: JiraProject[] | undefined;
  value: string;
  disabled: boolean;
  problem?: string;
  onChange(projectKey: string): void;
}

/**
 * "Project": the projects as "Customer Support (SUP)", searchable; values are project keys.
 * Memoized: the form renders again for every list that arrives while the pane starts.
 */
export const ProjectPicker = memo(function ProjectPicker({
  projects,
  value,
  disabled,
  problem,
  onChange,
}: ProjectPickerProps) {
  const options = projects?.map((project) => ({
    value: project.key,
    text: projectOptionText(project),
  }));
  return (
    <Field label={t("newIssue.projectLabel")} required validationMessage={problem}>
      <SearchablePicker
        options={options}
        listName={t("newIssue.projectLabel")}
        value={value}
        placeholder={projects ? t("newIssue.projectPlaceholder") : t("newIssue.loadingProjects")}
        disabled={disabled || !projects}
        onChange={onChange}
      />
    </Field>
  );
});
