/** The New issue draft's rules: where it starts from, what Jira would refuse, what a stored entry may be. */
import {
  MAX_SUMMARY_LENGTH,
  fieldsThePaneCannotFill,
  initialDraftFor,
  isValidDraft,
  newIssueDraftKey,
  parseStoredDraft,
  summaryFromSubject,
  validateDraft,
} from "../../../src/ui/new-issue-draft";
import type { NewIssueDraft } from "../../../src/ui/new-issue-draft";

const valid: NewIssueDraft = {
  projectKey: "OPS",
  issueTypeId: "10002",
  summary: "Printer jams",
  description: "",
  previousAttemptUncertain: false,
};

describe("summaryFromSubject", () => {
  it("trims the subject", () => {
    expect(summaryFromSubject("  VPN drops every hour \t")).toBe("VPN drops every hour");
  });

  it("keeps prefixes for now", () => {
    expect(summaryFromSubject("RE: [SUP-2] VPN drops")).toBe("RE: [SUP-2] VPN drops");
  });

  it("turns line breaks of a folded or multi-line subject into single spaces", () => {
    expect(summaryFromSubject("First line\r\n  second line\nthird\rfourth")).toBe(
      "First line second line third fourth"
    );
    expect(summaryFromSubject("Unicode\u2028line\u2029breaks")).toBe("Unicode line breaks");
  });

  it("cuts a 300-character subject to 255 characters", () => {
    const summary = summaryFromSubject("x".repeat(300));
    expect(summary).toHaveLength(MAX_SUMMARY_LENGTH);
    expect(MAX_SUMMARY_LENGTH).toBe(255);
  });

  it("leaves a 255-character subject whole", () => {
    expect(summaryFromSubject("y".repeat(255))).toBe("y".repeat(255));
  });

  it("never cuts an emoji in half at the limit", () => {
    const summary = summaryFromSubject(`${"a".repeat(254)}😀 and more`);
    expect(summary).toBe("a".repeat(254));
    expect(summary).not.toMatch(/[\uD800-\uDBFF]$/);
  });

  it("gives an empty summary for an empty or blank subject", () => {
    expect(summaryFromSubject("")).toBe("");
    expect(summaryFromSubject(" \r\n ")).toBe("");
  });
});

describe("initialDraftFor", () => {
  it("starts from the subject, with nothing chosen and no uncertain attempt", () => {
    expect(initialDraftFor({ subject: "  Printer\njams " })).toEqual({
      projectKey: "",
      issueTypeId: "",
      summary: "Printer jams",
      description: "",
      previousAttemptUncertain: false,
    });
  });

  it("keys drafts by the email's item id", () => {
    expect(newIssueDraftKey("AAMk=")).toBe("new-issue:AAMk=");
  });
});

describe("validateDraft", () => {
  it("accepts a complete draft", () => {
    expect(validateDraft(valid)).toEqual({});
    expect(isValidDraft(validateDraft(valid))).toBe(true);
  });

  it("requires a project, an issue type and a summary", () => {
    const problems = validateDraft({ ...valid, projectKey: "", issueTypeId: "", summary: "  " });
    expect(problems).toEqual({
      projectKey: "Choose a project.",
      issueTypeId: "Choose an issue type.",
      summary: "Enter a summary.",
    });
    expect(isValidDraft(problems)).toBe(false);
  });

  it("refuses a summary longer than 255 characters, saying how long it is", () => {
    expect(validateDraft({ ...valid, summary: "z".repeat(256) })).toEqual({
      summary: "The summary can have at most 255 characters (it has 256).",
    });
    expect(validateDraft({ ...valid, summary: "z".repeat(255) })).toEqual({});
  });

  it("refuses a summary with a line break", () => {
    expect(validateDraft({ ...valid, summary: "one\ntwo" })).toEqual({
      summary: "The summary must be a single line.",
    });
    expect(validateDraft({ ...valid, summary: "one\rtwo" }).summary).toBeDefined();
  });

  it("does not count blanks around the summary, as the create trims them", () => {
    expect(validateDraft({ ...valid, summary: ` ${"z".repeat(255)}\n` })).toEqual({});
  });

  it("leaves the description free (line breaks are fine there)", () => {
    expect(validateDraft({ ...valid, description: "a\nb\n".repeat(1000) })).toEqual({});
  });
});

describe("parseStoredDraft", () => {
  it("reads back a stored draft", () => {
    expect(
      parseStoredDraft(JSON.parse(JSON.stringify({ ...valid, previousAttemptUncertain: true })))
    ).toEqual({
      ...valid,
      previousAttemptUncertain: true,
    });
  });

  it("treats a missing uncertain flag as false", () => {
    const older: Record<string, unknown> = { ...valid };
    delete older.previousAttemptUncertain;
    expect(parseStoredDraft(older)).toEqual(valid);
  });

  it("reads back when the uncertain attempt was made, and drops a time that isn't one", () => {
    const uncertain = { ...valid, previousAttemptUncertain: true };
    expect(parseStoredDraft({ ...uncertain, uncertainSince: 1796374800000 })).toEqual({
      ...uncertain,
      uncertainSince: 1796374800000,
    });
    expect(parseStoredDraft({ ...uncertain, uncertainSince: "yesterday" })).toEqual(uncertain);
    expect(parseStoredDraft({ ...uncertain, uncertainSince: null })).toEqual(uncertain);
    expect(parseStoredDraft({ ...valid, uncertainSince: 1796374800000 })).toEqual(valid);
  });

  it.each([undefined, null, "text", 42, [], { summary: "only this" }, { ...valid, summary: 7 }])(
    "gives null for %p",
    (value) => {
      expect(parseStoredDraft(value)).toBeNull();
    }
  );
});

describe("fieldsThePaneCannotFill", () => {
  it("names required fields without a default that the form doesn't fill", () => {
    const names = fieldsThePaneCannotFill([
      { fieldId: "project", name: "Project", required: true },
      { fieldId: "issuetype", name: "Issue Type", required: true },
      { fieldId: "summary", name: "Summary", required: true },
      { fieldId: "description", name: "Description", required: true },
      { fieldId: "reporter", name: "Reporter", required: true },
      { fieldId: "priority", name: "Priority", required: true, hasDefaultValue: true },
      { fieldId: "labels", name: "Labels", required: false },
      { fieldId: "customfield_10100", name: "Customer", required: true, hasDefaultValue: false },
      { fieldId: "components", name: "Component/s", required: true },
    ]);
    expect(names).toEqual(["Customer", "Component/s"]);
  });

  it("finds nothing on a create screen the form covers", () => {
    expect(
      fieldsThePaneCannotFill([
        { fieldId: "summary", name: "Summary", required: true },
        { fieldId: "assignee", name: "Assignee", required: false },
      ])
    ).toEqual([]);
  });
});
