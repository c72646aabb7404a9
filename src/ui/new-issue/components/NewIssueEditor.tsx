import { Spinner } from "@fluentui/react-components";
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
import { ProjectPicker } from "./ProjectPicker";
import { RefreshFromJiraButton } from "./RefreshFromJiraButton";
import { SuggestionNote } from "./SuggestionNote";
import { SummaryField } from "./SummaryField";
import { UnfillableFieldsBar } from "./UnfillableFieldsBar";

export interface NewIssueEditorProps {
  issue: Pick<NewIssueState, "draft" | "conversion" | "update" | "convert">;
  /** The lists from Jira and what of the draft they allow. */
  choices: NewIssueChoices;
  message: MailMessage;
  policy: AttachmentPolicy;
  locale: string;
  /** Shown under each part (empty until the user tried to create). */
  problems: CreateProblems;
  /** A create runs: nothing can change. */
  readOnly: boolean;
  jiraBaseUrl: string;
  searchUsers: UserSearch;
}

/**
 * Everything the user edits before Create: where the issue goes (with why it was suggested), the
 * create screen's fields, the summary, the description and the files.
 */
export function NewIssueEditor({
  issue,
  choices,
  message,
  policy,
  locale,
  problems,
  readOnly,
  jiraBaseUrl,
  searchUsers,
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
        onChange={(key) => update({ projectKey: key })}
      />
      <LoadFailure what="projects" load={projects} jiraBaseUrl={jiraBaseUrl} />
      <IssueTypePicker
        issueTypes={typeList}
        projectChosen={Boolean(projectKey)}
        value={issueTypeId}
        disabled={readOnly}
        problem={problems.draft.issueTypeId}
        onChange={(id) => update({ issueTypeId: id })}
      />
      {suggested && (
        <SuggestionNote
          suggestion={suggested}
          projectName={projectList?.find((project) => project.key === projectKey)?.name}
          senderAddress={message.from?.address}
        />
      )}
      <LoadFailure what="issue types" load={issueTypes} jiraBaseUrl={jiraBaseUrl} />
      {projects.status === "loaded" && (
        <RefreshFromJiraButton
          disabled={readOnly || issueTypes.status === "loading" || fields.status === "loading"}
          onRefresh={() => metadata.refresh()}
        />
      )}
      {fields.status === "loading" && (
        <Spinner size="tiny" labelPosition="after" label="Checking the issue type's fields…" />
      )}
      <LoadFailure what="fields of this issue type" load={fields} jiraBaseUrl={jiraBaseUrl} />
      {unfillable.length > 0 && <UnfillableFieldsBar names={unfillable} />}
      <SummaryField
        value={draft.summary}
        problem={problems.draft.summary}
        readOnly={readOnly}
        onChange={(summary) => update({ summary })}
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
        locale={locale}
        problem={problems.attachments}
        disabled={readOnly}
        onChange={update}
      />
    </>
  );
}

/** The problem bar of a list that failed to load (`what`, e.g. "projects"); nothing otherwise. */
function LoadFailure({
  what,
  load,
  jiraBaseUrl,
}: {
  what: string;
  load: JiraLoadResult<unknown>;
  jiraBaseUrl: string;
}) {
  if (load.status !== "failed") return null;
  return (
    <LoadProblemBar what={what} error={load.error} jiraBaseUrl={jiraBaseUrl} onRetry={load.retry} />
  );
}
