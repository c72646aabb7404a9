/**
 * "Add as comment" from the email's linked issues (email-work.tsx LinkedIssues) to its "Add to
 * issue" form, live in a domino document with the pane's store registry (email-stores.ts), a
 * signed-in session over the fake Jira of comment-fixture.ts, Outlook's part in memory. The
 * button asks the email's entry to choose the issue and shows the view; the form chooses it once;
 * a request still open when the email is no longer shown is withdrawn, and one made while the
 * comment runs is ignored. (The tabs themselves need more DOM than domino has: the e2e tests
 * drive them.)
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { MailMessage } from "../../../../src/mail/mail-message";
import { addToIssueItemFor } from "../../../../src/ui/add-to-issue/add-to-issue-item";
import { AddToIssueForm } from "../../../../src/ui/add-to-issue/components/AddToIssueForm";
import { storesFor } from "../../../../src/ui/email-stores";
import { LinkedIssues } from "../../../../src/ui/email-work";
import type { EmailStoreOptions } from "../../../../src/ui/email-work-types";
import { createDestinationMemory } from "../../../../src/ui/new-issue/destination-memory";
import type { JiraSession, SessionState } from "../../../../src/ui/ports";
import { deferred } from "../../../support/deferred";
import { createMemorySettings } from "../../session/session-fakes";
import { first } from "../field-editing/render-markup";
import { memoryDrafts } from "../memory-drafts";
import { fakeSession } from "../new-issue/store-fixture";
import { memoryEmailLinks, memoryMailContent } from "../ui-fakes";
import { JIRA, fakeIssueJira, message, sup2 } from "./comment-fixture";
import { buttonNamed, liveDom } from "./live-dom";
import type { LiveDom } from "./live-dom";

/** Signed in for good, every operation run at once with the fake Jira's client. */
function signedInSession(withJira: JiraSession["withJira"]): JiraSession {
  const state: SessionState = {
    status: "signed_in",
    jiraBaseUrl: JIRA,
    account: { name: "jane", displayName: "Jane Doe" },
  };
  const unused = () => Promise.resolve();
  return {
    getState: () => state,
    subscribe: () => () => undefined,
    start: unused,
    signIn: unused,
    signOut: unused,
    retrySave: unused,
    dismissNotice: () => undefined,
    withJira,
    cancelWaiting: () => undefined,
  };
}

/** The pane's parts for `message`, linked to OPS-1 already (the email itself names SUP-2). */
function pane() {
  const jira = fakeIssueJira();
  const session = signedInSession(fakeSession(jira.client).withJira);
  const mailContent = memoryMailContent(message, { body: { html: null, text: "Dropped again." } });
  const emailLinks = memoryEmailLinks();
  emailLinks.links.set(message.internetMessageId, [
    {
      issueKey: "OPS-1",
      issueId: "10100",
      jiraBaseUrl: JIRA,
      kind: "commented",
      linkedAt: "2026-12-04T09:00:00.000Z",
    },
  ]);
  const storeOptions: EmailStoreOptions = {
    session,
    drafts: memoryDrafts(),
    mailContent,
    emailLinks,
    destinations: createDestinationMemory(createMemorySettings()),
    locale: "en-US",
  };
  const { addToIssue } = storesFor(storeOptions);
  const asked: string[] = [];
  const view = (shown: MailMessage, { form = true, links = true } = {}) => (
    <FluentProvider theme={webLightTheme}>
      {links && (
        <LinkedIssues
          key={shown.itemId}
          storeOptions={storeOptions}
          message={shown}
          emailLinks={emailLinks}
          jiraBaseUrl={JIRA}
          session={session}
          onAddAsComment={(key) => asked.push(key)}
        />
      )}
      {form && (
        <AddToIssueForm
          key={addToIssueItemFor(shown).key}
          session={session}
          addToIssue={addToIssue}
          mailContent={mailContent}
          emailLinks={emailLinks}
          message={shown}
          jiraBaseUrl={JIRA}
          signedIn
          connectionEnded={false}
          locale="en-US"
          conversationKeys={[]}
          linksRevision={0}
        />
      )}
    </FluentProvider>
  );
  return { jira, addToIssue, asked, view, item: addToIssueItemFor(message) };
}

let dom: LiveDom;

beforeEach(async () => {
  dom = await liveDom();
});

afterEach(async () => {
  await dom.unmount();
});

const chosenKey = () =>
  first(dom.document, '[data-testid="chosen-issue"]')?.getAttribute("data-issue-key");
const addAsComment = (key: string) =>
  buttonNamed(
    first(dom.document, `[data-testid="linked-issue"][data-issue-key="${key}"]`) as Element,
    "Add as comment"
  );

it("chooses the linked issue once, and the view is asked for", async () => {
  const { addToIssue, asked, view, item } = pane();
  await dom.render(view(message));
  // The email names SUP-2: the finder suggests it first.
  expect(chosenKey()).toBe("SUP-2");

  await dom.click(addAsComment("OPS-1"));
  expect(asked).toEqual(["OPS-1"]);
  expect(chosenKey()).toBe("OPS-1");
  expect(addToIssue.get(item).issueRequest).toBeUndefined();

  // The user goes back to SUP-2; the email is shown again later: SUP-2 stays.
  await dom.act(() => addToIssue.update(item, { issue: sup2 }, { touch: false }));
  await dom.render(<></>);
  await dom.render(view(message));
  expect(chosenKey()).toBe("SUP-2");
});

it("withdraws a request not chosen yet when the email's linked issues go", async () => {
  const { addToIssue, view, item } = pane();
  // The form isn't shown (the New issue tab is): the request waits for it.
  await dom.render(view(message, { form: false }));
  await dom.click(addAsComment("OPS-1"));
  expect(addToIssue.get(item).issueRequest).toEqual({ issueKey: "OPS-1" });
  // Another email is selected: this email's list goes, and its request with it.
  await dom.render(view(message, { form: false, links: false }));
  expect(addToIssue.get(item).issueRequest).toBeUndefined();
  await dom.render(view(message));
  expect(chosenKey()).toBe("SUP-2");
});

it("ignores 'Add as comment' while the comment runs", async () => {
  const { jira, addToIssue, asked, view, item } = pane();
  const held = deferred<void>();
  const { addComment } = jira.client;
  jira.client.addComment = async (...args) => {
    await held.promise;
    return addComment(...args);
  };
  await dom.render(view(message));
  await dom.act(() => {
    addToIssue.update(item, { comment: "Hello", commentState: "edited" });
    addToIssue.addComment(item, message, {
      issue: sup2,
      body: "Hello",
      uploads: [],
      jiraBaseUrl: JIRA,
    });
  });
  await dom.click(addAsComment("OPS-1"));
  expect(asked).toEqual(["OPS-1"]);
  expect(addToIssue.get(item).issueRequest).toBeUndefined();
  held.resolve();
  await dom.until(() => addToIssue.get(item).submission.status === "delivered");
  expect(jira.keys).toEqual(["addComment SUP-2"]);
  expect(addToIssue.get(item).draft.issue).toEqual(sup2);
});
