import {
  FluentProvider,
  MessageBar,
  MessageBarBody,
  Spinner,
  makeStyles,
  tokens,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import { useCallback, useMemo, useState } from "react";
import { AccountBar } from "./components/AccountBar";
import { ConnectionEndedBanner } from "./components/ConnectionEndedBanner";
import { CurrentEmailCard } from "./components/CurrentEmailCard";
import { EmailLinksSection } from "./new-issue/components/EmailLinksSection";
import { EmptyState } from "./components/EmptyState";
import { Header } from "./components/Header";
import { NewIssueForm } from "./new-issue/components/NewIssueForm";
import { NotConfiguredCard } from "./components/NotConfiguredCard";
import { SessionNoticeBar } from "./components/SessionNoticeBar";
import { SignInCard } from "./components/SignInCard";
import { createDestinationMemory } from "./new-issue/destination-memory";
import { newIssueItemFor } from "./new-issue/new-issue-item";
import { createNewIssueStore } from "./new-issue/new-issue-store";
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
import { useAttachmentMeta } from "./new-issue/use-attachment-meta";
import { useCurrentMessage } from "./use-current-message";
import { useSessionState } from "./use-session-state";
import { useThemeName } from "./use-theme-name";

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
}

/** The task pane inside Outlook. */
export function App(props: AppProps) {
  const { mailbox, theme, locale, session, drafts, mailContent, emailLinks, settings } = props;
  const { linkIconUrl } = props;
  const styles = useStyles();
  const [hostProblem, setHostProblem] = useState<string | null>(null);
  const handleHostError = useCallback(
    (error: Error) =>
      setHostProblem(`Outlook did not accept an event subscription: ${error.message}`),
    []
  );
  const themeName = useThemeName(theme, handleHostError);
  const message = useCurrentMessage(mailbox, handleHostError);
  const state = useSessionState(session);
  // Drafts and creates per email, for as long as the pane: a create outlives its email's form.
  const newIssues = useMemo(
    () =>
      createNewIssueStore({
        session,
        drafts,
        mailContent,
        emailLinks,
        destinations: createDestinationMemory(settings),
        locale,
        ...(linkIconUrl ? { linkIconUrl } : {}),
      }),
    [session, drafts, mailContent, emailLinks, settings, locale, linkIconUrl]
  );

  const handleSignIn = useCallback(() => void session.signIn(), [session]);
  const handleSignOut = useCallback(() => void session.signOut(), [session]);
  const handleRetrySave = useCallback(() => void session.retrySave(), [session]);
  const handleDismissNotice = useCallback(() => session.dismissNotice(), [session]);

  const notice =
    state.status === "signed_out" || state.status === "signed_in" ? state.notice : undefined;
  const signInCard =
    state.status === "signed_out" || (state.status === "signing_in" && !state.reconnecting);
  const connected = connectedView(state);
  const attachmentLimits = useAttachmentMeta(session, state.status === "signed_in");
  const jiraBaseUrl = "jiraBaseUrl" in state ? state.jiraBaseUrl : undefined;

  // Every slot below keeps its place whatever the state, so the form (and what is typed in it)
  // stays mounted from signed in through "connection ended" and the new sign-in.
  return (
    <FluentProvider
      theme={themeName === "dark" ? webDarkTheme : webLightTheme}
      data-theme={themeName}
    >
      {/* The layout lives on this div, not on the provider: Fluent copies the provider's classes
          onto its portals' mount node (the pickers' lists), which would then cover the pane. */}
      <div className={styles.root}>
        <Header />
        <main className={styles.main}>
          {hostProblem && (
            <MessageBar intent="warning" className={styles.problem}>
              <MessageBarBody>
                {hostProblem} The pane may not follow your selection; reopen it if it looks stale.
              </MessageBarBody>
            </MessageBar>
          )}
          {notice && (
            <SessionNoticeBar
              notice={notice}
              onRetrySave={handleRetrySave}
              onDismiss={handleDismissNotice}
            />
          )}
          {state.status === "starting" && <Spinner size="small" label="Connecting…" />}
          {state.status === "not_configured" && <NotConfiguredCard notice={state.notice} />}
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
            <CurrentEmailCard message={message} locale={locale} />
          ) : (
            <EmptyState title="No email selected">
              Select an email in Outlook to create a Jira issue from it.
            </EmptyState>
          )}
          {message && jiraBaseUrl && (
            <EmailLinksSection
              key={`links:${newIssueItemFor(message).key}`}
              emailLinks={emailLinks}
              newIssues={newIssues}
              message={message}
              jiraBaseUrl={jiraBaseUrl}
            />
          )}
          {connected && message && (
            <NewIssueForm
              key={newIssueItemFor(message).key}
              session={session}
              newIssues={newIssues}
              message={message}
              jiraBaseUrl={connected.jiraBaseUrl}
              signedIn={connected.status === "signed_in"}
              connectionEnded={connected.status !== "signed_in"}
              capabilities={mailContent.capabilities}
              {...(attachmentLimits ? { attachmentLimits } : {})}
              locale={locale}
            />
          )}
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
