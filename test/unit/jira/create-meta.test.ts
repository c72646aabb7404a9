/** Which createmeta form a Jira version has, and the old form mapped to the new shape. */
import { fromLegacyCreateMeta, needsLegacyCreateMeta } from "../../../src/jira/create-meta";
import { JiraHttpError } from "../../../src/jira/jira-errors";

const REQUEST = { method: "GET", path: "/rest/api/2/issue/createmeta" };

describe("needsLegacyCreateMeta", () => {
  it.each([
    [[7, 13, 0], true],
    [[8, 3, 5], true],
    [[8, 4, 0], false],
    [[9, 12, 2], false],
    [[10, 3, 0], false],
  ])("Jira %j → %s", (versionNumbers, legacy) => {
    expect(
      needsLegacyCreateMeta({ baseUrl: "", version: versionNumbers.join("."), versionNumbers })
    ).toBe(legacy);
  });

  it("falls back to the version string", () => {
    expect(needsLegacyCreateMeta({ baseUrl: "", version: "8.2.1", versionNumbers: [] })).toBe(true);
  });
});

describe("fromLegacyCreateMeta", () => {
  const body = {
    projects: [
      {
        key: "SUP",
        issuetypes: [
          {
            id: "10003",
            name: "Service Request",
            subtask: false,
            fields: {
              summary: {
                required: true,
                name: "Summary",
                schema: { type: "string", system: "summary" },
              },
              customfield_10100: {
                required: true,
                name: "Service type",
                schema: {
                  type: "option",
                  custom: "com.atlassian.jira.plugin.system.customfieldtypes:select",
                  customId: 10100,
                },
                allowedValues: [{ id: "1", value: "Hardware" }],
              },
            },
          },
          { id: "10001", name: "Task", subtask: false },
        ],
      },
    ],
  };

  it("lists the issue types without their fields", () => {
    expect(fromLegacyCreateMeta("SUP", undefined, body, REQUEST).issueTypes).toEqual([
      { id: "10003", name: "Service Request", subtask: false },
      { id: "10001", name: "Task", subtask: false },
    ]);
  });

  it("turns the field map into the paged endpoint's list, fieldId from the key", () => {
    const { fields } = fromLegacyCreateMeta("SUP", "10003", body, REQUEST);

    expect(fields.map((field) => [field.fieldId, field.required])).toEqual([
      ["summary", true],
      ["customfield_10100", true],
    ]);
    expect(fields[1].allowedValues).toEqual([{ id: "1", value: "Hardware" }]);
  });

  it("throws http_404 for a project or issue type that isn't there", () => {
    expect(() => fromLegacyCreateMeta("ENG", undefined, { projects: [] }, REQUEST)).toThrow(
      JiraHttpError
    );
    expect(() => fromLegacyCreateMeta("SUP", "999", body, REQUEST)).toThrow(/Issue type 999/);
  });
});
