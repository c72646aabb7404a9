import {
  FluentProvider,
  MessageBar,
  MessageBarBody,
  Spinner,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useCallback, useDeferredValue, useMemo, useState } from "react";
import { t } from "../i18n/translate";
import { AccountBar } from "./components/AccountBar";
import { ConnectionEndedBanner } from "./components/ConnectionEndedBanner";
import { CurrentEmailCard } from "./components/CurrentEmailCard";
import { EmptyState } from "./components/EmptyState";
import { Header } from "./components/Header";
import { NotConfiguredCard } from "./components/NotConfiguredCard";
import { SessionNoticeBar } from "./components/SessionNoticeBar";
import { SignInCard } from "./components/SignInCard";
import { ViewLoadBoundary, ViewLoadProblem } from "./components/ViewLoadBoundary";
import type { EmailStoreOptions, EmailView } from "./email-work-types";
import { useEmailWork } from "./lazy-email-work";
import { createDestinationMemory } from "./new-issue/destination-memory";
import { newIssueItemFor } from "./new-issue/new-issue-item";
import type {
  DraftStore,
  EmailLinksPort,
  JiraSession,
  MailContentPort,
  MailboxPort,
  SessionState,
  SettingsStorage,
  ThemePort,
} from "./ports";
import { problemText } from "./problem-text";
import { useCurrentMessage } from "./use-current-message";
import { useSessionState } from "./use-session-state";
import { useThemeName } from "./use-theme-name";
import { useFluentTheme } from "./fluent-theme";

const useStyles = makeStyles({
  root: {
    minHeight: "100vh",
    display: "flex",
    flexDirection: "column",
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  main: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    paddingBlock: tokens.spacingVerticalM,
  },
  problem: { marginInline: tokens.spacingHorizontalL },
});

export interface AppProps {
  mailbox: MailboxPort;
  theme: ThemePort;
  /** BCP 47 language of Office's UI. */
  locale: string;
  /** The Jira session: sign-in state and the door to Jira. */
  session: JiraSession;
  /** Where typed drafts are kept (localStorage in the pane). */
  drafts: DraftStore;
  /** The email's body, attachments and whole message, for the issue's description and files. */
  mailContent: MailContentPort;
  /** The links kept on the email itself ("Linked to SUP-12"). */
  emailLinks: EmailLinksPort;
  /** Roaming settings: the same instance the session keeps its token in. */
  settings: SettingsStorage;
  /** The 16×16 icon Jira shows beside the link back to the email (an absolute URL of the add-in). */
  linkIconUrl?: string;
  /** Reloads the pane, offered when a lazily loaded view fails to load. */
  reload?: () => void;
}

/** The task pane inside Outlook. */
export function App(props: AppProps) {
  const { mailbox, theme, locale, session, drafts, mailContent, emailLinks, settings } = props;
  const { linkIconUrl } = props;
  const styles = useStyles();
  const [hostProblem, setHostProblem] = useState<string | null>(null);
  const handleHostError = useCallback(
    (error: Error) =>
      setHostProblem(t("app.eventSubscriptionRefused", { problem: problemText(error) })),
    []
  );
  const themeName = useThemeName(theme, handleHostError);
  const fluentTheme = useFluentTheme(themeName);
  const message = useCurrentMessage(mailbox, handleHostError);
  const state = useSessionState(session);
  // One memory of where emails went, shared by both views (a comment's issue is remembered for
  // the conversation as a created one is).
  const destinations = useMemo(() => createDestinationMemory(settings), [settings]);
  // What the drafts and deliveries per email are made from: the stores themselves live in the
  // lazily loaded views (email-work.tsx), one pair per this object, for as long as the pane.
  const storeOptions: EmailStoreOptions = useMemo(
    () => ({
      session,
      drafts,
      mailContent,
      emailLinks,
      destinations,
      locale,
      ...(linkIconUrl ? { linkIconUrl } : {}),
    }),
    [session, drafts, mailContent, emailLinks, destinations, locale, linkIconUrl]
  );
  const [view, setView] = useState<EmailView>("new-issue");

  const handleSignIn = useCallback(() => void session.signIn(), [session]);
  const handleSignOut = useCallback(() => void session.signOut(), [session]);
  const handleRetrySave = useCallback(() => void session.retrySave(), [session]);
  const handleDismissNotice = useCallback(() => session.dismissNotice(), [session]);
  // "Add as comment" put its request in the email's Add to issue entry (the linked issues'
  // view did, email-work.tsx): here only the view changes. A request the entry ignored (its
  // comment runs, or a lost answer holds it on another issue) shows that form and why.
  const handleAddAsComment = useCallback(() => setView("add-to-issue"), []);

  const notice =
    state.status === "signed_out" || state.status === "signed_in" ? state.notice : undefined;
  const signInCard =
    state.status === "signed_out" || (state.status === "signing_in" && !state.reconnecting);
  const connected = connectedView(state);
  const jiraBaseUrl = "jiraBaseUrl" in state ? state.jiraBaseUrl : undefined;
  const reload = props.reload ?? (() => window.location.reload());
  // The work views are a chunk of their own (lazy-email-work.ts), needed once Jira is connected.
  const work = useEmailWork(connected !== undefined);
  // The forms are the heaviest render of the pane. A pane that starts connected with the chunk in
  // (index.tsx waits for the session) has them in its first render: a deferred value's first
  // value is not deferred. When the chunk or the sign-in comes later, they follow in a render of
  // their own, after the account bar and the email have painted.
  const loadedWork = work.status === "loaded" ? work.module : undefined;
  const showWork = useDeferredValue(loadedWork !== undefined && connected !== undefined);
  const workModule = showWork ? loadedWork : undefined;

  // Every slot below keeps its place whatever the state, so the form (and what is typed in it)
  // stays mounted from signed in through "connection ended" and the new sign-in.
  return (
    <FluentProvider theme={fluentTheme} data-theme={themeName}>
      {/* The layout lives on this div, not on the provider: Fluent copies the provider's classes
          onto its portals' mount node (the pickers' lists), which would then cover the pane. */}
      <div className={styles.root}>
        <Header />
        <main className={styles.main}>
          {hostProblem && (
            <MessageBar intent="warning" className={styles.problem}>
              <MessageBarBody>{`${hostProblem} ${t("app.mayNotFollowSelection")}`}</MessageBarBody>
            </MessageBar>
          )}
          {notice && (
            <SessionNoticeBar
              notice={notice}
              onRetrySave={handleRetrySave}
              onDismiss={handleDismissNotice}
            />
          )}
          {state.status === "starting" && <Spinner size="small" label={t("app.connecting")} />}
          {state.status === "not_configured" && (
            <NotConfiguredCard notice={state.notice} onTryAgain={() => void session.start()} />
          )}
          {signInCard && (
            <SignInCard
              jiraBaseUrl={state.jiraBaseUrl}
              signingIn={state.status === "signing_in"}
              onSignIn={handleSignIn}
            />
          )}
          {connected?.account && (
            <AccountBar
              account={connected.account}
              jiraBaseUrl={connected.jiraBaseUrl}
              onSignOut={handleSignOut}
            />
          )}
          {connected && connected.status !== "signed_in" && (
            <ConnectionEndedBanner
              notice={connected.status === "ended" ? connected.notice : undefined}
              waitingOperations={connected.status === "ended" ? connected.waitingOperations : 0}
              signingIn={connected.status === "signing_in"}
              onSignIn={handleSignIn}
            />
          )}
          {message ? (
            <CurrentEmailCard message={message} />
          ) : (
            <EmptyState title={t("app.noEmailTitle")}>{t("app.noEmailHint")}</EmptyState>
          )}
          <ViewLoadBoundary onReload={reload}>
            {connected && message && (work.status === "loading" || work.status === "idle") && (
              <Spinner size="small" label={t("app.loading")} />
            )}
            {connected && work.status === "failed" && <ViewLoadProblem onReload={reload} />}
            {loadedWork && message && jiraBaseUrl && (
              <loadedWork.LinkedIssues
                key={`links:${newIssueItemFor(message).key}`}
                emailLinks={emailLinks}
                storeOptions={storeOptions}
                message={message}
                jiraBaseUrl={jiraBaseUrl}
                session={session}
                onAddAsComment={handleAddAsComment}
              />
            )}
            {workModule && connected && message && (
              <workModule.EmailWork
                view={view}
                onViewChange={setView}
                session={session}
                storeOptions={storeOptions}
                mailContent={mailContent}
                emailLinks={emailLinks}
                message={message}
                jiraBaseUrl={connected.jiraBaseUrl}
                signedIn={connected.status === "signed_in"}
                connectionEnded={connected.status !== "signed_in"}
                capabilities={mailContent.capabilities}
                locale={locale}
              />
            )}
          </ViewLoadBoundary>
        </main>
      </div>
    </FluentProvider>
  );
}

type ConnectedState = Extract<SessionState, { status: "signed_in" | "ended" | "signing_in" }>;

/** Signed in, or was and the connection ended (also while signing in again): the work view. */
function connectedView(state: SessionState): ConnectedState | undefined {
  if (state.status === "signed_in" || state.status === "ended") return state;
  if (state.status === "signing_in" && state.reconnecting) return state;
  return undefined;
}
