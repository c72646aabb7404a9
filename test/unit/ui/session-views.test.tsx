/**
 * The session's views on their own, rendered to markup: the texts the user (and the e2e tests)
 * rely on, the notice bar's link and buttons, and that text from Jira or the session is escaped.
 */
import { renderToStaticMarkup } from "react-dom/server";
import type { ReactElement } from "react";
import { activateLanguage } from "../../../src/i18n/translate";
import { AccountBar } from "../../../src/ui/components/AccountBar";
import { ConnectionEndedBanner } from "../../../src/ui/components/ConnectionEndedBanner";
import { NotConfiguredCard } from "../../../src/ui/components/NotConfiguredCard";
import { SessionNoticeBar } from "../../../src/ui/components/SessionNoticeBar";
import { SignInCard } from "../../../src/ui/components/SignInCard";
import { jiraHostCaption } from "../../../src/ui/jira-host-caption";
import type { SessionNotice } from "../../../src/ui/ports";

const render = (element: ReactElement) => renderToStaticMarkup(element);
const noop = () => undefined;
const HOSTILE = '<img src=x onerror="alert(1)">';
const ESCAPED = "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;";

const notice: SessionNotice = {
  code: "signed_out",
  intent: "info",
  title: "Signed out of Jira",
  message: "The add-in forgot your Jira sign-in on this mailbox.",
  link: {
    label: "Revoke the token in Jira",
    url: "https://jira.example.com/plugins/servlet/oauth/users/access-tokens",
  },
};

describe("SignInCard", () => {
  it("explains the sign-in, offers the button and names the Jira host", () => {
    const html = render(
      <SignInCard jiraBaseUrl="https://jira.example.com/jira" signingIn={false} onSignIn={noop} />
    );
    expect(html).toContain("Connect to Jira");
    expect(html).toContain(
      "Sign in with your Jira account. You approve access on Jira&#x27;s own page; the add-in never sees your password."
    );
    expect(html).toMatch(/<button[^>]*>Sign in to Jira<\/button>/);
    expect(html).not.toMatch(/<button[^>]*disabled/);
    expect(html).toContain("Jira: jira.example.com");
    expect(html).not.toContain("Waiting for Jira…");
  });

  // A focused button that becomes `disabled` loses focus to <body>: the button the keyboard user
  // pressed stays focusable (aria-disabled), so they are still on it when the dialog closes.
  it("makes the button unavailable, still focusable, with a spinner while signing in", () => {
    const html = render(
      <SignInCard jiraBaseUrl="https://jira.example.com" signingIn onSignIn={noop} />
    );
    expect(html).toMatch(
      /<button(?![^>]*\sdisabled="")[^>]*aria-disabled="true"[^>]*>Sign in to Jira<\/button>/
    );
    expect(html).toContain("Waiting for Jira…");
  });
});

describe("jiraHostCaption", () => {
  it("shows the host with its port, and a non-URL as it is", () => {
    expect(jiraHostCaption("https://jira.example.com")).toBe("Jira: jira.example.com");
    expect(jiraHostCaption("https://127.0.0.1:8443/ctx")).toBe("Jira: 127.0.0.1:8443");
    expect(jiraHostCaption("not a url")).toBe("Jira: not a url");
  });
});

describe("AccountBar", () => {
  it("says who is signed in as one text, with the host and a subtle Sign out", () => {
    const html = render(
      <AccountBar
        account={{ name: "jane", displayName: "Jane Doe" }}
        jiraBaseUrl="https://jira.example.com"
        onSignOut={noop}
      />
    );
    expect(html).toMatch(/<span[^>]*dir="auto"[^>]*>Signed in as Jane Doe<\/span>/);
    expect(html).toContain("Jira: jira.example.com");
    expect(html).toMatch(/<button[^>]*>Sign out<\/button>/);
  });

  it("falls back to the username without a display name", () => {
    const html = render(
      <AccountBar
        account={{ name: "jane", displayName: "" }}
        jiraBaseUrl="https://j.example"
        onSignOut={noop}
      />
    );
    expect(html).toContain(">Signed in as jane<");
  });

  it("escapes a hostile display name", () => {
    const html = render(
      <AccountBar
        account={{ name: "x", displayName: HOSTILE }}
        jiraBaseUrl="https://j.example"
        onSignOut={noop}
      />
    );
    expect(html).not.toContain("<img");
    expect(html).toContain(`Signed in as ${ESCAPED}`);
  });
});

describe("SessionNoticeBar", () => {
  it("shows the notice with its code, title, message, safe link and Dismiss", () => {
    const html = render(<SessionNoticeBar notice={notice} onRetrySave={noop} onDismiss={noop} />);
    expect(html).toContain('data-testid="session-notice"');
    expect(html).toContain('data-code="signed_out"');
    expect(html).toContain("Signed out of Jira");
    expect(html).toContain("The add-in forgot your Jira sign-in on this mailbox.");
    expect(html).toMatch(
      /<a[^>]*href="https:\/\/jira.example.com\/plugins\/servlet\/oauth\/users\/access-tokens"[^>]*>Revoke the token in Jira<\/a>/
    );
    expect(html).toContain('target="_blank"');
    expect(html).toContain('rel="noopener noreferrer"');
    expect(html).toContain('aria-label="Dismiss"');
    expect(html).not.toContain("Try again");
  });

  it("offers Try again when the settings could not be saved", () => {
    const html = render(
      <SessionNoticeBar
        notice={{
          code: "token_not_saved",
          intent: "warning",
          title: "Sign-in not saved",
          message: "Outlook could not save it.",
          canRetrySave: true,
        }}
        onRetrySave={noop}
        onDismiss={noop}
      />
    );
    expect(html).toMatch(/<button[^>]*>Try again<\/button>/);
  });

  it("never turns a javascript: URL into a link", () => {
    const html = render(
      <SessionNoticeBar
        notice={{ ...notice, link: { label: "Click", url: "javascript:alert(1)" } }}
        onRetrySave={noop}
        onDismiss={noop}
      />
    );
    expect(html).not.toContain("javascript:");
    expect(html).toContain("Click");
  });

  it("escapes hostile titles, messages and link labels", () => {
    const html = render(
      <SessionNoticeBar
        notice={{
          code: "x",
          intent: "error",
          title: HOSTILE,
          message: `<script>alert(2)</script>`,
          link: { label: HOSTILE, url: "https://jira.example.com/" },
        }}
        onRetrySave={noop}
        onDismiss={noop}
      />
    );
    expect(html).not.toContain("<img");
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;alert(2)&lt;/script&gt;");
  });
});

describe("ConnectionEndedBanner", () => {
  const ended: SessionNotice = {
    code: "token_rejected",
    intent: "warning",
    title: "Jira connection ended",
    message: "Jira no longer accepts the add-in's access.",
  };

  it("says the connection ended, that the typed work is kept, and offers Sign in again", () => {
    const html = render(
      <ConnectionEndedBanner
        notice={ended}
        waitingOperations={0}
        signingIn={false}
        onSignIn={noop}
      />
    );
    expect(html).toContain('data-testid="connection-ended"');
    expect(html).toContain("Your Jira connection ended");
    expect(html).toContain("Jira no longer accepts the add-in&#x27;s access.");
    expect(html).toContain("What you typed is kept; the work continues after you sign in.");
    expect(html).toMatch(/<button[^>]*>Sign in again<\/button>/);
    expect(html).not.toContain("waiting for the sign-in");
  });

  it("mentions the actions waiting for the sign-in", () => {
    const one = render(
      <ConnectionEndedBanner
        notice={ended}
        waitingOperations={1}
        signingIn={false}
        onSignIn={noop}
      />
    );
    expect(one).toContain("1 action is waiting for the sign-in.");
    const three = render(
      <ConnectionEndedBanner
        notice={ended}
        waitingOperations={3}
        signingIn={false}
        onSignIn={noop}
      />
    );
    expect(three).toContain("3 actions are waiting for the sign-in.");
  });

  it("makes Sign in again unavailable, still focusable, with a spinner while signing in", () => {
    const html = render(<ConnectionEndedBanner waitingOperations={0} signingIn onSignIn={noop} />);
    expect(html).toMatch(
      /<button(?![^>]*\sdisabled="")[^>]*aria-disabled="true"[^>]*>Sign in again<\/button>/
    );
    expect(html).toContain("Waiting for Jira…");
  });

  it("escapes a hostile notice message", () => {
    const html = render(
      <ConnectionEndedBanner
        notice={{ ...ended, message: HOSTILE }}
        waitingOperations={0}
        signingIn={false}
        onSignIn={noop}
      />
    );
    expect(html).not.toContain("<img");
    expect(html).toContain(ESCAPED);
  });
});

describe("NotConfiguredCard", () => {
  it("says the add-in is not set up, why, and who can fix it", () => {
    const html = render(
      <NotConfiguredCard
        notice={{
          code: "config_missing",
          intent: "error",
          title: "Add-in not set up",
          message: `addin-config.json: ${HOSTILE}`,
        }}
      />
    );
    expect(html).toContain("Jira for Outlook is not set up");
    expect(html).toContain(`addin-config.json: ${ESCAPED}`);
    expect(html).toContain("Ask your administrator to check the add-in&#x27;s configuration.");
    expect(html).toContain('data-code="config_missing"');
    expect(html).not.toContain("<img");
    expect(html).toMatch(/<button[^>]*>Try again<\/button>/);
    expect(html).toContain("Once it is fixed, choose Try again.");
  });

  it("speaks German and French", async () => {
    const card = (
      <NotConfiguredCard
        notice={{ code: "runtime_config_missing", intent: "error", title: "", message: "…" }}
      />
    );
    try {
      await activateLanguage("de-DE");
      const german = render(card);
      expect(german).toContain("Jira for Outlook ist nicht eingerichtet");
      expect(german).toMatch(/<button[^>]*>Erneut versuchen<\/button>/);
      await activateLanguage("fr-FR");
      const banner = render(
        <ConnectionEndedBanner waitingOperations={2} signingIn={false} onSignIn={noop} />
      );
      expect(banner).toContain("Votre connexion à Jira a pris fin");
      expect(banner).toContain("2 actions attendent la connexion.");
      expect(banner).toMatch(/<button[^>]*>Se reconnecter<\/button>/);
    } finally {
      await activateLanguage("en-US");
    }
  });
});
