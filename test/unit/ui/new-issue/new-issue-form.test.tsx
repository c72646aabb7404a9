/**
 * The New issue form's render (markup only, no effects): the fields and their labels, that a draft
 * kept in the DraftStore comes back exactly as typed, and how a form mounted for an email shows
 * that email's create (reading the files, running, waiting for a sign-in, created with its steps,
 * failed, partly failed). The Jira calls for the lists and the conversion happen in effects, after
 * this render; the e2e tests drive them in a browser.
 */
import { renderToStaticMarkup } from "react-dom/server";
import type { JiraClient } from "../../../../src/jira/create-jira-client";
import { IssueCreateUncertainError } from "../../../../src/jira/create-issue-once";
import { SessionError } from "../../../../src/session/session-types";
import { NewIssueForm } from "../../../../src/ui/new-issue/components/NewIssueForm";
import { createDestinationMemory } from "../../../../src/ui/new-issue/destination-memory";
import { initialDraftFor } from "../../../../src/ui/new-issue/new-issue-draft";
import { newIssueItemFor } from "../../../../src/ui/new-issue/new-issue-item";
import { createNewIssueStore } from "../../../../src/ui/new-issue/new-issue-store";
import type { CreateRequest, NewIssueStore } from "../../../../src/ui/new-issue/new-issue-store";
import type { DraftStore, JiraSession, MailContentCapabilities } from "../../../../src/ui/ports";
import { storedValueOf } from "../../../../src/ui/new-issue/stored-entry";
import { settle } from "../../../support/deferred";
import { first, markupDocument } from "../field-editing/render-markup";
import { createMemorySettings } from "../../session/session-fakes";
import { memoryDrafts } from "../memory-drafts";
import { memoryEmailLinks, memoryMailContent, sampleMessage } from "../ui-fakes";
import type { MemoryEmailLinks } from "../ui-fakes";

const message = sampleMessage({ subject: "  RE: Printer jams\r\n on every job " });
const KEY = newIssueItemFor(message).key;

const typed = {
  ...initialDraftFor({ subject: "x" }),
  projectKey: "OPS",
  issueTypeId: "10002",
  summary: "Typed summary",
  description: "",
  descriptionState: "edited" as const,
};

const request: CreateRequest = {
  issue: { projectKey: "OPS", issueTypeId: "10002", summary: "Typed summary", description: "" },
  uploads: [{ source: { kind: "attachment", attachmentId: "att-1" }, fileName: "log.txt" }],
  jiraBaseUrl: "https://jira.example.com",
};

// Rendering reads nothing from the session: every use is in an effect or a handler.
const session = {} as JiraSession;
const OFFICE: MailContentCapabilities = { attachments: "office", wholeMessage: "office" };

function storeWith(
  drafts: DraftStore,
  withJira: JiraSession["withJira"] = session.withJira,
  emailLinks: MemoryEmailLinks = memoryEmailLinks()
): NewIssueStore {
  return createNewIssueStore({
    session: { withJira },
    drafts,
    mailContent: memoryMailContent(message),
    emailLinks,
    destinations: createDestinationMemory(createMemorySettings()),
    locale: "en-US",
  });
}

/** A store whose one create ends as `outcome` says (never: it keeps running). */
function storeWithCreate(outcome: Promise<unknown>, emailLinks?: MemoryEmailLinks): NewIssueStore {
  const withJira = <T,>(_operation: (client: JiraClient) => Promise<T>) => outcome as Promise<T>;
  const store = storeWith(memoryDrafts({ [KEY]: storedValueOf(typed) }), withJira, emailLinks);
  store.create(newIssueItemFor(message), message, request);
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
      capabilities={OFFICE}
      locale="en-US"
    />
  );

const render = (stored: Record<string, unknown> = {}) =>
  renderWith(storeWith(memoryDrafts(stored)));

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

/** The text of every label, without markup. */
function labels(html: string): string[] {
  return [...html.matchAll(/<label[^>]*>(.*?)<\/label>/g)].map(([, inner]) =>
    (inner ?? "").replace(/<span aria-hidden="true"[^>]*>\*<\/span>/, "").replace(/<[^>]+>/g, "")
  );
}

describe("NewIssueForm", () => {
  it("has the form's test id, the labelled fields, the files and the Create issue button", () => {
    const html = render();
    expect(html).toContain('data-testid="new-issue-form"');
    expect(labels(html)).toEqual([
      "Project",
      "Issue type",
      "Summary",
      "Include a header block (From, Sent, To, Cc, Subject)",
      "Cut the quoted reply history",
      "Description",
      "Converting the email…",
      "Preview",
      "log.txt",
      "photo.jpg",
      "Attach the email (.eml)",
    ]);
    expect(html.match(/role="combobox"/g)).toHaveLength(2);
    expect(html).toMatch(/<button type="submit"[^>]*>Create issue<\/button>/);
    expect(html).toContain("Loading projects…");
    expect(html).toContain(">24 KB<");
    expect(html).toContain(">3.1 MB<");
  });

  it("names every control: each one's label points at it", () => {
    const html = render();
    const controls = [...html.matchAll(/<(input|textarea)\b[^>]*\bid="([^"]+)"/g)];
    expect(controls).toHaveLength(10); // The description's Preview switch is one too.
    for (const [, , id] of controls) expect(html).toContain(`<label for="${id}"`);
    expect(html).not.toMatch(/<(select|input|textarea)\b(?![^>]*\bid=)[^>]*>/);
  });

  it("starts from the email's subject, without the reply prefix, and converts the email", () => {
    const html = render();
    expect(html).toContain('value="Printer jams on every job"');
    expect(html).toContain("Converting the email…");
    expect(buttonTag(html, "Create issue")).toContain('disabled=""');
  });

  it("brings back the stored draft exactly as typed", () => {
    const html = render({
      [KEY]: storedValueOf({ ...typed, description: "Line one\nLine <two>" }),
    });
    expect(html).toContain('value="Typed summary"');
    expect(html).toContain("Line one\nLine &lt;two&gt;</textarea>");
    expect(html).not.toContain("Converting the email…");
  });

  it("says the next create looks first after an uncertain attempt", () => {
    const html = render({ [KEY]: storedValueOf({ ...typed, previousAttemptUncertain: true }) });
    expect(html).toContain(
      "The last try may have created this issue already: Create issue looks for it in Jira first, so it won&#x27;t be created twice."
    );
  });

  it("starts afresh from a stored value that isn't a draft", () => {
    expect(render({ [KEY]: { draft: { summary: 42 } } })).toContain(
      'value="Printer jams on every job"'
    );
  });

  it("keeps the user's edits when an option changed, and offers to replace them", () => {
    const html = render({
      [KEY]: storedValueOf({
        ...typed,
        description: "Mine",
        descriptionOptions: { includeHeaderBlock: false, cutQuotedHistory: false },
        generatedWith: { includeHeaderBlock: true, cutQuotedHistory: false },
      }),
    });
    expect(html).toContain(
      "Your edits are kept. Replace the description with the email&#x27;s conversion?"
    );
    expect(html).toMatch(/<button[^>]*>Replace with the email<\/button>/);
  });

  it("counts the inline images the description shows", () => {
    const html = render({
      [KEY]: storedValueOf({
        ...typed,
        description: "!image001.png!",
        inlineImages: [{ attachmentId: "att-3", fileName: "image001.png" }],
      }),
    });
    expect(html).toContain("Inline images in the description (1): uploaded with the issue");
  });
});

describe("NewIssueForm mounted while its email's create runs", () => {
  it("names every button in every state", async () => {
    const uncertain = storeWithCreate(
      Promise.reject(new IssueCreateUncertainError(new Error("504")))
    );
    const created = storeWithCreate(Promise.resolve({ id: "1", key: "OPS-1", self: "x" }));
    await settle();
    expect(buttonNames(render())).toEqual(["Create issue"]);
    expect(buttonNames(renderWith(storeWithCreate(new Promise(() => undefined)), true))).toEqual([
      "Create issue",
      "Cancel",
    ]);
    expect(buttonNames(renderWith(uncertain))).toEqual(["Dismiss", "Try again", "Create issue"]);
    expect(buttonNames(renderWith(created))).toEqual(["New issue"]);
  });

  it("reads the files first: nothing editable, the steps listed, Create unavailable", () => {
    const html = renderWith(storeWithCreate(new Promise(() => undefined)));
    expect(html).toContain("Reading attachments…");
    expect(html).toMatch(/<input[^>]*readOnly=""[^>]*value="Typed summary"/);
    expect(html).toMatch(/<textarea[^>]*readOnly=""/);
    expect(html).toContain('data-testid="delivery-steps"');
    expect(html).toMatch(/data-testid="delivery-step" data-step="create" data-status="pending"/);
    expect(html).toMatch(/data-testid="delivery-step" data-step="upload" data-status="pending"/);
    expect(buttonTag(html, "Create issue")).toContain('aria-disabled="true"');
  });

  it("shows the create running, and keeps the busy Create button focusable", async () => {
    const store = storeWithCreate(new Promise(() => undefined));
    await settle();
    const html = renderWith(store);
    expect(html).toContain("Creating the issue…");
    expect(html).toMatch(/data-step="create" data-status="running"/);
    const tag = buttonTag(html, "Create issue");
    expect(tag).not.toMatch(/\sdisabled=""/);
    expect(tag).toContain('aria-disabled="true"');
  });

  it("says it waits for the new sign-in when the connection ended, with Cancel", async () => {
    const store = storeWithCreate(new Promise(() => undefined));
    await settle();
    const html = renderWith(store, true);
    expect(html).toMatch(/role="status"[^>]*>.*Waiting for you to sign in to Jira again…/);
    expect(html).toMatch(/<button[^>]*>Cancel<\/button>/);
    expect(html).not.toContain("Creating the issue…");
  });

  it("shows the created issue, linked, its summary, every step done, and a New issue button", async () => {
    const store = storeWithCreate(
      Promise.resolve({ id: "1", key: "OPS-12", self: "x", recovered: false })
    );
    await settle();
    const html = renderWith(store);
    expect(html).toContain('data-testid="issue-created"');
    expect(html).toMatch(
      /Created <a[^>]*href="https:\/\/jira.example.com\/browse\/OPS-12"[^>]*target="_blank" rel="noreferrer"[^>]*>OPS-12<\/a>/
    );
    expect(html).toContain("Typed summary");
    expect(
      [...html.matchAll(/data-step="([^"]+)" data-status="([^"]+)"/g)].map((m) => m.slice(1))
    ).toEqual([
      ["create", "done"],
      ["upload", "done"],
      ["remote-link", "done"],
      ["email-link", "done"],
    ]);
    expect(html).toContain('role="progressbar"');
    expect(html).not.toContain("Retry failed steps");
    expect(html).not.toContain("Create issue");
  });

  it("keeps the list after a partial failure, says what failed and offers Retry failed steps", async () => {
    const links = memoryEmailLinks();
    links.failNextRecord(Object.assign(new Error("Outlook is offline."), { code: 5000 }));
    const store = storeWithCreate(Promise.resolve({ id: "1", key: "OPS-12", self: "x" }), links);
    await settle();
    const html = renderWith(store);
    expect(html).toMatch(/data-step="email-link" data-status="failed"/);
    expect(html).toContain(
      "Outlook could not do what the add-in asked (Outlook is offline, error 5000)."
    );
    expect(html).toContain(
      "The issue exists, but one step failed. Choose Retry failed steps to run only that step."
    );
    expect(buttonNames(html)).toEqual(["Retry failed steps", "New issue"]);
  });

  it("shows an uncertain create with Try again", async () => {
    const store = storeWithCreate(Promise.reject(new IssueCreateUncertainError(new Error("504"))));
    await settle();
    const html = renderWith(store);
    expect(html).toMatch(/data-testid="new-issue-problem"[^>]*data-code="create_uncertain"/);
    expect(html).toContain("Jira did not confirm the new issue");
    expect(html).not.toContain('data-testid="delivery-steps"');
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

  it("tells screen readers how the create goes, in one status line that stays through the switch", async () => {
    const linksDown = memoryEmailLinks();
    linksDown.failNextRecord(Object.assign(new Error("Outlook is offline."), { code: 5000 }));
    const running = storeWithCreate(new Promise(() => undefined));
    const reading = renderWith(running);
    await settle();
    const creating = renderWith(running);
    const created = storeWithCreate(Promise.resolve({ id: "1", key: "OPS-12", self: "x" }));
    const partly = storeWithCreate(
      Promise.resolve({ id: "1", key: "OPS-12", self: "x" }),
      linksDown
    );
    await settle();
    expect(formStatus(render())).toBe("");
    expect(formStatus(reading)).toBe("Reading the email's files…");
    expect(formStatus(creating)).toBe("Creating the issue in Jira…");
    // Waiting for a sign-in: the Create button's own status line says so, this one nothing.
    expect(formStatus(renderWith(running, true))).toBe("");
    expect(formStatus(renderWith(created))).toBe("Issue OPS-12 created. All steps done.");
    expect(formStatus(renderWith(partly))).toBe("Issue OPS-12 created. 1 step failed.");
  });
});

/** The text of the form's status line: the first role="status" element, right under the heading. */
function formStatus(html: string): string | undefined {
  const doc = markupDocument(html);
  const heading = first(doc, "h2");
  const status = first(doc, '[role="status"]');
  expect(heading?.nextElementSibling).toBe(status);
  return status?.textContent ?? undefined;
}
