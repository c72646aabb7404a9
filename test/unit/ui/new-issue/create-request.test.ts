/**
 * What Create checks and sends (prepareCreate): the draft's and the create screen's problems, a
 * checked file over Jira's limit, then the issue's fields and the uploads under the names the
 * description's `!name!` markup uses.
 */
import type { CreateMetaField } from "../../../../src/jira/jira-types";
import {
  createProblems,
  effectiveFieldValues,
  prepareCreate,
} from "../../../../src/ui/new-issue/create-request";
import type { CreateContext } from "../../../../src/ui/new-issue/create-request";
import { createScreenOf } from "../../../../src/ui/field-editing/field-kinds";
import { initialDraftFor } from "../../../../src/ui/new-issue/new-issue-draft";
import type { NewIssueDraft } from "../../../../src/ui/new-issue/new-issue-draft";
import { file, sampleMessage } from "../ui-fakes";

const impact: CreateMetaField = {
  fieldId: "customfield_10100",
  name: "Customer Impact",
  required: true,
  schema: {
    type: "option",
    custom: "com.atlassian.jira.plugin.system.customfieldtypes:select",
    customId: 10100,
  },
  allowedValues: [
    { id: "10200", value: "High" },
    { id: "10201", value: "Low" },
  ],
};
const priority: CreateMetaField = {
  fieldId: "priority",
  name: "Priority",
  required: false,
  schema: { type: "priority", system: "priority" },
  allowedValues: [
    { id: "2", name: "High" },
    { id: "3", name: "Medium" },
  ],
  hasDefaultValue: true,
  defaultValue: { id: "3", name: "Medium" },
};
const screen = createScreenOf([
  { fieldId: "summary", name: "Summary", required: true },
  impact,
  priority,
]);

const message = sampleMessage({
  attachments: [
    ...sampleMessage().attachments,
    file("att-4", "log.txt", "text/plain", 100), // a second log.txt: it gets another name
    file("att-big", "backup.zip", "application/zip", 20 * 1024 * 1024),
  ],
});
const context: CreateContext = {
  message,
  jiraBaseUrl: "https://jira.example.com",
  screen,
  policy: {
    capabilities: { attachments: "office", wholeMessage: "office" },
    jira: { enabled: true, uploadLimit: 10 * 1024 * 1024 },
  },
};

const draft: NewIssueDraft = {
  ...initialDraftFor({ subject: "Printer jams" }),
  projectKey: "SUP",
  issueTypeId: "10100",
  summary: "  Printer jams  ",
  description: "h3. Printer\n\n!image001.png!",
  descriptionState: "generated",
  inlineImages: [
    { attachmentId: "att-3", contentId: "image001.png@01DA", fileName: "image001.png" },
  ],
  fieldValues: { customfield_10100: { type: "ids", ids: ["10200"] } },
  attachEmail: true,
};

describe("createProblems", () => {
  it("names every problem Create would refuse", () => {
    const problems = createProblems(
      { ...draft, summary: "", fieldValues: {}, attachmentChoices: { "att-big": true } },
      context
    );
    expect(problems).toEqual({
      draft: { summary: "Enter a summary." },
      fields: { customfield_10100: "Choose a value for Customer Impact." },
      attachments:
        "backup.zip is larger than Jira's limit of 10 MB. Uncheck it to create the issue.",
    });
    expect(prepareCreate({ ...draft, summary: "" }, context)).toMatchObject({ ok: false });
  });
});

describe("effectiveFieldValues", () => {
  it("shows Jira's defaults until the user changed a field of that screen", () => {
    expect(effectiveFieldValues(draft, screen, "SUP:10100")).toEqual({
      priority: { type: "ids", ids: ["3"] },
      customfield_10100: { type: "ids", ids: ["10200"] },
    });
    // The user cleared Priority on this screen: it stays cleared.
    const cleared = {
      fieldValues: { customfield_10100: draft.fieldValues.customfield_10100! },
      fieldDefaultsFor: "SUP:10100",
    };
    expect(effectiveFieldValues(cleared, screen, "SUP:10100")).toEqual(cleared.fieldValues);
  });
});

describe("prepareCreate", () => {
  it("sends the trimmed summary, the markup, the screen's fields, and names the files", () => {
    const prepared = prepareCreate(draft, context);
    expect(prepared).toEqual({
      ok: true,
      request: {
        issue: {
          projectKey: "SUP",
          issueTypeId: "10100",
          summary: "Printer jams",
          description: "h3. Printer\n\n!image001.png!",
          fields: { customfield_10100: { id: "10200" }, priority: { id: "3" } },
        },
        uploads: [
          { source: { kind: "attachment", attachmentId: "att-1" }, fileName: "log.txt" },
          { source: { kind: "attachment", attachmentId: "att-2" }, fileName: "photo.jpg" },
          { source: { kind: "attachment", attachmentId: "att-4" }, fileName: "log (2).txt" },
          { source: { kind: "inline-image", attachmentId: "att-3" }, fileName: "image001.png" },
          { source: { kind: "email" }, fileName: "RE_ Printer jams on every job.eml" },
        ],
        jiraBaseUrl: "https://jira.example.com",
      },
    });
  });

  it("uploads no inline image the user deleted from the description, nor unchecked files", () => {
    const prepared = prepareCreate(
      {
        ...draft,
        description: "No picture",
        attachmentChoices: { "att-1": false, "att-2": false, "att-4": false },
        attachEmail: false,
      },
      context
    );
    expect(prepared.ok && prepared.request.uploads).toEqual([]);
  });

  it("uploads nothing at all when Jira has attachments turned off", () => {
    const off = {
      ...context,
      policy: { ...context.policy, jira: { enabled: false, uploadLimit: 1 } },
    };
    const prepared = prepareCreate(draft, off);
    expect(prepared.ok && prepared.request.uploads).toEqual([]);
  });

  it("still attaches the .eml where Outlook can give the whole email but not attachments", () => {
    const emlOnly = {
      ...context,
      policy: { capabilities: { attachments: "none" as const, wholeMessage: "office" as const } },
    };
    const prepared = prepareCreate(draft, emlOnly);
    expect(prepared.ok && prepared.request.uploads.map((upload) => upload.source.kind)).toEqual([
      "email",
    ]);
  });
});
