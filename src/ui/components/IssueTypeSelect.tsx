import { Select } from "@fluentui/react-components";
import type { CreateMetaIssueType } from "../../jira/jira-types";

export interface IssueTypeSelectProps {
  /** Undefined while loading (or when loading failed, or no project is chosen). */
  issueTypes: CreateMetaIssueType[] | undefined;
  projectChosen: boolean;
  value: string;
  disabled: boolean;
  onChange(value: string): void;
}

/** The issue types of the chosen project; values are issue type ids. Put it in a Field. */
export function IssueTypeSelect({
  issueTypes,
  projectChosen,
  value,
  disabled,
  onChange,
}: IssueTypeSelectProps) {
  const placeholder = !projectChosen
    ? "Choose a project first"
    : issueTypes
      ? "Choose an issue type"
      : "Loading issue types…";
  const handleChange = (_event: unknown, data: { value: string }) => onChange(data.value);
  return (
    <Select value={value} disabled={disabled} onChange={handleChange}>
      <option value="" disabled>
        {placeholder}
      </option>
      {issueTypes?.map((type) => (
        <option key={type.id} value={type.id}>
          {type.name}
        </option>
      ))}
    </Select>
  );
}
