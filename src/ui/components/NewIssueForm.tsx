import {
  Button,
  Field,
  Input,
  Link,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Text,
  Textarea,
  makeStyles,
  tokens,
  useId,
} from "@fluentui/react-components";
import { useEffect, useEffectEvent, useRef, useState } from "react";
import type { FormEvent } from "react";
import { createIssueOnce } from "../../jira/create-issue-once";
import type { CreateMetaIssueType, JiraProject } from "../../jira/jira-types";
import type { MailMessage } from "../../mail/mail-message";
import { noticeForError } from "../../session/session-notices";
import type { DraftStore, JiraSession, SessionNotice } from "../ports";
import { fieldsThePaneCannotFill, isValidDraft, validateDraft } from "../new-issue-draft";
import { useNewIssueDraft } from "../use-new-issue-draft";
import { NoticeMessageBar } from "./SessionNoticeBar";

const useStyles = makeStyles({
  form: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    marginInline: tokens.spacingHorizontalL,
  },
  actions: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalM },
  wrap: { overflowWrap: "anywhere" },
});

type CreatedIssue = Awaited<ReturnType<typeof createIssueOnce>>;

type Submission =
  | { status: "idle" }
  | { status: "creating" }
  | { status: "created"; issue: CreatedIssue }
  | { status: "failed"; error: unknown };

export interface NewIssueFormProps {
  session: JiraSession;
  drafts: DraftStore;
  /** The email the issue is made from (mount one form per email: key it by `itemId`). */
  message: MailMessage;
  jiraBaseUrl: string;
  /** Connected now: loading starts only then (work already started waits through a new sign-in). */
  signedIn: boolean;
  /** The connection ended: a create in progress waits for the new sign-in. */
  connectionEnded: boolean;
}

/**
 * The New issue form: project, issue type, summary, description. What is typed lives in the
 * DraftStore (useNewIssueDraft), so no failure, sign-out or reload loses it; the create goes
 * through `session.withJira`, so it waits through a new sign-in when Jira ends the connection.
 */
export function NewIssueForm({
  session,
  drafts,
  message,
  jiraBaseUrl,
  signedIn,
  connectionEnded,
}: NewIssueFormProps) {
  const styles = useStyles();
  const headingId = useId("new-issue-heading");
  const { draft, update, finish } = useNewIssueDraft(drafts, message);
  const [submission, setSubmission] = useState<Submission>({ status: "idle" });
  const [showProblems, setShowProblems] = useState(false);

  const projects = useJiraLoad("projects", signedIn, () =>
    session.withJira((client) => client.projects())
  );
  const projectList = projects.status === "loaded" ? projects.value : undefined;
  // A remembered project that is gone (or no longer visible to this account) counts as none.
  const projectKey =
    projectList && !projectList.some((project) => project.key === draft.projectKey)
      ? ""
      : draft.projectKey;

  const issueTypes = useJiraLoad(projectKey ? `issue-types:${projectKey}` : null, signedIn, () =>
    session.withJira((client) => client.createMetaIssueTypes(projectKey))
  );
  // Sub-tasks need a parent issue, which this form doesn't ask for.
  const typeList =
    issueTypes.status === "loaded" ? issueTypes.value.filter((type) => !type.subtask) : undefined;
  const issueTypeId =
    typeList && !typeList.some((type) => type.id === draft.issueTypeId) ? "" : draft.issueTypeId;

  const fields = useJiraLoad(
    projectKey && issueTypeId ? `fields:${projectKey}:${issueTypeId}` : null,
    signedIn,
    () => session.withJira((client) => client.createMetaFields(projectKey, issueTypeId))
  );
  const unfillable = fields.status === "loaded" ? fieldsThePaneCannotFill(fields.value) : [];

  const chosen = { ...draft, projectKey, issueTypeId };
  const problems = showProblems ? validateDraft(chosen) : {};
  const creating = submission.status === "creating";
  const canCreate = !creating && fields.status !== "loading" && unfillable.length === 0;

  async function create() {
    if (!canCreate) return;
    setShowProblems(true);
    if (!isValidDraft(validateDraft(chosen))) return;
    setSubmission({ status: "creating" });
    const issueDraft = {
      projectKey,
      issueTypeId,
      summary: chosen.summary.trim(),
      description: chosen.description,
    };
    const previousAttemptUncertain = draft.previousAttemptUncertain;
    try {
      const issue = await session.withJira((client) =>
        createIssueOnce(client, issueDraft, { previousAttemptUncertain })
      );
      finish();
      setShowProblems(false);
      setSubmission({ status: "created", issue });
    } catch (error) {
      if (errorCode(error) === "create_uncertain") {
        update({ previousAttemptUncertain: true });
      }
      setSubmission({ status: "failed", error });
    }
  }

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    void create();
  };
  const handleTryAgain = () => void create();
  const handleProjectChange = (value: string) => update({ projectKey: value });
  const handleIssueTypeChange = (value: string) => update({ issueTypeId: value });
  const handleSummaryChange = (_event: unknown, data: { value: string }) =>
    update({ summary: data.value });
  const handleDescriptionChange = (_event: unknown, data: { value: string }) =>
    update({ description: data.value });
  const handleDismissFailure = () => setSubmission({ status: "idle" });
  const handleNewIssue = () => setSubmission({ status: "idle" });
  const handleCancelWaiting = () => session.cancelWaiting();

  return (
    <form
      className={styles.form}
      aria-labelledby={headingId}
      data-testid="new-issue-form"
      noValidate
      onSubmit={handleSubmit}
    >
      <Text as="h2" id={headingId} weight="semibold" size={400}>
        New issue
      </Text>
      {submission.status === "created" ? (
        <>
          <CreatedIssueBar issue={submission.issue} jiraBaseUrl={jiraBaseUrl} />
          <div className={styles.actions}>
            <Button onClick={handleNewIssue}>New issue</Button>
          </div>
        </>
      ) : (
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
            <LoadProblem
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
            <LoadProblem
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
            <LoadProblem
              what="fields of this issue type"
              error={fields.error}
              jiraBaseUrl={jiraBaseUrl}
              onRetry={fields.retry}
            />
          )}
          {unfillable.length > 0 && <UnfillableFieldsBar names={unfillable} />}
          <Field label="Summary" required validationMessage={problems.summary}>
            <Input
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
          {submission.status === "idle" && draft.previousAttemptUncertain && (
            <MessageBar intent="info" layout="multiline">
              <MessageBarBody>
                {
                  "The last try may have created this issue already: Create issue looks for it in Jira first, so it won't be created twice."
                }
              </MessageBarBody>
            </MessageBar>
          )}
          {submission.status === "failed" && (
            <CreateFailureBar
              error={submission.error}
              jiraBaseUrl={jiraBaseUrl}
              onTryAgain={handleTryAgain}
              onDismiss={handleDismissFailure}
            />
          )}
          <div className={styles.actions}>
            <Button type="submit" appearance="primary" disabled={!canCreate}>
              Create issue
            </Button>
            {creating && !connectionEnded && (
              <Spinner size="tiny" labelPosition="after" label="Creating the issue…" />
            )}
          </div>
          {creating && connectionEnded && (
            <div className={styles.actions} role="status">
              <Text>Waiting for you to sign in to Jira again…</Text>
              <Button onClick={handleCancelWaiting}>Cancel</Button>
            </div>
          )}
        </>
      )}
    </form>
  );
}

interface ProjectSelectProps {
  /** Undefined while loading (or when loading failed). */
  projects: JiraProject[] | undefined;
  value: string;
  disabled: boolean;
  onChange(value: string): void;
}

/** The projects as a native select (keyboard-friendly, type-ahead); values are project keys. */
function ProjectSelect({ projects, value, disabled, onChange }: ProjectSelectProps) {
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

interface IssueTypeSelectProps {
  issueTypes: CreateMetaIssueType[] | undefined;
  projectChosen: boolean;
  value: string;
  disabled: boolean;
  onChange(value: string): void;
}

/** The issue types of the chosen project; values are issue type ids. */
function IssueTypeSelect({
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

interface UnfillableFieldsBarProps {
  names: string[];
}

/** The issue type needs fields the form doesn't have: Jira would refuse the issue. */
function UnfillableFieldsBar({ names }: UnfillableFieldsBarProps) {
  const styles = useStyles();
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="unsupported-fields">
      <MessageBarBody className={styles.wrap} dir="auto">
        {`This issue type needs fields the pane can't fill in yet: ${names.join(", ")}. Choose another issue type or create the issue in Jira.`}
      </MessageBarBody>
    </MessageBar>
  );
}

interface LoadProblemProps {
  /** What could not be loaded, e.g. "projects". */
  what: string;
  error: unknown;
  jiraBaseUrl: string;
  onRetry(): void;
}

/** A list the form needs could not be loaded: why, and Retry. */
function LoadProblem({ what, error, jiraBaseUrl, onRetry }: LoadProblemProps) {
  const notice = noticeForError(error, { jiraBaseUrl });
  return (
    <NoticeMessageBar
      notice={{ ...notice, title: `Couldn't load the ${what}` }}
      testId="new-issue-load-problem"
      actions={<Button onClick={onRetry}>Retry</Button>}
    />
  );
}

interface CreateFailureBarProps {
  error: unknown;
  jiraBaseUrl: string;
  onTryAgain(): void;
  onDismiss(): void;
}

/** Why the issue was not created (or may have been); the draft stays as it is. */
function CreateFailureBar({ error, jiraBaseUrl, onTryAgain, onDismiss }: CreateFailureBarProps) {
  const code = errorCode(error);
  if (code === "create_uncertain") {
    return (
      <NoticeMessageBar
        notice={UNCERTAIN_NOTICE}
        testId="new-issue-problem"
        onDismiss={onDismiss}
        actions={<Button onClick={onTryAgain}>Try again</Button>}
      />
    );
  }
  const notice =
    code === "sign_in_required" ? SIGN_IN_NOTICE : noticeForError(error, { jiraBaseUrl });
  return <NoticeMessageBar notice={notice} testId="new-issue-problem" onDismiss={onDismiss} />;
}

// The create waited for a sign-in that didn't come (cancelled, or signed out).
const SIGN_IN_NOTICE: SessionNotice = {
  code: "sign_in_required",
  intent: "warning",
  title: "",
  message: "Not created: sign in to Jira to continue.",
};

// IssueCreateUncertainError: the draft now says so, and the next try looks before it creates.
const UNCERTAIN_NOTICE: SessionNotice = {
  code: "create_uncertain",
  intent: "warning",
  title: "Jira did not confirm the new issue",
  message:
    "The issue may or may not have been created. Try again looks for it in Jira first, so it won't be created twice.",
};

interface CreatedIssueBarProps {
  issue: CreatedIssue;
  jiraBaseUrl: string;
}

/** "Created SUP-12", the key linking to the issue in Jira. */
function CreatedIssueBar({ issue, jiraBaseUrl }: CreatedIssueBarProps) {
  return (
    <MessageBar intent="success" layout="multiline" data-testid="issue-created">
      <MessageBarBody>
        <span>
          Created{" "}
          <Link
            href={`${jiraBaseUrl}/browse/${encodeURIComponent(issue.key)}`}
            target="_blank"
            rel="noopener noreferrer"
          >
            {issue.key}
          </Link>
          {issue.recovered && " (it had already been created; the answer was lost on the way)"}
        </span>
      </MessageBarBody>
    </MessageBar>
  );
}

/** The `code` of an error-like value (SessionError, IssueCreateUncertainError, Jira's errors). */
function errorCode(error: unknown): string | undefined {
  if (typeof error === "object" && error !== null && "code" in error) {
    const { code } = error as { code: unknown };
    return typeof code === "string" ? code : undefined;
  }
  return undefined;
}

type JiraLoad<T> =
  | { status: "idle" }
  | { status: "loading" }
  | { status: "loaded"; value: T }
  | { status: "failed"; error: unknown };

type Outcome<T> = { status: "loaded"; value: T } | { status: "failed"; error: unknown };

/**
 * Loads something from Jira once per `key` (null: nothing to load), starting only while
 * `enabled`. A load that started keeps going when `enabled` turns false (the session ended: the
 * load waits in `withJira` and finishes after the new sign-in); a newer key wins over older answers.
 */
function useJiraLoad<T>(
  key: string | null,
  enabled: boolean,
  load: () => Promise<T>
): JiraLoad<T> & { retry(): void } {
  const [attempt, setAttempt] = useState(0);
  const [result, setResult] = useState<{ requestKey: string; outcome: Outcome<T> } | null>(null);
  const latestRequest = useRef<string | null>(null);
  const requestKey = key === null ? null : `${key}#${attempt}`;
  const runLoad = useEffectEvent(load);

  useEffect(() => {
    if (requestKey === null || !enabled || latestRequest.current === requestKey) return;
    latestRequest.current = requestKey;
    runLoad().then(
      (value) => {
        if (latestRequest.current === requestKey) {
          setResult({ requestKey, outcome: { status: "loaded", value } });
        }
      },
      (error: unknown) => {
        if (latestRequest.current === requestKey) {
          setResult({ requestKey, outcome: { status: "failed", error } });
        }
      }
    );
  }, [requestKey, enabled]);

  const retry = () => setAttempt((previous) => previous + 1);
  if (requestKey === null) return { status: "idle", retry };
  if (result?.requestKey === requestKey) return { ...result.outcome, retry };
  return { status: "loading", retry };
}
