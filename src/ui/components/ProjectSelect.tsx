import { Select } from "@fluentui/react-components";
import type { JiraProject } from "../../jira/jira-types";

export interface ProjectSelectProps {
  /** Undefined while loading (or when loading failed). */
  projects: JiraProject[] | undefined;
  value: string;
  disabled: boolean;
  onChange(value: string): void;
}

/**
 * The projects as a native select (keyboard-friendly, type-ahead); values are project keys. Put it
 * in a Field: the Field's label names it.
 */
export function ProjectSelect({ projects, value, disabled, onChange }: ProjectSelectProps) {
  const handleChange = (_event: unknown, data: { value: string }) => onChange(data.value);
  return (
    <Select value={value} disabled={disabled} onChange={handleChange}>
      <option value="" disabled>
        {projects ? "Choose a project" : "Loading projects…"}
      </option>
      {projects?.map((project) => (
        <option key={project.key} value={project.key}>
          {`${project.name} (${project.key})`}
        </option>
      ))}
    </Select>
  );
}
