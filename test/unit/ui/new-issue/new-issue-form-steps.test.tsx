/**
 * The New issue form drawn in two steps, live (React's client in a domino document): its first
 * commit holds the heading and the Project picker only, the rest (issue type, summary, files,
 * Create issue) comes in the render right after, also while Jira's lists still load. A render to
 * static markup has the whole form at once (new-issue-form.test.tsx checks its content).
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { useLayoutEffect } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import type { JiraSession, MailContentCapabilities } from "../../../../src/ui/ports";
import { NewIssueForm } from "../../../../src/ui/new-issue/components/NewIssueForm";
import { createDestinationMemory } from "../../../../src/ui/new-issue/destination-memory";
import { createNewIssueStore } from "../../../../src/ui/new-issue/new-issue-store";
import type { NewIssueStore } from "../../../../src/ui/new-issue/new-issue-store";
import { createMemorySettings } from "../../session/session-fakes";
import { liveDom } from "../add-to-issue/live-dom";
import type { LiveDom } from "../add-to-issue/live-dom";
import { memoryDrafts } from "../memory-drafts";
import { memoryEmailLinks, memoryMailContent, sampleMessage } from "../ui-fakes";

const message = sampleMessage({ attachments: [] });
const OFFICE: MailContentCapabilities = { attachments: "office", wholeMessage: "office" };
// Jira never answers: the lists stay loading (the Project picker disabled) for the whole test.
const withJira = (() => new Promise(() => undefined)) as JiraSession["withJira"];
const session = { withJira, cancelWaiting: () => undefined };

function store(): NewIssueStore {
  return createNewIssueStore({
    session: { withJira },
    drafts: memoryDrafts({}),
    mailContent: memoryMailContent(message),
    emailLinks: memoryEmailLinks(),
    destinations: createDestinationMemory(createMemorySettings()),
    locale: "en-US",
  });
}

/** Runs `onCommit` in the layout phase of the commit it first appears in (the DOM is written). */
function OnFirstCommit({ onCommit }: { onCommit(): void }) {
  useLayoutEffect(() => onCommit(), [onCommit]);
  return null;
}

function form(newIssues: NewIssueStore, onFirstCommit: () => void = () => undefined) {
  return (
    <FluentProvider theme={webLightTheme}>
      <NewIssueForm
        session={session}
        newIssues={newIssues}
        message={message}
        jiraBaseUrl="https://jira.example.com"
        signedIn
        connectionEnded={false}
        capabilities={OFFICE}
        locale="en-US"
      />
      <OnFirstCommit onCommit={onFirstCommit} />
    </FluentProvider>
  );
}

const labelsIn = (root: ParentNode) =>
  Array.from(root.querySelectorAll("label"), (label) =>
    (label.textContent ?? "").replace(/\*$/, "").trim()
  );
const hasCreateButton = (root: ParentNode) =>
  Array.from(root.querySelectorAll("button")).some(
    (button) => button.textContent?.trim() === "Create issue"
  );

let dom: LiveDom;

beforeEach(async () => {
  dom = await liveDom();
});

afterEach(async () => {
  await dom.unmount();
});

describe("the New issue form's two steps", () => {
  it("commits the heading and the Project picker first, the rest right after", async () => {
    let first: { labels: string[]; comboboxes: number; create: boolean } | undefined;
    const newIssues = store();
    await dom.render(
      form(newIssues, () => {
        const formElement = dom.document.querySelector('[data-testid="new-issue-form"]');
        if (!formElement) throw new Error("The form is not in the first commit.");
        first = {
          labels: labelsIn(formElement),
          comboboxes: formElement.querySelectorAll('[role="combobox"]').length,
          create: hasCreateButton(formElement),
        };
      })
    );
    expect(first).toEqual({ labels: ["Project"], comboboxes: 1, create: false });

    // dom.render settled the tree: the second step is in, though no list has loaded.
    const formElement = dom.document.querySelector('[data-testid="new-issue-form"]') as Element;
    expect(labelsIn(formElement).slice(0, 3)).toEqual(["Project", "Issue type", "Summary"]);
    expect(formElement.querySelectorAll('[role="combobox"]')).toHaveLength(2);
    expect(hasCreateButton(formElement)).toBe(true);
    expect(formElement.querySelector("h2")?.textContent).toBe("New issue");
  });

  it("renders the whole form at once to static markup", () => {
    const html = renderToStaticMarkup(form(store()));
    expect(html).toContain("Summary");
    expect(html.match(/role="combobox"/g)).toHaveLength(2);
    expect(html).toMatch(/<button[^>]*>Create issue<\/button>/);
  });
});
