/**
 * The task pane UI against hand-made ports (no Office, no Jira): what it shows for an email, for
 * no email, for each state of the Jira session, and how it follows selection and theme changes
 * reported by the host. The session stand-in only reports a fixed state: the session itself is
 * tested in test/unit/session/.
 */
import { renderToStaticMarkup } from "react-dom/server";
import type { MailMessage } from "../../../src/mail/mail-message";
import { App } from "../../../src/ui/App";
import { preloadEmailWork } from "../../../src/ui/lazy-email-work";
import type {
  DraftStore,
  MailboxPort,
  SessionState,
  ThemeName,
  ThemePort,
} from "../../../src/ui/ports";
import { storedValueOf } from "../../../src/ui/new-issue/stored-entry";
import { initialDraftFor } from "../../../src/ui/new-issue/new-issue-draft";
import { createMemorySettings } from "../session/session-fakes";
import { memoryDrafts } from "./memory-drafts";
import { fixedSession, memoryEmailLinks, memoryMailContent } from "./ui-fakes";

const message: MailMessage = {
  itemId: "item-1",
  subject: "RE: [SUP-2] VPN drops every hour",
  from: { name: "Chris Young", address: "chris@contoso.example" },
  to: [],
  cc: [],
  sentAt: new Date("2026-11-30T09:15:00Z"),
  internetMessageId: "<1@contoso.example>",
  conversationId: "conv-1",
  attachments: [
    {
      id: "a1",
      name: "log.txt",
      contentType: "text/plain",
      size: 10,
      isInline: false,
      attachmentType: "file",
    },
    {
      id: "a2",
      name: "image001.png",
      contentType: "image/png",
      size: 10,
      isInline: true,
      attachmentType: "file",
    },
  ],
};

const JIRA = "https://jira.example.com";
const jane = { name: "jane", displayName: "Jane Doe" };
const signedIn: SessionState = { status: "signed_in", jiraBaseUrl: JIRA, account: jane };

function fixedMailbox(current: MailMessage | null): MailboxPort {
  return { currentMessage: () => current, subscribeToMessageChanges: () => () => undefined };
}

function fixedTheme(theme: ThemeName): ThemePort {
  return { current: () => theme, subscribe: () => () => undefined };
}

interface RenderOptions {
  current?: MailMessage | null;
  theme?: ThemeName;
  state?: SessionState;
  drafts?: DraftStore;
}

const render = ({
  current = message,
  theme = "light",
  state = signedIn,
  drafts = memoryDrafts(),
}: RenderOptions = {}) =>
  renderToStaticMarkup(
    <App
      mailbox={fixedMailbox(current)}
      theme={fixedTheme(theme)}
      locale="en-US"
      session={fixedSession(state)}
      drafts={drafts}
      mailContent={memoryMailContent(message)}
      emailLinks={memoryEmailLinks()}
      settings={createMemorySettings()}
      linkIconUrl="https://addin.example.com/icon-16.png"
    />
  );

describe("App", () => {
  // The work views (tabs, forms, linked issues) are a lazily loaded chunk: until it is in, the
  // connected pane says "Loading…" where they go; once loaded, every render below includes them.
  beforeAll(async () => {
    const loading = render();
    expect(loading).toContain("Loading…");
    expect(loading).not.toContain('data-testid="new-issue-form"');
    preloadEmailWork();
    await import("../../../src/ui/email-work");
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(render()).toContain('data-testid="new-issue-form"');
  });

  it("shows the current email's subject, sender, date and file attachments (inline images not counted)", () => {
    const html = render();
    expect(html).toContain("RE: [SUP-2] VPN drops every hour");
    expect(html).toContain("<bdi>Chris Young</bdi> &lt;<bdi>chris@contoso.example</bdi>&gt;");
    expect(html).toContain("Nov 30, 2026");
    expect(html).toContain("1 attachment");
    expect(html).toContain('data-theme="light"');
  });

  it("says no email is selected when the pinned pane has no item", () => {
    const html = render({ current: null });
    expect(html).toContain("No email selected");
    expect(html).not.toContain("Current email");
    expect(html).not.toContain('data-testid="new-issue-form"');
  });

  it("uses the dark theme when Office is dark", () => {
    expect(render({ theme: "dark" })).toContain('data-theme="dark"');
  });

  it("escapes markup in email fields instead of rendering it", () => {
    const hostile = { ...message, subject: '<img src=x onerror="alert(1)">Hi' };
    const html = render({ current: hostile });
    expect(html).not.toContain("<img src=x");
    expect(html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;Hi");
  });
});

describe("App and the Jira session", () => {
  it("says it is connecting while the session starts", () => {
    const html = render({ state: { status: "starting" } });
    expect(html).toContain("Connecting…");
    expect(html).not.toContain("Sign in to Jira");
    expect(html).toContain("RE: [SUP-2] VPN drops every hour");
  });

  it("offers Sign in to Jira when signed out, with the email still shown and no form", () => {
    const html = render({ state: { status: "signed_out", jiraBaseUrl: JIRA } });
    expect(html).toContain("Connect to Jira");
    expect(html).toContain("Sign in to Jira");
    expect(html).toContain("Jira: jira.example.com");
    expect(html).toContain("RE: [SUP-2] VPN drops every hour");
    expect(html).not.toContain('data-testid="new-issue-form"');
    expect(html).not.toContain("Signed in as");
  });

  it("shows the session's notice while signed out", () => {
    const html = render({
      state: {
        status: "signed_out",
        jiraBaseUrl: JIRA,
        notice: {
          code: "signed_out",
          intent: "info",
          title: "Signed out of Jira",
          message: "The add-in forgot your Jira sign-in.",
          link: {
            label: "Revoke the token in Jira",
            url: `${JIRA}/plugins/servlet/oauth/users/access-tokens`,
          },
        },
      },
    });
    expect(html).toContain('data-testid="session-notice"');
    expect(html).toContain('data-code="signed_out"');
    expect(html).toContain("Revoke the token in Jira");
  });

  it("disables the sign-in button and says it waits for Jira while signing in", () => {
    const html = render({
      state: { status: "signing_in", jiraBaseUrl: JIRA, reconnecting: false },
    });
    expect(html).toContain("Waiting for Jira…");
    expect(html).toMatch(/<button[^>]*aria-disabled="true"[^>]*>Sign in to Jira<\/button>/);
  });

  it("shows who is signed in, Sign out, the email and the New issue form when signed in", () => {
    const html = render();
    expect(html).toContain(">Signed in as Jane Doe<");
    expect(html).toContain("Jira: jira.example.com");
    expect(html).toContain(">Sign out</button>");
    expect(html).toContain('data-testid="new-issue-form"');
    expect(html).toContain("RE: [SUP-2] VPN drops every hour");
    expect(html).not.toContain("Sign in to Jira");
    expect(html).not.toContain('data-testid="connection-ended"');
  });

  it("offers the two views of the email as tabs, New issue first and chosen", () => {
    const html = render();
    // Fluent keeps a hidden copy of an unselected tab's text (room for the bold selected look).
    const tabs = [...html.matchAll(/<button[^>]*role="tab"[^>]*>(.*?)<\/button>/g)].map(
      ([tag, inner]) => [
        (inner ?? "")
          .replace(/<span class="fui-Tab__content--reserved-space[^>]*>.*?<\/span>/, "")
          .replace(/<[^>]+>/g, ""),
        /aria-selected="true"/.test(tag ?? ""),
      ]
    );
    expect(tabs).toEqual([
      ["New issue", true],
      ["Add to issue", false],
    ]);
    expect(html).toContain('data-testid="new-issue-form"');
    expect(html).not.toContain('data-testid="add-to-issue-form"');
    expect(render({ state: { status: "signed_out", jiraBaseUrl: JIRA } })).not.toContain(
      'role="tab"'
    );
    expect(render({ current: null })).not.toContain('role="tab"');
  });

  it("keeps the account, the email and the form when the connection ended, and offers Sign in again", () => {
    const html = render({
      state: {
        status: "ended",
        jiraBaseUrl: JIRA,
        account: jane,
        waitingOperations: 1,
        notice: {
          code: "token_rejected",
          intent: "warning",
          title: "Jira connection ended",
          message: "Jira no longer accepts the add-in's access.",
        },
      },
      drafts: memoryDrafts({
        "new-issue:item-1": storedValueOf({
          ...initialDraftFor(message),
          projectKey: "OPS",
          issueTypeId: "10002",
          summary: "Typed before it ended",
          description: "Kept",
          descriptionState: "edited",
        }),
      }),
    });
    expect(html).toContain('data-testid="connection-ended"');
    expect(html).toContain("Your Jira connection ended");
    expect(html).toContain("Jira no longer accepts the add-in&#x27;s access.");
    expect(html).toContain("What you typed is kept; the work continues after you sign in.");
    expect(html).toContain("1 action is waiting for the sign-in.");
    expect(html).toContain(">Sign in again</button>");
    expect(html).toContain(">Signed in as Jane Doe<");
    expect(html).toContain('data-testid="new-issue-form"');
    expect(html).toContain('value="Typed before it ended"');
  });

  it("keeps the form while signing in again, with the banner's button waiting", () => {
    const html = render({
      state: { status: "signing_in", jiraBaseUrl: JIRA, reconnecting: true, account: jane },
    });
    expect(html).toContain("Your Jira connection ended");
    expect(html).toMatch(/<button[^>]*aria-disabled="true"[^>]*>Sign in again<\/button>/);
    expect(html).toContain("Waiting for Jira…");
    expect(html).toContain('data-testid="new-issue-form"');
    expect(html).not.toContain("Connect to Jira");
  });

  it("says the add-in is not set up when the configuration is wrong", () => {
    const html = render({
      state: {
        status: "not_configured",
        notice: {
          code: "config_missing",
          intent: "error",
          title: "Add-in not set up",
          message: "addin-config.json was not found.",
        },
      },
    });
    expect(html).toContain("Jira for Outlook is not set up");
    expect(html).toContain("addin-config.json was not found.");
    expect(html).toContain("Ask your administrator to check the add-in&#x27;s configuration.");
    expect(html).not.toContain("Sign in to Jira");
    expect(html).not.toContain('data-testid="new-issue-form"');
  });

  it("escapes a hostile display name and notice text", () => {
    const html = render({
      state: {
        status: "signed_in",
        jiraBaseUrl: JIRA,
        account: { name: "x", displayName: '<img src=x onerror="alert(1)">' },
        notice: {
          code: "token_not_saved",
          intent: "warning",
          title: "<b>title</b>",
          message: "<script>alert(2)</script>",
        },
      },
    });
    expect(html).not.toContain("<img src=x");
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<b>title");
    expect(html).toContain("Signed in as &lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
    expect(html).toContain("&lt;script&gt;alert(2)&lt;/script&gt;");
  });
});
