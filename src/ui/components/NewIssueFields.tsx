import { Field, Input, Spinner, Textarea } from "@fluentui/react-components";
import { focusIfLost } from "../focus";
import type { DraftProblems, NewIssueDraft } from "../new-issue-draft";
import type { DraftChanges } from "../new-issue-store";
import type { NewIssueChoices } from "../use-new-issue-choices";
import { IssueTypeSelect } from "./IssueTypeSelect";
import { LoadProblemBar } from "./LoadProblemBar";
import { ProjectSelect } from "./ProjectSelect";
import { UnfillableFieldsBar } from "./UnfillableFieldsBar";

export interface NewIssueFieldsProps {
  draft: Pick<NewIssueDraft, "summary" | "description">;
  /** The lists from Jira and what of the draft they allow. */
  choices: NewIssueChoices;
  /** Shown under each field (empty until the user tried to create). */
  problems: DraftProblems;
  /** A create runs: nothing can change. */
  creating: boolean;
  jiraBaseUrl: string;
  onChange(changes: DraftChanges): void;
}

/**
 * Project, issue type, summary and description, each in a labelled Field, with why a list could
 * not be loaded and which required fields the form can't fill.
 */
export function NewIssueFields({
  draft,
  choices,
  problems,
  creating,
  jiraBaseUrl,
  onChange,
}: NewIssueFieldsProps) {
  const { projects, projectList, projectKey, issueTypes, typeList, issueTypeId } = choices;
  const { fields, unfillable } = choices;
  const handleProjectChange = (value: string) => onChange({ projectKey: value });
  const handleIssueTypeChange = (value: string) => onChange({ issueTypeId: value });
  const handleSummaryChange = (_event: unknown, data: { value: string }) =>
    onChange({ summary: data.value });
  const handleDescriptionChange = (_event: unknown, data: { value: string }) =>
    onChange({ description: data.value });

  return (
    <>
      <Field label="Project" required validationMessage={problems.projectKey}>
        <ProjectSelect
          projects={projectList}
          value={projectKey}
          disabled={creating || !projectList}
          onChange={handleProjectChange}
        />
      </Field>
      {projects.status === "failed" && (
        <LoadProblemBar
          what="projects"
          error={projects.error}
          jiraBaseUrl={jiraBaseUrl}
          onRetry={projects.retry}
        />
      )}
      <Field label="Issue type" required validationMessage={problems.issueTypeId}>
        <IssueTypeSelect
          issueTypes={typeList}
          projectChosen={Boolean(projectKey)}
          value={issueTypeId}
          disabled={creating || !typeList}
          onChange={handleIssueTypeChange}
        />
      </Field>
      {issueTypes.status === "failed" && (
        <LoadProblemBar
          what="issue types"
          error={issueTypes.error}
          jiraBaseUrl={jiraBaseUrl}
          onRetry={issueTypes.retry}
        />
      )}
      {fields.status === "loading" && (
        <Spinner size="tiny" labelPosition="after" label="Checking the issue type's fields…" />
      )}
      {fields.status === "failed" && (
        <LoadProblemBar
          what="fields of this issue type"
          error={fields.error}
          jiraBaseUrl={jiraBaseUrl}
          onRetry={fields.retry}
        />
      )}
      {unfillable.length > 0 && <UnfillableFieldsBar names={unfillable} />}
      <Field label="Summary" required validationMessage={problems.summary}>
        {/* Back from "Created SUP-12" (its New issue button is gone), focus lands here. */}
        <Input
          ref={focusIfLost}
          value={draft.summary}
          readOnly={creating}
          dir="auto"
          onChange={handleSummaryChange}
        />
      </Field>
      <Field label="Description">
        <Textarea
          value={draft.description}
          readOnly={creating}
          dir="auto"
          rows={6}
          resize="vertical"
          onChange={handleDescriptionChange}
        />
      </Field>
    </>
  );
}
