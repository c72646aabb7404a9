/**
 * The pane's frame in German and French (issue 9): the sign-in card, the account bar, the
 * current email, the tabs and the "nothing to show" texts come from the "app" strings of the
 * active language, with plurals and dates by Intl. English is checked by app.test.tsx and
 * session-views.test.tsx, which expect today's English texts unchanged.
 */
import { renderToStaticMarkup } from "react-dom/server";
import { activateLanguage } from "../../../src/i18n/translate";
import type { MailMessage } from "../../../src/mail/mail-message";
import { App } from "../../../src/ui/App";
import { AccountBar } from "../../../src/ui/components/AccountBar";
import { CurrentEmailCard } from "../../../src/ui/components/CurrentEmailCard";
import { SignInCard } from "../../../src/ui/components/SignInCard";
import { ViewLoadProblem } from "../../../src/ui/components/ViewLoadBoundary";
import { jiraHostCaption } from "../../../src/ui/jira-host-caption";
import { preloadEmailWork } from "../../../src/ui/lazy-email-work";
import { NotInOutlook } from "../../../src/ui/NotInOutlook";
import type { SessionState } from "../../../src/ui/ports";
import { createMemorySettings } from "../session/session-fakes";
import { memoryDrafts } from "./memory-drafts";
import { file, fixedSession, memoryEmailLinks, memoryMailContent, sampleMessage } from "./ui-fakes";

const JIRA = "https://jira.example.com";
const noop = () => undefined;
const message = sampleMessage({ subject: "Drucker streikt" });

function renderApp(state: SessionState, current: MailMessage | null = message): string {
  return renderToStaticMarkup(
    <App
      mailbox={{ currentMessage: () => current, subscribeToMessageChanges: () => () => undefined }}
      theme={{ current: () => "light", subscribe: () => () => undefined }}
      locale="de-DE"
      session={fixedSession(state)}
      drafts={memoryDrafts()}
      mailContent={memoryMailContent(message)}
      emailLinks={memoryEmailLinks()}
      settings={createMemorySettings()}
    />
  );
}

/** The tabs' visible texts (Fluent keeps a hidden copy of each for the bold selected look). */
function tabTexts(html: string): string[] {
  return [...html.matchAll(/<button[^>]*role="tab"[^>]*>(.*?)<\/button>/g)].map(([, inner]) =>
    (inner ?? "")
      .replace(/<span class="fui-Tab__content--reserved-space[^>]*>.*?<\/span>/, "")
      .replace(/<[^>]+>/g, "")
  );
}

afterEach(async () => {
  await activateLanguage("en-US");
});

describe("the pane's frame in German", () => {
  beforeAll(async () => {
    preloadEmailWork();
    await import("../../../src/ui/email-work");
    await new Promise((resolve) => setTimeout(resolve, 0));
  });

  beforeEach(async () => {
    await activateLanguage("de-DE");
  });

  it("offers the sign-in in German, with the email card in German dates", () => {
    const html = renderApp({ status: "signed_out", jiraBaseUrl: JIRA });
    expect(html).toContain("Mit Jira verbinden");
    expect(html).toMatch(/<button[^>]*>Bei Jira anmelden<\/button>/);
    expect(html).toContain("Melden Sie sich mit Ihrem Jira-Konto an.");
    expect(html).toContain("Jira: jira.example.com");
    expect(html).toContain('aria-label="Aktuelle E-Mail"');
    expect(html).toContain("30.11.2026");
    expect(html).toContain("2 Anlagen");
    expect(html).not.toContain("Sign in to Jira");
    expect(html).not.toContain("Connect to Jira");
  });

  it("shows the account and the tabs in German when signed in", () => {
    const html = renderApp({
      status: "signed_in",
      jiraBaseUrl: JIRA,
      account: { name: "jane", displayName: "Jane Doe" },
    });
    expect(html).toContain(">Angemeldet als Jane Doe<");
    expect(html).toMatch(/<button[^>]*>Abmelden<\/button>/);
    expect(html).toContain('aria-label="Jira-Konto"');
    expect(tabTexts(html)).toEqual(["Neuer Vorgang", "Zu Vorgang hinzufügen"]);
    expect(html).toContain('aria-label="Was mit dieser E-Mail geschehen soll"');
    expect(html).not.toContain("Sign out");
  });

  it("says what to do with no email, while connecting, and outside Outlook", () => {
    const noEmail = renderApp({ status: "starting" }, null);
    expect(noEmail).toContain("Keine E-Mail ausgewählt");
    expect(noEmail).toContain(
      "Wählen Sie in Outlook eine E-Mail aus, um daraus einen Jira-Vorgang zu erstellen."
    );
    expect(noEmail).toContain("Verbindung wird hergestellt…");
    const outside = renderToStaticMarkup(<NotInOutlook />);
    expect(outside).toContain("Öffnen Sie dieses Add-In in Outlook");
    // The product name is a brand: the same in every language (and the e2e tests wait for it).
    expect(outside).toContain(">Jira for Outlook<");
  });

  it("counts one attachment in the singular and names a missing subject and sender", () => {
    const html = renderToStaticMarkup(
      <CurrentEmailCard
        message={{
          ...message,
          subject: "",
          from: null,
          attachments: [file("a", "a.txt", "text/plain", 1)],
        }}
      />
    );
    expect(html).toContain("1 Anlage<");
    expect(html).toContain("(kein Betreff)");
    expect(html).toContain("Unbekannter Absender");
  });

  it("offers the reload of a view that failed, and waits for Jira while signing in", () => {
    const problem = renderToStaticMarkup(<ViewLoadProblem onReload={noop} />);
    expect(problem).toContain("Dieser Teil des Bereichs konnte nicht angezeigt werden");
    expect(problem).toMatch(/<button[^>]*>Bereich neu laden<\/button>/);
    const signingIn = renderToStaticMarkup(
      <SignInCard jiraBaseUrl={JIRA} signingIn onSignIn={noop} />
    );
    expect(signingIn).toContain("Warten auf Jira…");
  });
});

describe("the pane's frame in French", () => {
  beforeEach(async () => {
    await activateLanguage("fr-FR");
  });

  it("speaks French on the account bar, the email card and the host caption", () => {
    const bar = renderToStaticMarkup(
      <AccountBar
        account={{ name: "jane", displayName: "Jane Doe" }}
        jiraBaseUrl={JIRA}
        onSignOut={noop}
      />
    );
    expect(bar).toContain(">Connecté en tant que Jane Doe<");
    expect(bar).toMatch(/<button[^>]*>Se déconnecter<\/button>/);
    expect(jiraHostCaption("https://127.0.0.1:8443/jira")).toBe("Jira : 127.0.0.1:8443");
    const card = renderToStaticMarkup(<CurrentEmailCard message={message} />);
    expect(card).toContain("2 pièces jointes");
    expect(card).toContain("30 nov. 2026");
  });
});
