import { MessageBar, MessageBarBody } from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";
import { t } from "../../../i18n/translate";
import type { IssueSummary } from "../../../jira/issue-lookup";
import type { MailMessage } from "../../../mail/mail-message";
import { errorCode } from "../../error-code";
import { IssueFinder } from "../../issue-finder/IssueFinder";
import type { AttachmentPolicy, JiraAttachmentLimits } from "../../new-issue/attachment-choices";
import { AttachmentsSection } from "../../new-issue/components/AttachmentsSection";
import { EmailTextSection } from "../../new-issue/components/DescriptionSection";
import { DeliveryForm } from "../../new-issue/components/DeliveryForm";
import { DeliverySteps } from "../../new-issue/components/DeliverySteps";
import { isAwaitingConversion } from "../../new-issue/description-conversion";
import type { EmailLinksPort, JiraSession, MailContentPort } from "../../ports";
import { repeatCheck } from "../already-added";
import type { AddToIssueStore } from "../add-to-issue-store";
import { commentProblems, prepareComment } from "../comment-request";
import type { CommentProblems } from "../comment-request";
import {
  commentAnnouncement,
  commentDeliveryOf,
  commentedDeliveryOf,
  isCommentBusy,
} from "../comment-submission";
import { useAddToIssue } from "../use-add-to-issue";
import { useEmailLinkCheck } from "../use-email-link-check";
import { useVisibilityChoices } from "../use-visibility-choices";
import { AddCommentActions } from "./AddCommentActions";
import { AlreadyAddedBar } from "./AlreadyAddedBar";
import { CommentAddedCard } from "./CommentAddedCard";
import { CommentProblemBar } from "./CommentProblemBar";
import { UncertainAttemptBar } from "./UncertainAttemptBar";
import { VisibilityPicker } from "./VisibilityPicker";

export interface AddToIssueFormProps {
  /** The door to Jira: lists load through `withJira`; Cancel stops waiting for a sign-in. */
  session: Pick<JiraSession, "withJira" | "cancelWaiting">;
  /** The pane's drafts and comments per email (they outlive this form). */
  addToIssue: AddToIssueStore;
  /** The email's body and headers (where the finder looks for keys) and its files. */
  mailContent: MailContentPort;
  /** The links kept on the email: an issue it is already on is named before a second comment. */
  emailLinks: EmailLinksPort;
  /** The email to add (key the form by its draft key: one form per email). */
  message: MailMessage;
  jiraBaseUrl: string;
  /** Connected now: loading starts only then (work already started waits through a new sign-in). */
  signedIn: boolean;
  /** The connection ended: a comment in progress waits for the new sign-in. */
  connectionEnded: boolean;
  /** Jira's attachment settings, once known. */
  attachmentLimits?: JiraAttachmentLimits;
  /** BCP 47 language for sizes, dates and the comment's header block. */
  locale: string;
  /** The issues earlier emails of this conversation went to, newest first. */
  conversationKeys: string[];
  /** Bumped when a delivery linked the email: its links are read again. */
  linksRevision: number;
}

const NO_PROBLEMS: CommentProblems = {};

/**
 * The "Add to issue" form: find the issue, edit the comment made from the email, choose the files
 * and who may see it, "Add comment". The draft and the comment live in the AddToIssueStore under
 * this email, so no failure, sign-out, reload or switch to another email loses them; Jira is
 * reached only through `session.withJira`. An "Add as comment" request in the store's entry is
 * handed to the finder, which chooses that issue. After a lost answer the issue and visibility are
 * locked until a try settles it (the retry must look where the lost one went).
 */
export function AddToIssueForm(props: AddToIssueFormProps) {
  const { session, addToIssue, message, jiraBaseUrl, signedIn, connectionEnded } = props;
  const entry = useAddToIssue(addToIssue, message);
  const { draft, submission, conversion, item } = entry;
  const visibilityChoices = useVisibilityChoices(session, draft.issue?.projectKey, signedIn);
  const linkCheck = useEmailLinkCheck(props.emailLinks, message, props.linksRevision);
  const [showProblems, setShowProblems] = useState(false);
  const addButton = useRef<HTMLButtonElement>(null);

  const commented = commentedDeliveryOf(submission);
  const busy = isCommentBusy(submission);
  // The email is converted when its form shows it (Outlook reads only the open email).
  const pending = !commented && draft.commentState === "pending";
  useEffect(() => {
    if (pending) addToIssue.convert(item, message, "if-pending");
  }, [addToIssue, item, message, pending]);

  const policy: AttachmentPolicy = {
    capabilities: props.mailContent.capabilities,
    ...(props.attachmentLimits ? { jira: props.attachmentLimits } : {}),
  };
  const context = { message, jiraBaseUrl, policy };
  const problems = showProblems ? commentProblems(draft, context) : NO_PROBLEMS;
  const { earlier, checking, unchecked } = repeatCheck(draft, linkCheck, jiraBaseUrl);
  const repeatPending = earlier !== undefined && !draft.confirmedRepeat;
  const converting = !commented && isAwaitingConversion(draft.commentState, conversion);
  const ready = draft.issue !== undefined && !converting && !repeatPending && !checking;
  // A lost answer holds the draft on its issue: the finder and "Visible to" wait for a try.
  const locked = draft.uncertainIssue;
  const failedUncertain =
    submission.status === "failed" && errorCode(submission.error) === "comment_uncertain";

  function handleAdd() {
    if (busy || !ready) return;
    setShowProblems(true);
    const prepared = prepareComment(draft, context);
    if (prepared.ok) entry.addComment(prepared.request);
  }

  // A suggestion the finder chose isn't the user's work: only what they do next stores the draft.
  const handleSelect = (issue: IssueSummary | undefined) =>
    addToIssue.update(item, { issue }, { touch: false });
  const handleDone = () => {
    setShowProblems(false);
    entry.dismiss();
  };
  // The problem bar goes away with the button just pressed in it: keep the keyboard user on Add comment.
  const handleTryAgain = () => {
    addButton.current?.focus();
    handleAdd();
  };
  const handleDismissProblem = () => {
    addButton.current?.focus();
    entry.dismiss();
  };
  // The note goes away with its button too.
  const handleForget = () => {
    addButton.current?.focus();
    entry.forgetUncertainAttempt();
  };

  const delivery = commentDeliveryOf(submission);
  return (
    <DeliveryForm
      testId="add-to-issue-form"
      title={t("addToIssue.title")}
      headingIdPrefix="add-to-issue-heading"
      // Waiting for a sign-in, the button's own status line says so instead.
      status={connectionEnded && !commented ? "" : commentAnnouncement(submission)}
      onSubmit={handleAdd}
    >
      {commented ? (
        <CommentAddedCard
          delivery={commented}
          busy={busy}
          onRetry={entry.retry}
          onDone={handleDone}
        />
      ) : (
        <>
          <IssueFinder
            session={session}
            mailContent={props.mailContent}
            message={message}
            conversationKeys={props.conversationKeys}
            selected={draft.issue}
            onSelect={handleSelect}
            disabled={busy || locked !== undefined}
            jiraBaseUrl={jiraBaseUrl}
            {...(entry.issueRequest ? { initialKey: entry.issueRequest.issueKey } : {})}
          />
          {unchecked && draft.issue && (
            <MessageBar intent="warning" layout="multiline" data-testid="links-unchecked">
              <MessageBarBody>{t("addToIssue.linksUnchecked")}</MessageBarBody>
            </MessageBar>
          )}
          {earlier && repeatPending && (
            <AlreadyAddedBar
              link={earlier}
              disabled={busy}
              onAddAgain={() => entry.update({ confirmedRepeat: true })}
            />
          )}
          <EmailTextSection
            label={t("addToIssue.commentLabel")}
            text={{
              markup: draft.comment,
              state: draft.commentState,
              options: draft.commentOptions,
              ...(draft.generatedWith ? { generatedWith: draft.generatedWith } : {}),
            }}
            conversion={conversion}
            readOnly={busy}
            {...(problems.comment ? { problem: problems.comment } : {})}
            onText={(markup) => entry.update({ comment: markup, commentState: "edited" })}
            onOptions={(options) => entry.update({ commentOptions: options })}
            onConvert={entry.convert}
          />
          <AttachmentsSection
            message={message}
            draft={draft}
            markup={draft.comment}
            target="comment"
            policy={policy}
            {...(problems.attachments ? { problem: problems.attachments } : {})}
            disabled={busy}
            onChange={entry.update}
          />
          <VisibilityPicker
            choices={visibilityChoices}
            value={draft.visibility}
            disabled={busy || !draft.issue || locked !== undefined}
            jiraBaseUrl={jiraBaseUrl}
            onChange={(visibility) => entry.update({ visibility })}
          />
          {locked && !busy && !failedUncertain && (
            <UncertainAttemptBar issueKey={locked.key} onForget={handleForget} />
          )}
          {submission.status === "failed" && (
            <CommentProblemBar
              error={submission.error}
              jiraBaseUrl={jiraBaseUrl}
              onTryAgain={handleTryAgain}
              onDismiss={handleDismissProblem}
            />
          )}
          {delivery && <DeliverySteps steps={delivery.steps} issueKey={delivery.issue.key} />}
          <AddCommentActions
            buttonRef={addButton}
            sending={busy}
            ready={ready}
            connectionEnded={connectionEnded}
            busyLabel={
              submission.status === "reading"
                ? t("addToIssue.readingAttachments")
                : t("addToIssue.addingComment")
            }
            onCancelWaiting={() => session.cancelWaiting()}
          />
        </>
      )}
    </DeliveryForm>
  );
}
