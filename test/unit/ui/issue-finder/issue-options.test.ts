/**
 * What the issue finder lists: the groups in order, each issue once, resolved issues hidden on
 * request, typed words narrowing the suggestions, a key typed in full shown alone, and which issue
 * is chosen before the user picks.
 */
import {
  IN_THIS_EMAIL,
  RECENT,
  SEARCH_RESULTS,
  fullIssueKey,
  issueGroups,
  issueOptionText,
  knownIssue,
  preselection,
  shownIssues,
} from "../../../../src/ui/issue-finder/issue-options";
import type { IssueGroup } from "../../../../src/ui/issue-finder/issue-options";
import { OPS1, OPS2, SUP1, SUP2, SUP3, issue } from "./issue-fixtures";

/** The groups as "id: KEY, KEY" lines. */
const outline = (groups: IssueGroup[]) =>
  groups.map((group) => `${group.id}: ${group.issues.map((found) => found.key).join(", ")}`);

describe("issueOptionText", () => {
  it("starts with the key, then the summary", () => {
    expect(issueOptionText(SUP2)).toBe("SUP-2 VPN drops every hour");
  });

  it("is the key alone for an issue without a summary", () => {
    expect(issueOptionText({ key: "SUP-9", summary: "" })).toBe("SUP-9");
  });
});

describe("fullIssueKey", () => {
  it.each([
    ["SUP-2", "SUP-2"],
    ["sup-2", "SUP-2"],
    ["  OPS_X-120 ", "OPS_X-120"],
    ["A1-7", "A1-7"],
    ["a-1", "A-1"],
    ["R2D2-999999999999999", "R2D2-999999999999999"],
  ])("reads %j as the key %s", (typed, key) => {
    expect(fullIssueKey(typed)).toBe(key);
  });

  it.each([
    "SUP-",
    "SUP-0",
    "SUP-02",
    "2-SUP",
    "SUP-2 vpn",
    "vpn",
    "",
    "SUP 2",
    "-2",
    "SÜP-2",
    "ſup-2",
    "SUP-1234567890123456",
  ])("reads %j as no key", (typed) => {
    expect(fullIssueKey(typed)).toBeUndefined();
  });
});

describe("shownIssues", () => {
  it("leaves resolved issues out when asked, keeping the order", () => {
    expect(shownIssues([SUP3, SUP2, SUP1], true)).toEqual([SUP2, SUP1]);
    expect(shownIssues([SUP3, SUP2, SUP1], false)).toEqual([SUP3, SUP2, SUP1]);
  });
});

describe("issueGroups", () => {
  it("lists the email's issues, then the recent ones, each issue once, empty groups left out", () => {
    const lists = { inEmail: [SUP2, SUP1], recent: [SUP1, OPS1] };
    expect(outline(issueGroups(lists, "", false))).toEqual([
      `${IN_THIS_EMAIL}: SUP-2, SUP-1`,
      `${RECENT}: OPS-1`,
    ]);
    expect(outline(issueGroups({ recent: [OPS1] }, "", false))).toEqual([`${RECENT}: OPS-1`]);
    expect(issueGroups({}, "", true)).toEqual([]);
  });

  it("shows search results only while text is typed", () => {
    const lists = { inEmail: [SUP2], searchResults: [OPS2] };
    expect(outline(issueGroups(lists, "  ", false))).toEqual([`${IN_THIS_EMAIL}: SUP-2`]);
  });

  it("hides resolved recent issues and search results when the switch is on", () => {
    const resolvedOps = issue("OPS-3", "Printer on the 3rd floor is offline", { resolved: true });
    const resolvedOps4 = issue("OPS-4", "Old printer", { resolved: true });
    const lists = { recent: [resolvedOps, OPS1], searchResults: [resolvedOps4, OPS2] };
    expect(outline(issueGroups(lists, "o", true))).toEqual([
      `${RECENT}: OPS-1`,
      `${SEARCH_RESULTS}: OPS-2`,
    ]);
    expect(outline(issueGroups(lists, "o", false))).toEqual([
      `${RECENT}: OPS-3, OPS-1`,
      `${SEARCH_RESULTS}: OPS-4, OPS-2`,
    ]);
  });

  it("never hides the email's own issues: a reply to a resolved issue still offers it", () => {
    // "RE: [SUP-3] …" after SUP-3 was resolved: its status badge says so, the choice is the user's.
    const lists = { inEmail: [SUP3, SUP2], recent: [SUP3, OPS1] };
    expect(outline(issueGroups(lists, "", true))).toEqual([
      `${IN_THIS_EMAIL}: SUP-3, SUP-2`,
      `${RECENT}: OPS-1`,
    ]);
    expect(outline(issueGroups(lists, "invoice", true))).toEqual([
      `${IN_THIS_EMAIL}: SUP-3`,
      `${RECENT}: OPS-1`,
    ]);
  });

  it("narrows the email's and recent issues to the typed words, then adds Jira's results", () => {
    const lists = {
      inEmail: [SUP2, SUP1],
      recent: [OPS1, OPS2],
      // Jira matched these on any field, the summary or not: they are not filtered again.
      searchResults: [OPS1, SUP3, SUP2],
    };
    expect(outline(issueGroups(lists, "vpn HOUR", false))).toEqual([
      `${IN_THIS_EMAIL}: SUP-2`,
      `${SEARCH_RESULTS}: OPS-1, SUP-3`,
    ]);
    expect(outline(issueGroups(lists, "erp", false))).toEqual([
      `${RECENT}: OPS-1`,
      `${SEARCH_RESULTS}: SUP-3, SUP-2`,
    ]);
  });

  it("matches typed words against the key too", () => {
    const lists = { inEmail: [SUP2, SUP1], recent: [OPS1] };
    expect(outline(issueGroups(lists, "ops-", false))).toEqual([`${RECENT}: OPS-1`]);
  });

  it("shows a key typed in full alone, from the first group that has it, resolved or not", () => {
    const lists = { inEmail: [SUP2], recent: [SUP3, SUP2], searchResults: [OPS1, SUP2] };
    expect(issueGroups(lists, "sup-2", true)).toEqual([{ id: IN_THIS_EMAIL, issues: [SUP2] }]);
    expect(issueGroups(lists, "SUP-3", true)).toEqual([{ id: RECENT, issues: [SUP3] }]);
    expect(issueGroups(lists, "OPS-1", true)).toEqual([{ id: SEARCH_RESULTS, issues: [OPS1] }]);
    // Not known (yet): nothing rather than issues that merely contain "SUP-1".
    expect(issueGroups(lists, "SUP-1", true)).toEqual([]);
  });
});

describe("knownIssue", () => {
  it("finds an issue by key in any list, whatever the case", () => {
    const lists = { inEmail: [SUP2], recent: [OPS1], searchResults: [SUP3] };
    expect(knownIssue(lists, "ops-1")).toBe(OPS1);
    expect(knownIssue(lists, "SUP-3")).toBe(SUP3);
    expect(knownIssue(lists, "SUP-1")).toBeUndefined();
  });

  it("prefers the email's copy", () => {
    const fresher = { ...SUP2, statusName: "Done" };
    expect(knownIssue({ inEmail: [SUP2], searchResults: [fresher] }, "SUP-2")).toBe(SUP2);
  });
});

describe("preselection", () => {
  const base = {
    inEmail: [SUP3, SUP2, SUP1],
    hideResolved: true,
    selected: undefined,
    initialKey: undefined,
    settled: false,
  };

  it("chooses the email's best issue, resolved or not (In this email is never filtered)", () => {
    expect(preselection(base)).toBe(SUP3);
    expect(preselection({ ...base, inEmail: [SUP2, SUP3] })).toBe(SUP2);
  });

  it("chooses nothing before the email's issues are known, or when it names none", () => {
    expect(preselection({ ...base, inEmail: undefined })).toBeUndefined();
    expect(preselection({ ...base, inEmail: [] })).toBeUndefined();
  });

  it("never overrules a choice: one made, an issue asked for by key, or a pick before", () => {
    expect(preselection({ ...base, selected: OPS1 })).toBeUndefined();
    expect(preselection({ ...base, initialKey: "OPS-1" })).toBeUndefined();
    expect(preselection({ ...base, settled: true })).toBeUndefined();
  });
});
