/**
 * Which create-screen fields the pane edits and how: every field of the simulator's catalog as
 * its createmeta describes it, the common custom types it lacks, and the fields the pane must
 * name up front because Jira requires them and the pane can't fill them.
 */
import type { CreateMetaField } from "../../../../src/jira/jira-types";
import {
  allowedValueText,
  createScreenOf,
  fieldKindOf,
} from "../../../../src/ui/field-editing/field-kinds";
import { CUSTOM_FIELD_IDS, ISSUE_TYPE_IDS } from "../../../../src/simulator/data/catalog";
import {
  customField,
  everyCatalogField,
  options,
  serviceRequestScreen,
  simulatorCreateMeta,
  systemField,
} from "./create-meta-fixtures";

const kindsOf = (fields: CreateMetaField[]) =>
  Object.fromEntries(fields.map((field) => [field.fieldId, fieldKindOf(field) ?? "not editable"]));

describe("fieldKindOf", () => {
  it("classifies every field of the simulator's catalog", () => {
    expect(kindsOf(everyCatalogField())).toEqual({
      summary: "not editable", // the form's own fields are left out by createScreenOf
      description: "not editable",
      environment: "textarea",
      project: "not editable",
      issuetype: "not editable",
      issuekey: "not editable",
      reporter: "not editable",
      creator: "not editable",
      assignee: "user",
      priority: "select",
      labels: "labels",
      duedate: "date",
      components: "multiselect",
      fixVersions: "multiselect",
      versions: "multiselect",
      status: "not editable",
      resolution: "not editable",
      created: "not editable",
      updated: "not editable",
      resolutiondate: "not editable",
      comment: "not editable",
      attachment: "not editable",
      [CUSTOM_FIELD_IDS.customerImpact]: "select",
      [CUSTOM_FIELD_IDS.affectedSystems]: "multiselect",
      [CUSTOM_FIELD_IDS.customerReference]: "text",
      [CUSTOM_FIELD_IDS.affectedUsers]: "number",
      [CUSTOM_FIELD_IDS.incidentDate]: "date",
      [CUSTOM_FIELD_IDS.escalationContact]: "user",
      [CUSTOM_FIELD_IDS.site]: "not editable", // cascading select
      [CUSTOM_FIELD_IDS.storyPoints]: "number",
    });
  });

  it("classifies Jira's common custom types the catalog lacks by their type key", () => {
    const withOptions = { allowedValues: options(3) };
    expect(
      kindsOf([
        customField("customfield_1", "Notes", "textarea", { type: "string" }),
        customField("customfield_2", "Link", "url", { type: "string" }),
        customField("customfield_3", "Start", "datetime", { type: "datetime" }),
        customField("customfield_4", "Channel", "radiobuttons", { type: "option" }, withOptions),
        customField(
          "customfield_5",
          "Checks",
          "multicheckboxes",
          { type: "array", items: "option" },
          withOptions
        ),
        customField("customfield_6", "Tags", "labels", { type: "array", items: "string" }),
        customField("customfield_7", "Watchers", "multiuserpicker", {
          type: "array",
          items: "user",
        }),
        customField("customfield_8", "Found in", "version", { type: "version" }, withOptions),
        customField(
          "customfield_9",
          "Targets",
          "multiversion",
          { type: "array", items: "version" },
          withOptions
        ),
        systemField("security", "Security Level", { type: "securitylevel" }, withOptions),
        systemField("timetracking", "Time tracking", { type: "timetracking" }),
        systemField("issuelinks", "Linked Issues", { type: "array", items: "issuelinks" }),
      ])
    ).toEqual({
      customfield_1: "textarea",
      customfield_2: "text",
      customfield_3: "datetime",
      customfield_4: "select",
      customfield_5: "multiselect",
      customfield_6: "labels",
      customfield_7: "multiuser",
      customfield_8: "select",
      customfield_9: "multiselect",
      security: "select",
      timetracking: "not editable",
      issuelinks: "not editable",
    });
  });

  it("edits Jira Software's Epic Name as text (required on epics)", () => {
    const epicName: CreateMetaField = {
      fieldId: "customfield_10011",
      name: "Epic Name",
      required: true,
      schema: {
        type: "string",
        custom: "com.pyxis.greenhopper.jira:gh-epic-label",
        customId: 10011,
      },
    };
    expect(fieldKindOf(epicName)).toBe("text");
  });

  it("refuses types it doesn't know, other apps' types, and schemas that don't fit the type", () => {
    const select = { allowedValues: options(2) };
    expect(
      kindsOf([
        customField("customfield_1", "Group", "grouppicker", { type: "group" }),
        customField("customfield_2", "Read only", "readonlyfield", { type: "string" }),
        {
          ...customField("customfield_3", "Acme select", "select", { type: "option" }, select),
          schema: { type: "option", custom: "com.acme.jira:select" },
        },
        // a select whose values are declared as strings: its values couldn't be written as { id }
        customField("customfield_4", "Odd select", "select", { type: "string" }, select),
        customField("customfield_5", "Odd multi", "multiselect", { type: "array" }, select),
        {
          ...customField("customfield_6", "Proto", "select", { type: "option" }, select),
          schema: { type: "option", custom: "constructor" },
        },
        { fieldId: "customfield_7", name: "No schema", required: false },
        systemField("toString", "Proto system", { type: "string" }),
      ])
    ).toEqual({
      customfield_1: "not editable",
      customfield_2: "not editable",
      customfield_3: "not editable",
      customfield_4: "not editable",
      customfield_5: "not editable",
      customfield_6: "not editable",
      customfield_7: "not editable",
      toString: "not editable",
    });
  });

  it("doesn't edit a choice field without choices Jira still offers", () => {
    const impact = (allowedValues?: CreateMetaField["allowedValues"]) =>
      customField("customfield_1", "Impact", "select", { type: "option" }, { allowedValues });
    expect(fieldKindOf(impact(undefined))).toBeUndefined();
    expect(fieldKindOf(impact([]))).toBeUndefined();
    expect(fieldKindOf(impact([{ id: "1", value: "Gone", disabled: true }]))).toBeUndefined();
    expect(fieldKindOf(impact([{ value: "No id" }]))).toBeUndefined();
    expect(fieldKindOf(impact([{ id: "1", value: "Low" }]))).toBe("select");
    const components = systemField("components", "Component/s", {
      type: "array",
      items: "component",
    });
    expect(fieldKindOf(components)).toBeUndefined();
  });
});

describe("allowedValueText", () => {
  it("shows an option's value, else a name, else a key, else the id", () => {
    expect(allowedValueText({ id: "1", value: "High", name: "ignored" })).toBe("High");
    expect(allowedValueText({ id: "2", name: "Medium" })).toBe("Medium");
    expect(allowedValueText({ id: "3", key: "SUP" })).toBe("SUP");
    expect(allowedValueText({ id: "4", value: " " })).toBe("4");
  });
});

describe("createScreenOf", () => {
  it("SUP / Service Request: the editors in Jira's order, the common and required ones prominent", () => {
    const screen = serviceRequestScreen();
    expect(
      screen.editable.map(({ field, kind, required, prominent }) => ({
        id: field.fieldId,
        kind,
        required,
        prominent,
      }))
    ).toEqual([
      { id: CUSTOM_FIELD_IDS.customerImpact, kind: "select", required: true, prominent: true },
      { id: "priority", kind: "select", required: false, prominent: true },
      { id: "labels", kind: "labels", required: false, prominent: true },
      { id: "duedate", kind: "date", required: false, prominent: true },
      { id: "assignee", kind: "user", required: false, prominent: true },
      {
        id: CUSTOM_FIELD_IDS.affectedSystems,
        kind: "multiselect",
        required: false,
        prominent: false,
      },
      { id: CUSTOM_FIELD_IDS.customerReference, kind: "text", required: false, prominent: false },
      { id: CUSTOM_FIELD_IDS.incidentDate, kind: "date", required: false, prominent: false },
      {
        id: CUSTOM_FIELD_IDS.escalationContact,
        kind: "user",
        required: false,
        prominent: false,
      },
    ]);
    // project, issue type, summary and description are the form's own; none is "unfillable".
    expect(screen.unfillableRequired).toEqual([]);
  });

  it("SUP / Bug: components and versions become multi-selects; components prominent", () => {
    const screen = createScreenOf(simulatorCreateMeta("SUP", ISSUE_TYPE_IDS.bug));
    const byId = new Map(screen.editable.map((editable) => [editable.field.fieldId, editable]));
    expect(byId.get("components")).toMatchObject({ kind: "multiselect", prominent: true });
    expect(byId.get("versions")).toMatchObject({ kind: "multiselect", prominent: false });
    expect(byId.get("fixVersions")).toMatchObject({ kind: "multiselect", prominent: false });
    expect(byId.get("environment")).toMatchObject({ kind: "textarea", prominent: false });
  });

  it("OPS / Bug: names the required cascading select the pane can't fill", () => {
    const screen = createScreenOf(simulatorCreateMeta("OPS", ISSUE_TYPE_IDS.bug));
    expect(screen.unfillableRequired).toEqual(["Site"]);
    expect(screen.editable.map((editable) => editable.field.fieldId)).not.toContain(
      CUSTOM_FIELD_IDS.site
    );
  });

  it("names a required field it can't edit only when Jira has no default for it", () => {
    const screen = createScreenOf([
      systemField("timetracking", "Time tracking", { type: "timetracking" }, { required: true }),
      customField("customfield_1", "Team", "grouppicker", { type: "group" }, { required: true }),
      customField(
        "customfield_2",
        "Region",
        "cascadingselect",
        { type: "option-with-child" },
        { required: true, hasDefaultValue: true }
      ),
      customField("customfield_3", "Optional group", "grouppicker", { type: "group" }),
      // a required select Jira offers nothing for can't be filled either
      customField(
        "customfield_4",
        "Empty select",
        "select",
        { type: "option" },
        { required: true }
      ),
      { ...customField("customfield_5", "", "grouppicker", { type: "group" }), required: true },
    ]);
    expect(screen.editable).toEqual([]);
    expect(screen.unfillableRequired).toEqual([
      "Time tracking",
      "Team",
      "Empty select",
      "customfield_5",
    ]);
  });

  it("leaves out the fields the form or Jira fill, even when required", () => {
    const required = { required: true };
    const screen = createScreenOf([
      systemField("project", "Project", { type: "project" }, required),
      systemField("issuetype", "Issue Type", { type: "issuetype" }, required),
      systemField("summary", "Summary", { type: "string" }, required),
      systemField("description", "Description", { type: "string" }, required),
      systemField("reporter", "Reporter", { type: "user" }, required),
      systemField("attachment", "Attachment", { type: "array", items: "attachment" }, required),
      systemField("issuelinks", "Linked Issues", { type: "array", items: "issuelinks" }, required),
    ]);
    expect(screen).toEqual({ editable: [], unfillableRequired: [] });
  });

  it("offers the security level as an optional choice under More fields", () => {
    const screen = createScreenOf([
      systemField(
        "security",
        "Security Level",
        { type: "securitylevel" },
        { allowedValues: [{ id: "10000", name: "Internal" }] }
      ),
    ]);
    expect(screen.editable).toMatchObject([{ kind: "select", required: false, prominent: false }]);
  });

  it("makes an optional field prominent by its system id, not by its name", () => {
    const screen = createScreenOf([
      customField("customfield_1", "Assignee", "userpicker", { type: "user" }),
      {
        ...customField("customfield_2", "Ticket", "textfield", { type: "string" }),
        required: true,
      },
    ]);
    expect(screen.editable.map((editable) => editable.prominent)).toEqual([false, true]);
  });

  it("keeps the first of fields listed twice", () => {
    const first = customField("customfield_1", "First", "textfield", { type: "string" });
    const second = { ...first, name: "Second" };
    const screen = createScreenOf([first, second]);
    expect(screen.editable.map((editable) => editable.field.name)).toEqual(["First"]);
  });
});
