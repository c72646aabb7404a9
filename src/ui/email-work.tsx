/**
 * The work views of the open email, loaded lazily (lazy-email-work.ts) so they stay out of the
 * pane's first paint: the tabs with the New issue and Add to issue forms, and the issues the email
 * is linked to. App keeps the chosen view; the stores (email-stores.ts) keep everything per email,
 * an "Add as comment" request included.
 */
import { Tab, TabList, makeStyles, tokens } from "@fluentui/react-components";
import type { SelectTabData } from "@fluentui/react-components";
import { memo, useCallback, useEffect, useMemo, useSyncExternalStore } from "react";
import { t } from "../i18n/translate";
import { addToIssueItemFor } from "./add-to-issue/add-to-issue-item";
import { AddToIssueForm } from "./add-to-issue/components/AddToIssueForm";
import type { AddToIssueFormProps } from "./add-to-issue/components/AddToIssueForm";
import { storesFor } from "./email-stores";
import type { EmailStoreOptions, EmailStores, EmailView } from "./email-work-types";
import { LinkedIssuesSection } from "./linked-issues/LinkedIssuesSection";
import { NewIssueForm } from "./new-issue/components/NewIssueForm";
import type { NewIssueFormProps } from "./new-issue/components/NewIssueForm";
import { newIssueItemFor } from "./new-issue/new-issue-item";
import { useAttachmentMeta } from "./new-issue/use-attachment-meta";
import type { EmailLinksPort, JiraSession } from "./ports";

const useStyles = makeStyles({
  tabs: { marginInline: tokens.spacingHorizontalS },
});

/** What the tabs and both forms need. */
export type EmailWorkProps = Omit<NewIssueFormProps, "newIssues" | "attachmentLimits"> &
  Omit<
    AddToIssueFormProps,
    "linksRevision" | "addToIssue" | "session" | "conversationKeys" | "attachmentLimits"
  > & {
    session: JiraSession;
    storeOptions: EmailStoreOptions;
    view: EmailView;
    onViewChange(view: EmailView): void;
  };

/**
 * The tabs "New issue" and "Add to issue" and the chosen form. Only the chosen form is mounted:
 * the stores keep both drafts, so switching loses nothing typed, and a delivery keeps running in
 * its store while hidden. Memoized, as the linked issues: the pane renders again on its own
 * changes (the session, the theme) that leave these props alone.
 */
export const EmailWork = memo(function EmailWork(props: EmailWorkProps) {
  const { view, onViewChange, storeOptions, ...viewProps } = props;
  // Jira's attachment settings, read here rather than by the App: this view mounts signed in, so
  // a returning user's kept settings are there in its first render (no extra render of the pane).
  const attachmentLimits = useAttachmentMeta(viewProps.session, viewProps.signedIn);
  const formProps = attachmentLimits ? { ...viewProps, attachmentLimits } : viewProps;
  const { newIssues, addToIssue } = storesFor(storeOptions);
  const { destinations } = storeOptions;
  const { message } = formProps;
  // Read once per email (roaming settings, JSON, a hash), not on every render of the views.
  const conversationKeys = useMemo(
    () => destinations.issuesOfConversation(message),
    [destinations, message]
  );
  const styles = useStyles();
  const handleTabSelect = (_event: unknown, data: SelectTabData) =>
    onViewChange(data.value === "add-to-issue" ? "add-to-issue" : "new-issue");
  return (
    <>
      <TabList
        className={styles.tabs}
        selectedValue={view}
        onTabSelect={handleTabSelect}
        aria-label={t("app.workTabsLabel")}
      >
        <Tab value="new-issue">{t("app.newIssueTab")}</Tab>
        <Tab value="add-to-issue">{t("app.addToIssueTab")}</Tab>
      </TabList>
      {view === "new-issue" ? (
        <NewIssueForm key={newIssueItemFor(message).key} {...formProps} newIssues={newIssues} />
      ) : (
        <AddToIssueView
          newIssues={newIssues}
          addToIssue={addToIssue}
          conversationKeys={conversationKeys}
          {...formProps}
        />
      )}
    </>
  );
});

/**
 * Bumped whenever a delivery of either view recorded a link on `message`: the sum of both entries'
 * revisions (each only grows), so the linked issues are read again after either.
 */
function useLinksRevision({ newIssues, addToIssue, message }: EmailStores): number {
  const newIssueItem = useMemo(() => newIssueItemFor(message), [message]);
  const commentItem = useMemo(() => addToIssueItemFor(message), [message]);
  const subscribeNew = useCallback(
    (listener: () => void) => newIssues.subscribe(newIssueItem.key, listener),
    [newIssues, newIssueItem]
  );
  const subscribeComment = useCallback(
    (listener: () => void) => addToIssue.subscribe(commentItem.key, listener),
    [addToIssue, commentItem]
  );
  const created = useSyncExternalStore(
    subscribeNew,
    () => newIssues.get(newIssueItem).linksRevision,
    () => newIssues.get(newIssueItem).linksRevision
  );
  const commented = useSyncExternalStore(
    subscribeComment,
    () => addToIssue.get(commentItem).linksRevision,
    () => addToIssue.get(commentItem).linksRevision
  );
  return created + commented;
}

export interface LinkedIssuesProps {
  storeOptions: EmailStoreOptions;
  message: EmailStores["message"];
  emailLinks: EmailLinksPort;
  jiraBaseUrl: string;
  session: JiraSession;
  /** "Add as comment" was pressed (the request is in the store already): show "Add to issue". */
  onAddAsComment(issueKey: string): void;
}

/**
 * The issues the email is linked to, read again after a delivery of either view linked it. "Add as
 * comment" asks the email's Add to issue entry to choose the issue (ignored while its comment runs
 * or a lost answer holds it on another issue: the form then shows why) and shows that view. A
 * request not answered yet is withdrawn when this list goes (another email is shown).
 */
export const LinkedIssues = memo(function LinkedIssues({
  emailLinks,
  jiraBaseUrl,
  session,
  onAddAsComment,
  storeOptions,
  message,
}: LinkedIssuesProps) {
  const stores = storesFor(storeOptions);
  const { addToIssue } = stores;
  const linksRevision = useLinksRevision({ ...stores, message });
  const itemKey = addToIssueItemFor(message).key;
  useEffect(() => () => addToIssue.withdrawIssueRequest(itemKey), [addToIssue, itemKey]);
  const handleAddAsComment = (issueKey: string) => {
    addToIssue.requestIssue(addToIssueItemFor(message), issueKey);
    onAddAsComment(issueKey);
  };
  return (
    <LinkedIssuesSection
      emailLinks={emailLinks}
      message={message}
      jiraBaseUrl={jiraBaseUrl}
      session={session}
      linksRevision={linksRevision}
      onAddAsComment={handleAddAsComment}
    />
  );
});

type AddToIssueViewProps = EmailStores & Omit<AddToIssueFormProps, "linksRevision">;

/** The "Add to issue" form of the email, one per email (keyed by its draft). */
function AddToIssueView({ newIssues, ...props }: AddToIssueViewProps) {
  const linksRevision = useLinksRevision({ newIssues, ...props });
  return (
    <AddToIssueForm
      key={addToIssueItemFor(props.message).key}
      {...props}
      linksRevision={linksRevision}
    />
  );
}
