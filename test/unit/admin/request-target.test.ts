import { buildQueryString } from "../../../src/jira/query-string";
import { requestTarget } from "../../../src/admin/request-target";

const jiraUrl = "https://jira.example.com/jira";

describe("requestTarget", () => {
  it("reads a query in PATH like an address bar: raw spaces, quotes and = kept, %XX decoded, + a space", () => {
    const target = requestTarget(
      "get",
      '/rest/api/2/search?jql=summary ~ "VPN drops" AND project = SUP&fields=summary,key&x=a+b%2Bc%C3%9F',
      { jiraUrl }
    );

    expect(target).toEqual({
      method: "GET",
      path: "/rest/api/2/search",
      query: {
        jql: 'summary ~ "VPN drops" AND project = SUP',
        fields: "summary,key",
        x: "a b+cß",
      },
    });
    // What the client signs and sends: RFC 3986, never "+".
    expect(buildQueryString(target.query)).toBe(
      "?jql=summary%20~%20%22VPN%20drops%22%20AND%20project%20%3D%20SUP&fields=summary%2Ckey&x=a%20b%2Bc%C3%9F"
    );
  });

  it("takes --query values literally, repeats names, and keeps non-ASCII letters", () => {
    const target = requestTarget("GET", "/rest/api/2/search?fields=summary", {
      jiraUrl,
      query: ['jql=text ~ "Größe" & 100%', "fields=key"],
    });

    expect(target.query).toEqual({ fields: ["summary", "key"], jql: 'text ~ "Größe" & 100%' });
  });

  it("keeps parameters named like Object's own members as plain parameters", () => {
    const target = requestTarget("GET", "/rest/api/2/search?constructor=1&__proto__=2", {
      jiraUrl,
      query: ["toString=3", "__proto__=4"],
    });

    expect(Object.getPrototypeOf(target.query)).toBe(Object.prototype);
    expect(Object.entries(target.query)).toEqual([
      ["constructor", "1"],
      ["__proto__", ["2", "4"]],
      ["toString", "3"],
    ]);
    expect(buildQueryString(target.query)).toBe(
      "?constructor=1&__proto__=2&__proto__=4&toString=3"
    );
  });

  it("encodes each path segment once, reading %XX but not + in a path", () => {
    expect(
      requestTarget("GET", "/rest/api/2/issue/SUP 1/properties/a+b%2Fc", { jiraUrl }).path
    ).toBe("/rest/api/2/issue/SUP%201/properties/a%2Bb%2Fc");
  });

  it("accepts a full URL below Jira's base URL", () => {
    expect(requestTarget("GET", `${jiraUrl}/rest/api/2/myself`, { jiraUrl }).path).toBe(
      "/rest/api/2/myself"
    );
  });

  it("parses --data as JSON for writes", () => {
    expect(
      requestTarget("POST", "/rest/api/2/issue", {
        jiraUrl,
        data: '{"fields":{"summary":"Größe"}}',
      }).json
    ).toEqual({
      fields: { summary: "Größe" },
    });
  });

  it.each([
    [
      "TRACE",
      "/x",
      {},
      "method_invalid",
      'METHOD "TRACE" must be one of GET, POST, PUT, DELETE, PATCH.',
    ],
    ["GET", "rest/api/2/myself", {}, "path_invalid", 'must start with "/"'],
    ["GET", "https://other.example.com/rest", {}, "path_invalid", "is not below --jira"],
    ["GET", "/search?jql=100%", {}, "query_invalid", "write %25 for a percent sign"],
    [
      "GET",
      "/search",
      { query: ["novalue"] },
      "query_invalid",
      '--query "novalue" must be name=value',
    ],
    ["POST", "/issue", { data: "{summary:" }, "data_invalid", "--data is not JSON"],
    ["GET", "/issue", { data: "{}" }, "data_invalid", "not GET"],
  ])("refuses %s %s with a message naming the fix", (method, rawPath, extra, code, message) => {
    expect(() => requestTarget(method, rawPath, { jiraUrl, ...extra })).toThrow(
      expect.objectContaining({
        name: "AdminError",
        code,
        message: expect.stringContaining(message),
      })
    );
  });
});
