import { useCallback, useEffect, useRef, useState } from "react";
import type { MailMessage } from "../../../mail/mail-message";
import type { AttachmentPolicy, JiraAttachmentLimits } from "../attachment-choices";
import { createProblems, prepareCreate } from "../create-request";
import type { CreateProblems } from "../create-request";
import { isAwaitingConversion } from "../description-conversion";
import { validateDraft } from "../new-issue-draft";
import type { NewIssueStore } from "../new-issue-store";
import {
  createdDeliveryOf,
  deliveryOf,
  isBusy,
  submissionAnnouncement,
} from "../new-issue-submission";
import type { JiraSession, MailContentCapabilities } from "../../ports";
import { useNewIssue } from "../use-new-issue";
import type { NewIssueState } from "../use-new-issue";
import { useNewIssueChoices } from "../use-new-issue-choices";
import { useJiraUserSearch } from "../use-jira-user-search";
import { CreateIssueActions } from "./CreateIssueActions";
import { CreateProblemBar } from "./CreateProblemBar";
import { CreatedIssueCard } from "./CreatedIssueCard";
import { DeliveryForm } from "./DeliveryForm";
import { DeliverySteps } from "./DeliverySteps";
import { NewIssueEditor } from "./NewIssueEditor";
import { PreviousAttemptNote } from "./PreviousAttemptNote";
import { useRestAfterFirstRender } from "./use-rest-after-first-render";
import { t } from "../../../i18n/translate";

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
  /** What this Outlook can read of the email. */
  capabilities: MailContentCapabilities;
  /** Jira's attachment settings, once known. */
  attachmentLimits?: JiraAttachmentLimits;
  /** BCP 47 language for sizes and the description's header block. */
  locale: string;
}

const NO_PROBLEMS: CreateProblems = { draft: {}, fields: {} };

/**
 * The New issue form. The draft and the create live in the NewIssueStore under this email, so no
 * failure, sign-out, reload or switch to another email loses them; Jira is reached only through
 * `session.withJira`, so the work waits through a new sign-in when Jira ends the connection.
 *
 * Drawn in two steps (useRestAfterFirstRender): first its heading and the Project picker, usable
 * as soon as the projects are there; everything else in the render right after.
 */
export function NewIssueForm(props: NewIssueFormProps) {
  const { session, newIssues, message, jiraBaseUrl, signedIn, connectionEnded } = props;
  const issue = useNewIssue(newIssues, message);
  const { draft, submission, conversion, item } = issue;
  // issue.update, as one function for the form's life (the editor's memoized parts keep it).
  const update = useCallback<NewIssueState["update"]>(
    (changes) => newIssues.update(item, changes),
    [newIssues, item]
  );
  const choices = useNewIssueChoices(session, draft, signedIn);
  const searchUsers = useJiraUserSearch(session, choices.projectKey);
  const [showProblems, setShowProblems] = useState(false);
  const createButton = useRef<HTMLButtonElement>(null);
  const rest = useRestAfterFirstRender();

  const created = createdDeliveryOf(submission);
  const busy = isBusy(submission);
  // The email is converted when its form shows it (Outlook reads only the open email); one whose
  // conversion failed stays pending and is tried again the next time its form shows it.
  const pending = !created && draft.descriptionState === "pending";
  useEffect(() => {
    if (pending) newIssues.convert(item, message, "if-pending");
  }, [newIssues, item, message, pending]);
  // Jira refused the create for its fields: the kept create screen may be out of date, so it is
  // forgotten and loaded again (the form then shows the screen as Jira has it now).
  const failure = submission.status === "failed" ? submission.error : undefined;
  const { metadata, projectKey, issueTypeId } = choices;
  useEffect(() => {
    if (failure !== undefined) {
      metadata.forgetAfterCreateFailure(failure, { projectKey, issueTypeId });
    }
  }, [metadata, failure, projectKey, issueTypeId]);

  const policy: AttachmentPolicy = {
    capabilities: props.capabilities,
    ...(props.attachmentLimits ? { jira: props.attachmentLimits } : {}),
  };
  const chosen = { ...draft, projectKey: choices.projectKey, issueTypeId: choices.issueTypeId };
  const { screen } = choices;
  const context = screen ? { message, jiraBaseUrl, screen, policy } : undefined;
  const problems = !showProblems
    ? NO_PROBLEMS
    : context
      ? createProblems(chosen, context)
      : { draft: validateDraft(chosen), fields: {} };
  const converting = !created && isAwaitingConversion(draft.descriptionState, conversion);
  const ready = Boolean(context) && choices.unfillable.length === 0 && !converting;

  function handleCreate() {
    if (busy || !context || !ready) return;
    setShowProblems(true);
    const prepared = prepareCreate(chosen, context);
    if (prepared.ok) issue.create(prepared.request);
  }

  const handleNewIssue = () => {
    setShowProblems(false);
    issue.dismiss();
  };
  // The problem bar goes away with the button just pressed in it: keep the keyboard user in the
  // form, on Create issue (focusable also while busy).
  const handleTryAgain = () => {
    createButton.current?.focus();
    handleCreate();
  };
  const handleDismissProblem = () => {
    createButton.current?.focus();
    issue.dismiss();
  };

  const delivery = deliveryOf(submission);
  return (
    <DeliveryForm
      testId="new-issue-form"
      title={t("newIssue.formTitle")}
      headingIdPrefix="new-issue-heading"
      // Waiting for a sign-in, the Create button's own status line says so instead.
      status={connectionEnded && !created ? "" : submissionAnnouncement(submission)}
      onSubmit={handleCreate}
    >
      {created ? (
        <CreatedIssueCard
          delivery={created}
          busy={busy}
          onRetry={issue.retry}
          onNewIssue={handleNewIssue}
        />
      ) : (
        <>
          <NewIssueEditor
            issue={{ draft, conversion, update, convert: issue.convert }}
            choices={choices}
            message={message}
            policy={policy}
            locale={props.locale}
            problems={problems}
            readOnly={busy}
            jiraBaseUrl={jiraBaseUrl}
            searchUsers={searchUsers}
            rest={rest}
          />
          {rest && (
            <>
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
              {delivery && <DeliverySteps steps={delivery.steps} />}
              <CreateIssueActions
                createButtonRef={createButton}
                creating={busy}
                ready={ready}
                connectionEnded={connectionEnded}
                busyLabel={
                  submission.status === "reading"
                    ? t("newIssue.readingAttachments")
                    : t("newIssue.creatingIssue")
                }
                onCancelWaiting={() => session.cancelWaiting()}
              />
            </>
          )}
        </>
      )}
    </DeliveryForm>
  );
}
