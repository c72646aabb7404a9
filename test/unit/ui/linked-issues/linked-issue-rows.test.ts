/**
 * The rows of the issues an email is linked to: which are in the session's Jira (looked up,
 * matched by id then key), which are elsewhere, which Jira no longer shows, and what is looked up.
 */
import {
  linkKindText,
  keysToLookUp,
  linkedIssueRows,
  sameJira,
} from "../../../../src/ui/linked-issues/linked-issue-rows";
import { SUP2, issue } from "../issue-finder/issue-fixtures";
import { JIRA, OTHER_JIRA as OTHER, link } from "./link-fixtures";

describe("sameJira", () => {
  it("ignores trailing slashes and case", () => {
    expect(sameJira("https://Jira.example.com/", JIRA)).toBe(true);
    expect(sameJira(`${JIRA}/jira`, JIRA)).toBe(false);
  });
});

describe("keysToLookUp", () => {
  it("takes the keys of the session's Jira, each once, in the email's order", () => {
    const links = [
      link("SUP-12"),
      link("OPS-1", { jiraBaseUrl: OTHER }),
      link("SUP-3", { jiraBaseUrl: `${JIRA}/`, kind: "commented" }),
      link("SUP-12", { jiraBaseUrl: "https://JIRA.example.com" }),
    ];
    expect(keysToLookUp(links, JIRA)).toEqual(["SUP-12", "SUP-3"]);
    expect(keysToLookUp([], JIRA)).toEqual([]);
  });
});

describe("linkedIssueRows", () => {
  const sup12 = issue("SUP-12", "Printer jams");

  it("pairs each link of the session's Jira with the issue found, by id first", () => {
    const moved = issue("OPS-7", "VPN drops every hour", { id: SUP2.id });
    const rows = linkedIssueRows([link("SUP-12"), link("SUP-2")], JIRA, [sup12, moved]);
    expect(rows.map((row) => [row.link.issueKey, row.issue?.key, row.currentKey])).toEqual([
      ["SUP-12", "SUP-12", "SUP-12"],
      // Moved to another project: the id still matches, and the new key is the one to act on.
      ["SUP-2", "OPS-7", "OPS-7"],
    ]);
    expect(rows.every((row) => row.here && !row.missing)).toBe(true);
  });

  it("falls back to the key when the link's id doesn't match", () => {
    const rows = linkedIssueRows([link("SUP-12", { issueId: "999" })], JIRA, [sup12]);
    expect(rows[0].issue).toBe(sup12);
  });

  it("marks the issues a lookup didn't return as missing", () => {
    const rows = linkedIssueRows([link("SUP-12"), link("SUP-99")], JIRA, [sup12]);
    expect(rows.map((row) => row.missing)).toEqual([false, true]);
    expect(rows[1]).toEqual({
      link: link("SUP-99"),
      here: true,
      missing: true,
      currentKey: "SUP-99",
    });
  });

  it("lists every key without a lookup (not done, or failed), none missing", () => {
    const rows = linkedIssueRows([link("SUP-12"), link("SUP-3")], JIRA, undefined);
    expect(rows.map((row) => [row.currentKey, row.here, row.missing, row.issue])).toEqual([
      ["SUP-12", true, false, undefined],
      ["SUP-3", true, false, undefined],
    ]);
  });

  it("names issues of another Jira without matching them to this one's", () => {
    const elsewhere = link("SUP-12", { jiraBaseUrl: OTHER });
    const rows = linkedIssueRows([elsewhere], JIRA, [sup12]);
    expect(rows).toEqual([{ link: elsewhere, here: false, missing: false, currentKey: "SUP-12" }]);
  });
});

describe("linkKindText", () => {
  it("says how the email and the issue are linked", () => {
    expect(linkKindText("created")).toBe("created from this email");
    expect(linkKindText("commented")).toBe("added as a comment");
  });
});
