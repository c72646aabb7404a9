/** The New issue draft's rules: where it starts from, what Jira would refuse, what a stored entry may be. */
import { DEFAULT_DESCRIPTION_OPTIONS } from "../../../../src/mail/email-description-types";
import {
  initialDraftFor,
  isValidDraft,
  newIssueDraftKey,
  sameDescriptionOptions,
  singleLine,
  summaryProblem,
  validateDraft,
} from "../../../../src/ui/new-issue/new-issue-draft";
import type { NewIssueDraft } from "../../../../src/ui/new-issue/new-issue-draft";
import { parseStoredDraft } from "../../../../src/ui/new-issue/stored-draft";

const valid: NewIssueDraft = {
  ...initialDraftFor({ subject: "Printer jams" }),
  projectKey: "OPS",
  issueTypeId: "10002",
  description: "h1. Printer",
  descriptionState: "generated",
};

describe("initialDraftFor", () => {
  it("starts from the subject without reply prefixes, nothing chosen, the description pending", () => {
    expect(initialDraftFor({ subject: "RE: AW:  Printer\njams " })).toEqual({
      projectKey: "",
      issueTypeId: "",
      summary: "Printer jams",
      description: "",
      descriptionState: "pending",
      descriptionOptions: DEFAULT_DESCRIPTION_OPTIONS,
      inlineImages: [],
      fieldValues: {},
      attachmentChoices: {},
      attachEmail: false,
      previousAttemptUncertain: false,
    });
  });

  it("starts in the suggested project and issue type, says why, and keeps the last .eml choice", () => {
    const suggestion = {
      reason: "conversation" as const,
      projectKey: "SUP",
      issueTypeId: "3",
      issueKey: "SUP-12",
    };
    expect(initialDraftFor({ subject: "x" }, { suggestion, attachEmail: true })).toMatchObject({
      projectKey: "SUP",
      issueTypeId: "3",
      suggestion,
      attachEmail: true,
    });
  });

  it("gives every draft its own options object (changing one never changes the defaults)", () => {
    const draft = initialDraftFor({ subject: "x" });
    draft.descriptionOptions.cutQuotedHistory = true;
    expect(DEFAULT_DESCRIPTION_OPTIONS.cutQuotedHistory).toBe(false);
  });

  it("keys drafts by the email's item id", () => {
    expect(newIssueDraftKey("AAMk=")).toBe("new-issue:AAMk=");
  });
});

describe("singleLine and summaryProblem", () => {
  it("turns pasted line breaks, with the blanks around them, into one space", () => {
    expect(singleLine("First line \r\n  second\n\nthird\u2028fourth")).toBe(
      "First line second third fourth"
    );
    expect(singleLine("no break  here ")).toBe("no break  here ");
  });

  it("says at once when the summary is over 255 characters, counting without outer blanks", () => {
    expect(summaryProblem("z".repeat(256))).toBe(
      "The summary can have at most 255 characters (it has 256)."
    );
    expect(summaryProblem(` ${"z".repeat(255)} `)).toBeUndefined();
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

  it("refuses a summary longer than 255 characters, or with a line break", () => {
    expect(validateDraft({ ...valid, summary: "z".repeat(256) })).toEqual({
      summary: "The summary can have at most 255 characters (it has 256).",
    });
    expect(validateDraft({ ...valid, summary: "one\ntwo" })).toEqual({
      summary: "The summary must be a single line.",
    });
  });
});

describe("description options", () => {
  it("compares description options by value", () => {
    expect(
      sameDescriptionOptions(DEFAULT_DESCRIPTION_OPTIONS, { ...DEFAULT_DESCRIPTION_OPTIONS })
    ).toBe(true);
    expect(
      sameDescriptionOptions(DEFAULT_DESCRIPTION_OPTIONS, {
        ...DEFAULT_DESCRIPTION_OPTIONS,
        cutQuotedHistory: true,
      })
    ).toBe(false);
  });
});

describe("parseStoredDraft", () => {
  it("reads back a stored draft exactly", () => {
    const stored: NewIssueDraft = {
      ...valid,
      descriptionState: "edited",
      descriptionOptions: { includeHeaderBlock: false, cutQuotedHistory: true },
      generatedWith: { includeHeaderBlock: true, cutQuotedHistory: false },
      inlineImages: [
        { attachmentId: "a3", contentId: "image001.png@01DA", fileName: "image001.png" },
      ],
      fieldValues: { customfield_10100: { type: "ids", ids: ["10200"] } },
      fieldDefaultsFor: "SUP:10100",
      attachmentChoices: { "att-1": false },
      attachEmail: true,
      suggestion: { reason: "sender", projectKey: "SUP", issueTypeId: "3", issueKey: "SUP-4" },
      previousAttemptUncertain: true,
      uncertainSince: 1796374800000,
      attemptId: "4b0c5f7e-2f1e-4c49-9d0e-1f1b6a8c2d33",
    };
    expect(parseStoredDraft(JSON.parse(JSON.stringify(stored)))).toEqual(stored);
  });

  it("treats an older draft's text as the user's, and an empty one as not converted yet", () => {
    const older = { projectKey: "OPS", issueTypeId: "1", summary: "s", description: "typed" };
    expect(parseStoredDraft(older)).toMatchObject({
      descriptionState: "edited",
      descriptionOptions: DEFAULT_DESCRIPTION_OPTIONS,
      fieldValues: {},
      attachmentChoices: {},
      attachEmail: false,
      previousAttemptUncertain: false,
    });
    expect(parseStoredDraft({ ...older, description: "" })?.descriptionState).toBe("pending");
  });

  it("drops the parts that are damaged and keeps the rest", () => {
    const parsed = parseStoredDraft({
      ...valid,
      descriptionState: "weird",
      descriptionOptions: { includeHeaderBlock: "yes" },
      inlineImages: [{ attachmentId: 1 }, { attachmentId: "a", fileName: "ok.png" }],
      attachmentChoices: { a: true, b: "no" },
      suggestion: { reason: "magic", projectKey: "SUP", issueTypeId: "3" },
      uncertainSince: 1796374800000,
      attemptId: "",
    });
    expect(parsed).toEqual({
      ...valid,
      descriptionState: "edited",
      inlineImages: [{ attachmentId: "a", fileName: "ok.png" }],
      attachmentChoices: { a: true },
    });
  });

  it.each([undefined, null, "text", 42, [], { summary: "only this" }, { ...valid, summary: 7 }])(
    "gives null for %p",
    (value) => {
      expect(parseStoredDraft(value)).toBeNull();
    }
  );
});
