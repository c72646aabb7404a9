import { Field } from "@fluentui/react-components";
import { memo } from "react";
import type { CreateMetaIssueType } from "../../../jira/jira-types";
import { SearchablePicker } from "./SearchablePicker";
import { sameProps } from "./same-props";
import { t } from "../../../i18n/translate";

export interface IssueTypePickerProps {
  /** Undefined while loading (or when loading failed, or no project is chosen). */
  issueTypes: CreateMetaIssueType[] | undefined;
  projectChosen: boolean;
  value: string;
  disabled: boolean;
  problem?: string;
  onChange(issueTypeId: string): void;
}

/**
 * "Issue type": the chosen project's issue types by name, searchable; values are their ids.
 * Memoized (the list is filtered again on every render of the form: compared item by item).
 */
export const IssueTypePicker = memo(function IssueTypePicker({
  issueTypes,
  projectChosen,
  value,
  disabled,
  problem,
  onChange,
}: IssueTypePickerProps) {
  const placeholder = !projectChosen
    ? t("newIssue.chooseProjectFirst")
    : issueTypes
      ? t("newIssue.issueTypePlaceholder")
      : t("newIssue.loadingIssueTypes");
  const options = issueTypes?.map((type) => ({ value: type.id, text: type.name }));
  return (
    <Field label={t("newIssue.issueTypeLabel")} required validationMessage={problem}>
      <SearchablePicker
        options={options}
        listName={t("newIssue.issueTypeLabel")}
        value={value}
        placeholder={placeholder}
        disabled={disabled || !issueTypes}
        onChange={onChange}
      />
    </Field>
  );
}, sameProps);
