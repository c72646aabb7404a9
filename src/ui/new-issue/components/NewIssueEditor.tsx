import { Spinner } from "@fluentui/react-components";
import { useCallback } from "react";
import type { MailMessage } from "../../../mail/mail-message";
import type { AttachmentPolicy } from "../attachment-choices";
import type { CreateProblems } from "../create-request";
import { effectiveFieldValues, screenKeyOf } from "../create-request";
import { CreateMetaFields } from "../../field-editing/CreateMetaFields";
import type { FieldFormValue, UserSearch } from "../../field-editing/field-form-types";
import type { JiraLoadResult } from "../../use-jira-load";
import type { NewIssueChoices } from "../use-new-issue-choices";
import type { NewIssueState } from "../use-new-issue";
import { AttachmentsSection } from "./AttachmentsSection";
import { DescriptionSection } from "./DescriptionSection";
import { IssueTypePicker } from "./IssueTypePicker";
import { LoadProblemBar } from "./LoadProblemBar";
import type { LoadedList } from "./LoadProblemBar";
import { ProjectPicker } from "./ProjectPicker";
import { RefreshFromJiraButton } from "./RefreshFromJiraButton";
import { SuggestionNote } from "./SuggestionNote";
import { SummaryField } from "./SummaryField";
import { UnfillableFieldsBar } from "./UnfillableFieldsBar";
import { t } from "../../../i18n/translate";

export interface NewIssueEditorProps {
  /** The email's entry; give one `update` for the form's life, so the memoized parts stay put. */
  issue: Pick<NewIssueState, "draft" | "conversion" | "update" | "convert">;
  /** The lists from Jira and what of the draft they allow. */
  choices: NewIssueChoices;
  message: MailMessage;
  policy: AttachmentPolicy;
  /** Not read any more: sizes and dates follow the pane's language (src/i18n/format.ts). */
  locale?: string;
  /** Shown under each part (empty until the user tried to create). */
  problems: CreateProblems;
  /** A create runs: nothing can change. */
  readOnly: boolean;
  jiraBaseUrl: string;
  searchUsers: UserSearch;
  /**
   * Show everything below the Project picker: false in the form's first, light render
   * (useRestAfterFirstRender). Default true.
   */
  rest?: boolean;
}

/**
 * Everything the user edits before Create: where the issue goes (with why it was suggested), the
 * create screen's fields, the summary, the description and the files; all but the Project picker
 * once `rest`.
 */
export function NewIssueEditor({
  issue,
  choices,
  message,
  policy,
  problems,
  readOnly,
  jiraBaseUrl,
  searchUsers,
  rest = true,
}: NewIssueEditorProps) {
  const { draft, conversion, update, convert } = issue;
  const { projects, projectList, projectKey, issueTypes, typeList, issueTypeId } = choices;
  const { fields, screen, unfillable, metadata } = choices;
  const { suggestion } = draft;
  const screenKey = screenKeyOf(projectKey, issueTypeId);
  const suggested =
    suggestion?.projectKey === projectKey && suggestion.issueTypeId === issueTypeId
      ? suggestion
      : undefined;

  const handleProjectChange = useCallback((key: string) => update({ projectKey: key }), [update]);
  const handleIssueTypeChange = useCallback((id: string) => update({ issueTypeId: id }), [update]);
  const handleSummaryChange = useCallback((summary: string) => update({ summary }), [update]);
  const handleFieldChange = (fieldId: string, value: FieldFormValue | undefined) => {
    if (!screen) return;
    update((latest) => {
      const values = { ...effectiveFieldValues(latest, screen, screenKey) };
      if (value === undefined) delete values[fieldId];
      else values[fieldId] = value;
      return { fieldValues: values, fieldDefaultsFor: screenKey };
    });
  };

  return (
    <>
      <ProjectPicker
        projects={projectList}
        value={projectKey}
        disabled={readOnly}
        problem={problems.draft.projectKey}
        onChange={handleProjectChange}
      />
      <LoadFailure what="projects" load={projects} jiraBaseUrl={jiraBaseUrl} />
      {rest && (
        <>
          <IssueTypePicker
            issueTypes={typeList}
            projectChosen={Boolean(projectKey)}
            value={issueTypeId}
            disabled={readOnly}
            problem={problems.draft.issueTypeId}
            onChange={handleIssueTypeChange}
          />
          {suggested && (
            <SuggestionNote
              suggestion={suggested}
              projectName={projectList?.find((project) => project.key === projectKey)?.name}
              senderAddress={message.from?.address}
            />
          )}
          <LoadFailure what="issueTypes" load={issueTypes} jiraBaseUrl={jiraBaseUrl} />
          {projects.status === "loaded" && (
            <RefreshFromJiraButton
              disabled={readOnly || issueTypes.status === "loading" || fields.status === "loading"}
              onRefresh={() => metadata.refresh()}
            />
          )}
          {fields.status === "loading" && (
            <Spinner size="tiny" labelPosition="after" label={t("newIssue.checkingFields")} />
          )}
          <LoadFailure what="fields" load={fields} jiraBaseUrl={jiraBaseUrl} />
          {unfillable.length > 0 && <UnfillableFieldsBar names={unfillable} />}
          <SummaryField
            value={draft.summary}
            problem={problems.draft.summary}
            readOnly={readOnly}
            onChange={handleSummaryChange}
          />
          {screen && (
            <CreateMetaFields
              screen={screen}
              values={effectiveFieldValues(draft, screen, screenKey)}
              problems={problems.fields}
              disabled={readOnly}
              onChange={handleFieldChange}
              searchUsers={searchUsers}
            />
          )}
          <DescriptionSection
            draft={draft}
            conversion={conversion}
            readOnly={readOnly}
            onChange={update}
            onConvert={convert}
          />
          <AttachmentsSection
            message={message}
            draft={draft}
            policy={policy}
            problem={problems.attachments}
            disabled={readOnly}
            onChange={update}
          />
        </>
      )}
    </>
  );
}

/** The problem bar of a list that failed to load (`what`, e.g. the projects); nothing otherwise. */
function LoadFailure({
  what,
  load,
  jiraBaseUrl,
}: {
  what: LoadedList;
  load: JiraLoadResult<unknown>;
  jiraBaseUrl: string;
}) {
  if (load.status !== "failed") return null;
  return (
    <LoadProblemBar what={what} error={load.error} jiraBaseUrl={jiraBaseUrl} onRetry={load.retry} />
  );
}
