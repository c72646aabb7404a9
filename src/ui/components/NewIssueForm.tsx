import { Button, Text, makeStyles, tokens, useId } from "@fluentui/react-components";
import { useRef, useState } from "react";
import type { FormEvent } from "react";
import type { MailMessage } from "../../mail/mail-message";
import { focusIfLost } from "../focus";
import { isValidDraft, validateDraft } from "../new-issue-draft";
import type { NewIssueStore } from "../new-issue-store";
import type { JiraSession } from "../ports";
import { useNewIssue } from "../use-new-issue";
import { useNewIssueChoices } from "../use-new-issue-choices";
import { CreateIssueActions } from "./CreateIssueActions";
import { CreateProblemBar } from "./CreateProblemBar";
import { CreatedIssueBar } from "./CreatedIssueBar";
import { NewIssueFields } from "./NewIssueFields";
import { PreviousAttemptNote } from "./PreviousAttemptNote";

const useStyles = makeStyles({
  form: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    marginInline: tokens.spacingHorizontalL,
  },
  actions: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalM },
});

export interface NewIssueFormProps {
  /** The door to Jira: the lists load through `withJira`; Cancel stops waiting for a sign-in. */
  session: Pick<JiraSession, "withJira" | "cancelWaiting">;
  /** The pane's drafts and creates per email (they outlive this form). */
  newIssues: NewIssueStore;
  /** The email the issue is made from (key the form by its draft key: one form per email). */
  message: MailMessage;
  jiraBaseUrl: string;
  /** Connected now: loading starts only then (work already started waits through a new sign-in). */
  signedIn: boolean;
  /** The connection ended: a create in progress waits for the new sign-in. */
  connectionEnded: boolean;
}

/**
 * The New issue form: project, issue type, summary, description. The draft and the create live
 * in the NewIssueStore under this email, so no failure, sign-out, reload or switch to another
 * email loses them; the create goes through `session.withJira`, so it waits through a new sign-in
 * when Jira ends the connection.
 */
export function NewIssueForm({
  session,
  newIssues,
  message,
  jiraBaseUrl,
  signedIn,
  connectionEnded,
}: NewIssueFormProps) {
  const styles = useStyles();
  const headingId = useId("new-issue-heading");
  const { draft, submission, update, create, dismiss } = useNewIssue(newIssues, message);
  const choices = useNewIssueChoices(session, draft, signedIn);
  const [showProblems, setShowProblems] = useState(false);
  const createButton = useRef<HTMLButtonElement>(null);

  const chosen = { ...draft, projectKey: choices.projectKey, issueTypeId: choices.issueTypeId };
  const problems = showProblems ? validateDraft(chosen) : {};
  const creating = submission.status === "creating";
  const ready = choices.fields.status !== "loading" && choices.unfillable.length === 0;

  function handleCreate() {
    if (creating || !ready) return;
    setShowProblems(true);
    if (!isValidDraft(validateDraft(chosen))) return;
    create({
      projectKey: chosen.projectKey,
      issueTypeId: chosen.issueTypeId,
      summary: chosen.summary.trim(),
      description: chosen.description,
    });
  }

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    handleCreate();
  };
  const handleNewIssue = () => {
    setShowProblems(false);
    dismiss();
  };
  // The problem bar goes away with the button just pressed in it: keep the keyboard user in the
  // form, on Create issue (focusable also while busy).
  const handleTryAgain = () => {
    createButton.current?.focus();
    handleCreate();
  };
  const handleDismissProblem = () => {
    createButton.current?.focus();
    dismiss();
  };
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
            {/* It replaces the Create issue button the user was on: focus follows. */}
            <Button ref={focusIfLost} onClick={handleNewIssue}>
              New issue
            </Button>
          </div>
        </>
      ) : (
        <>
          <NewIssueFields
            draft={draft}
            choices={choices}
            problems={problems}
            creating={creating}
            jiraBaseUrl={jiraBaseUrl}
            onChange={update}
          />
          {submission.status === "idle" && draft.previousAttemptUncertain && (
            <PreviousAttemptNote />
          )}
          {submission.status === "failed" && (
            <CreateProblemBar
              error={submission.error}
              jiraBaseUrl={jiraBaseUrl}
              onTryAgain={handleTryAgain}
              onDismiss={handleDismissProblem}
            />
          )}
          <CreateIssueActions
            createButtonRef={createButton}
            creating={creating}
            ready={ready}
            connectionEnded={connectionEnded}
            onCancelWaiting={handleCancelWaiting}
          />
        </>
      )}
    </form>
  );
}
