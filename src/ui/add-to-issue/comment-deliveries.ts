/**
 * The comments of the "Add to issue" store: read the chosen files, name them so they don't collide
 * with the issue's attachments (rewriting the comment to match), add the comment at most once
 * (addCommentOnce: the comment carries the attempt's id, and after a lost answer the retry looks
 * for it first, on the issue that attempt went to), then run the other steps. The skeleton is the
 * New issue store's (src/ui/new-issue/store-deliveries.ts createMainStepDeliveries): once the
 * comment exists nothing here adds another, and a retry runs only the failed steps after it.
 */
import { addCommentOnce } from "../../jira/add-comment-once";
import type { AddedCommentOutcome } from "../../jira/add-comment-once";
import { attachmentNamesOf } from "../../jira/issue-lookup";
import type { MailMessage } from "../../mail/mail-message";
import type { DestinationMemory } from "../new-issue/destination-memory";
import type { DeliveryPorts } from "../new-issue/issue-delivery";
import { createMainStepDeliveries } from "../new-issue/store-deliveries";
import { initialCommentDraft, withUncertainAttempt } from "./add-to-issue-draft";
import type { AddToIssueDraft } from "./add-to-issue-draft";
import type { CommentEntryAccess } from "./add-to-issue-entry";
import type { AddToIssueItem } from "./add-to-issue-item";
import { renamesAgainst, withRenamedReferences } from "./attachment-renames";
import { COMMENT_STEP_ID, planCommentDelivery, withRenamedUploads } from "./comment-delivery";
import type { CommentDelivery, CommentedDelivery } from "./comment-delivery";
import type { CommentRequest } from "./comment-submission";

/** What the comments need beside the entries. */
export interface CommentDeliveriesOptions {
  ports: DeliveryPorts;
  destinations: DestinationMemory;
  randomId: () => string;
}

/** The store's `addComment` and `retry`. */
export function createCommentDeliveries(
  access: CommentEntryAccess,
  options: CommentDeliveriesOptions
) {
  const { entryOf, set } = access;
  const { ports, destinations, randomId } = options;

  /** The planned delivery of `item` (only while its comment is being made). */
  const planned = (item: AddToIssueItem) =>
    (entryOf(item).submission as { delivery: CommentDelivery }).delivery;

  /**
   * The body to send: uploads that would collide with the issue's attachments are renamed (in the
   * entry's steps too) and the body's references to them rewritten. Asks Jira only when there are
   * uploads.
   */
  async function bodyForIssue(item: AddToIssueItem, request: CommentRequest): Promise<string> {
    const names = planned(item).steps.flatMap((step) =>
      step.upload ? [step.upload.fileName] : []
    );
    if (names.length === 0) return request.body;
    const existing = await ports.session.withJira((client) =>
      attachmentNamesOf(client, request.issue.key)
    );
    const renames = renamesAgainst(existing, names);
    const delivery = withRenamedUploads(planned(item), renames);
    set(item, { submission: { status: "commenting", delivery } });
    return withRenamedReferences(request.body, renames);
  }

  async function addTheComment(
    item: AddToIssueItem,
    message: MailMessage,
    request: CommentRequest,
    draft: AddToIssueDraft
  ): Promise<AddedCommentOutcome> {
    const body = await bodyForIssue(item, request);
    const { visibility } = request;
    return ports.session.withJira((client) =>
      addCommentOnce(
        client,
        request.issue.key,
        {
          body,
          ...(visibility ? { visibility: { type: visibility.type, value: visibility.value } } : {}),
          attemptId: draft.attemptId as string,
          messageId: message.internetMessageId,
        },
        {
          previousAttemptUncertain: draft.previousAttemptUncertain,
          now: ports.now,
          ...(draft.previousAttemptUncertain && draft.uncertainSince !== undefined
            ? { uncertainSince: draft.uncertainSince }
            : {}),
        }
      )
    );
  }

  /** The earlier try's comment was found, and the text had been changed since that try. */
  const editedSinceFound = (draft: AddToIssueDraft, comment: AddedCommentOutcome) =>
    comment.recovered &&
    draft.uncertainComment !== undefined &&
    draft.uncertainComment !== draft.comment;

  const deliveries = createMainStepDeliveries<
    AddToIssueItem,
    AddToIssueDraft,
    CommentRequest,
    "commenting",
    CommentDelivery,
    CommentedDelivery,
    AddedCommentOutcome
  >(access, ports, {
    stepId: COMMENT_STEP_ID,
    runningStatus: "commenting",
    uncertainCode: "comment_uncertain",
    randomId,
    // After a lost answer the next try looks where that one went: never on another issue.
    accepts: (draft, request) =>
      !draft.uncertainIssue ||
      draft.uncertainIssue.key.toUpperCase() === request.issue.key.toUpperCase(),
    plan: (request, message, draft) =>
      planCommentDelivery({
        startedAt: ports.now(),
        jiraBaseUrl: request.jiraBaseUrl,
        issue: request.issue,
        attemptId: draft.attemptId as string,
        uploads: request.uploads,
        remoteLink: message.internetMessageId.trim() !== "",
      }),
    run: addTheComment,
    completed: (delivery, comment, draft) => ({
      ...delivery,
      comment,
      ...(editedSinceFound(draft, comment) ? { unsentEdits: true } : {}),
    }),
    // The issue stays chosen (its "already added" note then says this email is on it, also when
    // the link on the email fails); the comment is made again from the email, unless the text the
    // user changed after a lost answer never reached Jira: that stays.
    nextDraft: (_item, draft, request, comment) => {
      const fresh = initialCommentDraft({ issue: request.issue, attachEmail: draft.attachEmail });
      const lastAdded = {
        issueKey: request.issue.key,
        issueId: request.issue.id,
        jiraBaseUrl: request.jiraBaseUrl,
        kind: "commented" as const,
        linkedAt: new Date(ports.now()).toISOString(),
      };
      if (!editedSinceFound(draft, comment)) return { ...fresh, lastAdded };
      const { comment: text, commentOptions, attachmentChoices } = draft;
      return {
        ...fresh,
        comment: text,
        commentState: "edited",
        commentOptions,
        attachmentChoices,
        lastAdded,
      };
    },
    remember: (item, _draft, request) => {
      const { projectKey, issueTypeId, key: issueKey } = request.issue;
      return destinations.rememberComment(item, { projectKey, issueTypeId, issueKey });
    },
    rememberFailure: "The issue could not be remembered.",
    uncertain: (draft, request, attemptedAt) =>
      withUncertainAttempt(draft, {
        since: attemptedAt,
        issue: request.issue,
        comment: request.body,
      }),
    target: (delivery) => ({
      issue: delivery.issue,
      linkKind: "commented",
      attemptId: delivery.attemptId,
    }),
  });

  return { addComment: deliveries.start, retry: deliveries.retry };
}
