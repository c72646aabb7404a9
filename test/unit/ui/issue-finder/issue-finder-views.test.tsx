/**
 * The issue finder's parts rendered to markup: the texts, roles and test ids the user and the e2e
 * tests rely on ("Issue", the group labels, options starting "SUP-2 VPN drops every hour", "Hide
 * resolved issues", `chosen-issue`), and that whatever Jira sends is shown as text, never markup.
 * (Loading and picking run in the browser: test/e2e; their rules are in issue-options.test.ts.)
 */
import { Combobox } from "@fluentui/react-components";
import { activateLanguage } from "../../../../src/i18n/translate";
import { ChosenIssue } from "../../../../src/ui/issue-finder/ChosenIssue";
import { IssueFinder } from "../../../../src/ui/issue-finder/IssueFinder";
import { IssueOptions } from "../../../../src/ui/issue-finder/IssueOptions";
import { IN_THIS_EMAIL, RECENT } from "../../../../src/ui/issue-finder/issue-options";
import type { IssueSummary } from "../../../../src/jira/issue-lookup";
import type { JiraSession } from "../../../../src/ui/ports";
import { all, controlOf, first, renderDocument } from "../field-editing/render-markup";
import { memoryMailContent, sampleMessage } from "../ui-fakes";
import { OPS1, SUP2, SUP3, issue } from "./issue-fixtures";

const JIRA = "https://jira.example.com";
const HOSTILE = '<img src=x onerror="alert(1)">';
const noop = () => undefined;

/** The options of an open list, as their text. */
function optionTexts(doc: Document): string[] {
  return all(doc, '[role="option"]').map((option) => (option.textContent ?? "").trim());
}

/** The input a `<label for>` with exactly `text` names. */
function labelledInput(doc: Document, text: string): Element {
  const label = all(doc, "label[for]").find((candidate) => candidate.textContent === text);
  const input = label && doc.getElementById(label.getAttribute("for") ?? "");
  if (!input) throw new Error(`No input labelled "${text}"`);
  return input;
}

describe("IssueOptions", () => {
  const renderOpen = (element: React.ReactElement) =>
    renderDocument(
      <Combobox open inlinePopup value="">
        {element}
      </Combobox>
    );

  it("lists the issues under their group labels, key and summary first, status beside", () => {
    const { doc } = renderOpen(
      <IssueOptions
        emptyText="unused"
        groups={[
          { id: IN_THIS_EMAIL, issues: [SUP2] },
          { id: RECENT, issues: [OPS1, SUP3] },
        ]}
      />
    );
    const groups = all(doc, '[role="group"]');
    const labelOf = (group: Element) =>
      doc.getElementById(group.getAttribute("aria-labelledby") ?? "")?.textContent;
    expect(groups.map(labelOf)).toEqual(["In this email", "Recent"]);
    expect(all(groups[0], '[role="option"]')).toHaveLength(1);
    expect(optionTexts(doc)).toEqual([
      "SUP-2 VPN drops every hourIn Progress",
      "OPS-1 Nightly invoice export to ERP fails with timeoutOpen",
      "SUP-3 Invoice 2024-117 missing in ERPDone",
    ]);
    const badge = first(doc, '[data-status-category="done"]');
    expect(badge?.textContent).toBe("Done");
  });

  it("shows a summary and a status from Jira as text", () => {
    const hostile = issue("SUP-9", HOSTILE, { statusName: HOSTILE });
    const { doc, html } = renderOpen(
      <IssueOptions emptyText="unused" groups={[{ id: RECENT, issues: [hostile] }]} />
    );
    expect(optionTexts(doc)).toEqual([`SUP-9 ${HOSTILE}${HOSTILE}`]);
    expect(html).not.toContain("<img");
  });

  it("shows the empty text as one disabled line", () => {
    const { doc } = renderOpen(<IssueOptions emptyText="No matching issues" groups={[]} />);
    const options = all(doc, '[role="option"]');
    expect(options.map((option) => option.textContent)).toEqual(["No matching issues"]);
    expect(options[0].getAttribute("aria-disabled")).toBe("true");
  });
});

describe("ChosenIssue", () => {
  it("shows the key as a link to the issue in Jira, the summary and the status", () => {
    const { doc } = renderDocument(<ChosenIssue issue={SUP2} jiraBaseUrl={JIRA} />);
    const chosen = first(doc, '[data-testid="chosen-issue"]');
    expect(chosen?.getAttribute("data-issue-key")).toBe("SUP-2");
    const link = first(chosen ?? doc, "a");
    expect(link?.textContent).toBe("SUP-2");
    expect(link?.getAttribute("href")).toBe(`${JIRA}/browse/SUP-2`);
    expect(link?.getAttribute("target")).toBe("_blank");
    expect(chosen?.textContent).toBe("SUP-2VPN drops every hourIn Progress");
  });

  it("shows the key as text without a Jira to link to, and Jira's text as text", () => {
    const { doc, html } = renderDocument(<ChosenIssue issue={issue("SUP-9", HOSTILE)} />);
    expect(first(doc, "a")).toBeNull();
    expect(first(doc, '[data-testid="chosen-issue"]')?.textContent).toBe(`SUP-9${HOSTILE}Open`);
    expect(html).not.toContain("<img");
  });
});

describe("IssueFinder", () => {
  const message = sampleMessage({ subject: "RE: [SUP-2] VPN drops every hour" });
  const withJira = jest.fn(() => new Promise<never>(noop));
  const session = { withJira } as unknown as Pick<JiraSession, "withJira">;
  const render = (selected: IssueSummary | undefined, disabled = false) =>
    renderDocument(
      <IssueFinder
        session={session}
        mailContent={memoryMailContent(message)}
        message={message}
        conversationKeys={[]}
        selected={selected}
        onSelect={noop}
        disabled={disabled}
        jiraBaseUrl={JIRA}
      />
    ).doc;

  it("is a combobox labelled Issue showing the chosen issue, and the chosen issue below", () => {
    const doc = render(SUP2);
    const input = controlOf(doc, "Issue");
    expect(input.getAttribute("role")).toBe("combobox");
    expect(input.getAttribute("value")).toBe("SUP-2 VPN drops every hour");
    expect(input.getAttribute("placeholder")).toBe("Type a key or words of the summary");
    expect(first(doc, '[data-testid="chosen-issue"]')?.getAttribute("data-issue-key")).toBe(
      "SUP-2"
    );
  });

  it("hides resolved issues by default, with a switch to show them", () => {
    const doc = render(SUP2);
    const switchInput = labelledInput(doc, "Hide resolved issues");
    expect(switchInput.getAttribute("role")).toBe("switch");
    expect(switchInput.hasAttribute("checked")).toBe(true);
  });

  it("keeps a status line for what it is busy with, and no chosen issue before one is", () => {
    const doc = render(undefined);
    expect(all(doc, '[role="status"]')).toHaveLength(1);
    expect(first(doc, '[data-testid="chosen-issue"]')).toBeNull();
    expect(controlOf(doc, "Issue").getAttribute("value")).toBe("");
  });

  it("speaks German: the label, the placeholder, the switch and the group labels", async () => {
    try {
      await activateLanguage("de-DE");
      const doc = render(SUP2);
      const input = controlOf(doc, "Vorgang");
      expect(input.getAttribute("placeholder")).toBe(
        "Schlüssel oder Wörter der Zusammenfassung eingeben"
      );
      expect(labelledInput(doc, "Erledigte Vorgänge ausblenden").getAttribute("role")).toBe(
        "switch"
      );
      const options = renderDocument(
        <Combobox open inlinePopup value="">
          <IssueOptions emptyText="unused" groups={[{ id: RECENT, issues: [OPS1] }]} />
        </Combobox>
      ).doc;
      const group = first(options, '[role="group"]');
      const label = options.getElementById(group?.getAttribute("aria-labelledby") ?? "");
      expect(label?.textContent).toBe("Zuletzt verwendet");
    } finally {
      await activateLanguage("en-US");
    }
  });

  it("disables its controls when asked", () => {
    const doc = render(SUP2, true);
    expect(controlOf(doc, "Issue").hasAttribute("disabled")).toBe(true);
    expect(labelledInput(doc, "Hide resolved issues").hasAttribute("disabled")).toBe(true);
  });
});
