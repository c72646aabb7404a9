/**
 * "Refresh fields from Jira" in the New issue editor, rendered to markup: offered once the lists
 * came (from Jira or from the pane's cache), unavailable while a list loads or a create runs, and
 * absent while the projects still load (there is nothing to refresh yet; a failed list has Retry).
 */
import { renderToStaticMarkup } from "react-dom/server";
import { createJiraMetadata } from "../../../../src/ui/jira-metadata";
import { NewIssueEditor } from "../../../../src/ui/new-issue/components/NewIssueEditor";
import { initialDraftFor } from "../../../../src/ui/new-issue/new-issue-draft";
import type { NewIssueChoices } from "../../../../src/ui/new-issue/use-new-issue-choices";
import type { JiraLoadResult } from "../../../../src/ui/use-jira-load";
import { sampleMessage } from "../ui-fakes";

const message = sampleMessage({ attachments: [] });
const noop = () => undefined;
const loaded = <T,>(value: T): JiraLoadResult<T> => ({ status: "loaded", value, retry: noop });
const loading = <T,>(): JiraLoadResult<T> => ({ status: "loading", retry: noop });

const metadata = createJiraMetadata({
  withJira: () => Promise.reject(new Error("rendering asks Jira nothing")),
});
const projects = [{ id: "1", key: "SUP", name: "Customer Support" }];
const types = [{ id: "10001", name: "Task", subtask: false }];
const screen = { editable: [], unfillableRequired: [] };

function choices(overrides: Partial<NewIssueChoices> = {}): NewIssueChoices {
  return {
    projects: loaded(projects),
    projectList: projects,
    projectKey: "SUP",
    issueTypes: loaded(types),
    typeList: types,
    issueTypeId: "10001",
    fields: loaded(screen),
    screen,
    unfillable: [],
    metadata,
    ...overrides,
  };
}

function render(choiceState: NewIssueChoices, readOnly = false): string {
  const draft = { ...initialDraftFor({ subject: "VPN" }), projectKey: "SUP", issueTypeId: "10001" };
  return renderToStaticMarkup(
    <NewIssueEditor
      issue={{ draft, conversion: { status: "idle" }, update: noop, convert: noop }}
      choices={choiceState}
      message={message}
      policy={{ capabilities: { attachments: "office", wholeMessage: "office" } }}
      locale="en-US"
      problems={{ draft: {}, fields: {} }}
      readOnly={readOnly}
      jiraBaseUrl="https://jira.example.com"
      searchUsers={() => Promise.resolve([])}
    />
  );
}

/** The start tag of the refresh button, or undefined when there is none. */
const refreshButton = (html: string) =>
  /(<button[^>]*data-testid="refresh-from-jira"[^>]*>)Refresh fields from Jira<\/button>/.exec(
    html
  )?.[1];

describe("Refresh fields from Jira", () => {
  it("is offered once the lists are there", () => {
    const button = refreshButton(render(choices()));
    expect(button).toBeDefined();
    expect(button).not.toContain("disabled");
  });

  it("is unavailable while the issue types or fields load, or a create runs", () => {
    expect(refreshButton(render(choices({ fields: loading(), screen: undefined })))).toContain(
      "disabled"
    );
    expect(
      refreshButton(render(choices({ issueTypes: loading(), typeList: undefined })))
    ).toContain("disabled");
    expect(refreshButton(render(choices(), true))).toContain("disabled");
  });

  it("is not there while the projects load", () => {
    expect(
      refreshButton(render(choices({ projects: loading(), projectList: undefined })))
    ).toBeUndefined();
  });
});
