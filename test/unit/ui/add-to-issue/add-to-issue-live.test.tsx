/**
 * The "Add to issue" form and its finder, live (effects running, clicks) in a domino document with
 * the fake Jira of comment-fixture.ts: Add comment waits for the email's links and warns about an
 * earlier comment even when its link on the email failed; the finder chooses nothing for the user
 * while disabled; a lost answer holds the issue and "Visible to" and says why; "Add as comment"
 * during a send changes nothing, and a request is chosen once, never again later.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { IssueSummary } from "../../../../src/jira/issue-lookup";
import { initialCommentDraft } from "../../../../src/ui/add-to-issue/add-to-issue-draft";
import type { AddToIssueStore } from "../../../../src/ui/add-to-issue/add-to-issue-store";
import { AddToIssueForm } from "../../../../src/ui/add-to-issue/components/AddToIssueForm";
import { storedCommentValueOf } from "../../../../src/ui/add-to-issue/stored-comment-entry";
import { IssueFinder } from "../../../../src/ui/issue-finder/IssueFinder";
import type { EmailIssueLink, EmailLinksPort, JiraSession } from "../../../../src/ui/ports";
import { deferred } from "../../../support/deferred";
import { controlOf, first } from "../field-editing/render-markup";
import { officeError } from "../ui-fakes";
import { JIRA, badGateway, item, message, ops1, setup, sup2 } from "./comment-fixture";
import { buttonNamed, isDisabled, liveDom } from "./live-dom";
import type { LiveDom } from "./live-dom";

let dom: LiveDom;

beforeEach(async () => {
  dom = await liveDom();
});

afterEach(async () => {
  await dom.unmount();
});

const typed = {
  ...initialCommentDraft({ issue: sup2 }),
  comment: "It dropped again.",
  commentState: "edited" as const,
};

type Fixture = ReturnType<typeof setup>;

function form(fixture: Fixture, emailLinks: EmailLinksPort = fixture.emailLinks) {
  const session = { ...fixture.session, cancelWaiting: () => undefined } as unknown as JiraSession;
  return (
    <FluentProvider theme={webLightTheme}>
      <AddToIssueForm
        session={session}
        addToIssue={fixture.store}
        mailContent={fixture.mailContent}
        emailLinks={emailLinks}
        message={message}
        jiraBaseUrl={JIRA}
        signedIn
        connectionEnded={false}
        locale="en-US"
        conversationKeys={[]}
        linksRevision={0}
      />
    </FluentProvider>
  );
}

const addButton = () => buttonNamed(dom.document, "Add comment");
const chosenKey = () =>
  first(dom.document, '[data-testid="chosen-issue"]')?.getAttribute("data-issue-key");
const draftOf = (store: AddToIssueStore) => store.get(item).draft;
const isSettled = (store: AddToIssueStore) =>
  ["delivered", "failed", "idle"].includes(store.get(item).submission.status);

describe("Add comment and the email's earlier links", () => {
  it("waits for the links, warns about one to the issue, and lets a failed read go with a note", async () => {
    const fixture = setup({ stored: { [item.key]: storedCommentValueOf(typed) } });
    const answer = deferred<EmailIssueLink[]>();
    await dom.render(form(fixture, { read: () => answer.promise, record: async () => undefined }));
    expect(chosenKey()).toBe("SUP-2");
    // Office hasn't answered: no warning can be shown yet, so nothing can be sent yet.
    expect(isDisabled(addButton())).toBe(true);
    answer.resolve([]);
    await dom.settle();
    expect(isDisabled(addButton())).toBe(false);
    await dom.unmount();

    dom = await liveDom();
    const link: EmailIssueLink = {
      issueKey: "SUP-2",
      issueId: "10002",
      jiraBaseUrl: JIRA,
      kind: "commented",
      linkedAt: "2026-12-04T09:00:00.000Z",
    };
    await dom.render(form(fixture, { read: async () => [link], record: async () => undefined }));
    expect(first(dom.document, '[data-testid="already-added"]')?.textContent).toContain(
      "This email was already added to SUP-2"
    );
    expect(isDisabled(addButton())).toBe(true);
    await dom.unmount();

    dom = await liveDom();
    const unreadable = {
      read: () => Promise.reject(officeError(9020, "Generic error")),
      record: async () => undefined,
    };
    const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
    await dom.render(form(fixture, unreadable));
    warn.mockRestore();
    expect(first(dom.document, '[data-testid="links-unchecked"]')?.textContent).toContain(
      "Couldn't check whether this email was already added to an issue"
    );
    expect(isDisabled(addButton())).toBe(false);
  });

  it("after a comment whose link on the email failed, Done warns before a second one", async () => {
    const fixture = setup({ stored: { [item.key]: storedCommentValueOf(typed) } });
    fixture.emailLinks.failNextRecord(officeError(9020, "Generic error"));
    await dom.render(form(fixture));
    await dom.submit(addButton());
    await dom.until(() => isSettled(fixture.store));
    const card = first(dom.document, '[data-testid="comment-added"]') as Element;
    expect(card.querySelector('[data-step="email-link"]')?.getAttribute("data-status")).toBe(
      "failed"
    );
    expect(await fixture.emailLinks.read(message)).toEqual([]);

    await dom.click(buttonNamed(card, "Done"));
    expect(chosenKey()).toBe("SUP-2");
    expect(first(dom.document, '[data-testid="already-added"]')?.textContent).toContain(
      "This email was already added to SUP-2"
    );
    expect(isDisabled(addButton())).toBe(true);
  });
});

describe("the finder while disabled", () => {
  it("chooses nothing for the user; once enabled it chooses the issue asked for, and again when asked again", async () => {
    const fixture = setup();
    const chosen: Array<string | undefined> = [];
    const finder = (props: { disabled: boolean; initialKey?: string; selected?: IssueSummary }) => (
      <FluentProvider theme={webLightTheme}>
        <IssueFinder
          session={fixture.session}
          mailContent={fixture.mailContent}
          message={message}
          conversationKeys={[]}
          selected={props.selected}
          onSelect={(issue) => chosen.push(issue?.key)}
          disabled={props.disabled}
          {...(props.initialKey ? { initialKey: props.initialKey } : {})}
        />
      </FluentProvider>
    );
    // The email names SUP-2 (its first suggestion), and OPS-1 is asked for: both loaded, neither
    // chosen while disabled.
    await dom.render(finder({ disabled: true, initialKey: "OPS-1" }));
    await dom.render(finder({ disabled: true }));
    expect(chosen).toEqual([]);

    await dom.render(finder({ disabled: true, initialKey: "OPS-1" }));
    expect(chosen).toEqual([]);
    await dom.render(finder({ disabled: false, initialKey: "OPS-1" }));
    expect(chosen).toEqual(["OPS-1"]);
    await dom.render(finder({ disabled: false, initialKey: "OPS-1", selected: ops1 }));
    expect(chosen).toEqual(["OPS-1"]);

    // The parent cleared the request (it was chosen); the user asks for it again.
    await dom.render(finder({ disabled: false, selected: sup2 }));
    await dom.render(finder({ disabled: false, initialKey: "OPS-1", selected: sup2 }));
    expect(chosen).toEqual(["OPS-1", "OPS-1"]);
  });

  it("chooses the email's first issue only once enabled", async () => {
    const fixture = setup();
    const chosen: Array<string | undefined> = [];
    const finder = (disabled: boolean) => (
      <FluentProvider theme={webLightTheme}>
        <IssueFinder
          session={fixture.session}
          mailContent={fixture.mailContent}
          message={message}
          conversationKeys={[]}
          selected={undefined}
          onSelect={(issue) => chosen.push(issue?.key)}
          disabled={disabled}
        />
      </FluentProvider>
    );
    await dom.render(finder(true));
    expect(chosen).toEqual([]);
    await dom.render(finder(false));
    expect(chosen).toEqual(["SUP-2"]);
  });
});

describe("a lost answer in the form", () => {
  it("holds the issue and Visible to, says why, and 'Forget the last try' frees them", async () => {
    const fixture = setup({ stored: { [item.key]: storedCommentValueOf(typed) } });
    const { addComment } = fixture.client;
    fixture.client.addComment = async (...args) => {
      await addComment(...args);
      throw badGateway("POST", "/rest/api/2/issue/SUP-2/comment");
    };
    fixture.failNext("getComments", badGateway("GET", "/rest/api/2/issue/SUP-2/comment"));
    await dom.render(form(fixture));
    await dom.submit(addButton());
    await dom.until(() => isSettled(fixture.store));

    const problem = first(dom.document, '[data-testid="add-to-issue-problem"]');
    expect(problem?.getAttribute("data-code")).toBe("comment_uncertain");
    expect(problem?.textContent).toContain("may or may not have been added to SUP-2");
    expect(isDisabled(controlOf(dom.document, "Issue"))).toBe(true);
    expect(isDisabled(controlOf(dom.document, "Visible to"))).toBe(true);
    // The comment stays readable and editable (an edit is sent only if the comment isn't there).
    expect(controlOf(dom.document, "Comment").hasAttribute("readonly")).toBe(false);

    // The problem put away, the note stays, naming the issue, with the way out.
    await dom.click(buttonNamed(problem as Element, "Dismiss"));
    const note = first(dom.document, '[data-testid="uncertain-attempt"]');
    expect(note?.textContent).toContain(
      "The last try may have added this comment already, to SUP-2"
    );
    expect(isDisabled(controlOf(dom.document, "Issue"))).toBe(true);
    expect(isDisabled(addButton())).toBe(false);

    await dom.click(buttonNamed(note as Element, "Forget the last try"));
    expect(first(dom.document, '[data-testid="uncertain-attempt"]')).toBeNull();
    expect(isDisabled(controlOf(dom.document, "Issue"))).toBe(false);
    expect(isDisabled(controlOf(dom.document, "Visible to"))).toBe(false);
    expect(draftOf(fixture.store).previousAttemptUncertain).toBe(false);
  });
});

describe("'Add as comment' and the form", () => {
  it("during a send changes nothing, and nothing is chosen after Done", async () => {
    const fixture = setup({
      stored: { [item.key]: storedCommentValueOf({ ...typed, issue: ops1 }) },
    });
    const held = deferred<void>();
    const { addComment } = fixture.client;
    fixture.client.addComment = async (...args) => {
      await held.promise;
      return addComment(...args);
    };
    await dom.render(form(fixture));
    expect(chosenKey()).toBe("OPS-1");
    await dom.submit(addButton());
    expect(fixture.store.get(item).submission.status).toBe("commenting");

    // "Add as comment" on the linked SUP-2 row: ignored while the comment runs.
    await dom.act(() => expect(fixture.store.requestIssue(item, "SUP-2")).toBe(false));
    expect(draftOf(fixture.store).issue).toEqual(ops1);

    held.resolve();
    await dom.until(() => isSettled(fixture.store));
    expect(fixture.keys).toEqual(["addComment OPS-1"]);
    await dom.click(buttonNamed(dom.document, "Done"));
    expect(chosenKey()).toBe("OPS-1");
    expect(draftOf(fixture.store).issue).toEqual(ops1);
  });

  it("chooses the issue asked for once: the user's later choice stays when the email is shown again", async () => {
    const fixture = setup({ stored: { [item.key]: storedCommentValueOf(typed) } });
    expect(fixture.store.requestIssue(item, "OPS-1")).toBe(true);
    await dom.render(form(fixture));
    expect(chosenKey()).toBe("OPS-1");
    expect(fixture.store.get(item).issueRequest).toBeUndefined();

    // The user chooses SUP-2 in the finder, looks at another email, and comes back.
    await dom.act(() => fixture.store.update(item, { issue: sup2 }, { touch: false }));
    await dom.unmount();
    dom = await liveDom();
    await dom.render(form(fixture));
    expect(chosenKey()).toBe("SUP-2");
    expect(draftOf(fixture.store).issue).toEqual(sup2);
  });
});
