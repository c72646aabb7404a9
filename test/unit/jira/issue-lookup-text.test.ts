/**
 * The pure parts of the issue finder's Jira side: what the user typed made safe for JQL text
 * search (Lucene's special characters out, JQL's string escapes in), and a search result turned
 * into an IssueSummary.
 */
import {
  issueSummary,
  jqlString,
  textSearchJql,
  textSearchTerms,
} from "../../../src/jira/issue-lookup";

describe("textSearchTerms", () => {
  it.each([
    ["VPN drops", "vpn drops"],
    ["  vpn\t\n drops  ", "vpn drops"],
    ["Invoice 2024-117", "invoice 2024 117"],
    ['error "500" (portal)', "error 500 portal"],
    ["a+b=c && x || !y", "a b=c x y"],
    ["[urgent] {ops} ^2 ~fuzzy *wild? path\\to:file/x", "urgent ops 2 fuzzy wild path to file x"],
    ["VPN AND OR NOT", "vpn and or not"],
    ["Grüße aus Köln", "grüße aus köln"],
    ["john.doe@example.com #42 50% $5", "john.doe@example.com #42 50% $5"],
  ])("%j → %j", (typed, terms) => {
    expect(textSearchTerms(typed)).toBe(terms);
  });

  it("leaves nothing when only special characters were typed", () => {
    expect(textSearchTerms(' -+*?"() ')).toBe("");
  });
});

describe("jqlString", () => {
  it("quotes and escapes backslashes and double quotes", () => {
    expect(jqlString("SUP-1")).toBe('"SUP-1"');
    expect(jqlString('say "hi" \\ bye')).toBe('"say \\"hi\\" \\\\ bye"');
    expect(jqlString("it's")).toBe('"it\'s"');
  });
});

describe("textSearchJql", () => {
  it("searches all text fields, newest updates first", () => {
    expect(textSearchJql("VPN drops", false)).toBe('text ~ "vpn drops" ORDER BY updated DESC');
  });

  it("leaves resolved issues out when asked", () => {
    expect(textSearchJql("vpn", true)).toBe(
      'text ~ "vpn" AND resolution is EMPTY ORDER BY updated DESC'
    );
  });

  it("is undefined when nothing searchable is left", () => {
    expect(textSearchJql("(*)", false)).toBeUndefined();
  });
});

describe("issueSummary", () => {
  it("reads key, summary, status, resolution, project and issue type", () => {
    expect(
      issueSummary({
        id: "10001",
        key: "SUP-2",
        fields: {
          summary: "VPN drops every hour",
          status: { name: "In Progress", statusCategory: { key: "indeterminate" } },
          resolution: null,
          project: { key: "SUP" },
          issuetype: { id: "10004", name: "Bug" },
        },
      })
    ).toEqual({
      id: "10001",
      key: "SUP-2",
      summary: "VPN drops every hour",
      statusName: "In Progress",
      statusCategory: "indeterminate",
      resolved: false,
      projectKey: "SUP",
      issueTypeId: "10004",
      issueTypeName: "Bug",
    });
  });

  it("says resolved when there is a resolution, and 'unknown' for a category it doesn't know", () => {
    const summary = issueSummary({
      id: "10002",
      key: "SUP-3",
      fields: {
        summary: "Invoice missing",
        status: { name: "Closed", statusCategory: { key: "undefined" } },
        resolution: { id: "10000", name: "Done" },
      },
    });

    expect(summary).toMatchObject({ resolved: true, statusCategory: "unknown" });
    // Without the project field, the key's project part stands in.
    expect(summary.projectKey).toBe("SUP");
    expect(summary.issueTypeId).toBe("");
  });
});
