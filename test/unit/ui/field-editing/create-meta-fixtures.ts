/**
 * Create-screen fields as the simulator's createmeta answers them (its own bean builder over its
 * catalog), plus hand-made fields of the types the simulator's catalog doesn't have, and the
 * screens the tests share.
 */
import type { CreateMetaField } from "../../../../src/jira/jira-types";
import { CATALOG, ISSUE_TYPE_IDS } from "../../../../src/simulator/data/catalog";
import { createScreenFields, fieldMetaBean } from "../../../../src/simulator/rest/field-meta-beans";
import type { SimulatorSettings } from "../../../../src/simulator/simulator-contract";
import type { CreateScreen } from "../../../../src/ui/field-editing/field-form-types";
import { createScreenOf } from "../../../../src/ui/field-editing/field-kinds";

const SETTINGS: SimulatorSettings = {
  baseUrl: "https://jira.example.com",
  version: "9.12.2",
  uploadLimitBytes: 10_485_760,
  attachmentsEnabled: true,
  twoLeggedOAuth: false,
  clockSkewSeconds: 0,
  latencyMs: 0,
};

/** The fields of `GET createmeta/{project}/issuetypes/{issueTypeId}` on the simulator. */
export function simulatorCreateMeta(projectKey: string, issueTypeId: string): CreateMetaField[] {
  const project = CATALOG.project(projectKey);
  const issueType = CATALOG.issueType(issueTypeId);
  if (!project || !issueType) throw new Error(`No ${projectKey} / ${issueTypeId} in the catalog`);
  return createScreenFields(project, issueType).map(
    (entry) => fieldMetaBean(SETTINGS, entry, project, issueType, "fieldId") as CreateMetaField
  );
}

/** Every field of the simulator's catalog as an optional field of a SUP create screen. */
export function everyCatalogField(): CreateMetaField[] {
  const project = CATALOG.project("SUP");
  const issueType = CATALOG.issueType("10100");
  if (!project || !issueType) throw new Error("SUP / Service Request missing from the catalog");
  return CATALOG.fields.map(
    (field) =>
      fieldMetaBean(
        SETTINGS,
        { fieldId: field.id, required: false },
        project,
        issueType,
        "fieldId"
      ) as CreateMetaField
  );
}

const CUSTOM = "com.atlassian.jira.plugin.system.customfieldtypes:";

/** A custom field of Jira's type `customType` (`select`, `datetime`…). */
export function customField(
  id: string,
  name: string,
  customType: string,
  schema: { type: string; items?: string },
  extra: Partial<CreateMetaField> = {}
): CreateMetaField {
  const customId = Number(id.split("_")[1]);
  return field(id, name, { ...schema, custom: CUSTOM + customType, customId }, extra);
}

/** A system field (`schema.system` = its id). */
export function systemField(
  id: string,
  name: string,
  schema: { type: string; items?: string },
  extra: Partial<CreateMetaField> = {}
): CreateMetaField {
  return field(id, name, { ...schema, system: id }, extra);
}

/** An optional field without a default that can be set, of `schema`. */
function field(
  id: string,
  name: string,
  schema: CreateMetaField["schema"],
  extra: Partial<CreateMetaField>
): CreateMetaField {
  return {
    fieldId: id,
    name,
    required: false,
    hasDefaultValue: false,
    operations: ["set"],
    schema,
    ...extra,
  };
}

/** `count` options `{ id, value }` with ids from 20000. */
export function options(count: number, prefix = "Option"): { id: string; value: string }[] {
  return Array.from({ length: count }, (_, index) => ({
    id: String(20000 + index),
    value: `${prefix} ${index + 1}`,
  }));
}

/** The simulator's SUP / Service Request create screen. */
export function serviceRequestScreen(): CreateScreen {
  return createScreenOf(simulatorCreateMeta("SUP", ISSUE_TYPE_IDS.serviceRequest));
}

/** A screen of one field of each kind (none required unless `required`). */
export function everyKindScreen(required = false): CreateScreen {
  const extra = { required };
  return createScreenOf([
    customField("customfield_1", "Reference", "textfield", { type: "string" }, extra),
    customField("customfield_2", "Notes", "textarea", { type: "string" }, extra),
    customField("customfield_3", "Affected Users", "float", { type: "number" }, extra),
    customField("customfield_4", "Incident Date", "datepicker", { type: "date" }, extra),
    customField("customfield_5", "Started", "datetime", { type: "datetime" }, extra),
    customField(
      "customfield_6",
      "Impact",
      "select",
      { type: "option" },
      { ...extra, allowedValues: options(3) }
    ),
    customField(
      "customfield_7",
      "Systems",
      "multiselect",
      { type: "array", items: "option" },
      { ...extra, allowedValues: options(8, "System") }
    ),
    customField("customfield_8", "Tags", "labels", { type: "array", items: "string" }, extra),
    customField("customfield_9", "Contact", "userpicker", { type: "user" }, extra),
    customField(
      "customfield_10",
      "Watchers",
      "multiuserpicker",
      { type: "array", items: "user" },
      extra
    ),
  ]);
}
