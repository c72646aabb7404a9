/**
 * The field editors' values against the simulator's Jira, through the add-in's own client: the
 * create screen read from createmeta, filled like a person would, checked, turned into the create
 * JSON, and the issue Jira stores holds exactly those values.
 */
import type { JiraClient } from "../../../../src/jira/create-jira-client";
import type { CreateMetaField } from "../../../../src/jira/jira-types";
import { CUSTOM_FIELD_IDS, ISSUE_TYPE_IDS } from "../../../../src/simulator/data/catalog";
import type {
  EditableField,
  FieldFormValues,
  UserSearch,
} from "../../../../src/ui/field-editing/field-form-types";
import { createScreenOf } from "../../../../src/ui/field-editing/field-kinds";
import {
  fieldValuesToJira,
  initialFieldValues,
  validateFieldValues,
} from "../../../../src/ui/field-editing/field-values";
import { setUpSimulatorKit, signIn, startSimulatorKit } from "../../jira-client/jira-client-kit";

jest.setTimeout(30_000);

const kit = setUpSimulatorKit({ lifetime: "file", signedIn: true });

/** What the New issue form asks Jira for a user field: assignable users for Assignee. */
function userSearchFor(jira: JiraClient, projectKey: string): UserSearch {
  return async (editable: EditableField, query: string) => {
    const users =
      editable.field.fieldId === "assignee"
        ? await jira.assignableUsers({ project: projectKey, username: query })
        : await jira.searchUsers({ username: query });
    return users.map((user) => ({ name: user.name ?? "", displayName: user.displayName ?? "" }));
  };
}

/** The id of the allowed value of `fieldId` that shows `text`. */
function optionId(fields: CreateMetaField[], fieldId: string, text: string): string {
  const field = fields.find((candidate) => candidate.fieldId === fieldId);
  const value = field?.allowedValues?.find((v) => v.value === text || v.name === text);
  if (typeof value?.id !== "string") throw new Error(`No "${text}" offered for ${fieldId}`);
  return value.id;
}

/** The stored values of an issue in the simulator's state. */
function storedValues(key: string): Record<string, unknown> {
  const data = kit.sim.control.state().data as {
    issues: { key: string; values: Record<string, unknown> }[];
  };
  const issue = data.issues.find((candidate) => candidate.key === key);
  if (!issue) throw new Error(`${key} is not in the simulator's state`);
  return issue.values;
}

describe("a Service Request created from the editors' values", () => {
  it("stores every value the person chose", async () => {
    const fields = await kit.jira.createMetaFields("SUP", ISSUE_TYPE_IDS.serviceRequest);
    const screen = createScreenOf(fields);
    expect(screen.unfillableRequired).toEqual([]);
    const byId = new Map(screen.editable.map((editable) => [editable.field.fieldId, editable]));
    const searchUsers = userSearchFor(kit.jira, "SUP");

    // Found the way the user editors find them: by typing part of a name.
    const [assignee] = await searchUsers(byId.get("assignee") as EditableField, "jan");
    const [contact] = await searchUsers(
      byId.get(CUSTOM_FIELD_IDS.escalationContact) as EditableField,
      "john"
    );
    expect([assignee.name, contact.name]).toEqual(["jane", "john"]);

    const values: FieldFormValues = {
      ...initialFieldValues(screen),
      [CUSTOM_FIELD_IDS.customerImpact]: {
        type: "ids",
        ids: [optionId(fields, CUSTOM_FIELD_IDS.customerImpact, "High")],
      },
      labels: { type: "labels", labels: ["email", "vpn"] },
      duedate: { type: "text", value: "2026-04-30" },
      assignee: { type: "users", users: [assignee] },
      [CUSTOM_FIELD_IDS.affectedSystems]: {
        type: "ids",
        ids: [
          optionId(fields, CUSTOM_FIELD_IDS.affectedSystems, "VPN"),
          optionId(fields, CUSTOM_FIELD_IDS.affectedSystems, "Email"),
        ],
      },
      [CUSTOM_FIELD_IDS.customerReference]: { type: "text", value: "  CASE-4711 " },
      [CUSTOM_FIELD_IDS.incidentDate]: { type: "text", value: "2026-03-30" },
      [CUSTOM_FIELD_IDS.escalationContact]: { type: "users", users: [contact] },
    };
    expect(validateFieldValues(screen, values)).toEqual({});

    const created = await kit.jira.createIssue({
      project: { key: "SUP" },
      issuetype: { id: ISSUE_TYPE_IDS.serviceRequest },
      summary: "VPN drops every hour",
      ...fieldValuesToJira(screen, values),
    });

    expect(storedValues(created.key)).toMatchObject({
      summary: "VPN drops every hour",
      [CUSTOM_FIELD_IDS.customerImpact]: "10202",
      priority: "3", // Jira's default, kept from createmeta
      labels: ["email", "vpn"],
      duedate: "2026-04-30",
      assignee: "jane",
      [CUSTOM_FIELD_IDS.affectedSystems]: ["10211", "10212"],
      [CUSTOM_FIELD_IDS.customerReference]: "CASE-4711",
      [CUSTOM_FIELD_IDS.incidentDate]: "2026-03-30",
      [CUSTOM_FIELD_IDS.escalationContact]: "john",
    });
  });

  it("is refused by the checks, not by Jira, without Customer Impact", async () => {
    const screen = createScreenOf(
      await kit.jira.createMetaFields("SUP", ISSUE_TYPE_IDS.serviceRequest)
    );
    const values = initialFieldValues(screen);
    expect(validateFieldValues(screen, values)).toEqual({
      [CUSTOM_FIELD_IDS.customerImpact]: "Choose a value for Customer Impact.",
    });
    // What Jira answers when the check is skipped: the same field refused.
    await expect(
      kit.jira.createIssue({
        project: { key: "SUP" },
        issuetype: { id: ISSUE_TYPE_IDS.serviceRequest },
        summary: "No impact chosen",
        ...fieldValuesToJira(screen, values),
      })
    ).rejects.toMatchObject({
      code: "jira_validation",
      errors: { [CUSTOM_FIELD_IDS.customerImpact]: expect.any(String) },
    });
  });

  it("names OPS Bug's required cascading select up front", async () => {
    const screen = createScreenOf(await kit.jira.createMetaFields("OPS", ISSUE_TYPE_IDS.bug));
    expect(screen.unfillableRequired).toEqual(["Site"]);
  });
});

describe("on Jira before 8.4 (the old createmeta form)", () => {
  it("builds the same screen from fields keyed by id", async () => {
    const old = await startSimulatorKit({ simulator: { settings: { version: "8.3.0" } } });
    try {
      await signIn(old);
      const fields = await old.jira.createMetaFields("SUP", ISSUE_TYPE_IDS.serviceRequest);
      const current = await kit.jira.createMetaFields("SUP", ISSUE_TYPE_IDS.serviceRequest);
      const ids = (list: CreateMetaField[]) =>
        createScreenOf(list).editable.map(({ field, kind }) => `${field.fieldId}:${kind}`);
      expect(ids(fields)).toEqual(ids(current));
    } finally {
      await old.close();
    }
  });
});
