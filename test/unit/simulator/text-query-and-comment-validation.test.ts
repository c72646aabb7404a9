/**
 * Two rules of the simulator's Jira, checked without HTTP: which `~` values Lucene's query parser
 * (under Jira's text search) could not read, and the validation of a new comment with
 * `properties` (the add-in's marker travels in them).
 */
import { validateComment } from "../../../src/simulator/data/comments";
import { CATALOG } from "../../../src/simulator/data/catalog";
import { isReadableTextQuery } from "../../../src/simulator/data/text-match";
import { JANE_DOE } from "../../../src/simulator/simulator-contract";

describe("isReadableTextQuery", () => {
  it.each([
    "vpn",
    "vpn drops",
    "a+b=c",
    "2024-117",
    "CASE-4711",
    "vpn -hour",
    "+vpn",
    "!hour vpn",
    '"export to ERP"',
    '"(anything) [goes]: in ~ a phrase"',
    "exp*",
    "te?t",
    "foo\\(bar\\)",
    "john.doe@example.com",
    "vpn AND hour",
  ])("reads %j", (query) => {
    expect(isReadableTextQuery(query)).toBe(true);
  });

  it.each([
    "foo(",
    "(vpn)",
    "[urgent]",
    "{ops}",
    "boost^2",
    "fuzzy~",
    "path:file",
    "a/b",
    "vpn -",
    "vpn - hour",
    "c ++",
    "ends with\\",
    '"unclosed phrase',
    "AND vpn",
    "vpn OR",
    "vpn NOT",
    "&& vpn",
  ])("refuses %j", (query) => {
    expect(isReadableTextQuery(query)).toBe(false);
  });
});

describe("validateComment with properties", () => {
  const sup = CATALOG.project("SUP");
  if (!sup) throw new Error("SUP is in the catalog");

  it("keeps the properties, in the order sent", () => {
    const result = validateComment(
      {
        body: "Forwarded email",
        properties: [
          { key: "com.jira-for-outlook.comment", value: { attemptId: "a1", messageId: "<m@x>" } },
          { key: "flag", value: true },
        ],
      },
      JANE_DOE,
      sup
    );

    expect(result).toEqual({
      ok: true,
      body: "Forwarded email",
      visibility: undefined,
      properties: [
        { key: "com.jira-for-outlook.comment", value: { attemptId: "a1", messageId: "<m@x>" } },
        { key: "flag", value: true },
      ],
    });
  });

  it("refuses a key over 255 characters and a value over 32 KB, naming the entry", () => {
    const result = validateComment(
      {
        body: "Forwarded email",
        properties: [
          { key: "k".repeat(256), value: 1 },
          { key: "big", value: "x".repeat(32_768) },
          { key: "", value: 1 },
          { key: "no-value" },
        ],
      },
      JANE_DOE,
      sup
    );

    expect(result).toEqual({
      ok: false,
      errors: {},
      errorMessages: [
        "properties[0]: The property key cannot be longer than 255 characters.",
        "properties[1]: The property value cannot be longer than 32768 bytes.",
        "properties[2]: The property key cannot be empty.",
        "properties[3]: The property value cannot be empty.",
      ],
    });
  });

  it("reports body problems under errors and property problems under errorMessages together", () => {
    const result = validateComment({ body: " ", properties: "nope" }, JANE_DOE, sup);

    expect(result).toEqual({
      ok: false,
      errors: { comment: "Comment body can not be empty!" },
      errorMessages: ["'properties' must be an array of {key, value} objects."],
    });
  });
});
