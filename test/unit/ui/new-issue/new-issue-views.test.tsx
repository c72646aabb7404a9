/**
 * The New issue form's parts on their own, rendered to markup: the texts and test ids the user and
 * the e2e tests rely on, and that whatever Jira sends (project and issue type names, field names,
 * error messages, issue keys) is shown as text, never as markup.
 */
import { renderToStaticMarkup } from "react-dom/server";
import { IssueCreateUncertainError } from "../../../../src/jira/create-issue-once";
import { JiraValidationError } from "../../../../src/jira/jira-errors";
import { CreateIssueActions } from "../../../../src/ui/new-issue/components/CreateIssueActions";
import { CreateProblemBar } from "../../../../src/ui/new-issue/components/CreateProblemBar";
import { AttachmentsSection } from "../../../../src/ui/new-issue/components/AttachmentsSection";
import { DescriptionSection } from "../../../../src/ui/new-issue/components/DescriptionSection";
import type { ConversionState } from "../../../../src/ui/new-issue/description-conversion";
import { IssueTypePicker } from "../../../../src/ui/new-issue/components/IssueTypePicker";
import { LoadProblemBar } from "../../../../src/ui/new-issue/components/LoadProblemBar";
import { ProjectPicker } from "../../../../src/ui/new-issue/components/ProjectPicker";
import { optionSelectHandler } from "../../../../src/ui/new-issue/components/SearchablePicker";
import { SuggestionNote } from "../../../../src/ui/new-issue/components/SuggestionNote";
import { SummaryField } from "../../../../src/ui/new-issue/components/SummaryField";
import { UnfillableFieldsBar } from "../../../../src/ui/new-issue/components/UnfillableFieldsBar";
import { initialDraftFor } from "../../../../src/ui/new-issue/new-issue-draft";
import { file, sampleMessage } from "../ui-fakes";

const JIRA = "https://jira.example.com";
const HOSTILE = '<img src=x onerror="alert(1)">';
const ESCAPED = "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;";
const noop = () => undefined;

/** The checkbox `<input>` whose label says `text`. */
function checkbox(html: string, text: string): string {
  const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const id = new RegExp(`<label for="([^"]+)"[^>]*>${escaped}</label>`).exec(html)?.[1];
  const input = id && new RegExp(`<input type="checkbox" id="${id}"[^>]*>`).exec(html)?.[0];
  if (!input) throw new Error(`No checkbox "${text}" in the markup.`);
  return input;
}

const refusal = (message: string) =>
  new JiraValidationError({
    code: "jira_validation",
    status: 400,
    message,
    request: { method: "POST", path: "/rest/api/2/issue" },
  });

describe("ProjectPicker and IssueTypePicker", () => {
  it("show the chosen project as 'Name (KEY)' in a labelled combobox, escaping what Jira calls it", () => {
    const html = renderToStaticMarkup(
      <ProjectPicker
        projects={[{ id: "1", key: "OPS", name: HOSTILE }]}
        value="OPS"
        disabled={false}
        onChange={noop}
      />
    );
    expect(html).toMatch(/<label[^>]*>Project<span/);
    expect(html).toMatch(/<input[^>]*role="combobox"[^>]*placeholder="Choose or type a project"/);
    expect(html).toContain(`value="${ESCAPED} (OPS)"`);
    expect(html).not.toContain("<img");
  });

  it("say what the issue type list waits for, and show the chosen type's name", () => {
    const types = [{ id: "3", name: HOSTILE }];
    const render = (projectChosen: boolean, issueTypes?: typeof types, value = "") =>
      renderToStaticMarkup(
        <IssueTypePicker
          issueTypes={issueTypes}
          projectChosen={projectChosen}
          value={value}
          disabled={false}
          onChange={noop}
        />
      );
    expect(render(false)).toContain('placeholder="Choose a project first"');
    expect(render(true)).toContain('placeholder="Loading issue types…"');
    expect(render(true)).toMatch(/<input[^>]*disabled=""/);
    const loaded = render(true, types, "3");
    expect(loaded).toContain('placeholder="Choose an issue type"');
    expect(loaded).toContain(`value="${ESCAPED}"`);
    expect(loaded).not.toContain("<img");
  });
});

describe("the pickers' search", () => {
  it("keeps the choice and the typed search when Fluent unselects because the text starts no option", () => {
    const queries: unknown[] = [];
    const values: string[] = [];
    const select = optionSelectHandler(
      (query) => queries.push(query),
      (value) => values.push(value)
    );
    // "Customer Support (SUP)" is chosen; the user types "ops": Fluent unselects on its own.
    select({ type: "change" }, { optionValue: undefined });
    expect(queries).toEqual([]);
    expect(values).toEqual([]);
    // Then picks "Operations (OPS)" from the filtered list.
    select({ type: "click" }, { optionValue: "OPS" });
    expect(queries).toEqual([undefined]);
    expect(values).toEqual(["OPS"]);
  });
});

describe("SuggestionNote", () => {
  const render = (reason: "conversation" | "sender" | "last-used", issueKey?: string) =>
    renderToStaticMarkup(
      <SuggestionNote
        suggestion={{
          reason,
          projectKey: "SUP",
          issueTypeId: "3",
          ...(issueKey ? { issueKey } : {}),
        }}
        projectName="Customer Support"
        senderAddress="chris@contoso.example"
      />
    );

  it("says why the project and issue type were chosen", () => {
    expect(render("conversation", "SUP-12")).toContain(
      "Suggested: earlier emails of this conversation went to SUP-12 in Customer Support."
    );
    expect(render("sender", "SUP-4")).toContain(
      "Suggested: earlier emails from chris@contoso.example went to SUP-4 in Customer Support."
    );
    expect(render("last-used")).toContain(
      "Suggested: the project and issue type you used last (Customer Support)."
    );
  });
});

describe("SummaryField", () => {
  it("counts the characters near the limit, and says at once when the summary is too long", () => {
    const render = (value: string) =>
      renderToStaticMarkup(<SummaryField value={value} readOnly={false} onChange={noop} />);
    expect(render("short")).not.toContain("characters");
    expect(render("x".repeat(240))).toContain("240 of 255 characters");
    expect(render("x".repeat(256))).toContain(
      "The summary can have at most 255 characters (it has 256)."
    );
  });
});

describe("DescriptionSection", () => {
  const draft = {
    ...initialDraftFor({ subject: "s" }),
    description: "h1. Hi",
    descriptionState: "generated" as const,
  };

  it("holds the markup in a labelled monospace textarea with the two options", () => {
    const html = renderToStaticMarkup(
      <DescriptionSection
        draft={draft}
        conversion={{ status: "idle" }}
        readOnly={false}
        onChange={noop}
        onConvert={noop}
      />
    );
    expect(html).toMatch(/<label[^>]*>Description<\/label>/);
    expect(html).toContain(">h1. Hi</textarea>");
    expect(checkbox(html, "Include a header block (From, Sent, To, Cc, Subject)")).toContain(
      'checked=""'
    );
    expect(html).toContain("Cut the quoted reply history");
    expect(html).not.toContain("Converting the email…");
  });

  it("says when the email couldn't be converted, as text, and offers to convert again", () => {
    const html = renderToStaticMarkup(
      <DescriptionSection
        draft={{ ...draft, description: "" }}
        conversion={{ status: "failed", problem: `Outlook said ${HOSTILE}` }}
        readOnly={false}
        onChange={noop}
        onConvert={noop}
      />
    );
    expect(html).toContain('data-testid="description-problem"');
    expect(html).toContain(`Outlook said ${ESCAPED}`);
    expect(html).toMatch(/<button[^>]*>Convert again<\/button>/);
    expect(html).not.toMatch(/<textarea[^>]*readOnly/);
  });

  it("waits read-only for the first conversion, but leaves the text editable once it failed", () => {
    const pending = { ...draft, description: "", descriptionState: "pending" as const };
    const render = (conversion: ConversionState) =>
      renderToStaticMarkup(
        <DescriptionSection
          draft={pending}
          conversion={conversion}
          readOnly={false}
          onChange={noop}
          onConvert={noop}
        />
      );
    const waiting = render({ status: "idle" });
    expect(waiting).toMatch(/<textarea[^>]*readOnly/);
    expect(waiting).toContain("Converting the email…");
    const failed = render({ status: "failed", problem: "Outlook gave no body." });
    expect(failed).not.toMatch(/<textarea[^>]*readOnly/);
    expect(failed).not.toContain("Converting the email…");
    expect(failed).toMatch(/<button[^>]*>Convert again<\/button>/);
  });
});

describe("AttachmentsSection", () => {
  const TEN_MB = 10 * 1024 * 1024;
  const message = sampleMessage({
    attachments: [
      file("a1", HOSTILE, "text/plain", 24 * 1024),
      file("a2", "dump.bin", "application/octet-stream", TEN_MB + 1),
      { ...file("a3", "plan.docx", "application/msword", 5000), attachmentType: "cloud" },
    ],
  });
  const draft = { attachmentChoices: {}, attachEmail: true, description: "", inlineImages: [] };
  const render = (policy: Parameters<typeof AttachmentsSection>[0]["policy"], problem?: string) =>
    renderToStaticMarkup(
      <AttachmentsSection
        message={message}
        draft={draft}
        policy={policy}
        disabled={false}
        onChange={noop}
        {...(problem ? { problem } : {})}
      />
    );
  const office = {
    capabilities: { attachments: "office" as const, wholeMessage: "office" as const },
    jira: { enabled: true, uploadLimit: TEN_MB },
  };

  it("labels each checkbox with the name the file is uploaded under (as text), its size beside it", () => {
    const html = render(office);
    // The upload's name (file-names.ts): Windows' reserved characters as "_".
    expect(html).toContain(">_img src=x onerror=_alert(1)__</span></label>");
    expect(html).not.toContain("<img");
    expect(html).toContain(">24 KB<");
    expect(html).toContain("larger than Jira&#x27;s limit of 10 MB");
    expect(html).toContain("a link to a cloud file: can&#x27;t be attached");
    expect(checkbox(html, "Attach the email (.eml)")).toContain('checked=""');
  });

  it("disables the files and names why when this Outlook can't read them", () => {
    const html = render({ capabilities: { attachments: "none", wholeMessage: "none" } });
    expect(html).toContain("This Outlook can&#x27;t read the content of attachments");
    expect(html).toContain("Mailbox 1.8");
    expect(html.match(/<input type="checkbox"[^>]*disabled=""/g)).toHaveLength(4);
  });

  it("says when Jira has attachments turned off, and shows Create's refusal", () => {
    expect(render({ ...office, jira: { enabled: false, uploadLimit: 1 } })).toContain(
      "Attachments are turned off in this Jira, so no files are uploaded."
    );
    expect(
      render(
        office,
        "dump.bin is larger than Jira's limit of 10 MB. Uncheck it to create the issue."
      )
    ).toContain('data-testid="attachments-problem"');
  });
});

describe("the form's message bars", () => {
  it("names the fields the form can't fill, as text", () => {
    const html = renderToStaticMarkup(<UnfillableFieldsBar names={["Severity", HOSTILE]} />);
    expect(html).toContain('data-testid="unsupported-fields"');
    expect(html).toContain(
      `This issue type needs fields the pane can&#x27;t fill in yet: Severity and ${ESCAPED}. Choose another issue type or create the issue in Jira.`
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
