/**
 * The one definition of an issue key: a project key as Jira admins may configure it (a letter,
 * then capitals, digits or "_", 1 to 255 characters), a dash, a number without leading zeros.
 */
import {
  ANY_CASE_ISSUE_KEY_SOURCE,
  ISSUE_KEY_SOURCE,
  MAX_PROJECT_KEY_LENGTH,
  isIssueKey,
  parseIssueKey,
} from "../../../src/jira/issue-key";

describe("parseIssueKey", () => {
  it.each([
    ["SUP-2", "SUP", 2],
    ["sup-2", "SUP", 2],
    ["  Sup-2\t", "SUP", 2],
    ["OPS_X-120", "OPS_X", 120],
    ["A1-7", "A1", 7],
    ["A-1", "A", 1],
    ["R2D2-999999999999999", "R2D2", 999_999_999_999_999],
  ])("reads %j as project %s, number %d", (text, projectKey, number) => {
    expect(parseIssueKey(text)).toEqual({ key: `${projectKey}-${number}`, projectKey, number });
  });

  it.each([
    "",
    "SUP",
    "SUP-",
    "-2",
    "SUP-0",
    "SUP-02",
    "SUP-2x",
    "SUP 2",
    "SUP-2 vpn",
    "2-SUP",
    "1SUP-2",
    "_SUP-2",
    "SUP-2-3",
    "SÜP-2",
    "ſup-2", // U+017F: upper-cases to "S", but is no ASCII letter
    "SUP-1234567890123456",
    `${"A".repeat(MAX_PROJECT_KEY_LENGTH + 1)}-1`,
  ])("reads %j as no key", (text) => {
    expect(parseIssueKey(text)).toBeUndefined();
  });

  it("takes the longest project key Jira allows", () => {
    const projectKey = "A".repeat(MAX_PROJECT_KEY_LENGTH);
    expect(parseIssueKey(`${projectKey}-1`)?.projectKey).toBe(projectKey);
  });
});

describe("isIssueKey", () => {
  it("takes keys as Jira writes them only", () => {
    expect(isIssueKey("SUP-2")).toBe(true);
    expect(isIssueKey("A-1")).toBe(true);
    expect(isIssueKey("AB_C9-10")).toBe(true);
    expect(isIssueKey("sup-2")).toBe(false);
    expect(isIssueKey(" SUP-2")).toBe(false);
    expect(isIssueKey("SUP-02")).toBe(false);
    expect(isIssueKey("SUP-2<script>")).toBe(false);
  });
});

describe("the pattern sources", () => {
  it("match a key inside text, with the caller's own boundaries", () => {
    expect("see SUP-12, then".match(new RegExp(ISSUE_KEY_SOURCE, "g"))).toEqual(["SUP-12"]);
    expect("re: sup-12".match(new RegExp(ANY_CASE_ISSUE_KEY_SOURCE, "g"))).toEqual(["sup-12"]);
    expect("sup-12".match(new RegExp(ISSUE_KEY_SOURCE, "g"))).toBeNull();
  });
});
