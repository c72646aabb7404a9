/**
 * The "Add to issue" form's render (markup only, no effects): its controls found by label and
 * role as the user (and the e2e tests) find them, a stored draft shown as typed, and each state of
 * a comment (running, added with its permalink, partly failed, uncertain); the "already added"
 * warning; whatever Jira or the email says shown as text, never as markup. The finder's lists, the
 * conversion and the links load in effects, after this render; the e2e tests drive them.
 */
import type { ReactElement } from "react";
import { activateLanguage } from "../../../../src/i18n/translate";
import type { JiraClient } from "../../../../src/jira/create-jira-client";
import { CommentUncertainError } from "../../../../src/jira/add-comment-once";
import { initialCommentDraft } from "../../../../src/ui/add-to-issue/add-to-issue-draft";
import { createAddToIssueStore } from "../../../../src/ui/add-to-issue/add-to-issue-store";
import type { AddToIssueStore } from "../../../../src/ui/add-to-issue/add-to-issue-store";
import { planCommentDelivery } from "../../../../src/ui/add-to-issue/comment-delivery";
import { AddToIssueForm } from "../../../../src/ui/add-to-issue/components/AddToIssueForm";
import { AlreadyAddedBar } from "../../../../src/ui/add-to-issue/components/AlreadyAddedBar";
import { CommentProblemBar } from "../../../../src/ui/add-to-issue/components/CommentProblemBar";
import { VisibilityPicker } from "../../../../src/ui/add-to-issue/components/VisibilityPicker";
import { storedCommentValueOf } from "../../../../src/ui/add-to-issue/stored-comment-entry";
import { createDestinationMemory } from "../../../../src/ui/new-issue/destination-memory";
import { deliveryStepLabel, withStep } from "../../../../src/ui/new-issue/delivery";
import type { JiraSession } from "../../../../src/ui/ports";
import { deferred } from "../../../support/deferred";
import { createMemorySettings } from "../../session/session-fakes";
import { all, controlOf, first, labelTexts, renderDocument } from "../field-editing/render-markup";
import { memoryDrafts } from "../memory-drafts";
import { memoryEmailLinks, memoryMailContent } from "../ui-fakes";
import { JIRA, item, message, request, sup2 } from "./comment-fixture";

const HOSTILE = '<img src=x onerror="alert(1)">';
const noop = () => undefined;

// Rendering reads nothing from the session: every use is in an effect or a handler.
const session = {} as JiraSession;

function storeWith(
  stored: Record<string, unknown> = {},
  withJira: JiraSession["withJira"] = session.withJira
): AddToIssueStore {
  return createAddToIssueStore({
    session: { withJira },
    drafts: memoryDrafts(stored),
    mailContent: memoryMailContent(message),
    emailLinks: memoryEmailLinks(),
    destinations: createDestinationMemory(createMemorySettings()),
    locale: "en-US",
  });
}

function render(store: AddToIssueStore, connectionEnded = false) {
  return renderDocument(
    <AddToIssueForm
      session={session}
      addToIssue={store}
      mailContent={memoryMailContent(message)}
      emailLinks={memoryEmailLinks()}
      message={message}
      jiraBaseUrl={JIRA}
      signedIn={!connectionEnded}
      connectionEnded={connectionEnded}
      locale="en-US"
      conversationKeys={[]}
      linksRevision={0}
    />
  );
}

/** The button whose text is `text`. */
function button(doc: Document, text: string): Element {
  const found = all(doc, "button").filter((candidate) => candidate.textContent?.trim() === text);
  if (found.length !== 1) throw new Error(`${found.length} buttons "${text}"`);
  return found[0] as Element;
}

const typed = {
  ...initialCommentDraft({ issue: sup2 }),
  comment: "It dropped again.",
  commentState: "edited" as const,
};

describe("AddToIssueForm", () => {
  it("has the heading, the Issue finder, the Comment, the files, Visible to and Add comment", () => {
    const { doc } = render(storeWith());
    expect(first(doc, '[data-testid="add-to-issue-form"] h2')?.textContent).toBe("Add to issue");
    expect(labelTexts(doc)).toEqual(
      expect.arrayContaining([
        "Issue",
        "Include a header block (From, Sent, To, Cc, Subject)",
        "Cut the quoted reply history",
        "Comment",
        "log.txt",
        "Attach the email (.eml)",
        "Visible to",
      ])
    );
    expect(controlOf(doc, "Issue").getAttribute("role")).toBe("combobox");
    expect(controlOf(doc, "Comment").tagName).toBe("TEXTAREA");
    const visibleTo = controlOf(doc, "Visible to");
    expect(visibleTo.getAttribute("role")).toBe("combobox");
    expect(visibleTo.textContent).toContain("Everyone who can see the issue");
    expect(first(doc, '[role="switch"]')).not.toBeNull();
    // No issue chosen (and the email not converted yet): nothing to send.
    expect(button(doc, "Add comment").hasAttribute("disabled")).toBe(true);
  });

  it("shows a stored draft as typed and the chosen issue; Add comment waits for the email's links", () => {
    const { doc } = render(storeWith({ [item.key]: storedCommentValueOf(typed) }));
    expect(controlOf(doc, "Comment").textContent).toBe("It dropped again.");
    const chosen = first(doc, '[data-testid="chosen-issue"]');
    expect(chosen?.textContent).toContain("SUP-2");
    expect(chosen?.textContent).toContain("VPN drops every hour");
    // Outlook answers in an effect (add-to-issue-live.test.tsx): until then no warning could show.
    expect(button(doc, "Add comment").hasAttribute("disabled")).toBe(true);
  });

  it("after a lost answer: says so, holds the issue and Visible to, and offers to forget the try", () => {
    const uncertain = {
      ...typed,
      previousAttemptUncertain: true,
      uncertainIssue: { id: "10002", key: "SUP-2" },
      attemptId: "a-1",
    };
    const { doc } = render(storeWith({ [item.key]: storedCommentValueOf(uncertain) }));
    const note = first(doc, '[data-testid="uncertain-attempt"]');
    expect(note?.textContent).toContain(
      "The last try may have added this comment already, to SUP-2: Add comment looks for it there first"
    );
    expect(button(doc, "Forget the last try")).toBeTruthy();
    expect(controlOf(doc, "Issue").hasAttribute("disabled")).toBe(true);
    expect(controlOf(doc, "Visible to").hasAttribute("disabled")).toBe(true);
    expect(controlOf(doc, "Comment").hasAttribute("readonly")).toBe(false);
  });

  it("while the comment is added: the steps, a busy Add comment, and what screen readers hear", () => {
    const store = storeWith(
      { [item.key]: storedCommentValueOf(typed) },
      () => deferred<never>().promise
    );
    store.addComment(item, message, { ...request, uploads: [] });
    const { doc, html } = render(store);
    expect(button(doc, "Add comment").getAttribute("aria-disabled")).toBe("true");
    expect(html).toContain('data-testid="delivery-steps"');
    expect(html).toContain('data-step="comment" data-status="pending"');
    expect(first(doc, '[role="status"]')?.textContent).toBe("Reading the email's files…");
  });

  it("after the comment: 'Added to SUP-2' linking to the comment, the steps, Retry and Done", () => {
    let delivery = planCommentDelivery({
      startedAt: 1,
      jiraBaseUrl: JIRA,
      issue: { ...sup2, summary: `VPN ${HOSTILE}` },
      attemptId: "a-1",
      uploads: [],
      remoteLink: true,
    });
    delivery = withStep(delivery, "comment", { status: "done" });
    delivery = withStep(delivery, "remote-link", { status: "failed", problem: { message: "No" } });
    delivery = withStep(delivery, "issue-property", { status: "done" });
    delivery = withStep(delivery, "email-link", { status: "done" });
    const added = {
      ...delivery,
      comment: { id: "10100", issueKey: "SUP-2", self: "x", recovered: true },
    };
    const store = storeWith({ [item.key]: storedCommentValueOf(typed, added) });
    const { doc, html } = render(store);
    const card = first(doc, '[data-testid="comment-added"]');
    expect(card?.querySelector("h3")?.textContent).toBe("Added to SUP-2");
    expect(card?.querySelector("h3 a")?.getAttribute("href")).toBe(
      `${JIRA}/browse/SUP-2?focusedCommentId=10100#comment-10100`
    );
    expect(html).toContain("It had already been added; the answer was lost on the way.");
    expect(html).toContain("The comment was added, but one step failed.");
    expect(button(doc, "Retry failed steps")).toBeTruthy();
    expect(button(doc, "Done")).toBeTruthy();
    expect(html).not.toContain("<img");
    expect(first(doc, '[role="status"]')?.textContent).toBe(
      "Comment added to SUP-2. 1 step failed."
    );
  });

  it("an uncertain comment: the problem with its code, and Try again", async () => {
    const lost = new CommentUncertainError("SUP-2", new Error("502"));
    const store = storeWith(
      { [item.key]: storedCommentValueOf(typed) },
      <T,>(_operation: (client: JiraClient) => Promise<T>) => Promise.reject(lost)
    );
    store.addComment(item, message, { ...request, uploads: [] });
    await new Promise((resolve) => setImmediate(resolve));
    const { doc } = render(store);
    const problem = first(doc, '[data-testid="add-to-issue-problem"]');
    expect(problem?.getAttribute("data-code")).toBe("comment_uncertain");
    expect(problem?.textContent).toContain("may or may not have been added to SUP-2");
    expect(problem?.textContent).toContain("Try again looks for it in Jira first");
    expect(button(doc, "Try again")).toBeTruthy();
  });
});

describe("the parts of the form", () => {
  it("AlreadyAddedBar names the issue and the date, and offers Add it again", () => {
    const { doc } = renderDocument(
      <AlreadyAddedBar
        link={{
          issueKey: "SUP-2",
          issueId: "10002",
          jiraBaseUrl: JIRA,
          kind: "commented",
          linkedAt: "2026-12-04T09:00:00.000Z",
        }}
        disabled={false}
        onAddAgain={noop}
      />
    );
    const bar = first(doc, '[data-testid="already-added"]');
    expect(bar?.textContent).toContain("This email was already added to SUP-2 on Dec 4, 2026.");
    expect(button(doc, "Add it again")).toBeTruthy();
  });

  it("CommentProblemBar explains Jira's refusal with its code", () => {
    const html = renderDocument(
      <CommentProblemBar
        error={Object.assign(new Error("x"), { code: "sign_in_required" })}
        jiraBaseUrl={JIRA}
        onTryAgain={noop}
        onDismiss={noop}
      />
    ).html;
    expect(html).toContain('data-code="sign_in_required"');
    expect(html).toContain("Not added: sign in to Jira to continue.");
  });

  it("VisibilityPicker shows the chosen role, or everyone, and says why the choices are missing", () => {
    const element = (props: Partial<Parameters<typeof VisibilityPicker>[0]>): ReactElement => (
      <VisibilityPicker
        choices={{ status: "loading", retry: noop }}
        value={undefined}
        disabled={false}
        jiraBaseUrl={JIRA}
        onChange={noop}
        {...props}
      />
    );
    const role = { type: "role" as const, value: "Developers" };
    expect(
      controlOf(renderDocument(element({ value: role })).doc, "Visible to").textContent
    ).toContain("Role: Developers");
    // Jira lists every role of the project, but takes only the user's own.
    const loaded = renderDocument(
      element({ choices: { status: "loaded", value: [role], retry: noop } })
    );
    expect(loaded.doc.body.textContent).toContain(
      "Jira accepts only roles and groups you belong to. Only the comment is restricted"
    );
    const failed = renderDocument(
      element({ choices: { status: "failed", error: new Error("offline"), retry: noop } })
    );
    expect(failed.html).toContain('data-testid="add-to-issue-load-problem"');
    expect(failed.html).toContain("Couldn&#x27;t load the roles and groups");
  });
});

describe("in German", () => {
  beforeEach(async () => {
    await activateLanguage("de-DE");
  });
  afterEach(async () => {
    await activateLanguage("en-US");
  });

  it("names the form, its controls and Add comment in German", () => {
    const { doc } = render(storeWith());
    expect(first(doc, '[data-testid="add-to-issue-form"] h2')?.textContent).toBe(
      "Zu Vorgang hinzufügen"
    );
    expect(labelTexts(doc)).toEqual(
      expect.arrayContaining([
        "Vorgang",
        "Kommentar",
        "Sichtbar für",
        "Erledigte Vorgänge ausblenden",
      ])
    );
    expect(controlOf(doc, "Sichtbar für").textContent).toContain(
      "Alle, die den Vorgang sehen dürfen"
    );
    expect(controlOf(doc, "Vorgang").getAttribute("placeholder")).toBe(
      "Schlüssel oder Wörter der Zusammenfassung eingeben"
    );
    expect(button(doc, "Kommentar hinzufügen").hasAttribute("disabled")).toBe(true);
    expect(doc.body.textContent).not.toContain("Add comment");
  });

  it("says when the email was already added, with the date as Germans write it", () => {
    const { doc } = renderDocument(
      <AlreadyAddedBar
        link={{
          issueKey: "SUP-2",
          issueId: "10002",
          jiraBaseUrl: JIRA,
          kind: "commented",
          linkedAt: "2026-12-04T09:00:00.000Z",
        }}
        disabled={false}
        onAddAgain={noop}
      />
    );
    expect(first(doc, '[data-testid="already-added"]')?.textContent).toContain(
      "Diese E-Mail wurde bereits am 04.12.2026 zu SUP-2 hinzugefügt."
    );
    expect(button(doc, "Erneut hinzufügen")).toBeTruthy();
  });

  it("puts the linked key into the German heading of the result, and counts failed steps", () => {
    let delivery = planCommentDelivery({
      startedAt: 1,
      jiraBaseUrl: JIRA,
      issue: sup2,
      attemptId: "a-1",
      uploads: [],
      remoteLink: true,
    });
    expect(deliveryStepLabel(delivery.steps[0]!, "SUP-2")).toBe("Kommentar zu SUP-2 hinzufügen");
    delivery = withStep(delivery, "comment", { status: "done" });
    delivery = withStep(delivery, "remote-link", { status: "failed", problem: { message: "x" } });
    delivery = withStep(delivery, "issue-property", {
      status: "failed",
      problem: { message: "x" },
    });
    delivery = withStep(delivery, "email-link", { status: "done" });
    const added = {
      ...delivery,
      comment: { id: "10100", issueKey: "SUP-2", self: "x", recovered: false },
    };
    const { doc, html } = render(storeWith({ [item.key]: storedCommentValueOf(typed, added) }));
    const heading = first(doc, '[data-testid="comment-added"] h3');
    expect(heading?.textContent).toBe("Hinzugefügt zu SUP-2");
    expect(heading?.querySelector("a")?.textContent).toBe("SUP-2");
    expect(html).toContain("Der Kommentar wurde hinzugefügt, aber 2 Schritte sind fehlgeschlagen.");
    expect(button(doc, "Fertig")).toBeTruthy();
    expect(first(doc, '[role="status"]')?.textContent).toBe(
      "Kommentar zu SUP-2 hinzugefügt. 2 Schritte fehlgeschlagen."
    );
  });

  it("names roles and groups in German, Jira's own names untranslated", () => {
    const developers = { type: "role" as const, value: "Developers" };
    const users = { type: "group" as const, value: "jira-users" };
    const { doc } = renderDocument(
      <VisibilityPicker
        choices={{ status: "loaded", value: [developers, users], retry: noop }}
        value={developers}
        disabled={false}
        jiraBaseUrl={JIRA}
        onChange={noop}
      />
    );
    expect(controlOf(doc, "Sichtbar für").textContent).toContain("Rolle: Developers");
    expect(doc.body.textContent).toContain(
      "Jira akzeptiert nur Rollen und Gruppen, denen Sie angehören."
    );
  });
});
