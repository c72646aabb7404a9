/**
 * The New issue form's render (markup only, no effects): the fields and their labels, that a draft
 * kept in the DraftStore comes back exactly as typed, and how a form mounted for an email shows
 * that email's create (running, waiting for a sign-in, created, failed). The Jira calls for the
 * lists happen in effects, after this render; the e2e tests drive them in a browser.
 */
import { renderToStaticMarkup } from "react-dom/server";
import type { JiraClient } from "../../../src/jira/create-jira-client";
import { IssueCreateUncertainError } from "../../../src/jira/create-issue-once";
import type { MailMessage } from "../../../src/mail/mail-message";
import { SessionError } from "../../../src/session/session-types";
import { NewIssueForm } from "../../../src/ui/components/NewIssueForm";
import { newIssueItemFor } from "../../../src/ui/new-issue-item";
import { createNewIssueStore } from "../../../src/ui/new-issue-store";
import type { NewIssueStore } from "../../../src/ui/new-issue-store";
import type { DraftStore, JiraSession } from "../../../src/ui/ports";
import { settle } from "../../support/deferred";

const message: MailMessage = {
  itemId: "item-7",
  subject: "  Printer jams\r\n on every job ",
  from: null,
  to: [],
  cc: [],
  sentAt: null,
  internetMessageId: "<7@example>",
  conversationId: "c7",
  attachments: [],
};

const typed = {
  projectKey: "OPS",
  issueTypeId: "10002",
  summary: "Typed summary",
  description: "",
  previousAttemptUncertain: false,
};

const fields = {
  projectKey: "OPS",
  issueTypeId: "10002",
  summary: "Typed summary",
  description: "",
};

// Rendering reads nothing from the session: every use is in an effect or a handler.
const session = {} as JiraSession;

function drafts(stored: Record<string, unknown>): DraftStore & { loaded: string[] } {
  const loaded: string[] = [];
  return {
    loaded,
    load: (key) => {
      loaded.push(key);
      return stored[key];
    },
    save: () => undefined,
    remove: () => undefined,
  };
}

/** A store whose one create ends as `outcome` says (never: it keeps running). */
function storeWithCreate(outcome: Promise<unknown>): NewIssueStore {
  const withJira = <T,>(_operation: (client: JiraClient) => Promise<T>) => outcome as Promise<T>;
  const store = createNewIssueStore({
    session: { withJira },
    drafts: drafts({ "new-issue:item-7": typed }),
  });
  store.create(newIssueItemFor(message), fields);
  return store;
}

const renderWith = (newIssues: NewIssueStore, connectionEnded = false) =>
  renderToStaticMarkup(
    <NewIssueForm
      session={session}
      newIssues={newIssues}
      message={message}
      jiraBaseUrl="https://jira.example.com"
      signedIn={!connectionEnded}
      connectionEnded={connectionEnded}
    />
  );

const render = (store: DraftStore) => renderWith(createNewIssueStore({ session, drafts: store }));

/** Every button's accessible name: its aria-label, else its text without aria-hidden parts. */
function buttonNames(html: string): string[] {
  return [...html.matchAll(/<button([^>]*)>(.*?)<\/button>/g)].map(([, attributes, inner]) => {
    const label = /aria-label="([^"]*)"/.exec(attributes ?? "")?.[1];
    const text = (inner ?? "")
      .replace(/<(\w+)[^>]*aria-hidden="true"[^>]*>.*?<\/\1>/g, "")
      .replace(/<[^>]+>/g, "")
      .trim();
    return label ?? text;
  });
}

/** The `<button>` start tag whose text is `text`. */
function buttonTag(html: string, text: string): string {
  const match = new RegExp(`(<button[^>]*>)${text}</button>`).exec(html);
  if (!match?.[1]) throw new Error(`No button "${text}" in the markup.`);
  return match[1];
}

describe("NewIssueForm", () => {
  it("has the form's test id, labelled fields and the Create issue button", () => {
    const html = render(drafts({}));
    expect(html).toContain('data-testid="new-issue-form"');
    for (const label of ["Project", "Issue type", "Summary", "Description"]) {
      expect(html).toMatch(new RegExp(`<label[^>]*>${label}`));
    }
    expect(html).toMatch(/<select[^>]*>/);
    expect(html).toMatch(/<button type="submit"[^>]*>Create issue<\/button>/);
    expect(html).toContain("Loading projects…");
  });

  it("names every field: each one's label points at it", () => {
    const html = render(drafts({}));
    const controls = [...html.matchAll(/<(select|input|textarea)\b[^>]*\bid="([^"]+)"/g)];
    expect(controls.map((control) => control[1])).toEqual([
      "select",
      "select",
      "input",
      "textarea",
    ]);
    for (const [, , id] of controls) expect(html).toContain(`<label for="${id}"`);
    expect(html).not.toMatch(/<(select|input|textarea)\b(?![^>]*\bid=)[^>]*>/);
  });

  it("starts from the email's subject when nothing is stored", () => {
    const store = drafts({});
    const html = render(store);
    expect(store.loaded).toEqual(["new-issue:item-7"]);
    expect(html).toContain('value="Printer jams on every job"');
  });

  it("brings back the stored draft exactly as typed", () => {
    const html = render(
      drafts({ "new-issue:item-7": { ...typed, description: "Line one\nLine <two>" } })
    );
    expect(html).toContain('value="Typed summary"');
    expect(html).toContain("Line one\nLine &lt;two&gt;</textarea>");
  });

  it("says the next create looks first after an uncertain attempt", () => {
    const html = render(
      drafts({ "new-issue:item-7": { ...typed, previousAttemptUncertain: true } })
    );
    expect(html).toContain(
      "The last try may have created this issue already: Create issue looks for it in Jira first, so it won&#x27;t be created twice."
    );
  });

  it("starts afresh from a stored value that isn't a draft", () => {
    const html = render(drafts({ "new-issue:item-7": { summary: 42 } }));
    expect(html).toContain('value="Printer jams on every job"');
  });
});

describe("NewIssueForm mounted while its email's create runs", () => {
  it("names every button in every state", async () => {
    const uncertain = storeWithCreate(
      Promise.reject(new IssueCreateUncertainError(new Error("504")))
    );
    const created = storeWithCreate(Promise.resolve({ id: "1", key: "OPS-1", self: "x" }));
    await settle();
    expect(buttonNames(render(drafts({})))).toEqual(["Create issue"]);
    expect(buttonNames(renderWith(storeWithCreate(new Promise(() => undefined)), true))).toEqual([
      "Create issue",
      "Cancel",
    ]);
    expect(buttonNames(renderWith(uncertain))).toEqual(["Dismiss", "Try again", "Create issue"]);
    expect(buttonNames(renderWith(created))).toEqual(["New issue"]);
  });

  it("shows the create running: nothing editable, Create unavailable, a spinner", () => {
    const html = renderWith(storeWithCreate(new Promise(() => undefined)));
    expect(html).toContain("Creating the issue…");
    expect(html).toMatch(/<input[^>]*readOnly=""[^>]*value="Typed summary"/);
    expect(html).toMatch(/<textarea[^>]*readOnly=""/);
    expect(buttonTag(html, "Create issue")).toContain('aria-disabled="true"');
  });

  // Bug: the Create button turned `disabled` while creating, and a focused control that becomes
  // disabled loses focus (the browser moves it to <body>): a keyboard user who pressed Create was
  // thrown out of the form just as the "connection ended" banner and Cancel appeared.
  it("keeps the busy Create button focusable, so the keyboard user keeps their place", () => {
    const tag = buttonTag(
      renderWith(storeWithCreate(new Promise(() => undefined))),
      "Create issue"
    );
    expect(tag).not.toMatch(/\sdisabled=""/);
    expect(tag).toContain('aria-disabled="true"');
  });

  it("says it waits for the new sign-in when the connection ended, with Cancel", () => {
    const html = renderWith(storeWithCreate(new Promise(() => undefined)), true);
    expect(html).toMatch(/role="status"[^>]*>.*Waiting for you to sign in to Jira again…/);
    expect(html).toMatch(/<button[^>]*>Cancel<\/button>/);
    expect(html).not.toContain("Creating the issue…");
  });

  it("shows the created issue, linked, and offers a New issue", async () => {
    const store = storeWithCreate(
      Promise.resolve({ id: "1", key: "OPS-12", self: "x", recovered: false })
    );
    await settle();
    const html = renderWith(store);
    expect(html).toContain('data-testid="issue-created"');
    expect(html).toMatch(
      /<span>Created <a[^>]*href="https:\/\/jira.example.com\/browse\/OPS-12"[^>]*>OPS-12<\/a><\/span>/
    );
    expect(html).toMatch(/<button[^>]*>New issue<\/button>/);
    expect(html).not.toContain("Create issue");
  });

  it("shows an uncertain create with Try again", async () => {
    const store = storeWithCreate(Promise.reject(new IssueCreateUncertainError(new Error("504"))));
    await settle();
    const html = renderWith(store);
    expect(html).toMatch(/data-testid="new-issue-problem"[^>]*data-code="create_uncertain"/);
    expect(html).toContain("Jira did not confirm the new issue");
    expect(html).toMatch(/<button[^>]*>Try again<\/button>/);
    expect(html).toContain('aria-label="Dismiss"');
  });

  it("says the create needs a sign-in when the wait for one was cancelled", async () => {
    const store = storeWithCreate(
      Promise.reject(new SessionError("sign_in_required", "Sign in to Jira to continue."))
    );
    await settle();
    const html = renderWith(store);
    expect(html).toMatch(/data-testid="new-issue-problem"[^>]*data-code="sign_in_required"/);
    expect(html).toContain("Not created: sign in to Jira to continue.");
  });
});
