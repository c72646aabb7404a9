/**
 * The New issue form's parts on their own, rendered to markup: the texts and test ids the user and
 * the e2e tests rely on, and that whatever Jira sends (project and issue type names, field names,
 * error messages, issue keys) is shown as text, never as markup.
 */
import { renderToStaticMarkup } from "react-dom/server";
import { IssueCreateUncertainError } from "../../../src/jira/create-issue-once";
import { JiraValidationError } from "../../../src/jira/jira-errors";
import { CreateIssueActions } from "../../../src/ui/components/CreateIssueActions";
import { CreateProblemBar } from "../../../src/ui/components/CreateProblemBar";
import { CreatedIssueBar } from "../../../src/ui/components/CreatedIssueBar";
import { IssueTypeSelect } from "../../../src/ui/components/IssueTypeSelect";
import { LoadProblemBar } from "../../../src/ui/components/LoadProblemBar";
import { ProjectSelect } from "../../../src/ui/components/ProjectSelect";
import { UnfillableFieldsBar } from "../../../src/ui/components/UnfillableFieldsBar";

const JIRA = "https://jira.example.com";
const HOSTILE = '<img src=x onerror="alert(1)">';
const ESCAPED = "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;";
const noop = () => undefined;

const refusal = (message: string) =>
  new JiraValidationError({
    code: "jira_validation",
    status: 400,
    message,
    request: { method: "POST", path: "/rest/api/2/issue" },
  });

describe("ProjectSelect and IssueTypeSelect", () => {
  it("offers the projects as 'Name (KEY)', escaping what Jira calls them", () => {
    const html = renderToStaticMarkup(
      <ProjectSelect
        projects={[{ id: "1", key: "OPS", name: HOSTILE }]}
        value="OPS"
        disabled={false}
        onChange={noop}
      />
    );
    expect(html).toContain("Choose a project");
    expect(html).toContain(`<option value="OPS" selected="">${ESCAPED} (OPS)</option>`);
    expect(html).not.toContain("<img");
  });

  it("says what the issue type list waits for, and escapes issue type names", () => {
    const types = [{ id: "3", name: HOSTILE }];
    const render = (projectChosen: boolean, issueTypes?: typeof types) =>
      renderToStaticMarkup(
        <IssueTypeSelect
          issueTypes={issueTypes}
          projectChosen={projectChosen}
          value=""
          disabled={false}
          onChange={noop}
        />
      );
    expect(render(false)).toContain("Choose a project first");
    expect(render(true)).toContain("Loading issue types…");
    const loaded = render(true, types);
    expect(loaded).toContain("Choose an issue type");
    expect(loaded).toContain(`<option value="3">${ESCAPED}</option>`);
    expect(loaded).not.toContain("<img");
  });
});

describe("the form's message bars", () => {
  it("names the fields the form can't fill, as text", () => {
    const html = renderToStaticMarkup(<UnfillableFieldsBar names={["Severity", HOSTILE]} />);
    expect(html).toContain('data-testid="unsupported-fields"');
    expect(html).toContain(
      `This issue type needs fields the pane can&#x27;t fill in yet: Severity, ${ESCAPED}. Choose another issue type or create the issue in Jira.`
    );
    expect(html).not.toContain("<img");
  });

  it("says which list could not be loaded, why (Jira's words as text), and offers Retry", () => {
    const html = renderToStaticMarkup(
      <LoadProblemBar what="projects" error={refusal(HOSTILE)} jiraBaseUrl={JIRA} onRetry={noop} />
    );
    expect(html).toContain('data-testid="new-issue-load-problem"');
    expect(html).toContain("Couldn&#x27;t load the projects");
    expect(html).toContain(ESCAPED);
    expect(html).not.toContain("<img");
    expect(html).toMatch(/<button[^>]*>Retry<\/button>/);
  });

  it("shows Jira's refusal of the create as text, with its code", () => {
    const html = renderToStaticMarkup(
      <CreateProblemBar
        error={refusal(`Summary: ${HOSTILE}`)}
        jiraBaseUrl={JIRA}
        onTryAgain={noop}
        onDismiss={noop}
      />
    );
    expect(html).toMatch(/data-testid="new-issue-problem"[^>]*data-code="jira_validation"/);
    expect(html).toContain(`Summary: ${ESCAPED}`);
    expect(html).not.toContain("<img");
    expect(html).not.toContain("Try again");
  });

  it("offers Try again only when Jira did not confirm the create", () => {
    const html = renderToStaticMarkup(
      <CreateProblemBar
        error={new IssueCreateUncertainError(new Error("504"))}
        jiraBaseUrl={JIRA}
        onTryAgain={noop}
        onDismiss={noop}
      />
    );
    expect(html).toContain('data-code="create_uncertain"');
    expect(html).toContain(
      "The issue may or may not have been created. Try again looks for it in Jira first, so it won&#x27;t be created twice."
    );
    expect(html).toMatch(/<button[^>]*>Try again<\/button>/);
  });

  it("links the created issue by its key, escaped in the text and encoded in the URL", () => {
    const html = renderToStaticMarkup(
      <CreatedIssueBar issue={{ key: `OPS-1"${HOSTILE}`, recovered: true }} jiraBaseUrl={JIRA} />
    );
    expect(html).toContain('data-testid="issue-created"');
    expect(html).toContain(
      `href="${JIRA}/browse/${encodeURIComponent(`OPS-1"${HOSTILE}`).replace(/'/g, "&#x27;")}"`
    );
    expect(html).toContain(`OPS-1&quot;${ESCAPED}</a>`);
    expect(html).not.toContain("<img");
    expect(html).toContain(" (it had already been created; the answer was lost on the way)");
  });
});

describe("CreateIssueActions", () => {
  it("keeps Create disabled until the create screen is checked", () => {
    const html = renderToStaticMarkup(
      <CreateIssueActions
        creating={false}
        ready={false}
        connectionEnded={false}
        onCancelWaiting={noop}
      />
    );
    expect(html).toMatch(/<button type="submit"[^>]*disabled=""[^>]*>Create issue<\/button>/);
  });

  it("offers Create when ready", () => {
    const html = renderToStaticMarkup(
      <CreateIssueActions creating={false} ready connectionEnded={false} onCancelWaiting={noop} />
    );
    expect(html).toMatch(/<button type="submit"(?![^>]*disabled)[^>]*>Create issue<\/button>/);
    expect(html).not.toContain("Creating the issue…");
  });
});
