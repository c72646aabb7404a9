/**
 * The linked issues shown when an email is opened, rendered to markup: the first line still reads
 * "Linked to SUP-12 and SUP-3" (issue 5's e2e tests check it), then a row per issue with summary,
 * status, how it is linked and "Add as comment"; issues of another Jira named with its host; a
 * failed lookup still lists the keys; Jira's text shown as text. (LinkedIssuesSection itself reads
 * the links in an effect, which runs in the browser: test/e2e.)
 */
import { renderToStaticMarkup } from "react-dom/server";
import { activateLanguage } from "../../../../src/i18n/translate";
import type { IssueSummary } from "../../../../src/jira/issue-lookup";
import type { JiraLoadState } from "../../../../src/ui/jira-load";
import { LinkedIssuesList } from "../../../../src/ui/linked-issues/LinkedIssuesList";
import { LinkedIssuesSection } from "../../../../src/ui/linked-issues/LinkedIssuesSection";
import type { EmailIssueLink, JiraSession } from "../../../../src/ui/ports";
import { all, first, renderDocument } from "../field-editing/render-markup";
import { memoryEmailLinks, sampleMessage } from "../ui-fakes";
import { SUP3, issue } from "../issue-finder/issue-fixtures";
import { JIRA, OTHER_JIRA, link } from "./link-fixtures";

const HOSTILE = '<img src=x onerror="alert(1)">';
const noop = () => undefined;
const SUP12 = issue("SUP-12", "Printer jams on every job", {
  statusName: "In Progress",
  statusCategory: "indeterminate",
});
const LINKS = [link("SUP-12"), link("SUP-3", { kind: "commented" })];

function render(links: EmailIssueLink[], lookup: JiraLoadState<IssueSummary[]>, canComment = true) {
  return renderDocument(
    <LinkedIssuesList
      links={links}
      jiraBaseUrl={JIRA}
      lookup={lookup}
      canComment={canComment}
      onAddAsComment={noop}
      onRetryLookup={noop}
    />
  );
}

/** The rows as [data-issue-key, text]. */
function rows(doc: Document): Array<[string | null, string]> {
  return all(doc, '[data-testid="linked-issue"]').map((row) => [
    row.getAttribute("data-issue-key"),
    row.textContent ?? "",
  ]);
}

describe("LinkedIssuesList", () => {
  it("starts with 'Linked to' and the keys as links, then a row per issue", () => {
    const { doc } = render(LINKS, { status: "loaded", value: [SUP12, SUP3] });
    const section = first(doc, '[data-testid="email-links"]');
    expect(section?.getAttribute("aria-label")).toBe("Linked issues");
    expect(section?.textContent).toMatch(/^Linked to SUP-12 and SUP-3/);
    const links = all(section ?? doc, "a").map((a) => [a.textContent, a.getAttribute("href")]);
    expect(links).toEqual([
      ["SUP-12", `${JIRA}/browse/SUP-12`],
      ["SUP-3", `${JIRA}/browse/SUP-3`],
      ["SUP-12", `${JIRA}/browse/SUP-12`],
      ["SUP-3", `${JIRA}/browse/SUP-3`],
    ]);
    expect(rows(doc)).toEqual([
      ["SUP-12", "SUP-12Printer jams on every jobIn Progresscreated from this emailAdd as comment"],
      ["SUP-3", "SUP-3Invoice 2024-117 missing in ERPDoneadded as a commentAdd as comment"],
    ]);
    const buttons = all(doc, '[data-testid="linked-issue"] button');
    expect(buttons.map((button) => button.textContent)).toEqual([
      "Add as comment",
      "Add as comment",
    ]);
  });

  it("renders nothing for an email without links", () => {
    expect(
      renderToStaticMarkup(
        <LinkedIssuesList
          links={[]}
          jiraBaseUrl={JIRA}
          lookup={{ status: "idle" }}
          canComment
          onAddAsComment={noop}
          onRetryLookup={noop}
        />
      )
    ).toBe("");
  });

  it("names an issue of another Jira with its host, as text, with nothing to do there", () => {
    const { doc } = render([link("OPS-1", { jiraBaseUrl: OTHER_JIRA })], { status: "idle" });
    expect(first(doc, '[data-testid="email-links"]')?.textContent).toMatch(
      /^Linked to OPS-1 \(Jira: jira\.other\.example\)/
    );
    expect(first(doc, "a")).toBeNull();
    expect(rows(doc)).toEqual([
      ["OPS-1", "OPS-1 (Jira: jira.other.example)created from this email"],
    ]);
  });

  it("still lists the keys when the lookup failed, and offers to try again", () => {
    const failure = Object.assign(new Error("Jira answered 502."), { code: "http_502" });
    const { doc } = render(LINKS, { status: "failed", error: failure });
    expect(first(doc, '[data-testid="email-links"]')?.textContent).toMatch(
      /^Linked to SUP-12 and SUP-3/
    );
    const problem = first(doc, '[data-testid="linked-issues-problem"]');
    expect(problem?.textContent).toMatch(/^Couldn't load their summaries and status\./);
    expect(first(problem ?? doc, "button")?.textContent).toBe("Try again");
    expect(rows(doc)).toEqual([
      ["SUP-12", "SUP-12created from this emailAdd as comment"],
      ["SUP-3", "SUP-3added as a commentAdd as comment"],
    ]);
  });

  it("says so for an issue Jira no longer shows, without offering to comment on it", () => {
    const { doc } = render(LINKS, { status: "loaded", value: [SUP12] });
    expect(rows(doc)[1]).toEqual([
      "SUP-3",
      "SUP-3added as a comment · not found in Jira: deleted, or you can't see it",
    ]);
  });

  it("names an issue moved to another project by its new key too", () => {
    const moved = issue("OPS-7", "Printer jams on every job", { id: SUP12.id });
    const { doc } = render([link("SUP-12")], { status: "loaded", value: [moved] });
    expect(first(doc, '[data-testid="email-links"]')?.textContent).toMatch(
      /^Linked to SUP-12 \(now OPS-7\)/
    );
  });

  it("offers no 'Add as comment' while not connected to Jira", () => {
    const { doc } = render(LINKS, { status: "idle" }, false);
    expect(all(doc, "button")).toEqual([]);
    expect(rows(doc).map(([key]) => key)).toEqual(["SUP-12", "SUP-3"]);
  });

  it("shows Jira's summary and status as text", () => {
    const hostile = issue("SUP-12", HOSTILE, { statusName: HOSTILE });
    const { doc, html } = render([link("SUP-12")], { status: "loaded", value: [hostile] });
    expect(rows(doc)[0][1]).toContain(`${HOSTILE}${HOSTILE}`);
    expect(html).not.toContain("<img");
  });
});

describe("LinkedIssuesList in German and French", () => {
  afterEach(async () => {
    await activateLanguage("en-US");
  });

  it("says 'Verknüpft mit' and joins the keys as German lists do, each key still a link", async () => {
    await activateLanguage("de-DE");
    const three = [...LINKS, link("OPS-7")];
    const { doc } = render(three, { status: "loaded", value: [SUP12, SUP3] });
    const section = first(doc, '[data-testid="email-links"]');
    expect(section?.getAttribute("aria-label")).toBe("Verknüpfte Vorgänge");
    expect(first(section ?? doc, "span")?.textContent).toBe(
      "Verknüpft mit SUP-12, SUP-3 und OPS-7"
    );
    expect(all(section ?? doc, "a").map((a) => a.textContent)).toEqual([
      "SUP-12",
      "SUP-3",
      "OPS-7",
      "SUP-12",
      "SUP-3",
      "OPS-7",
    ]);
    expect(rows(doc)).toEqual([
      [
        "SUP-12",
        "SUP-12Printer jams on every jobIn Progressaus dieser E-Mail erstelltAls Kommentar hinzufügen",
      ],
      [
        "SUP-3",
        "SUP-3Invoice 2024-117 missing in ERPDoneE-Mail als Kommentar hinzugefügtAls Kommentar hinzufügen",
      ],
      [
        "OPS-7",
        "OPS-7aus dieser E-Mail erstellt · in Jira nicht gefunden: gelöscht, oder Sie dürfen den Vorgang nicht sehen",
      ],
    ]);
  });

  it("names a moved issue's new key in French", async () => {
    await activateLanguage("fr-FR");
    const moved = issue("OPS-7", "Printer jams on every job", { id: SUP12.id });
    const { doc } = render([link("SUP-12"), link("SUP-3")], {
      status: "loaded",
      value: [moved, SUP3],
    });
    expect(first(doc, '[data-testid="email-links"]')?.textContent).toMatch(
      /^Lié à SUP-12 \(désormais OPS-7\) et SUP-3/
    );
  });
});

describe("LinkedIssuesSection", () => {
  it("shows nothing until the email's links are read (an effect, in the browser)", () => {
    const session = {
      getState: () => ({ status: "signed_in", jiraBaseUrl: JIRA, account: { name: "jane" } }),
      subscribe: () => noop,
      withJira: jest.fn(),
    } as unknown as JiraSession;
    const html = renderToStaticMarkup(
      <LinkedIssuesSection
        emailLinks={memoryEmailLinks()}
        message={sampleMessage()}
        jiraBaseUrl={JIRA}
        session={session}
        linksRevision={0}
        onAddAsComment={noop}
      />
    );
    expect(html).toBe("");
    expect(session.withJira).not.toHaveBeenCalled();
  });
});
