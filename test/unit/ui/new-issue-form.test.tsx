/**
 * The New issue form's first render (markup only, no effects): the fields and their labels, and
 * that a draft kept in the DraftStore comes back exactly as typed. The Jira calls happen in
 * effects, after this render; the e2e tests drive them in a browser.
 */
import { renderToStaticMarkup } from "react-dom/server";
import type { MailMessage } from "../../../src/mail/mail-message";
import { NewIssueForm } from "../../../src/ui/components/NewIssueForm";
import type { DraftStore, JiraSession } from "../../../src/ui/ports";

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

const render = (store: DraftStore) =>
  renderToStaticMarkup(
    <NewIssueForm
      session={session}
      drafts={store}
      message={message}
      jiraBaseUrl="https://jira.example.com"
      signedIn
      connectionEnded={false}
    />
  );

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

  it("starts from the email's subject when nothing is stored", () => {
    const store = drafts({});
    const html = render(store);
    expect(store.loaded).toEqual(["new-issue:item-7"]);
    expect(html).toContain('value="Printer jams on every job"');
  });

  it("brings back the stored draft exactly as typed", () => {
    const html = render(
      drafts({
        "new-issue:item-7": {
          projectKey: "OPS",
          issueTypeId: "10002",
          summary: "Typed summary",
          description: "Line one\nLine <two>",
          previousAttemptUncertain: false,
        },
      })
    );
    expect(html).toContain('value="Typed summary"');
    expect(html).toContain("Line one\nLine &lt;two&gt;</textarea>");
  });

  it("says the next create looks first after an uncertain attempt", () => {
    const html = render(
      drafts({
        "new-issue:item-7": {
          projectKey: "OPS",
          issueTypeId: "10002",
          summary: "Typed summary",
          description: "",
          previousAttemptUncertain: true,
        },
      })
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
