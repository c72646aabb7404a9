/**
 * Finding the issue for an email, against the real simulator over HTTP: issues by key and id
 * (keys that only look like keys, such as UTF-8 or COVID-19, and issues that don't exist or are
 * hidden, are dropped), search as you type (picker, then JQL text search), the user's recent
 * issues, what a comment may be restricted to, and the names of an issue's attachments.
 */
import {
  attachmentNamesOf,
  commentVisibilityChoices,
  lookUpIssues,
  recentIssues,
  searchIssues,
} from "../../../src/jira/issue-lookup";
import type { IssueSummary } from "../../../src/jira/issue-lookup";
import { rejectionOf, setUpSimulatorKit } from "./jira-client-kit";

jest.setTimeout(30_000);

const kit = setUpSimulatorKit({ lifetime: "file", signedIn: true });

const keysOf = (issues: IssueSummary[]) => issues.map((issue) => issue.key);

describe("lookUpIssues", () => {
  it("returns the visible existing issues in the order asked; look-alike, unknown and hidden keys are dropped", async () => {
    const issues = await lookUpIssues(kit.jira, {
      keys: ["UTF-8", "SUP-2", "COVID-19", "ISO-8859-1", "SHA-256", "SUP-999", "sup-1", "ENG-1"],
      ids: ["10002", "99999", "10001"],
    });

    expect(keysOf(issues)).toEqual(["SUP-2", "SUP-1", "SUP-3"]);
    expect(issues[0]).toEqual({
      id: "10001",
      key: "SUP-2",
      summary: "VPN drops every hour",
      statusName: "In Progress",
      statusCategory: "indeterminate",
      resolved: false,
      projectKey: "SUP",
      issueTypeId: "1",
      issueTypeName: "Bug",
    });
    expect(issues[2]).toMatchObject({
      key: "SUP-3",
      statusName: "Done",
      statusCategory: "done",
      resolved: true,
    });
  });

  it("asks nothing for nothing, and drops what isn't a key or an id", async () => {
    expect(await lookUpIssues(kit.jira, {})).toEqual([]);
    expect(
      await lookUpIssues(kit.jira, { keys: ["not a key", "SUP-", "-1", "2-SUP"], ids: ["12a"] })
    ).toEqual([]);
  });

  it("answers [] when none of them exists (warnings, not an error)", async () => {
    expect(await lookUpIssues(kit.jira, { keys: ["UTF-8", "COVID-19"], ids: ["99999"] })).toEqual(
      []
    );
  });

  it("finds a lot of keys in one search", async () => {
    const keys = Array.from({ length: 200 }, (_, index) => `SUP-${index + 1}`);

    const issues = await lookUpIssues(kit.jira, { keys });

    expect(keysOf(issues).slice(0, 3)).toEqual(["SUP-1", "SUP-2", "SUP-3"]);
  });
});

describe("searchIssues", () => {
  it("finds an issue by a word of its summary", async () => {
    const issues = await searchIssues(kit.jira, "drops", { hideResolved: false });

    expect(keysOf(issues)).toEqual(["SUP-2"]);
    expect(issues[0]).toMatchObject({ summary: "VPN drops every hour", statusName: "In Progress" });
  });

  it("finds by text only in a comment (JQL text search), after the picker's matches", async () => {
    // "network" is in Jane's comment on SUP-2, not in any summary the picker matches.
    const issues = await searchIssues(kit.jira, "home network", { hideResolved: false });

    expect(keysOf(issues)).toEqual(["SUP-2"]);
  });

  it("goes straight to the issue for a whole key, in any case, resolved or not", async () => {
    expect(keysOf(await searchIssues(kit.jira, " sup-2 ", { hideResolved: false }))).toEqual([
      "SUP-2",
    ]);
    expect(keysOf(await searchIssues(kit.jira, "SUP-3", { hideResolved: true }))).toEqual([
      "SUP-3",
    ]);
    expect(await searchIssues(kit.jira, "SUP-999", { hideResolved: false })).toEqual([]);
    expect(await searchIssues(kit.jira, "ENG-1", { hideResolved: false })).toEqual([]);
  });

  it("hides resolved issues when asked", async () => {
    const all = await searchIssues(kit.jira, "invoice", { hideResolved: false });
    const unresolved = await searchIssues(kit.jira, "invoice", { hideResolved: true });

    expect(keysOf(all).sort()).toEqual(["OPS-1", "SUP-3"]);
    expect(keysOf(unresolved)).toEqual(["OPS-1"]);
  });

  it("searches text with Lucene's special characters in it without a 400", async () => {
    const issues = await searchIssues(kit.jira, 'VPN (drops) "every" hour?', {
      hideResolved: false,
    });

    expect(keysOf(issues)).toEqual(["SUP-2"]);
  });

  it("keeps to the limit and lists each issue once", async () => {
    // Summary words starting with "e" (every, expense, export, ERP) are in several issues.
    const all = await searchIssues(kit.jira, "e", { hideResolved: false });
    const issues = await searchIssues(kit.jira, "e", { hideResolved: false, limit: 2 });

    expect(all.length).toBeGreaterThan(2);
    expect(issues).toEqual(all.slice(0, 2));
    expect(new Set(keysOf(issues)).size).toBe(2);
  });

  it("answers [] for blank text", async () => {
    expect(await searchIssues(kit.jira, "   ", { hideResolved: false })).toEqual([]);
  });
});

describe("recentIssues", () => {
  it("lists the user's recently viewed issues, most recent first, with their status", async () => {
    const issues = await recentIssues(kit.jira, { hideResolved: false });

    expect(keysOf(issues)).toEqual(["SUP-2", "SUP-1", "OPS-1"]);
    expect(issues[2]).toMatchObject({ statusName: "Open", statusCategory: "new" });
  });

  it("leaves resolved ones out when asked, and keeps to the limit", async () => {
    // Jane views SUP-3 (Done) in Jira: it becomes her most recent issue.
    await kit.jira.request({
      method: "GET",
      path: "/rest/api/2/issue/SUP-3",
      query: { updateHistory: true, fields: "summary" },
    });

    expect(keysOf(await recentIssues(kit.jira, { hideResolved: false }))).toEqual([
      "SUP-3",
      "SUP-2",
      "SUP-1",
      "OPS-1",
    ]);
    expect(keysOf(await recentIssues(kit.jira, { hideResolved: true }))).toEqual([
      "SUP-2",
      "SUP-1",
      "OPS-1",
    ]);
    expect(keysOf(await recentIssues(kit.jira, { hideResolved: true, limit: 1 }))).toEqual([
      "SUP-2",
    ]);
  });
});

describe("comment visibility", () => {
  it("projectRoles reads Jira's map of role names to URLs; myGroups the user's groups", async () => {
    expect(await kit.jira.projectRoles("SUP")).toEqual([
      { id: "10000", name: "Users" },
      { id: "10001", name: "Developers" },
      { id: "10002", name: "Administrators" },
    ]);
    expect(await kit.jira.myGroups()).toEqual(["jira-users", "jira-servicedesk-users"]);
  });

  it("projectRoles of a project the user can't browse is a 404", async () => {
    const error = await rejectionOf(kit.jira.projectRoles("ENG"));

    expect(error).toMatchObject({ name: "JiraHttpError", code: "http_404", status: 404 });
  });

  it("offers every project role, then the user's groups, each sorted by name", async () => {
    expect(await commentVisibilityChoices(kit.jira, "SUP")).toEqual([
      { type: "role", value: "Administrators" },
      { type: "role", value: "Developers" },
      { type: "role", value: "Users" },
      { type: "group", value: "jira-servicedesk-users" },
      { type: "group", value: "jira-users" },
    ]);
  });
});

describe("attachmentNamesOf", () => {
  it("lists the file names of the issue's attachments", async () => {
    expect(await attachmentNamesOf(kit.jira, "SUP-1")).toEqual(["error-message.txt"]);
    expect(await attachmentNamesOf(kit.jira, "SUP-2")).toEqual([]);
  });
});
