/** The one query-string helper: RFC 3986, never "+", reserved characters inside values encoded. */
import { buildQueryString, pathSegment } from "../../../src/jira/query-string";

describe("buildQueryString", () => {
  it("encodes JQL with spaces, '=', '+', quotes and '&' so the value survives whole", () => {
    expect(buildQueryString({ jql: 'project = "SUP" AND text ~ "a+b=c&d"' })).toBe(
      "?jql=project%20%3D%20%22SUP%22%20AND%20text%20~%20%22a%2Bb%3Dc%26d%22"
    );
  });

  it("keeps insertion order, skips undefined and null, repeats arrays, stringifies numbers and booleans", () => {
    expect(
      buildQueryString({
        startAt: 0,
        skipped: undefined,
        none: null,
        fields: ["summary", "status"],
        showSubTasks: false,
      })
    ).toBe("?startAt=0&fields=summary&fields=status&showSubTasks=false");
  });

  it("returns an empty string when nothing is left", () => {
    expect(buildQueryString({})).toBe("");
    expect(buildQueryString({ a: undefined })).toBe("");
  });

  it("encodes names and non-ASCII values as UTF-8", () => {
    expect(buildQueryString({ "a b": "Über ☃" })).toBe("?a%20b=%C3%9Cber%20%E2%98%83");
  });
});

describe("pathSegment", () => {
  it("encodes characters that would change the path", () => {
    expect(pathSegment("SUP-2")).toBe("SUP-2");
    expect(pathSegment("jira-for-outlook.email/1 ?#")).toBe("jira-for-outlook.email%2F1%20%3F%23");
    expect(pathSegment(10001)).toBe("10001");
  });
});
